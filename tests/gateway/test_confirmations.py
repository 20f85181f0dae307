"""Asking groups on a cycle (issue 15 item 1), on both backends, with a real SMTP server.

The job finds stale listings, emails each once through the outbox, reminds with growing
gaps and hands silence or a bounce to the data officer; the emailed links confirm, open the
edit form, or take a listing out of search, once, and a forged, expired or replayed link
changes nothing.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.gateway import confirmations
from linkwell.gateway.feeds import _directory_writer
from tests.conftest import load, search
from tests.factory import service
from tests.gateway.accounts_helper import csrf_token, mailing_gateway, serving, use_link
from tests.referrals.conftest import SmtpSink

DAY = 86400
LINKS = re.compile(r"http://linkwell\.test(/confirm/\S+)")


class BouncingSink(SmtpSink):
    """Refuses mail to addresses at bounce.example, as a mail server does for a gone mailbox."""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:
        if address.endswith("@bounce.example"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def listing(slug: str, name: str, email: str | None, assured: str) -> dict[str, Any]:
    record = service(slug, name, f"{name}: everyone welcome", assured=assured)
    if email:
        record["email"] = email
    return record


STALE = listing("conf-choir", "Riverside Choir", "choir@example.org", "2025-01-10")
STOPPING = listing("conf-walk", "Parkside Walkers", "walkers@example.org", "2025-02-01")
SILENT = listing("conf-quiz", "Library Quiz Night", "quiz@example.org", "2025-03-01")
NO_EMAIL = listing("conf-knit", "Knit and Natter", None, "2025-01-01")
BOUNCES = listing("conf-cafe", "Repair Cafe", "cafe@bounce.example", "2025-01-01")
FRESH = listing("conf-yoga", "Chair Yoga", "yoga@example.org", date.today().isoformat())


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    yield from serving(BouncingSink())


@pytest.fixture
def gateway(app: Flask, tmp_path: Path, smtp: SmtpSink) -> Flask:
    load(app.test_client(), [STALE, STOPPING, SILENT, NO_EMAIL, BOUNCES, FRESH])
    return mailing_gateway(str(tmp_path / "gw"), smtp, DIRECTORY_APP=app,
                           INGEST_TOKEN="test-token")


def run(gateway: Flask) -> confirmations.Report:
    with gateway.app_context():
        return confirmations.send_due(gateway, _directory_writer(gateway), ["tests"])


def mail_to(smtp: SmtpSink, address: str) -> list[Any]:
    return [m for m in smtp.messages if m["To"] == address]


def links_in(message: Any) -> dict[str, str]:
    found = LINKS.findall(message.get_content())
    assert len(found) == 3, message.get_content()
    return dict(zip(("still", "changed", "stopped"), found, strict=True))


def found_in_search(directory: FlaskClient, words: str) -> list[dict[str, Any]]:
    return search(directory, f"q={words}")["results"]


def queue(gateway: Flask) -> dict[str, str]:
    with gateway.app_context():
        return {i.listing_id: i.reason for i in confirmations.store().queued(["tests"])}


def test_stale_listings_are_asked_once_and_still_running_shows_at_once(
        app: Flask, gateway: Flask, smtp: SmtpSink) -> None:
    report = run(gateway)
    assert report.asked == 4 and report.sent == 4
    assert {m["To"] for m in smtp.messages} == {"choir@example.org", "walkers@example.org",
                                               "quiz@example.org", "cafe@bounce.example"} - {
        "cafe@bounce.example"}  # refused by its mail server: see the bounce test
    assert mail_to(smtp, "yoga@example.org") == []  # confirmed today: not asked
    assert queue(gateway)[NO_EMAIL["id"]] == "no contact email"
    run(gateway)
    assert len(mail_to(smtp, "choir@example.org")) == 1  # once, not every run

    directory = app.test_client()
    links = links_in(mail_to(smtp, "choir@example.org")[0])
    client = gateway.test_client()
    assert found_in_search(directory, "riverside")[0]["last_confirmed"] == "2025-01-10"
    status, page = use_link(client, links["still"])
    assert status == 200 and "confirmed today" in page
    assert found_in_search(directory, "riverside")[0]["last_confirmed"] == \
        date.today().isoformat()

    for replayed in (links["still"], links["stopped"]):  # one answer uses the email's links
        status, page = use_link(gateway.test_client(), replayed)
        assert status == 400 and "already been used" in page
    assert [r["id"] for r in found_in_search(directory, "riverside")] == [STALE["id"]]
    with gateway.app_context():  # what the data-quality page shows: 3 delivered, 1 answered
        assert confirmations.store().counts(["tests"]) == {"sent": 3, "answered": 1}
        assert confirmations.store().counts(["elsewhere"]) == {"sent": 0, "answered": 0}


def test_we_have_stopped_takes_the_listing_out_of_search_for_review(
        app: Flask, gateway: Flask, smtp: SmtpSink) -> None:
    run(gateway)
    directory = app.test_client()
    assert [r["id"] for r in found_in_search(directory, "parkside")] == [STOPPING["id"]]
    links = links_in(mail_to(smtp, "walkers@example.org")[0])
    assert gateway.test_client().get(links["stopped"]).status_code == 200  # asking changes nothing
    assert [r["id"] for r in found_in_search(directory, "parkside")] == [STOPPING["id"]]
    status, page = use_link(gateway.test_client(), links["stopped"])
    assert status == 200 and "out of Linkwell's search" in page
    assert found_in_search(directory, "parkside") == []
    assert queue(gateway)[STOPPING["id"]] == "group says it has stopped"


def test_forged_and_expired_links_get_a_clear_page_and_change_nothing(
        app: Flask, gateway: Flask, smtp: SmtpSink) -> None:
    run(gateway)
    directory = app.test_client()
    links = links_in(mail_to(smtp, "walkers@example.org")[0])
    forged = links["stopped"][:-3] + ("abc" if not links["stopped"].endswith("abc") else "xyz")
    status, page = use_link(gateway.test_client(), forged)
    assert status == 400 and "not valid" in page and "Nothing has been changed" in page
    status, _ = use_link(gateway.test_client(), "/confirm/made-up-token")
    assert status == 400
    accounts = gateway.extensions["linkwell.accounts"]
    later = time.time() + 61 * DAY  # the links work for 60 days
    accounts.clock = lambda: later
    status, page = use_link(gateway.test_client(), links["stopped"])
    assert status == 400 and "expired" in page
    assert [r["id"] for r in found_in_search(directory, "parkside")] == [STOPPING["id"]]


def test_reminders_back_off_and_silence_goes_to_the_data_officer(
        gateway: Flask, smtp: SmtpSink) -> None:
    accounts = gateway.extensions["linkwell.accounts"]
    start = time.time()
    run(gateway)
    assert len(mail_to(smtp, "quiz@example.org")) == 1
    for days, emails in ((13, 1), (15, 2), (15 + 27, 2), (15 + 29, 3), (15 + 29 + 27, 3)):
        accounts.clock = lambda d=days: start + d * DAY  # type: ignore[misc]
        run(gateway)
        assert len(mail_to(smtp, "quiz@example.org")) == emails, days
    subjects = [m["Subject"] for m in mail_to(smtp, "quiz@example.org")]
    assert subjects[0].startswith("Is your") and all(s.startswith("Reminder") for s in
                                                     subjects[1:])
    assert SILENT["id"] not in queue(gateway)
    accounts.clock = lambda: start + (15 + 29 + 29) * DAY
    report = run(gateway)
    assert report.to_officer >= 1 and queue(gateway)[SILENT["id"]] == "no answer"
    accounts.clock = lambda: start + 400 * DAY
    run(gateway)
    assert len(mail_to(smtp, "quiz@example.org")) == 3  # never asked again while queued


def test_a_bounce_goes_to_the_data_officer_and_is_not_retried(
        gateway: Flask, smtp: SmtpSink) -> None:
    run(gateway)
    assert queue(gateway)[BOUNCES["id"]] == "email not delivered"
    run(gateway)
    assert mail_to(smtp, "cafe@bounce.example") == []


def test_an_email_whose_sender_died_mid_send_is_never_sent_twice(
        gateway: Flask, smtp: SmtpSink) -> None:
    with gateway.app_context():
        store = confirmations.store()
        store.start(SILENT["id"], "tests", "Library Quiz Night", "quiz@example.org", 1e12)
        claimed = store.claim("worker-that-dies", store.clock(), 120.0)
        assert claimed is not None
        assert store.begin_sending(claimed[0].reference, "worker-that-dies", store.clock())
    accounts = gateway.extensions["linkwell.accounts"]
    later = time.time() + 600  # its lease has run out: a new worker (a restart) takes over
    accounts.clock = lambda: later
    run(gateway)
    assert mail_to(smtp, "quiz@example.org") == []
    assert queue(gateway)[SILENT["id"]] == "email not delivered"


def test_something_changed_signs_the_group_in_with_the_listing_claimed(
        gateway: Flask, smtp: SmtpSink) -> None:
    run(gateway)
    links = links_in(mail_to(smtp, "choir@example.org")[0])
    client = gateway.test_client()
    client.get(links["changed"])
    answer = client.post(links["changed"],
                         data={"csrf_token": csrf_token(client, links["changed"])})
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"/account/listings/{STALE['id']}/edit"
    assert "Riverside Choir" in client.get(answer.headers["Location"]).get_data(as_text=True)
    home = client.get("/account/").get_data(as_text=True)
    assert 'data-role="group"' in home and f"/services/{STALE['id']}" in home
    group = gateway.extensions["linkwell.accounts"].by_email("choir@example.org")
    assert group.has_listing(STALE["id"]) and not group.has_listing(STOPPING["id"])
    assert use_link(gateway.test_client(), links["still"])[0] == 400  # the round is answered


def test_a_reminders_links_replace_the_earlier_emails(
        app: Flask, gateway: Flask, smtp: SmtpSink) -> None:
    accounts = gateway.extensions["linkwell.accounts"]
    start = time.time()
    run(gateway)
    first = links_in(mail_to(smtp, "walkers@example.org")[0])
    accounts.clock = lambda: start + 15 * DAY
    run(gateway)
    [_, reminder] = mail_to(smtp, "walkers@example.org")
    newest = links_in(reminder)
    assert newest["stopped"] != first["stopped"]
    directory = app.test_client()
    status, page = use_link(gateway.test_client(), first["stopped"])
    assert status == 400 and "A newer email has replaced this link" in page
    assert [r["id"] for r in found_in_search(directory, "parkside")] == [STOPPING["id"]]
    status, _ = use_link(gateway.test_client(), newest["stopped"])
    assert status == 200
    assert found_in_search(directory, "parkside") == []
    status, page = use_link(gateway.test_client(), newest["still"])
    assert status == 400 and "already been used" in page
