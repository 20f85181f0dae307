"""Sign-in on the pages (issue 15 item 7): one-time email links through a real SMTP server,
sessions that end, roles and scopes, and CSRF on every form. Pages are used as a browser
without JavaScript would: GETs and form POSTs."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Blueprint, Flask, g
from flask.testing import FlaskClient

from linkwell.gateway.accounts import AccountStore, refuse, require_account
from tests.gateway.accounts_helper import (
    DEAD,
    csrf_token,
    mailing_gateway,
    make_account,
    serving,
    sign_in,
    signed_in_client,
    use_link,
)
from tests.referrals.conftest import SmtpSink

LINK = re.compile(r"http://linkwell\.test(/account/sign-in/\S+)")


def scoped_pages() -> Blueprint:
    """Pages as other features write them: a borough's page, a listing's, a team's."""
    bp = Blueprint("scoped_test_pages", __name__)
    bp.changes: list[str] = []  # type: ignore[attr-defined]

    def change(allowed: bool, what: str, refusal: str, done: str) -> tuple[str, int] | str:
        """A page that changes ``what`` only if the account's scope allows it."""
        if not allowed:
            return refuse(refusal)
        bp.changes.append(what)  # type: ignore[attr-defined]
        return done

    @bp.route("/test/borough/<borough>", methods=["GET", "POST"])
    @require_account("data_officer", "admin")
    def borough_page(borough: str) -> tuple[str, int] | str:
        return change(g.account.can_see_borough(borough), borough,
                      "That borough is not yours.", f"borough {borough}")

    @bp.post("/test/listing/<listing>")
    @require_account("group", "admin")
    def listing_page(listing: str) -> tuple[str, int] | str:
        return change(g.account.has_listing(listing), listing,
                      "You have not claimed that listing.", f"edited {listing}")

    @bp.get("/test/team/<team>")
    @require_account("lead", "link_worker")
    def team_page(team: str) -> tuple[str, int] | str:
        return f"team {team}" if g.account.in_team(team) else refuse("Not your team.")

    return bp


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    yield from serving(SmtpSink())


@pytest.fixture
def gateway(tmp_path: Path, smtp: SmtpSink) -> Flask:
    app = mailing_gateway(str(tmp_path / "gw"), smtp, DIRECTORY_URL=DEAD)
    pages = scoped_pages()
    app.register_blueprint(pages)
    app.extensions["test.pages"] = pages
    return app


def store(app: Flask) -> AccountStore:
    found: AccountStore = app.extensions["linkwell.accounts"]
    return found


def ask_for_link(client: FlaskClient, email: str, next_page: str = "") -> int:
    token = csrf_token(client, "/account/sign-in")
    return client.post("/account/sign-in", data={"csrf_token": token, "email": email,
                                                  "next": next_page}).status_code


def emailed_link(smtp: SmtpSink) -> str:
    assert smtp.messages, "no sign-in email arrived"
    found = LINK.search(smtp.messages[-1].get_content())
    assert found, smtp.messages[-1].get_content()
    return found.group(1)


def signed_in_as(client: FlaskClient) -> str | None:
    page = client.get("/account/")
    if page.status_code != 200:
        return None
    found = re.search(r"<dt>Email</dt><dd>([^<]+)</dd>", page.get_data(as_text=True))
    return found.group(1) if found else None


def test_an_emailed_link_signs_in_once_and_goes_where_the_person_was_going(
        gateway: Flask, smtp: SmtpSink) -> None:
    make_account(gateway, "data_officer", borough="lewisham", email="Ann@Lewisham.example")
    client = gateway.test_client()
    first = client.get("/test/borough/lewisham")
    assert first.status_code == 302 and "/account/sign-in" in first.headers["Location"]
    assert ask_for_link(client, "ann@lewisham.example", "/test/borough/lewisham") == 200
    assert len(smtp.messages) == 1 and smtp.messages[0]["To"] == "ann@lewisham.example"
    path = emailed_link(smtp)
    assert signed_in_as(client) is None  # opening the page does not use the link
    status, _ = use_link(client, path)
    assert status == 302
    assert signed_in_as(client) == "ann@lewisham.example"
    assert client.get("/test/borough/lewisham").get_data(as_text=True) == "borough lewisham"

    other = gateway.test_client()  # the same link again, say from a forwarded email
    status, page = use_link(other, path)
    assert status == 400 and "already been used" in page and "Nothing has been changed" in page
    assert signed_in_as(other) is None


def test_no_one_learns_who_has_an_account_and_bad_addresses_are_named(
        gateway: Flask, smtp: SmtpSink) -> None:
    client = gateway.test_client()
    assert ask_for_link(client, "nobody@example.org") == 200
    assert smtp.messages == []
    token = csrf_token(client, "/account/sign-in")
    bad = client.post("/account/sign-in", data={"csrf_token": token, "email": "not-an-address"})
    assert bad.status_code == 400 and "email:" in bad.get_data(as_text=True)


def test_disabled_accounts_get_no_link_and_lose_their_sessions(
        gateway: Flask, smtp: SmtpSink) -> None:
    client = signed_in_client(gateway, role="admin")
    assert signed_in_as(client) == client.account.email  # type: ignore[attr-defined]
    assert store(gateway).disable(client.account.email)  # type: ignore[attr-defined]
    assert signed_in_as(client) is None
    assert ask_for_link(gateway.test_client(), client.account.email) == 200  # type: ignore
    assert smtp.messages == []


def test_expired_and_forged_links_are_refused_with_a_clear_page(
        gateway: Flask, smtp: SmtpSink) -> None:
    make_account(gateway, "group", email="choir@example.org")
    client = gateway.test_client()
    ask_for_link(client, "choir@example.org")
    path = emailed_link(smtp)
    forged = path[:-4] + ("AAAA" if not path.endswith("AAAA") else "BBBB")
    status, page = use_link(client, forged)
    assert status == 400 and "not valid" in page
    made_up = "/account/sign-in/" + "x" * 40
    assert use_link(client, made_up)[0] == 400

    now = time.time()
    store(gateway).clock = lambda: now + 16 * 60  # the link is for 15 minutes
    status, page = use_link(client, path)
    assert status == 400 and "expired" in page
    assert signed_in_as(client) is None
    store(gateway).clock = time.time  # and it was not used up by being refused
    assert use_link(client, path)[0] == 302 and signed_in_as(client) == "choir@example.org"


def test_a_link_is_only_for_its_purpose(gateway: Flask) -> None:
    account = make_account(gateway, "admin")
    links = gateway.extensions["linkwell.links"]
    other = links.issue("confirm", account.id, 600)
    status, page = use_link(gateway.test_client(), f"/account/sign-in/{other}")
    assert status == 400 and "not for this page" in page


def test_roles_and_scopes_are_enforced(gateway: Flask) -> None:
    pages = gateway.extensions["test.pages"]
    officer = signed_in_client(gateway, role="data_officer", borough="lewisham")
    assert officer.get("/test/borough/lewisham").status_code == 200
    refused = officer.get("/test/borough/camden")
    assert refused.status_code == 403 and "not yours" in refused.get_data(as_text=True)
    token = csrf_token(officer)
    assert officer.post("/test/listing/x1", data={"csrf_token": token}).status_code == 403

    admin = signed_in_client(gateway, role="admin")
    assert admin.get("/test/borough/camden").status_code == 200

    group = signed_in_client(gateway, role="group", listings=["x1"])
    token = csrf_token(group)
    assert group.post("/test/listing/x1", data={"csrf_token": token}).status_code == 200
    other = group.post("/test/listing/x2", data={"csrf_token": token})
    assert other.status_code == 403 and "not claimed" in other.get_data(as_text=True)
    assert group.get("/test/borough/lewisham").status_code == 403
    assert group.get("/test/team/team-a").status_code == 403

    lead = signed_in_client(gateway, role="lead", team="team-a")
    assert lead.get("/test/team/team-a").status_code == 200
    assert lead.get("/test/team/team-b").status_code == 403
    assert pages.changes == ["lewisham", "camden", "x1"]


def test_every_form_needs_its_csrf_token(gateway: Flask) -> None:
    pages = gateway.extensions["test.pages"]
    officer = signed_in_client(gateway, role="data_officer", borough="lewisham")
    refused = officer.post("/test/borough/lewisham", data={})
    assert refused.status_code == 400 and "Form not accepted" in refused.get_data(as_text=True)
    forged = officer.post("/test/borough/lewisham", data={"csrf_token": "made-up"})
    assert forged.status_code == 400
    assert pages.changes == []
    ok = officer.post("/test/borough/lewisham", data={"csrf_token": csrf_token(officer)})
    assert ok.status_code == 200 and pages.changes == ["lewisham"]

    # another session's token is no good either
    stranger = gateway.test_client()
    theirs = csrf_token(stranger, "/account/sign-in")
    assert officer.post("/test/borough/lewisham", data={"csrf_token": theirs}).status_code == 400

    assert officer.post("/account/sign-out", data={}).status_code == 400
    assert signed_in_as(officer) is not None
    assert stranger.post("/account/sign-in", data={"email": "a@b.c"}).status_code == 400
    account = make_account(gateway, "admin")
    token = gateway.extensions["linkwell.links"].issue("sign-in", account.id, 600)
    assert stranger.post(f"/account/sign-in/{token}", data={}).status_code == 400
    assert signed_in_as(stranger) is None


def test_sessions_end_when_idle_when_old_and_on_sign_out(gateway: Flask) -> None:
    accounts = store(gateway)
    start = time.time()
    idle = signed_in_client(gateway, role="admin")
    accounts.clock = lambda: start + 61 * 60  # an hour and a minute without a request
    gone = idle.get("/test/borough/lewisham")
    assert gone.status_code == 302 and "expired=1" in gone.headers["Location"]
    assert "session has ended" in idle.get(gone.headers["Location"]).get_data(as_text=True)

    accounts.clock = lambda: start
    busy = signed_in_client(gateway, role="admin")
    for half_hours in range(1, 17):  # busy all day: a request every half hour, for 8 hours
        accounts.clock = lambda h=half_hours: start + h * 1800  # type: ignore[misc]
        assert busy.get("/test/borough/lewisham").status_code == 200
    accounts.clock = lambda: start + 8 * 3600 + 60
    assert busy.get("/test/borough/lewisham").status_code == 302

    accounts.clock = time.time
    leaving = signed_in_client(gateway, role="admin")
    cookie = leaving.get_cookie("session")
    assert cookie is not None
    answer = leaving.post("/account/sign-out", data={"csrf_token": csrf_token(leaving)})
    assert answer.status_code == 200 and "signed out" in answer.get_data(as_text=True)
    assert signed_in_as(leaving) is None
    replay = gateway.test_client()  # the old cookie, kept by someone, signs no one in
    replay.set_cookie("session", cookie.value)
    assert signed_in_as(replay) is None


def test_a_sign_in_link_never_sends_anyone_off_site(gateway: Flask, smtp: SmtpSink) -> None:
    make_account(gateway, "admin", email="admin@example.org")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "/search"):
        client = gateway.test_client()
        ask_for_link(client, "admin@example.org", target)
        path = emailed_link(smtp)
        answer = client.post(path, data={"csrf_token": csrf_token(client, path)})
        assert answer.status_code == 302
        assert answer.headers["Location"] == ("/search" if target == "/search" else "/account/")


def test_the_helper_signs_in_every_role(gateway: Flask) -> None:
    for role in ("admin", "data_officer", "group", "link_worker", "lead"):
        client = signed_in_client(gateway, role=role)
        page = client.get("/account/").get_data(as_text=True)
        assert f'data-role="{role}"' in page
    client = gateway.test_client()
    sign_in(client, gateway, make_account(gateway, "group", listings=["a1", "a2"]))
    assert "/services/a2" in client.get("/account/").get_data(as_text=True)


def test_the_cli_adds_lists_and_disables_accounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                  ) -> None:
    from linkwell.cli import main

    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    added = runner.invoke(main, ["accounts", "add", "--email", "Ann@Example.org", "--role",
                                 "data_officer", "--borough", "lewisham"])
    assert added.exit_code == 0, added.output
    missing = runner.invoke(main, ["accounts", "add", "--email", "b@example.org", "--role",
                                   "data_officer"])
    assert missing.exit_code != 0 and "borough" in missing.output
    again = runner.invoke(main, ["accounts", "add", "--email", "ann@example.org", "--role",
                                 "admin"])
    assert again.exit_code != 0 and "already" in again.output
    found = AccountStore(tmp_path / "gateway.sqlite3").by_email("ann@example.org")
    assert found is not None and found.role == "data_officer" and found.borough == "lewisham"
    assert runner.invoke(main, ["accounts", "disable", "--email", "ann@example.org"]
                         ).exit_code == 0
    found = AccountStore(tmp_path / "gateway.sqlite3").by_email("ann@example.org")
    assert found is not None and found.disabled
