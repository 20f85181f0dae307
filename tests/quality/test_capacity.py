"""Capacity (issue 15, item 5): a group's space now, shown with its date, and used in a match.

Statements are dated relative to today (the directory reads them against today's date):
one said yesterday counts; one said longer ago than the group's update period is unknown.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell import capacity
from tests.conftest import load, search
from tests.factory import service, sid

WEEKLY = "WEEKLY"
CHOIR = ("creative.singing",)


def said(days_ago: int) -> str:
    return (date.today() - timedelta(days=days_ago)).isoformat()


def choir(slug: str, name: str, places: list[dict[str, Any]] | None,
          period: int | None = None) -> dict[str, Any]:
    record = service(slug, name, "A friendly community choir: everyone welcome to sing.",
                     concepts=CHOIR, schedules=((WEEKLY, "TU", "10:00", "12:00"),))
    if places is not None:
        record["capacities"] = places
    if period is not None:
        record["capacity_update_days"] = period
    return record


def choirs() -> list[dict[str, Any]]:
    # "Aardvark" sorts first: were full groups not ranked lower, the tie would put it first.
    return [
        choir("cap-full", "Aardvark Choir", [
            {"id": sid("cap-full/c1"), "available": 3, "maximum": 20, "updated": said(40)},
            {"id": sid("cap-full/c2"), "available": 0, "maximum": 20, "updated": said(1)}]),
        choir("cap-open", "Zebra Choir", [
            {"id": sid("cap-open/c"), "available": 4, "maximum": 20, "updated": said(2)}]),
        choir("cap-wait", "Waiting Choir", [
            {"id": sid("cap-wait/c"), "available": 0, "maximum": 12, "updated": said(3),
             "waiting_list": True, "wait_weeks": 6}]),
        choir("cap-old", "Old News Choir", [
            {"id": sid("cap-old/c"), "available": 5, "updated": said(20)}], period=14),
        choir("cap-none", "Never Said Choir", None),
    ]


def test_the_state_of_a_statement() -> None:
    today = date(2026, 12, 7)
    assert capacity.state(None, today) == "unknown"
    stored = capacity.from_record({"capacities": [{"available": 0, "updated": "2026-12-01",
                                                    "waiting_list": True, "wait_weeks": 3}]})
    assert stored and capacity.state(stored, today) == "waiting"
    assert stored["wait"] == "about 3 weeks"
    assert capacity.state(stored, today + timedelta(days=29)) == "unknown"  # 28-day default
    full = capacity.from_record({"capacities": [{"available": 0, "updated": "2026-12-01"}]})
    assert capacity.state(full, today) == "full"


def test_capacity_shows_in_search_with_its_date(client: FlaskClient) -> None:
    assert load(client, choirs())["summary"]["rejected"] == 0
    found = {r["name"]: r for r in search(client, "q=choir")["results"]}
    assert found["Aardvark Choir"]["capacity"] == {
        "available": 0, "maximum": 20, "updated": said(1), "period_days": 28, "state": "full"}
    assert found["Zebra Choir"]["capacity"]["state"] == "open"
    assert found["Waiting Choir"]["capacity"]["state"] == "waiting"
    assert found["Waiting Choir"]["capacity"]["wait"] == "about 6 weeks"
    assert found["Old News Choir"]["capacity"]["state"] == "unknown"  # older than its 14 days
    assert "capacity" not in found["Never Said Choir"]
    one = client.get(f"/services/{sid('cap-full')}").json
    assert one["summary"]["capacity"]["state"] == "full"


def test_a_bad_capacity_is_refused_naming_the_field(client: FlaskClient) -> None:
    bad = choir("cap-bad", "Bad Choir", [{"available": -2, "updated": "soon"}])
    body = load(client, [bad])
    assert body["summary"]["rejected"] == 1
    errors = body["results"][0]["errors"]
    assert any("capacities" in key for key in errors), errors


@pytest.fixture
def matcher(app: Flask) -> FlaskClient:
    from linkwell.matcher import create_app

    assert load(app.test_client(), choirs())["summary"]["rejected"] == 0
    return create_app({**app.config, "DIRECTORY_APP": app}).test_client()


def test_a_full_group_ranks_lower_in_a_match_and_says_why(matcher: FlaskClient) -> None:
    answer = matcher.post("/match", json={"about": "I would love to sing in a choir",
                                          "location": {"lat": 51.4452, "lon": -0.0209}})
    assert answer.status_code == 200, answer.json
    results = {r["name"]: r for r in answer.json["results"]}
    order = [r["name"] for r in answer.json["results"]]
    assert order.index("Zebra Choir") < order.index("Waiting Choir") < order.index(
        "Aardvark Choir")
    full, open_ = results["Aardvark Choir"], results["Zebra Choir"]
    assert full["score"] == pytest.approx(open_["score"] * capacity.RANK_FACTOR["full"], rel=0.01)
    assert any("Full at the moment" in c and "ranked lower" in c for c in full["cautions"])
    assert any("Has space now" in r for r in open_["reasons"])
    # A statement too old to count changes nothing: as if the group never said.
    assert results["Old News Choir"]["score"] == pytest.approx(
        results["Never Said Choir"]["score"], rel=0.01)


def test_the_search_page_and_listing_show_space_with_its_date(app: Flask,
                                                              tmp_path: Path) -> None:
    from linkwell.gateway import create_app

    assert load(app.test_client(), choirs())["summary"]["rejected"] == 0
    web = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                      "MATCHER_APP": app, "TESTING": True}).test_client()
    page = web.get("/search?q=choir").get_data(as_text=True)
    day = date.today() - timedelta(days=1)
    assert f"Full for now (said {day.day} {day:%B %Y})" in page
    assert "Waiting list, about 6 weeks" in page
    listing = web.get(f"/services/{sid('cap-open')}").get_data(as_text=True)
    assert "Space now: 4 of 20 places" in listing
    old = web.get(f"/services/{sid('cap-old')}").get_data(as_text=True)
    assert "Not known: last said on" in old
