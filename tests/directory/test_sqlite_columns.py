"""The embedded backend keeps its search columns in memory, one copy per process, and brings
them up to date from the file's change log. Two directories on one file stand for two
gunicorn workers: whatever one writes, the other's next search answers exactly as a directory
started afresh on that file would."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.directory.backends.sqlite import columns, fts
from linkwell.directory.backends.sqlite import store as sqlite
from tests.conftest import AUTH, directory_config, load
from tests.factory import MONTHLY, WEEKLY, service, sid

CONCEPTS = ["creative.singing_music", "moving_more.walking", "social.befriending",
            "money.debt_bills", "nature.gardening"]
PLACES = [(51.4452, -0.0209), (51.4613, -0.0099), (51.5505, -0.1403), (51.4300, -0.0500)]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]
QUERIES = ["", "q=singing", "q=walk+garden", "near=51.4452,-0.0209&within_km=3",
           "near=51.45,-0.02&sort=distance", "q=lonely&near=51.45,-0.02&sort=blended",
           "day=tuesday&from=09:00&to=13:00", "free=true&age=70", "concept=creative",
           "status=active,inactive&sort=name", "accessibility=step_free", "language=pl",
           "q=walk&near=51.4452,-0.0209&within_km=2", "q=sing&free=true&day=tuesday"]


def _record(slug: str, rng: random.Random, modified: str = "2026-01-05T10:00:00Z"
            ) -> dict[str, Any]:
    freq, day = rng.choice([WEEKLY, WEEKLY, MONTHLY]), rng.choice(DAYS)
    return service(
        slug, f"{rng.choice(['Lee', 'Catford', 'Grove'])} {slug} group",
        rng.choice(["Singing together.", "A gentle walk.", "Gardening and tea.", "Debt help."]),
        concepts=tuple(rng.sample(CONCEPTS, rng.randint(0, 2))),
        at=rng.choice([*PLACES, None]), schedules=((freq, day, "10:00", "12:00"),),
        cost=rng.choice([0, 0, 3]), min_age=rng.choice([None, 18, 65]),
        languages=tuple(rng.sample(["en", "pl", "so"], rng.randint(0, 2))),
        status=rng.choice(["active", "active", "active", "inactive"]),
        assured=rng.choice(["2026-09-01", "2024-01-01", None]),
        access=rng.choice([None, "Step-free entrance"]),
        modified=modified)


def _answers(client: FlaskClient) -> list[dict[str, Any]]:
    out = []
    for params in QUERIES:
        response = client.get(f"/services?{params}&per_page=50")
        assert response.status_code == 200, (params, response.json)
        out.append({"query": params, "total": response.json["total"],
                    "hits": [(h["id"], h.get("distance_km"), h.get("score"))
                             for h in response.json["results"]],
                    "facets": response.json["facets"]})
    return out


def _fresh_answers(tmp_path: Path) -> list[dict[str, Any]]:
    from linkwell.directory import create_app

    app = create_app(directory_config("sqlite", tmp_path))
    try:
        return _answers(app.test_client())
    finally:
        app.extensions["linkwell.backend"].close()


def _change(writer: FlaskClient, rng: random.Random, slugs: list[str], step: int) -> None:
    """One round of another worker's writes: updates, new assets, deletes and withdrawals."""
    updated = rng.sample(slugs, 4)
    added = [f"new-{step}-{i}" for i in range(3)]
    records = [_record(s, rng, f"2026-10-{10 + step}T10:00:00Z") for s in updated + added]
    records[0]["name"] = records[1]["name"]  # same name and venue as another: a duplicate
    records[0]["service_at_locations"] = records[1].get("service_at_locations", [])
    assert load(writer, records, feed=rng.choice(["tests", "other"]))["summary"]["rejected"] == 0
    slugs += added
    gone = rng.sample(slugs, 2)
    response = writer.post("/assets/delete", json={"ids": [sid(gone[0])]}, headers=AUTH)
    assert response.status_code == 200, response.json
    response = writer.post("/assets/withdraw", json={"feed": "tests", "ids": [sid(gone[1])]},
                           headers=AUTH)
    assert response.status_code == 200, response.json
    for slug in gone:
        slugs.remove(slug)


def test_another_workers_writes_are_seen_by_the_next_search(
        two_workers: tuple[Flask, Flask], tmp_path: Path) -> None:
    reader, writer = (app.test_client() for app in two_workers)
    rng = random.Random(5)
    slugs = [f"asset-{i}" for i in range(40)]
    assert load(writer, [_record(s, rng) for s in slugs])["summary"]["rejected"] == 0
    assert _answers(reader) == _fresh_answers(tmp_path)
    patched = 0
    for step in range(6):
        _change(writer.application.test_client(), rng, slugs, step)
        seen = _answers(reader)
        assert seen == _fresh_answers(tmp_path), step
        held = reader.application.extensions["linkwell.backend"]._columns
        patched += held.dead > 0  # brought up to date from the log, not loaded afresh
    assert patched == 6
    assert any(a["total"] for a in seen[1:])  # the queries do find things


def test_a_worker_far_behind_loads_afresh(two_workers: tuple[Flask, Flask], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a share of changed assets, or once the log no longer reaches back to its
    snapshot, a worker reads its columns afresh, with the same answers."""
    reader, writer = (app.test_client() for app in two_workers)
    rng = random.Random(9)
    slugs = [f"asset-{i}" for i in range(30)]
    load(writer, [_record(s, rng) for s in slugs])
    _answers(reader)
    backend = reader.application.extensions["linkwell.backend"]
    monkeypatch.setattr(columns, "MIN_RELOAD", 2)  # more changed than that: load afresh
    _change(writer, rng, slugs, 0)
    assert _answers(reader) == _fresh_answers(tmp_path)
    assert backend._columns.dead == 0
    monkeypatch.setattr(columns, "MIN_RELOAD", 1000)
    monkeypatch.setattr(sqlite, "LOG_KEPT", 3)  # the writer prunes what the reader needs
    _change(writer, rng, slugs, 1)
    assert _answers(reader) == _fresh_answers(tmp_path)
    assert backend._columns.dead == 0


def test_an_update_seen_by_the_writer_itself(two_workers: tuple[Flask, Flask]) -> None:
    client = two_workers[0].test_client()
    rng = random.Random(3)
    load(client, [_record("solo", rng) | {"name": "Morning choir", "status": "active"}])
    assert client.get("/services?q=choir").json["total"] == 1
    load(client, [_record("solo", rng) | {"name": "Evening walk", "status": "active",
                                          "last_modified": "2026-10-01T10:00:00Z"}])
    assert client.get("/services?q=choir").json["total"] == 0
    assert client.get("/services?q=walk").json["total"] == 1
    client.post("/assets/delete", json={"ids": [sid("solo")]}, headers=AUTH)
    assert client.get("/services").json["total"] == 0


def test_a_listing_another_worker_marks_as_a_repeat_is_hidden(
        two_workers: tuple[Flask, Flask]) -> None:
    """Marking a repeat touches an asset the batch did not write: it is logged all the same."""
    reader, writer = (app.test_client() for app in two_workers)
    load(writer, [service("lee-choir", "Lee Choir", assured="2024-01-01")], feed="tests")
    assert [h["id"] for h in reader.get("/services?q=choir").json["results"]] == [
        sid("lee-choir")]
    load(writer, [service("lee-choir-2", "Lee Choir", assured="2026-09-01")], feed="other")
    found = reader.get("/services?q=choir").json["results"]
    assert [h["id"] for h in found] == [sid("lee-choir-2")]
    assert [a["id"] for a in found[0]["also_listed"]] == [sid("lee-choir")]


def test_each_kind_of_write_is_logged(tmp_path: Path) -> None:
    """Straight through the backends, with nothing else written alongside."""
    from linkwell.directory.backends.base import SearchQuery
    from linkwell.directory.backends.sqlite import SQLiteBackend
    from tests.directory.test_backend_upgrades import _item

    reader, writer = SQLiteBackend(tmp_path / "d.sqlite3"), SQLiteBackend(tmp_path / "d.sqlite3")
    writer.setup()
    items = [_item(f"kind-{i}") for i in range(3)]
    writer.write(items)

    def shown() -> list[str]:
        return sorted(h.id for h in reader.search(SearchQuery()).hits)

    assert shown() == sorted(i.id for i in items)
    assert writer.withdraw([items[0].id]) == 1
    assert shown() == sorted(i.id for i in items[1:])
    writer.mark_duplicates({items[1].id: (items[2].id, [])})
    assert shown() == [items[2].id]
    assert writer.delete([items[2].id]) == 1
    assert shown() == []
    writer.write([items[0]])  # written again: shown again
    assert shown() == [items[0].id]
    reader.close()
    writer.close()


def test_words_from_each_words_kept_matches_score_as_fts5_scores_them_together(
        two_workers: tuple[Flask, Flask]) -> None:
    """A search's bm25 figures are added from each word's kept matches: the same rids and
    the same figures, to the last bit, as FTS5 gives for the words asked together, whether
    the words were kept already or not, and a write starts the next search afresh."""
    client = two_workers[0].test_client()
    rng = random.Random(13)
    load(client, [_record(f"asset-{i}", rng) for i in range(60)])
    store = two_workers[0].extensions["linkwell.backend"]
    asked = [["sing"], ["walk", "garden"], ["garden", "walk", "debt"], ["walk", "walk"],
             ["tea", "nothing-matches-this"]]

    def both(tokens: list[str]) -> tuple[Any, Any]:
        conn = store._conn()
        conn.execute("BEGIN")
        try:
            cols = store._caught_up(conn)
            pos, figures = fts.word_matches(conn, cols, tokens)
            rows = conn.execute(fts.SQL, (*fts.TEXT_WEIGHTS, fts.fts_query(tokens))).fetchall()
            kept = dict(zip(cols.rid[pos].tolist(), figures.tolist(), strict=True))
        finally:
            conn.execute("COMMIT")
        return kept, dict(rows)

    for _ in range(2):  # the second time every word is kept already
        for tokens in asked:
            kept, together = both(tokens)
            assert kept == together and together, tokens
    load(client, [service("late", "Late walk", "A walk in the garden.")])  # a new snapshot
    kept, together = both(["walk", "garden"])
    assert kept == together and sid("late") in {
        h["id"] for h in client.get("/services?q=walk+garden&per_page=100").json["results"]}


def test_threads_searching_while_another_writes(two_workers: tuple[Flask, Flask],
                                                tmp_path: Path) -> None:
    """One process's threads share its columns: searches racing the catch-up all answer,
    and the last answers are those of a fresh directory."""
    import threading

    reader, writer = (app.test_client() for app in two_workers)
    rng = random.Random(21)
    slugs = [f"asset-{i}" for i in range(30)]
    load(writer, [_record(s, rng) for s in slugs])
    failures: list[str] = []
    done = threading.Event()

    def search() -> None:
        client = reader.application.test_client()
        while not done.is_set():
            for params in QUERIES:
                response = client.get(f"/services?{params}")
                if response.status_code != 200:
                    failures.append(f"{params}: {response.status_code} {response.json}")

    threads = [threading.Thread(target=search) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        for step in range(5):
            _change(writer, random.Random(step), slugs, step)
    finally:
        done.set()
        for thread in threads:
            thread.join()
    assert failures == []
    assert _answers(reader) == _fresh_answers(tmp_path)
