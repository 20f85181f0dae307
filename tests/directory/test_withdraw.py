"""Withdrawing assets and listing a feed's ids, on both backends (the sync's two endpoints)."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import AUTH, load, search
from tests.factory import corpus, service

STATUSES = "status=active,inactive,defunct,temporarily%20closed"


def withdraw(client: FlaskClient, feed: str, ids: list[str]) -> dict:
    response = client.post("/assets/withdraw", json={"feed": feed, "ids": ids}, headers=AUTH)
    assert response.status_code == 200, response.json
    return dict(response.json)


def feed_ids(client: FlaskClient, feed: str) -> list[str]:
    response = client.get(f"/assets/ids?feed={feed}", headers=AUTH)
    assert response.status_code == 200, response.json
    assert response.json["total"] == len(response.json["ids"])
    return list(response.json["ids"])


def test_withdrawn_assets_are_hidden_kept_and_brought_back_by_a_write(
        app: Flask, client: FlaskClient) -> None:
    records = corpus()
    load(client, records)
    choir, walk = records[0], records[2]
    answer = withdraw(client, "tests", [choir["id"], walk["id"], "no-such-asset"])
    assert answer == {"feed": "tests", "withdrawn": 2, "not_in_feed": ["no-such-asset"]}
    found = {r["id"] for r in search(client, f"per_page=100&{STATUSES}")["results"]}
    assert found == {r["id"] for r in records} - {choir["id"], walk["id"]}
    assert client.get(f"/services/{choir['id']}").status_code == 404
    kept = app.extensions["linkwell.backend"].get(choir["id"])
    assert kept is not None and kept.withdrawn and kept.record == choir  # kept for audit
    assert withdraw(client, "tests", [choir["id"]])["withdrawn"] == 0  # already withdrawn
    assert sorted(feed_ids(client, "tests")) == sorted(r["id"] for r in records)
    assert load(client, [choir])["results"][0]["result"] == "updated"
    assert client.get(f"/services/{choir['id']}").status_code == 200
    assert choir["id"] in {r["id"] for r in search(client, "q=choir")["results"]}


def test_a_versioned_asset_comes_back_at_the_same_version(client: FlaskClient) -> None:
    dated = service("dated", "Dated Walking Group", modified="2026-09-01T10:00:00Z")
    load(client, [dated])
    assert withdraw(client, "tests", [dated["id"]])["withdrawn"] == 1
    answer = load(client, [dated])["results"][0]
    assert answer["result"] == "updated", answer
    assert [r["id"] for r in search(client, "q=dated")["results"]] == [dated["id"]]


def test_withdraw_touches_only_the_named_feeds_assets(client: FlaskClient) -> None:
    theirs = service("other-feed", "Another Feed's Coffee Morning")
    load(client, [theirs], feed="other")
    load(client, corpus())
    assert withdraw(client, "tests", [theirs["id"]]) == {
        "feed": "tests", "withdrawn": 0, "not_in_feed": [theirs["id"]]}
    assert client.get(f"/services/{theirs['id']}").status_code == 200
    assert feed_ids(client, "other") == [theirs["id"]]
    assert theirs["id"] not in feed_ids(client, "tests")


def test_withdrawn_assets_stay_withdrawn_through_a_rebuild(client: FlaskClient) -> None:
    records = corpus()
    load(client, records)
    withdraw(client, "tests", [records[0]["id"]])
    assert client.post("/admin/rebuild", headers=AUTH).status_code == 200
    assert client.get(f"/services/{records[0]['id']}").status_code == 404
    assert records[0]["id"] in feed_ids(client, "tests")


def test_both_endpoints_need_the_token_and_name_bad_fields(client: FlaskClient) -> None:
    assert client.get("/assets/ids?feed=tests").status_code == 401
    response = client.post("/assets/withdraw", json={"feed": "tests", "ids": ["a"]})
    assert response.status_code == 401 and response.json["code"] == 401
    for query in ("", "?feed=Not%20A%20Feed"):
        bad = client.get(f"/assets/ids{query}", headers=AUTH)
        assert bad.status_code == 400 and "feed" in bad.json["errors"]
    for body, field in (({"ids": ["a"]}, "feed"), ({"feed": "tests", "ids": []}, "ids"),
                        ({"feed": "tests", "ids": ["a"], "colour": "red"}, "colour")):
        bad = client.post("/assets/withdraw", json=body, headers=AUTH)
        assert bad.status_code == 400 and field in bad.json["errors"], bad.json
