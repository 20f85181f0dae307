"""The sign-in pages: ask for a link, use it, see who you are, sign out. No JavaScript."""

from __future__ import annotations

import logging
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from linkwell.gateway import accounts
from linkwell.gateway.accounts.links import LinkRefused
from linkwell.gateway.referrals.model import DeliveryFailed
from linkwell.gateway.referrals.settings import referral_settings
from linkwell.gateway.referrals.smtp import SmtpDeliverer

log = logging.getLogger("linkwell.gateway.accounts")
bp = Blueprint("accounts", __name__, url_prefix="/account")
SIGN_IN = "sign-in"
MAX_EMAIL = 254


def safe_next(target: str | None) -> str:
    """Only a path on this site: a sign-in link must never send anyone elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("accounts.home")
    return target


@bp.get("/sign-in")
def sign_in_form() -> str:
    expired = request.args.get("expired") == "1"
    return render_template("account/sign_in.html", next=safe_next(request.args.get("next")),
                           expired=expired, error=None, email="")


@bp.post("/sign-in")
def ask_for_link() -> tuple[str, int] | str:
    accounts.csrf.protect()
    email = (request.form.get("email") or "").strip()
    target = safe_next(request.form.get("next"))
    if not email or "@" not in email or len(email) > MAX_EMAIL:
        error = "email: enter the email address your account uses"
        return render_template("account/sign_in.html", next=target, expired=False,
                               error=error, email=email[:MAX_EMAIL]), 400
    account = accounts.store().by_email(email)
    # The same answer whether or not there is an account: nobody learns who has one.
    if account is not None and account.disabled is None:
        minutes = float(current_app.config["ACCOUNTS_LINK_MINUTES"])
        token = accounts.links().issue(SIGN_IN, account.id, minutes * 60, {"next": target})
        send_link(account.email, token, minutes)
    return render_template("account/link_sent.html")


def send_link(address: str, token: str, minutes: float) -> None:
    base = str(referral_settings(current_app.config)["PUBLIC_URL"]).rstrip("/")
    url = base + url_for("accounts.use_link_form", token=token)
    send_mail(address, "Your Linkwell sign-in link",
              "Someone (we hope you) asked to sign in to Linkwell with this address.\n\n"
              f"Sign in here (the link works once, for {minutes:.0f} minutes):\n{url}\n\n"
              "If it was not you, you can ignore this email: nothing happens without the link.\n")


def send_mail(address: str, subject: str, text: str) -> None:
    """Send one short email now through the SMTP server set for referrals (a link that
    expires within the hour is no use after a day of retries, so it is not queued)."""
    settings = referral_settings(current_app.config)
    message = EmailMessage()
    message["From"] = str(settings["SMTP_FROM"])
    message["To"] = address
    message["Subject"] = subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain="linkwell.accounts")
    message.set_content(text)
    try:
        SmtpDeliverer(settings).send(message)
    except DeliveryFailed as exc:
        # never the address or the link in the log: only that a mail failed
        log.warning("a link could not be sent: %s", type(exc).__name__)


@bp.get("/sign-in/<token>")
def use_link_form(token: str) -> tuple[str, int] | str:
    # Asks before using the link: mail scanners that open links must not use them up.
    try:
        accounts.links().peek(token, SIGN_IN)
    except LinkRefused as refused:
        return refused_link(refused)
    return render_template("account/use_link.html", token=token)


@bp.post("/sign-in/<token>")
def use_link(token: str) -> Response | tuple[str, int]:
    accounts.csrf.protect()
    try:
        link = accounts.links().redeem(token, SIGN_IN)
    except LinkRefused as refused:
        return refused_link(refused)
    account = accounts.store().get(link.subject)
    if account is None or account.disabled:
        return accounts.refuse("This account is no longer active.", 403)
    accounts.sign_in(account)
    return redirect(safe_next(link.payload.get("next")))


def refused_link(refused: LinkRefused) -> tuple[str, int]:
    return render_template("account/link_refused.html", message=refused.message,
                           reason=refused.reason), 400


@bp.get("/")
@accounts.require_account()
def home() -> str:
    return render_template("account/home.html", account=accounts.current_account())


@bp.post("/sign-out")
def sign_out() -> str:
    accounts.csrf.protect()
    accounts.sign_out()
    return render_template("account/signed_out.html")
