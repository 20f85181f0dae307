"""Sign-in for people on the pages: data officers, groups, link workers, leads and admins.

Use in a view::

    from linkwell.gateway.accounts import require_account

    @bp.route("/quality/<borough>", methods=["GET", "POST"])
    @require_account("data_officer", "admin")
    def quality(borough):
        if not g.account.can_see_borough(borough):
            return refuse("That borough is not yours.")

``require_account`` sends a visitor who is not signed in to the sign-in page, answers 403
with a page to a role not named, sets ``g.account``, and checks the CSRF token on every
POST (forms carry ``<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">``).
"""

from __future__ import annotations

import functools
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from flask import Flask, current_app, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect

from linkwell.gateway.accounts.links import OneTimeLinks
from linkwell.gateway.accounts.store import ROLES, Account, AccountError, AccountStore

__all__ = ["ROLES", "Account", "AccountError", "AccountStore", "current_account", "init_app",
           "links", "refuse", "require_account", "store"]

csrf = CSRFProtect()
SESSION_KEY = "account_session"
DEFAULTS = {
    "ACCOUNTS_SESSION_HOURS": 8.0,  # a session ends this long after signing in, whatever
    "ACCOUNTS_IDLE_MINUTES": 60.0,  # ... or after this long without a request
    "ACCOUNTS_LINK_MINUTES": 15.0,  # a sign-in link works this long, once
}
F = TypeVar("F", bound=Callable[..., Any])


def init_app(app: Flask) -> None:
    """The secret, cookie settings, CSRF protection and stores; the gateway registers the
    sign-in pages (:mod:`.web`) after it."""
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    app.secret_key = _secret_key(app.config)
    public = str(app.config.get("PUBLIC_URL") or "")
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("SESSION_COOKIE_SECURE", public.startswith("https://"))
    # Checked where an account is needed (require_account) and on the sign-in forms, not
    # on every POST: the API takes keys, not cookies, and the public forms hold no session.
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", int(app.config["ACCOUNTS_SESSION_HOURS"] * 3600))
    csrf.init_app(app)
    accounts = AccountStore(Path(app.config["DATA_DIR"]) / "gateway.sqlite3")
    app.extensions["linkwell.accounts"] = accounts
    app.extensions["linkwell.links"] = OneTimeLinks(accounts.connect, app.secret_key,
                                                    clock=lambda: accounts.clock())
    app.register_error_handler(CSRFError, _csrf_refused)
    app.before_request(_identify)
    app.context_processor(lambda: {"current_account": g.get("account")})


def _secret_key(config: dict[str, Any]) -> str:
    """Configured (LINKWELL_SECRET_KEY), or generated once into the data directory, so every
    process on the machine signs sessions and links alike."""
    if config.get("SECRET_KEY"):
        return str(config["SECRET_KEY"])
    path = Path(config["DATA_DIR"]) / "secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            return path.read_text().strip()
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def store() -> AccountStore:
    found: AccountStore = current_app.extensions["linkwell.accounts"]
    return found


def links() -> OneTimeLinks:
    found: OneTimeLinks = current_app.extensions["linkwell.links"]
    return found


def _identify() -> None:
    g.account = None
    session_id = session.get(SESSION_KEY)
    if not session_id:
        return
    config = current_app.config
    account = store().session_account(str(session_id),
                                      lifetime=float(config["ACCOUNTS_SESSION_HOURS"]) * 3600,
                                      idle=float(config["ACCOUNTS_IDLE_MINUTES"]) * 60)
    if account is None:
        session.pop(SESSION_KEY, None)
        g.session_expired = True
    g.account = account


def current_account() -> Account | None:
    account: Account | None = g.get("account")
    return account


def sign_in(account: Account) -> None:
    """Start a session for ``account`` (a fresh cookie: no fixation of an old one)."""
    session.clear()
    session[SESSION_KEY] = store().start_session(account.id)
    g.account = account


def sign_out() -> None:
    session_id = session.get(SESSION_KEY)
    if session_id:
        store().end_session(str(session_id))
    session.clear()
    g.account = None


def refuse(message: str, status: int = 403, title: str = "Not allowed") -> tuple[str, int]:
    """A plain page saying why (the staff pages' 400s and 403s)."""
    return render_template("account/refused.html", title=title, message=message), status


def require_account(*roles: str) -> Callable[[F], F]:
    """A view only for a signed-in account of one of ``roles`` (any role if none given)."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {', '.join(sorted(unknown))}")

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            account = current_account()
            if account is None:
                return redirect(url_for("accounts.sign_in_form", next=request.full_path,
                                        expired="1" if g.get("session_expired") else None))
            if roles and account.role not in roles:
                return refuse("Your account's role may not use this page.")
            if request.method not in ("GET", "HEAD", "OPTIONS"):
                csrf.protect()
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


def _csrf_refused(exc: CSRFError) -> tuple[str, int]:
    return refuse("This form could not be accepted because it was out of date or not sent "
                  "from Linkwell's own page. Please go back, reload the page and try again.",
                  400, "Form not accepted")
