"""The data-quality page (issue 15, item 4): its counts equal counts taken from the index.

A Lewisham feed is loaded with listings built to be stale, lack a contact, sessions or a
venue, and one a Southwark feed lists too; the page's counts are then compared with counts
worked out here from what the backend stores (SQLite's rows, Elasticsearch's documents),
on both backends. Access: a data officer sees their borough only; an admin every borough.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from linkwell.feeds.state import Reject, SyncState
from tests.conftest import load
from tests.factory import service, sid
from tests.gateway.accounts_helper import signed_in_client

WEEKLY = ("WEEKLY", "TU", "10:00", "12:00")
OLD = (date.today() - timedelta(days=500)).isoformat()
RECENT = (date.today() - timedelta(days=40)).isoformat()


def with_contact(record: dict[str, Any]) -> dict[str, Any]:
    record["email"] = "hello@group.example.org"
    return record


def lewisham() -> list[dict[str, Any]]:
    return [
        with_contact(service("q-good", "Good Walking Group", schedules=(WEEKLY,),
                             assured=RECENT)),
        with_contact(service("q-stale", "Stale Knitting Circle", schedules=(WEEKLY,),
                             assured=OLD)),
        with_contact(service("q-stale2", "Never Confirmed Choir", schedules=(WEEKLY,),
                             assured=None)),
        service("q-nocontact", "Quiet Reading Group", schedules=(WEEKLY,), assured=RECENT),
        with_contact(service("q-nosessions", "Whenever Coffee", assured=RECENT)),
        with_contact(service("q-novenue", "Nowhere Chess Club", schedules=(WEEKLY,), at=None,
                             assured=RECENT)),
        with_contact(service("q-dup", "Catford Allotment Friends", schedules=(WEEKLY,),
                             assured=RECENT, postcode="SE6 2AA")),
    ]


def southwark() -> list[dict[str, Any]]:
    return [with_contact(service("q-dup-sw", "Catford Allotment Friends", schedules=(WEEKLY,),
                                 assured=OLD, postcode="SE6 2AA", region="Southwark")),
            with_contact(service("q-sw-only", "Peckham Bike Club", schedules=(WEEKLY,),
                                 assured=RECENT, region="Southwark"))]


@pytest.fixture
def site(app: Flask, tmp_path: Path) -> Flask:
    from linkwell.gateway import create_app

    client = app.test_client()
    assert load(client, lewisham(), feed="lewisham")["summary"]["rejected"] == 0
    assert load(client, southwark(), feed="southwark")["summary"]["rejected"] == 0
    gateway = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                          "MATCHER_APP": app, "TESTING": True, "INGEST_TOKEN": "test-token"})
    gateway.extensions["linkwell.reports"].add(sid("q-stale"), "Stale Knitting Circle",
                                               "lewisham", "time", "They meet on Fridays now")
    state = SyncState(gateway.config["DATA_DIR"])
    run = state.start("lewisham", True, "2026-12-01T10:00:00+00:00")
    state.progress(run, {"rejected": 1}, [Reject("bad-1", "name", "missing", "A Broken Row")])
    state.finish(run, "done", "2026-12-01T10:01:00+00:00", {"rejected": 1}, None, {})
    return gateway


def stored(app: Flask, backend_kind: str) -> list[dict[str, Any]]:
    """Every listing the backend holds: feed, withdrawn, duplicate key and summary, raw."""
    backend = app.extensions["linkwell.backend"]
    if backend_kind == "sqlite":
        with sqlite3.connect(backend.path) as db:
            return [{"feed": f, "withdrawn": bool(w), "dup_key": k, "summary": json.loads(s)}
                    for f, w, k, s in db.execute(
                        "SELECT feed, withdrawn, dup_key, summary FROM assets")]
    from elasticsearch import Elasticsearch

    es = Elasticsearch(app.config["ELASTICSEARCH_URL"])
    index = f"{app.config['INDEX_PREFIX']}assets"
    es.indices.refresh(index=index)
    hits = es.search(index=index, size=1000, query={"match_all": {}})["hits"]["hits"]
    es.close()
    return [{"feed": h["_source"]["feed"], "withdrawn": bool(h["_source"].get("withdrawn")),
             "dup_key": h["_source"].get("dup_key"), "summary": h["_source"]["summary"]}
            for h in hits]


def expected(rows: list[dict[str, Any]], feed: str) -> dict[str, int]:
    """The counts, taken here from the stored listings by the page's stated rules."""
    keys: dict[str, int] = {}
    for r in rows:
        keys[r["dup_key"]] = keys.get(r["dup_key"], 0) + 1
    mine = [r for r in rows if r["feed"] == feed and not r["withdrawn"]]
    cutoff = (date.today() - timedelta(days=365)).isoformat()

    def has_venue(s: dict[str, Any]) -> bool:
        return any(p.get("postcode") or p.get("address") for p in s.get("places", []))

    return {
        "listings": len(mine),
        "stale": sum(1 for r in mine if (r["summary"].get("last_confirmed") or "") < cutoff),
        "missing_contact": sum(1 for r in mine if not (r["summary"].get("email") or r[
            "summary"].get("phone") or r["summary"].get("url"))),
        "missing_sessions": sum(1 for r in mine if not r["summary"].get("schedule")
                                and not r["summary"].get("schedule_notes")),
        "missing_venue": sum(1 for r in mine if not has_venue(r["summary"])),
        "duplicate": sum(1 for r in mine if keys[r["dup_key"]] > 1),
    }


def page_counts(html: str) -> dict[str, int]:
    return {m[0]: int(m[1]) for m in re.findall(r'id="count-([a-z_]+)"[^>]*data-count="(\d+)"',
                                                 html)}


def test_the_pages_counts_equal_the_index_counts(site: Flask, app: Flask,
                                                 backend_kind: str) -> None:
    officer = signed_in_client(site, role="data_officer", borough="lewisham")
    answer = officer.get("/quality/lewisham")
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    shown = page_counts(answer.get_data(as_text=True))
    wanted = expected(stored(app, backend_kind), "lewisham")
    assert {k: shown[k] for k in wanted} == wanted
    # And the listings were built so that each count is what it should be.
    assert wanted == {"listings": 7, "stale": 2, "missing_contact": 1, "missing_sessions": 1,
                      "missing_venue": 1, "duplicate": 1}
    assert shown["reports"] == 1 and shown["rejects"] == 1


def test_filter_sort_and_csv(site: Flask) -> None:
    officer = signed_in_client(site, role="data_officer", borough="lewisham")
    html = officer.get("/quality/lewisham?check=stale&sort=last_confirmed").get_data(
        as_text=True)
    rows = re.findall(r'<tr data-id="([^"]+)"', html)
    assert rows == [sid("q-stale2"), sid("q-stale")]  # never confirmed sorts first
    answer = officer.get("/quality/lewisham?check=missing_contact&format=csv")
    assert answer.mimetype == "text/csv"
    table = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert [r["name"] for r in table] == ["Quiet Reading Group"]
    assert table[0]["missing_contact"] == "yes"
    named = officer.get("/quality/lewisham?q=chess").get_data(as_text=True)
    assert re.findall(r'<tr data-id="([^"]+)"', named) == [sid("q-novenue")]
    assert "<svg" in html and "Listings by the month they were last confirmed" in html


def test_officers_see_only_their_borough_and_admins_every_one(site: Flask) -> None:
    officer = signed_in_client(site, role="data_officer", borough="lewisham")
    assert officer.get("/quality/southwark").status_code == 403
    assert officer.get("/quality/").status_code == 403
    assert site.test_client().get("/quality/lewisham").status_code == 302  # sign in first
    admin = signed_in_client(site, role="admin")
    everything = admin.get("/quality/").get_data(as_text=True)
    assert page_counts(everything)["listings"] == 9
    assert 'href="/quality/southwark"' in everything
    assert admin.get("/quality/southwark").status_code == 200
