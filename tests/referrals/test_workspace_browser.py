"""The issue's "done when", in Debian's chromium: a signed-in link worker matches for a
person, refers them to a group from the match, the group's inbox (a real SMTP server) gets
it once, the group accepts through its link, the link worker sees "accepted", records
"joined" and a follow-up ONS4, and the team report shows the change; another team's link
worker sees none of it. The gateway runs in a real HTTP server in this process, with the
directory (SQLite) and the matcher as sibling apps in the same process (``DIRECTORY_APP``,
``MATCHER_APP``), as the e2e tests' in-process gateways do."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from linkwell.gateway.referrals import Referrals
from tests.gateway.accounts_helper import make_account
from tests.referrals.conftest import (
    SmtpSink,
    WebhookSink,
    free_port,
    gateway_config,
    make_gateway,
)

pytestmark = pytest.mark.e2e
NAME = "Ebunoluwa Castellanos-Reid"


@pytest.fixture
def served(sqlite_directory: Flask, tmp_path: Path, smtp: SmtpSink,
           webhook: WebhookSink) -> Iterator[tuple[str, Flask]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    from linkwell.matcher import create_app as matcher_app

    matcher = matcher_app({"DIRECTORY_APP": sqlite_directory, "PLUGINS": [],
                           "DATA_DIR": str(tmp_path / "matcher")})
    gw = make_gateway(gateway_config(tmp_path, sqlite_directory, smtp.port, webhook.url,
                                     REFERRALS_WORKER="none", PUBLIC_URL=base,
                                     MATCHER_URL=None, MATCHER_APP=matcher))
    server = make_server("127.0.0.1", port, gw.app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, gw.app
    server.shutdown()


def sign_in(page: Any, base: str, app: Flask, team: str) -> None:
    account = make_account(app, "link_worker", team=team)
    token = app.extensions["linkwell.links"].issue("sign-in", account.id, 600,
                                                   {"next": "/workspace/referrals"})
    page.goto(f"{base}/account/sign-in/{token}")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r".*/workspace/referrals$"))


def test_refer_accept_join_and_report_in_a_browser(served: tuple[str, Flask], browser: Any,
                                                    smtp: SmtpSink) -> None:
    base, app = served
    smtp.start()
    context = browser.new_context(locale="en-GB")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    sign_in(page, base, app, "catford")

    page.goto(f"{base}/")
    page.get_by_label("In your own words: what matters to you?").fill(
        "I hardly go out since my operation. I would like gentle walks with other people.")
    page.get_by_role("button", name="Find options").click()
    page.wait_for_url(re.compile(r".*/match$"))
    page.locator("a.refer-link", has_text="Ladywell Walkers").click()
    page.get_by_label("They agreed to these words").check()
    page.get_by_label("Name the group should use").fill(NAME)
    page.get_by_label("Phone (only if by phone)").fill("07700 900512")
    page.get_by_label("Your note to the group").fill("Would like to get out more.")
    page.get_by_label("What it is for").fill("loneliness")
    page.get_by_role("button", name="Send the referral").click()
    assert "Sent. The group will get it once" in page.content()
    reference = re.search(r"Referral ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})",
                          page.content()).group(1)  # type: ignore[union-attr]

    # The person's summary as a text message, copied for the link worker's phone.
    page.goto(f"{base}/workspace/referrals/{reference}/summary")
    page.get_by_role("button", name="Copy the text").click()
    page.get_by_role("status").filter(has_text="Copied.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#text-summary").input_value()
    assert f"Ref {reference}" in copied and len(copied) <= 160 and NAME not in copied

    worker = Referrals(dict(app.config))
    assert worker.outbox().run_once() == 1
    assert worker.outbox().run_once() == 0
    [mail] = smtp.messages  # once
    accept = re.search(r"https?://\S+/referrals/respond/\S+\.a\.\S+", mail.get_content())
    assert accept is not None
    group = browser.new_context().new_page()
    group.goto(accept.group(0))
    group.get_by_role("button", name="Yes, we can take them").click()
    assert "We have recorded that Ladywell Walkers can take this person" in group.content()

    page.goto(f"{base}/workspace/referrals")
    row = page.locator(f'tr[data-reference="{reference}"]')
    assert row.locator(".status").inner_text().startswith("Accepted")
    row.get_by_role("link", name=reference).click()
    first = page.locator("#ons4-first_meeting")
    for label, value in (("satisfied", "3"), ("worthwhile", "4"), ("happy", "2"),
                         ("anxious", "8")):
        first.get_by_label(re.compile(label)).fill(value)
    first.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="They joined").click()
    follow = page.locator("#ons4-follow_up")
    for label, value in (("satisfied", "7"), ("worthwhile", "6"), ("happy", "5"),
                         ("anxious", "3")):
        follow.get_by_label(re.compile(label)).fill(value)
    follow.get_by_role("button", name="Save").click()
    assert page.locator("dd.status").inner_text().startswith("Joined")

    page.goto(f"{base}/workspace/report")
    change = page.locator('tr[data-question="life_satisfaction"] td.change').inner_text()
    assert change == "+4.00"
    assert page.locator("svg.wellbeing-chart rect").count() == 8

    other = browser.new_context().new_page()
    sign_in(other, base, app, "deptford")
    assert reference not in other.content() and NAME not in other.content()
    other.goto(f"{base}/workspace/referrals/{reference}")
    assert "There is no referral of yours" in other.content()
    other.goto(f"{base}/workspace/report")  # the other team's report: none of the change
    assert other.locator('tr[data-question="life_satisfaction"]').count() == 0
    assert "Ladywell Walkers" not in other.content()
    stranger = browser.new_context().new_page()
    stranger.goto(f"{base}/workspace/referrals/{reference}")
    assert "/account/sign-in" in stranger.url and NAME not in stranger.content()
