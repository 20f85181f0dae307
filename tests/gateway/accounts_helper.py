"""Signed-in test clients for any page that needs an account (issue 15's sign-in).

    from tests.gateway.accounts_helper import csrf_token, signed_in_client

    client = signed_in_client(gateway_app, role="data_officer", borough="lewisham")
    client.post("/quality/lewisham", data={"csrf_token": csrf_token(client), ...})

The client signs in the way a person does: a one-time link is issued, its page opened and
its form posted, so the session, its cookie and the CSRF token are the real ones.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from linkwell.gateway.accounts import Account, AccountStore
from linkwell.gateway.accounts.links import OneTimeLinks
from tests.referrals.conftest import SmtpSink

DEAD = "http://127.0.0.1:9"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
DEFAULT_SCOPE = {"data_officer": ("lewisham", None), "link_worker": (None, "team-a"),
                 "lead": (None, "team-a")}


def serving(sink: SmtpSink) -> Iterator[SmtpSink]:
    """For an ``smtp`` fixture: the mail server running for one test, stopped after it."""
    sink.start()
    yield sink
    sink.stop()


def mailing_gateway(data_dir: str, smtp: SmtpSink, **config: Any) -> Flask:
    """A gateway whose email goes to ``smtp`` and whose links start http://linkwell.test
    (the matcher is not there; ``config`` says where the directory is)."""
    from linkwell.gateway import create_app

    return create_app({"DATA_DIR": data_dir, "MATCHER_URL": DEAD, "TESTING": True,
                       "SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp.port,
                       "PUBLIC_URL": "http://linkwell.test", **config})


def csrf_token(client: FlaskClient, page: str = "/account/") -> str:
    """The CSRF token of the client's session, read from a page's form as a browser would."""
    html = client.get(page).get_data(as_text=True)
    found = TOKEN.search(html)
    assert found, f"no CSRF token in the form on {page}"
    return found.group(1)


def use_link(client: FlaskClient, path: str) -> tuple[int, str]:
    """Open a one-time link's page and, if it opened, press its button (a link is used by a
    POST, so a mail scanner's GET spends nothing); the status and page of the last step."""
    page = client.get(path)
    if page.status_code != 200:
        return page.status_code, page.get_data(as_text=True)
    answer = client.post(path, data={"csrf_token": csrf_token(client, path)})
    return answer.status_code, answer.get_data(as_text=True)


def make_account(app: Flask, role: str = "data_officer", borough: str | None = None,
                 team: str | None = None, listings: Iterable[str] = (),
                 email: str | None = None) -> Account:
    default_borough, default_team = DEFAULT_SCOPE.get(role, (None, None))
    store: AccountStore = app.extensions["linkwell.accounts"]
    return store.add(email or f"{role}-{uuid.uuid4().hex[:8]}@example.org", role,
                     borough or default_borough, team or default_team, tuple(listings))


def sign_in(client: FlaskClient, app: Flask, account: Account) -> None:
    """Sign ``client`` in as ``account`` through a real one-time link."""
    links: OneTimeLinks = app.extensions["linkwell.links"]
    token = links.issue("sign-in", account.id, 600, {"next": "/account/"})
    answer = client.post(f"/account/sign-in/{token}",
                         data={"csrf_token": csrf_token(client, f"/account/sign-in/{token}")})
    assert answer.status_code == 302, answer.get_data(as_text=True)


def signed_in_client(app: Flask, role: str = "data_officer", borough: str | None = None,
                     team: str | None = None, listings: Iterable[str] = (),
                     email: str | None = None) -> FlaskClient:
    """A test client signed in as a new account (``client.account`` is the account)."""
    account = make_account(app, role, borough, team, listings, email)
    client = app.test_client()
    sign_in(client, app, account)
    client.account = account  # type: ignore[attr-defined]
    return client
