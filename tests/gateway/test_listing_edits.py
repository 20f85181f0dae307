"""Claim and edit (issue 15 item 2), on both backends: a group claims its listing through its
published email, proposes changes in a plain form, and the borough's data officer approves
or rejects each as a diff; approved edits are searchable and outlast the next feed sync."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import load, search
from tests.factory import service
from tests.gateway.accounts_helper import csrf_token, mailing_gateway, serving, signed_in_client
from tests.referrals.conftest import SmtpSink

CLAIM_LINK = re.compile(r"http://linkwell\.test(/account/claim/\S+)")
CHOIR = {**service("edit-choir", "Riverside Choir", "We sing on Tuesdays"),
         "email": "choir@example.org"}
WALK = {**service("edit-walk", "Parkside Walkers", "A weekly walk"), "email": "walk@example.org"}


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    yield from serving(SmtpSink())


@pytest.fixture
def gateway(app: Flask, tmp_path: Path, smtp: SmtpSink) -> Flask:
    load(app.test_client(), [CHOIR, WALK])
    return mailing_gateway(str(tmp_path / "gw"), smtp, DIRECTORY_APP=app,
                           INGEST_TOKEN="test-token")


def claim(gateway: Flask, smtp: SmtpSink, listing_id: str) -> FlaskClient:
    client = gateway.test_client()
    page = client.get(f"/account/listings/{listing_id}/claim").get_data(as_text=True)
    assert "c…@example.org" in page and "choir@example.org" not in page
    token = csrf_token(client, f"/account/listings/{listing_id}/claim")
    client.post(f"/account/listings/{listing_id}/claim", data={"csrf_token": token})
    assert smtp.messages[-1]["To"] == "choir@example.org"
    link = CLAIM_LINK.search(smtp.messages[-1].get_content())
    assert link, smtp.messages[-1].get_content()
    answer = client.post(link.group(1), data={"csrf_token": csrf_token(client, link.group(1))})
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"/account/listings/{listing_id}/edit"
    replay = gateway.test_client()
    assert replay.post(link.group(1), data={"csrf_token": csrf_token(
        replay, "/account/sign-in")}).status_code == 400
    return client


def edit(client: FlaskClient, listing_id: str, **changes: str) -> tuple[int, str]:
    path = f"/account/listings/{listing_id}/edit"
    html = client.get(path).get_data(as_text=True)
    values = dict(re.findall(r'<input id="(\w+)" name="\w+" type="\w+" value="([^"]*)"', html))
    values["description"] = re.search(r'<textarea id="description"[^>]*>([^<]*)</textarea>',
                                      html).group(1)
    values["status"] = "active"
    values.update(changes)
    answer = client.post(path, data={**values, "csrf_token": csrf_token(client, path)})
    return answer.status_code, answer.get_data(as_text=True)


def proposal_ids(client: FlaskClient) -> list[str]:
    html = client.get("/account/proposals").get_data(as_text=True)
    return re.findall(r'href="/account/proposals/(\w+)"', html)


def decide(client: FlaskClient, proposal: str, decision: str, reason: str = "") -> Any:
    path = f"/account/proposals/{proposal}"
    return client.post(path, data={"decision": decision, "reason": reason,
                                   "csrf_token": csrf_token(client, path)})


def test_claim_edit_approve_search_and_the_next_sync_keeps_it(
        app: Flask, gateway: Flask, smtp: SmtpSink) -> None:
    directory = app.test_client()
    group = claim(gateway, smtp, CHOIR["id"])
    status, page = edit(group, CHOIR["id"], description="We sing with a harmonium now",
                        sessions="Thursdays 7pm to 9pm", cost="Free", languages="en, bn")
    assert status == 200 and "Sent for checking" in page
    assert search(directory, "q=harmonium")["results"] == []  # not before it is approved

    other_borough = signed_in_client(gateway, role="data_officer", borough="camden")
    assert proposal_ids(other_borough) == []
    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    [proposal] = proposal_ids(officer)
    assert decide(other_borough, proposal, "approve").status_code == 403
    review = officer.get(f"/account/proposals/{proposal}").get_data(as_text=True)
    assert "<del>We sing on Tuesdays</del>" in review
    assert "<ins>We sing with a harmonium now</ins>" in review
    assert decide(officer, proposal, "approve").status_code == 302
    assert decide(officer, proposal, "approve").status_code == 409

    [found] = search(directory, "q=harmonium")["results"]
    assert found["id"] == CHOIR["id"] and found["cost"]["band"] == "free"
    stored = directory.get(f"/services/{CHOIR['id']}").json
    assert stored["provenance"]["amended"]["description"]["by"] == "provider"
    assert stored["provenance"]["amended"]["description"]["at"]
    assert {lang["code"] for lang in stored["record"]["languages"]} == {"en", "bn"}

    synced = load(directory, [{**CHOIR, "description": "We sing with bagpipes"}])["results"][0]
    assert "_provider" in synced["warnings"]
    assert [r["id"] for r in search(directory, "q=harmonium")["results"]] == [CHOIR["id"]]
    assert search(directory, "q=bagpipes")["results"] == []


def test_a_rejected_change_needs_a_reason_and_changes_nothing(
        app: Flask, gateway: Flask, smtp: SmtpSink) -> None:
    group = claim(gateway, smtp, CHOIR["id"])
    edit(group, CHOIR["id"], description="Now a rock band")
    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    [proposal] = proposal_ids(officer)
    answer = decide(officer, proposal, "reject")
    assert answer.status_code == 400 and "reason:" in answer.get_data(as_text=True)
    assert decide(officer, proposal, "reject", "Please keep to what the group does").status_code \
        == 302
    assert proposal_ids(officer) == []
    assert search(app.test_client(), "q=rock")["results"] == []


def test_a_group_may_not_edit_a_listing_it_has_not_claimed(gateway: Flask) -> None:
    group = signed_in_client(gateway, role="group", listings=[CHOIR["id"]])
    refused = group.get(f"/account/listings/{WALK['id']}/edit")
    assert refused.status_code == 403 and "claimed" in refused.get_data(as_text=True)
    token = csrf_token(group)
    posted = group.post(f"/account/listings/{WALK['id']}/edit",
                        data={"csrf_token": token, "description": "Hijacked", "status": "active"})
    assert posted.status_code == 403
    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    assert proposal_ids(officer) == []
    assert gateway.test_client().get(f"/account/listings/{CHOIR['id']}/edit").status_code == 302
    link_worker = signed_in_client(gateway, role="link_worker")
    assert link_worker.get(f"/account/listings/{CHOIR['id']}/edit").status_code == 403


def test_the_edit_form_names_bad_fields_and_needs_its_token(gateway: Flask) -> None:
    group = signed_in_client(gateway, role="group", listings=[CHOIR["id"]])
    status, page = edit(group, CHOIR["id"], email="not an address", url="ftp://x")
    assert status == 400 and "email: this is not an email address" in page
    assert "url: a website address starts with https://" in page
    no_token = group.post(f"/account/listings/{CHOIR['id']}/edit",
                          data={"description": "x", "status": "active"})
    assert no_token.status_code == 400
    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    assert proposal_ids(officer) == []


def test_reports_wait_in_the_officers_queue_with_actions(
        app: Flask, gateway: Flask, smtp: SmtpSink) -> None:
    store = gateway.extensions["linkwell.reports"]
    closed = store.add(WALK["id"], "Parkside Walkers", "tests", "closed", "Nobody there in May")
    wrong = store.add(CHOIR["id"], "Riverside Choir", "tests", "contact", "Phone rings out")
    store.add(CHOIR["id"], "Riverside Choir", "camden", "other", "Not this borough's")
    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    page = officer.get("/account/reports").get_data(as_text=True)
    assert "Nobody there in May" in page and "Phone rings out" in page
    assert "Not this borough's" not in page

    def act(report: str, action: str) -> int:
        return officer.post("/account/reports", data={
            "report": report, "action": action,
            "csrf_token": csrf_token(officer, "/account/reports")}).status_code

    directory = app.test_client()
    assert act(closed["id"], "inactive") == 302
    assert search(directory, "q=parkside")["results"] == []
    assert act(wrong["id"], "email") == 302
    assert smtp.messages[-1]["To"] == "choir@example.org"
    assert "Phone rings out" in smtp.messages[-1].get_content()
    assert act(wrong["id"], "dismiss") == 400  # already dealt with
    page = officer.get("/account/reports").get_data(as_text=True)
    assert "Nobody there in May" not in page and "Phone rings out" not in page
    no_token = officer.post("/account/reports", data={"report": closed["id"],
                                                      "action": "dismiss"})
    assert no_token.status_code == 400


def test_an_officer_edits_their_own_boroughs_listings_directly(
        app: Flask, gateway: Flask) -> None:
    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    status, page = edit(officer, CHOIR["id"], description="We sing with a ukulele")
    assert status == 200 and "on Linkwell now" in page
    [found] = search(app.test_client(), "q=ukulele")["results"]
    stored = app.test_client().get(f"/services/{found['id']}").json
    assert stored["provenance"]["amended"]["description"]["by"] == "data_officer"
    elsewhere = signed_in_client(gateway, role="data_officer", borough="camden")
    assert elsewhere.get(f"/account/listings/{CHOIR['id']}/edit").status_code == 403


def conflict_rows(client: FlaskClient) -> list[tuple[str, str]]:
    html = client.get("/account/proposals").get_data(as_text=True)
    return re.findall(r'<tr data-listing="([^"]+)" data-field="([^"]+)">', html)


def resolve(client: FlaskClient, listing_id: str, field: str, keep: str) -> Any:
    return client.post(f"/account/conflicts/{listing_id}", data={
        "field": field, "keep": keep, "csrf_token": csrf_token(client, "/account/proposals")})


def test_an_officer_resolves_a_conflict_from_the_page(app: Flask, gateway: Flask) -> None:
    directory = app.test_client()
    directory.post("/assets/amend", json={"id": CHOIR["id"], "by": "provider", "changes": {
        "description": "We sing with a harmonium now"}}, headers={"Authorization":
                                                                 "Bearer test-token"})
    fed = {**CHOIR, "description": "We sing with bagpipes"}
    load(directory, [fed])
    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    other_borough = signed_in_client(gateway, role="data_officer", borough="camden")
    assert conflict_rows(officer) == [(CHOIR["id"], "description")]
    page = officer.get("/account/proposals").get_data(as_text=True)
    assert "We sing with a harmonium now" in page and "We sing with bagpipes" in page
    assert conflict_rows(other_borough) == []

    assert resolve(other_borough, CHOIR["id"], "description", "feed").status_code == 403
    no_token = officer.post(f"/account/conflicts/{CHOIR['id']}",
                            data={"field": "description", "keep": "feed"})
    assert no_token.status_code == 400
    assert resolve(officer, CHOIR["id"], "description", "neither").status_code == 400
    assert resolve(officer, CHOIR["id"], "status", "feed").status_code == 400
    assert directory.get(f"/services/{CHOIR['id']}").json["provenance"]["conflicts"]

    assert resolve(officer, CHOIR["id"], "description", "provider").status_code == 302
    assert conflict_rows(officer) == []
    again = load(directory, [fed])["results"][0]  # the feed's value was answered: no news
    assert "_provider" not in again.get("warnings", {})
    assert [r["id"] for r in search(directory, "q=harmonium")["results"]] == [CHOIR["id"]]

    load(directory, [{**fed, "description": "We sing with a banjo"}])
    assert conflict_rows(officer) == [(CHOIR["id"], "description")]
    assert resolve(officer, CHOIR["id"], "description", "feed").status_code == 302
    assert conflict_rows(officer) == []
    assert [r["id"] for r in search(directory, "q=banjo")["results"]] == [CHOIR["id"]]
    assert search(directory, "q=harmonium")["results"] == []
    stored = directory.get(f"/services/{CHOIR['id']}").json["provenance"]
    assert "description" not in (stored.get("amended") or {})
    assert resolve(officer, CHOIR["id"], "description", "feed").status_code == 400


def test_an_officer_closes_a_queue_item_of_their_own_borough_only(gateway: Flask) -> None:
    queue = gateway.extensions["linkwell.confirmations"]
    queue.queue("tests", CHOIR["id"], "Riverside Choir", "no answer after 2 reminders")
    queue.queue("camden", "camden-x", "Camden Club", "email not delivered")
    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    other_borough = signed_in_client(gateway, role="data_officer", borough="camden")
    mine = re.findall(r'action="/account/queue/(\w+)/done"',
                      officer.get("/account/proposals").get_data(as_text=True))
    theirs = re.findall(r'action="/account/queue/(\w+)/done"',
                        other_borough.get("/account/proposals").get_data(as_text=True))
    assert len(mine) == 1 and len(theirs) == 1 and mine != theirs
    token = csrf_token(other_borough, "/account/proposals")
    refused = other_borough.post(f"/account/queue/{mine[0]}/done", data={"csrf_token": token})
    assert refused.status_code == 404
    assert officer.post(f"/account/queue/{mine[0]}/done").status_code == 400  # no token
    assert [i.id for i in queue.queued(["tests"])] == mine
    done = officer.post(f"/account/queue/{mine[0]}/done",
                        data={"csrf_token": csrf_token(officer, "/account/proposals")})
    assert done.status_code == 302
    assert queue.queued(["tests"]) == [] and [i.id for i in queue.queued(["camden"])] == theirs
    again = officer.post(f"/account/queue/{mine[0]}/done",
                         data={"csrf_token": csrf_token(officer, "/account/proposals")})
    assert again.status_code == 404


def set_space(client: FlaskClient, listing_id: str, **values: str) -> tuple[int, str]:
    path = f"/account/listings/{listing_id}/space"
    answer = client.post(path, data={**values, "csrf_token": csrf_token(
        client, f"/account/listings/{listing_id}/edit")})
    return answer.status_code, answer.get_data(as_text=True)


def test_a_group_says_it_has_space_now_and_it_shows_at_once(app: Flask, gateway: Flask) -> None:
    directory = app.test_client()
    group = signed_in_client(gateway, role="group", listings=[CHOIR["id"]])
    status, page = set_space(group, CHOIR["id"], space="waiting", wait_weeks="6")
    assert status == 200 and "Saved" in page
    [found] = search(directory, "q=riverside")["results"]
    assert found["capacity"]["state"] == "waiting" and found["capacity"]["wait"] == "about 6 weeks"
    stored = directory.get(f"/services/{CHOIR['id']}").json
    assert stored["provenance"]["amended"]["capacities"]["by"] == "provider"
    assert 'value="waiting" checked' in group.get(
        f"/account/listings/{CHOIR['id']}/edit").get_data(as_text=True)

    status, _ = set_space(group, CHOIR["id"], space="full")
    assert status == 200
    assert search(directory, "q=riverside")["results"][0]["capacity"]["state"] == "full"
    load(directory, [CHOIR])  # the feed says nothing of space: the group's word stands
    assert search(directory, "q=riverside")["results"][0]["capacity"]["state"] == "full"
    later = {**CHOIR, "capacities": [{"id": "feed-cap", "available": 3, "maximum": 20,
                                      "updated": "2999-01-01"}]}
    load(directory, [later])  # a statement the feed made later wins
    assert search(directory, "q=riverside")["results"][0]["capacity"]["available"] == 3

    officer = signed_in_client(gateway, role="data_officer", borough="tests")
    assert proposal_ids(officer) == []  # nothing waits for approval


def test_space_now_names_bad_fields_and_is_only_for_the_listings_group(
        app: Flask, gateway: Flask) -> None:
    directory = app.test_client()
    group = signed_in_client(gateway, role="group", listings=[CHOIR["id"]])
    status, page = set_space(group, CHOIR["id"], space="maybe", places="lots")
    assert status == 400 and "space: choose one of" in page
    assert "places: a whole number from 1 to 10000" in page
    status, page = set_space(group, CHOIR["id"], space="open", places="9", maximum="4")
    assert status == 400 and "maximum: cannot be fewer" in page
    assert set_space(group, WALK["id"], space="full")[0] == 403
    other_borough = signed_in_client(gateway, role="data_officer", borough="camden")
    assert set_space(other_borough, CHOIR["id"], space="full")[0] == 403
    no_token = group.post(f"/account/listings/{CHOIR['id']}/space", data={"space": "full"})
    assert no_token.status_code == 400
    for words in ("riverside", "parkside"):
        [found] = search(directory, f"q={words}")["results"]
        assert not found.get("capacity")
    assert "capacities" not in directory.get(f"/services/{CHOIR['id']}").json["record"]
