"""Writes through the API on both backends: outcomes, versions, deletes and rebuilds."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import AUTH, load, names, search
from tests.factory import corpus, service


def test_rerun_changes_nothing_and_updates_are_visible(client: FlaskClient) -> None:
    records = corpus()
    assert load(client, records)["summary"] == {"added": len(records), "updated": 0,
                                                "unchanged": 0, "rejected": 0}
    assert load(client, records)["summary"]["unchanged"] == len(records)
    changed = dict(records[0], name="Catford Community Choir and Friends")
    assert load(client, [changed])["summary"]["updated"] == 1
    assert "Catford Community Choir and Friends" in names(search(client, "q=friends"))


def test_a_broken_record_is_reported_and_the_others_go_in(client: FlaskClient) -> None:
    good = service("ok", "Deptford Knit and Natter", concepts=("creative.art_craft",))
    broken = service("bad", "Broken Times", schedules=(("WEEKLY", "TU", "25:99", "12:00"),))
    no_name = {"id": "x-1", "status": "active"}
    answer = load(client, [broken, good, no_name])
    assert answer["summary"] == {"added": 1, "updated": 0, "unchanged": 0, "rejected": 2}
    first, _, third = answer["results"]
    assert first["errors"] == {"schedules.0.opens_at": ["not a time of day: use HH:MM, e.g. 10:30"]}
    assert first["name"] == "Broken Times"
    assert third["errors"]["name"] == ["Missing data for required field."]
    assert names(search(client, "q=knit")) == ["Deptford Knit and Natter"]


def test_ids_are_kept_or_derived_stably(client: FlaskClient) -> None:
    kept = service("kept", "Kept Id Group")
    derived = dict(service("derived", "Derived Id Group"), id="lewisham-0042")
    results = load(client, [kept, derived], feed="lewisham")["results"]
    assert results[0]["id"] == kept["id"]
    expected = str(uuid.uuid5(uuid.NAMESPACE_URL, "linkwell:lewisham:service:lewisham-0042"))
    assert results[1]["id"] == expected
    assert results[1]["source_id"] == "lewisham-0042"
    assert client.get(f"/services/{expected}").json["provenance"]["source_id"] == "lewisham-0042"


def test_an_older_version_never_overwrites_a_newer_one(client: FlaskClient) -> None:
    newer = service("v", "Version Group New", modified="2026-10-01T10:00:00Z")
    older = service("v", "Version Group Old", modified="2026-01-01T10:00:00Z")
    load(client, [newer])
    answer = load(client, [older])
    assert answer["summary"]["unchanged"] == 1
    assert "newer version" in answer["results"][0]["errors"]["last_modified"][0]
    assert names(search(client, "q=version")) == ["Version Group New"]


def test_the_same_asset_twice_in_a_batch_keeps_the_later(client: FlaskClient) -> None:
    first = service("twice", "Twice Group First")
    second = service("twice", "Twice Group Second")
    answer = load(client, [first, second])
    assert [r["result"] for r in answer["results"]] == ["rejected", "added"]
    assert names(search(client, "q=twice")) == ["Twice Group Second"]


def test_delete_is_visible_to_the_next_search(client: FlaskClient) -> None:
    records = corpus()
    load(client, records)
    gone = records[0]["id"]
    response = client.post("/assets/delete", json={"ids": [gone, "no-such-id"]}, headers=AUTH)
    assert response.json == {"deleted": 1}
    assert gone not in [r["id"] for r in search(client, "q=choir")["results"]]
    assert client.get(f"/services/{gone}").status_code == 404


def test_rebuild_keeps_every_search_answering(app: Flask, client: FlaskClient) -> None:
    records = [service(f"r{i}", f"Rebuild Walk {i}", concepts=("moving_more.walking",))
               for i in range(300)]
    load(client, records)
    failures: list[str] = []
    totals: set[int] = set()
    done = threading.Event()

    def keep_searching() -> None:
        with app.test_client() as reader:
            while not done.is_set():
                response = reader.get("/services?q=walk&per_page=1")
                if response.status_code != 200:
                    failures.append(str(response.json))
                else:
                    totals.add(response.json["total"])

    reader = threading.Thread(target=keep_searching)
    reader.start()
    try:
        response = client.post("/admin/rebuild", headers=AUTH)
    finally:
        done.set()
        reader.join()
    assert response.status_code == 200, response.json
    assert response.json["assets"] == 300
    assert failures == []
    assert totals == {300}
    assert search(client, "q=walk")["total"] == 300


def test_ingestion_needs_the_token(client: FlaskClient) -> None:
    response = client.post("/assets", json={"feed": "x", "records": [service("a", "A")]})
    assert response.status_code == 401
    assert response.json["code"] == 401
    wrong = client.post("/assets/delete", json={"ids": ["a"]},
                        headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_writes_and_deletes_made_during_a_rebuild_are_kept(app: Flask,
                                                         client: FlaskClient) -> None:
    """Another process writing while the index is rebuilt: its changes survive the swap."""
    from linkwell.directory import ingest

    records = [service(f"rw{i}", f"Rebuild Race Walk {i}") for i in range(30)]
    load(client, records)
    backend = app.extensions["linkwell.backend"]
    gone = load(client, [service("rw-gone", "Rebuild Race Leaver")])["results"][0]["id"]
    calls = 0

    def rederive_while_others_write(stored: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 5:  # mid-copy: a delete, an update and a new asset arrive
            backend.delete([gone], refresh=True)
            load(client, [dict(records[0], name="Rebuild Race Renamed"),
                          service("rw-new", "Rebuild Race Newcomer")])
        if calls == 32:  # Elasticsearch's catch-up copy of those has begun: one more update
            load(client, [dict(records[1], name="Rebuild Race Late")])
        return ingest.rederive(stored)

    backend.rebuild(rederive_while_others_write)
    found = names(search(client, "q=rebuild race&per_page=50"))
    assert "Rebuild Race Leaver" not in found
    assert "Rebuild Race Renamed" in found and "Rebuild Race Walk 0" not in found
    assert "Rebuild Race Newcomer" in found
    assert len(found) == 31
    if backend.name == "elasticsearch":  # 31 assets copied, then the catch-up
        assert calls > 32
        assert "Rebuild Race Late" in found and "Rebuild Race Walk 1" not in found
    assert backend.get(gone) is None


def test_a_record_that_cannot_be_read_never_holds_back_the_others(
        client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from linkwell.directory import ingest

    odd = dict(service("odd-phones", "Odd Phones Group"), phones="020 8314 0000")
    answer = load(client, [odd, service("fine", "Fine Neighbour Group")])
    assert answer["results"][0]["errors"] == {"phones": ["Not a valid list."]}
    assert answer["results"][1]["result"] == "added"

    derive = ingest.build_document

    def breaks_on_one(asset_id: str, record: dict[str, Any], *args: Any) -> Any:
        if record["name"] == "Unreadable Oddity":
            raise TypeError("'int' object is not iterable")
        return derive(asset_id, record, *args)

    monkeypatch.setattr(ingest, "build_document", breaks_on_one)
    answer = load(client, [service("oddity", "Unreadable Oddity"),
                           service("fine-2", "Second Fine Group")])
    assert answer["summary"]["added"] == 1 and answer["summary"]["rejected"] == 1
    assert answer["results"][0]["errors"] == {
        "_record": ["could not be read: TypeError: 'int' object is not iterable"]}
    assert names(search(client, "q=fine")) == ["Fine Neighbour Group", "Second Fine Group"]
