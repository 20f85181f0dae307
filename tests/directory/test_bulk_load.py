"""The bulk load (``linkwell import`` on this machine) on both backends: it stores exactly
what batches through the API store, reports every record by its place in the stream, and
recognises a rerun by fingerprint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from linkwell.directory.ingest import Outcome, upsert, upsert_stream
from tests.conftest import directory_config
from tests.factory import corpus, service


def _records() -> list[dict[str, Any]]:
    records = corpus()
    broken = service("bulk-bad", "Broken Times Club",
                     schedules=(("WEEKLY", "TU", "25:99", "12:00"),))
    return [*records[:7], broken, *records[7:]]


def _stream(app: Flask, records: list[dict[str, Any]]) -> tuple[dict[str, int], list[Outcome]]:
    seen: list[Outcome] = []
    counts = upsert_stream(app.extensions["linkwell.backend"], records, "bulk", "Lewisham",
                           batch_size=4, workers=2, on_batch=seen.extend)
    return counts, seen


def _raw(app: Flask, asset_id: str) -> dict[str, Any]:
    """What the backend holds for an asset, less the time it was written."""
    backend = app.extensions["linkwell.backend"]
    if backend.name == "elasticsearch":
        source: dict[str, Any] = backend.es.get(index=backend.alias, id=asset_id)["_source"]
        source.pop("indexed_at")
        return source
    stored = backend.get(asset_id)
    return {"record": stored.record, "summary": stored.summary, "hash": stored.hash,
            "version": stored.version, "provenance": stored.provenance}


def test_bulk_load_stores_what_api_batches_store(app: Flask, backend_kind: str,
                                                 tmp_path: Path) -> None:
    from linkwell.directory import create_app

    records = _records()
    counts, seen = _stream(app, records)
    assert counts == {"added": len(records) - 1, "updated": 0, "unchanged": 0, "rejected": 1}
    assert [o.index for o in seen] == list(range(len(records)))
    rejected = [o for o in seen if o.result == "rejected"]
    assert [(o.index, o.name) for o in rejected] == [(7, "Broken Times Club")]
    assert rejected[0].errors == {
        "schedules.0.opens_at": ["not a time of day: use HH:MM, e.g. 10:30"]}

    other = create_app(directory_config(backend_kind, tmp_path / "other"))
    try:
        outcomes = upsert(other.extensions["linkwell.backend"], records, "bulk", "Lewisham")
        assert [o.id for o in outcomes] == [o.id for o in seen]
        for outcome in outcomes:
            if outcome.id is not None:
                assert _raw(app, outcome.id) == _raw(other, outcome.id), outcome.name
        query = "/services?q=singing&per_page=50&facets=delivery,cost"
        assert app.test_client().get(query).json == other.test_client().get(query).json
    finally:
        backend = other.extensions["linkwell.backend"]
        if backend_kind == "elasticsearch":
            backend.drop_all()
        backend.close()


def test_a_rerun_is_recognised_and_a_change_written(app: Flask) -> None:
    records = _records()
    _stream(app, records)
    changed = dict(records[9], name="Renamed In The Rerun")
    records[9] = changed
    counts, seen = _stream(app, records)
    assert counts == {"added": 0, "updated": 1, "unchanged": len(records) - 2, "rejected": 1}
    assert [o.index for o in seen] == list(range(len(records)))
    assert [o.index for o in seen if o.result == "updated"] == [9]
    found = app.test_client().get("/services?q=renamed").json["results"]
    assert [r["name"] for r in found] == ["Renamed In The Rerun"]
