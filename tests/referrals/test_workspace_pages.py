"""The link worker's pages, signed in: refer, follow, record, report, back to the GP; another
team sees none of it, and nobody signed out sees any of it. On SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.gateway.referrals import Referrals
from tests.gateway.accounts_helper import csrf_token, signed_in_client
from tests.referrals.conftest import (
    WALK,
    Gateway,
    SmtpSink,
    WebhookSink,
    gateway_config,
    make_gateway,
    raw_contents,
)
from tests.referrals.test_privacy import logged_lines

NAME, PHONE = "Philippa Oyelaran-Baptiste", "07700 900733"
NOTE = "Philippa has been very isolated since moving to Catford in the spring"
SECRETS = (NAME, "900733", "isolated since moving")


@pytest.fixture
def gw(sqlite_directory: Flask, tmp_path: Path, smtp: SmtpSink, webhook: WebhookSink,
       store_url: str) -> Gateway:
    return make_gateway(gateway_config(tmp_path, sqlite_directory, smtp.port, webhook.url,
                                       REFERRALS_DATABASE_URL=store_url,
                                       REFERRALS_WORKER="none"))


def refer(client: FlaskClient, **changes: str) -> str:
    form = {"csrf_token": csrf_token(client, f"/workspace/refer/{WALK}"), "name": NAME,
            "contact_method": "phone", "phone": PHONE, "good_time": "Mornings",
            "message": NOTE, "need": "loneliness", "consent_share": "1",
            "consent_follow_up": "1", **changes}
    answer = client.post(f"/workspace/refer/{WALK}", data=form)
    assert answer.status_code == 302, answer.get_data(as_text=True)
    found = re.search(r"/workspace/referrals/([A-Z0-9-]+)", answer.headers["Location"])
    assert found
    return found.group(1)


def post(client: FlaskClient, url: str, **data: str) -> int:
    return client.post(url, data={"csrf_token": csrf_token(client), **data}).status_code


def test_refer_follow_record_and_report(gw: Gateway, smtp: SmtpSink, store_url: str,
                                        tmp_path: Path,
                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    smtp.start()
    worker = signed_in_client(gw.app, role="link_worker", team="catford")
    form = worker.get(f"/workspace/refer/{WALK}").get_data(as_text=True)
    assert "I agree that my link worker may send my name" in form
    # Without the person's consent, nothing is sent; the field is named.
    refused = worker.post(f"/workspace/refer/{WALK}", data={
        "csrf_token": csrf_token(worker), "name": NAME, "contact_method": "phone",
        "phone": PHONE})
    assert refused.status_code == 400 and "consent_share" in refused.get_data(as_text=True)
    reference = refer(worker)
    summary = worker.get(f"/workspace/referrals/{reference}?made=1").get_data(as_text=True)
    assert "Sent. The group will get it once" in summary and NAME in summary
    printed = worker.get(f"/workspace/referrals/{reference}/summary").get_data(as_text=True)
    assert reference in printed and "passing these details to Ladywell Walkers" in printed
    assert "To withdraw at any time" in printed and NAME not in printed
    texted = re.search(r'<textarea id="text-summary"[^>]*>([^<]*)</textarea>', printed)
    assert texted and f"Ref {reference}" in texted.group(1) and len(texted.group(1)) <= 160
    assert PHONE not in texted.group(1)

    delivering = Referrals(dict(gw.app.config))
    assert delivering.outbox().run_once() == 1
    assert delivering.outbox().run_once() == 0
    assert len(smtp.messages) == 1 and NAME in smtp.messages[0].get_content()
    listed = worker.get("/workspace/referrals").get_data(as_text=True)
    assert "Delivered" in listed

    accept = delivering.deliverer.links(reference, delivering.clock()).accept
    assert gw.client.post(accept.removeprefix("https://linkwell.example.org")).status_code == 200
    accepted = worker.get("/workspace/referrals?status=accepted").get_data(as_text=True)
    assert reference in accepted and ">Accepted<" in accepted

    url = f"/workspace/referrals/{reference}"
    before = {"life_satisfaction": "3", "worthwhile": "4", "happiness": "2", "anxiety": "8"}
    after = {"life_satisfaction": "7", "worthwhile": "6", "happiness": "6", "anxiety": "3"}
    assert post(worker, f"{url}/wellbeing", phase="first_meeting", **before) == 302
    assert post(worker, f"{url}/attendance", status="joined") == 302
    assert post(worker, f"{url}/wellbeing", phase="follow_up", **after) == 302
    bad = worker.post(f"{url}/wellbeing", data={"csrf_token": csrf_token(worker),
                                                "phase": "follow_up", **after, "anxiety": "12"})
    assert bad.status_code == 400 and "anxiety" in bad.get_data(as_text=True)
    assert ">Joined<" in worker.get(url).get_data(as_text=True)

    report = worker.get("/workspace/report").get_data(as_text=True)
    assert 'data-question="life_satisfaction"' in report and "+4.00" in report
    assert "<svg" in report
    assert "life_satisfaction_change,4.0" in worker.get("/workspace/report.csv").get_data(
        as_text=True)
    message = worker.get(f"{url}/gp.json").get_json(force=True)
    assert "871731000000106" in str(message)
    assert "joined" in worker.get("/workspace/export/gp.csv").get_data(as_text=True).lower()

    # The audit log says who looked.
    views = gw.referrals.workspace.views(reference)
    assert {account for account, _, _ in views} == {worker.account.id}  # type: ignore[attr-defined]
    assert {"view", "list", "wellbeing", "attendance:joined", "gp:json"} <= {
        a for _, a, _ in views}

    # Logs and stores: the person's details never in plain text.
    lines = logged_lines(caplog)
    stored = raw_contents(store_url)
    data_dir = b"".join(p.read_bytes() for p in (tmp_path / "gw").rglob("*") if p.is_file())
    for secret in SECRETS:
        assert not [line for line in lines if secret in line], secret
        assert secret.encode() not in stored, secret
        assert secret.encode() not in data_dir, secret


def test_another_team_sees_none_of_it_and_a_link_worker_only_their_own(gw: Gateway) -> None:
    worker = signed_in_client(gw.app, role="link_worker", team="catford")
    reference = refer(worker)
    colleague = signed_in_client(gw.app, role="link_worker", team="catford")
    lead = signed_in_client(gw.app, role="lead", team="catford")
    other = signed_in_client(gw.app, role="link_worker", team="deptford")
    other_lead = signed_in_client(gw.app, role="lead", team="deptford")
    assert reference in lead.get("/workspace/referrals").get_data(as_text=True)
    url = f"/workspace/referrals/{reference}"
    for outsider in (colleague, other, other_lead):
        assert reference not in outsider.get("/workspace/referrals").get_data(as_text=True)
        for page in (url, f"{url}/gp.json", f"{url}/gp.html", f"{url}/summary"):
            assert outsider.get(page).status_code == 404, page
        assert post(outsider, f"{url}/attendance", status="joined") == 404
        assert post(outsider, f"{url}/wellbeing", phase="first_meeting", life_satisfaction="1",
                    worthwhile="1", happiness="1", anxiety="1") == 404
    for outsider in (other, other_lead):
        assert reference not in outsider.get("/workspace/export/gp.json").get_data(as_text=True)
        assert NAME not in outsider.get("/workspace/export/gp.json").get_data(as_text=True)
        assert "Ladywell" not in outsider.get("/workspace/report").get_data(as_text=True)
    assert "Ladywell" in lead.get("/workspace/report").get_data(as_text=True)
    assert gw.referrals.workspace.casework(reference).status == "sent"
    group = signed_in_client(gw.app, role="group", listings=[WALK])
    assert group.get("/workspace/referrals").status_code == 403


def test_without_sign_in_every_page_and_call_is_refused(gw: Gateway) -> None:
    worker = signed_in_client(gw.app, role="link_worker", team="catford")
    reference = refer(worker)
    url = f"/workspace/referrals/{reference}"
    gets = (f"/workspace/refer/{WALK}", "/workspace/referrals", url, f"{url}/summary",
            f"{url}/gp.json",
            f"{url}/gp.html", "/workspace/export/gp.json", "/workspace/export/gp.csv",
            "/workspace/report", "/workspace/report.csv")
    posts = (f"/workspace/refer/{WALK}", f"{url}/attendance", f"{url}/wellbeing")
    stranger = gw.app.test_client()
    for page in gets:
        answer = stranger.get(page)
        assert answer.status_code == 302 and "/account/sign-in" in answer.headers["Location"]
        assert NAME not in answer.get_data(as_text=True)
    for page in posts:
        answer = stranger.post(page, data={"status": "joined", "name": NAME})
        assert answer.status_code == 302 and "/account/sign-in" in answer.headers["Location"]
    # A signed-in link worker's form without its CSRF token is refused too.
    assert worker.post(f"{url}/attendance", data={"status": "joined"}).status_code == 400
    assert gw.referrals.workspace.casework(reference).status == "sent"
    assert gw.referrals.store.count() == 2  # one referral and its outbox row, nothing more


def test_search_results_offer_refer_to_a_signed_in_link_worker_only(gw: Gateway) -> None:
    worker = signed_in_client(gw.app, role="link_worker", team="catford")
    mine = worker.get("/search?q=walks").get_data(as_text=True)
    assert "Ladywell Walkers" in mine and f'href="/workspace/refer/{WALK}"' in mine
    public = gw.app.test_client().get("/search?q=walks").get_data(as_text=True)
    assert "Ladywell Walkers" in public and "/workspace/refer/" not in public
