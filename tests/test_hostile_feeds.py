"""Hostile feeds: one file holding a record nested 5,000 deep, a 5 MB description, a list of
10,000 venues, an over-long field, an id listed twice and a last record cut off. Every good
record goes in and each bad one is named, through ``linkwell import`` (straight into the
directory, and in batches to a directory service) and through ``linkwell feeds sync``."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from linkwell.cli import main
from linkwell.client import ServiceClient
from linkwell.feeds.importer import import_records, read_records
from linkwell.plugins import Feed
from linkwell.record_limits import LIST_ITEMS, TEXT_CHARS
from tests.factory import service
from tests.syncing import TOKEN, plugins, run_sync, snapshot

GOOD = 20


def _hostile_records() -> tuple[list[str], dict[int, str], list[dict[str, Any]]]:
    """The records as JSON texts (the last cut off), the field each bad one is refused on by
    its place (counting from 1), and the services that must end up stored."""
    good = [service(f"hostile-{i}", f"Hostile Feed Group {i}") for i in range(GOOD)]
    deep = '{"id": "deep", "name": "Deep", "attributes": ' + "[" * 5000 + "]" * 5000 + "}"
    huge = service("huge", "Huge Description Group", "x" * 5_000_000)
    many = service("many", "Many Venues Group")
    many["service_at_locations"] = many["service_at_locations"] * 10_000
    long_email = dict(service("email", "Long Email Group"), email="a" * 60_000 + "@example.org")
    later = dict(copy.deepcopy(good[5]), name="Hostile Feed Group 5 (the later listing)")
    cut = json.dumps(service("cut", "Cut Off Group"))[:-40]
    texts = [*map(json.dumps, good[:5]), deep, json.dumps(good[5]), json.dumps(huge),
             *map(json.dumps, good[6:10]), json.dumps(many), *map(json.dumps, good[10:15]),
             json.dumps(long_email), *map(json.dumps, good[15:]), json.dumps(later), cut]
    refused = {6: "_record", 7: "id", 8: "description", 13: "service_at_locations",
               19: "email", 26: "_record"}
    return texts, refused, [*good[:5], later, *good[6:]]


def _write(path: Path, texts: list[str], shape: str) -> None:
    path.write_text("[" + ",".join(texts) if shape == "array" else "\n".join(texts))


@pytest.fixture
def directory(app: Flask) -> Flask:
    """The backend-parametrised directory of tests/conftest.py."""
    return app


def _stored(app: Flask, feed: str) -> dict[str, str]:
    backend = app.extensions["linkwell.backend"]
    return {i: backend.get(i).record["name"] for i in backend.ids(feed)}


def _reason_words(field: str) -> str:
    return {"_record": "", "id": "listed again later, as", "description":
            f"a text value may hold at most {TEXT_CHARS:,}", "service_at_locations":
            f"a list may hold at most {LIST_ITEMS:,}", "email": "characters long"}[field]


@pytest.mark.parametrize("shape", ["array", "ndjson"])
def test_import_takes_every_good_record_and_names_each_bad_one(
        directory: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str) -> None:
    texts, refused, stored = _hostile_records()
    path = tmp_path / f"hostile.{'json' if shape == 'array' else 'ndjson'}"
    _write(path, texts, shape)
    config = directory.config
    for name, value in (("DATA_DIR", config["DATA_DIR"]),
                        ("SEARCH_BACKEND", config["SEARCH_BACKEND"]),
                        ("ELASTICSEARCH_URL", config.get("ELASTICSEARCH_URL")),
                        ("INDEX_PREFIX", config.get("INDEX_PREFIX"))):
        if value:
            monkeypatch.setenv(f"LINKWELL_{name}", value)
    monkeypatch.delenv("LINKWELL_DIRECTORY_URL", raising=False)
    # One file in one batch (the directory meets the repeat), the other in many batches.
    batch = "500" if shape == "array" else "3"
    result = CliRunner().invoke(main, ["import", str(path), "--feed", "hostile",
                                       "--batch-size", batch])
    assert result.exit_code == 1, result.output  # records were refused; nothing crashed
    label = "item" if shape == "array" else "line"
    flat = " ".join(result.output.split())
    for place, field in refused.items():
        assert re.search(rf"rejected {label} {place}\b[^:]*: {field}: ", flat), (place, flat)
    assert flat.count("rejected ") == len(refused)
    assert f"{label} 7: id: {stored[5]['id']} is listed again later, as {label} 25" in flat
    assert re.search(rf"{label} 26: _record: .*cut off", flat)
    assert f"{label} 8 (Huge Description Group): description: is 5,000,000 characters" in flat
    assert f"{label} 13 (Many Venues Group): service_at_locations: lists 10,000 items" in flat
    assert _stored(directory, "hostile") == {
        _asset_id(s["id"]): s["name"] for s in stored}


def _asset_id(record_id: str) -> str:
    from linkwell.ids import asset_id_for

    return asset_id_for(record_id, "hostile")


def test_import_to_a_directory_service_names_the_same_records(
        directory: Flask, tmp_path: Path) -> None:
    texts, refused, stored = _hostile_records()
    path = tmp_path / "hostile.json"
    _write(path, texts, "array")
    client = ServiceClient(app=directory, token=TOKEN)
    report = import_records(client, list(read_records(path)), "hostile", batch_size=4)
    assert report.counts == {"added": GOOD, "updated": 0, "unchanged": 0,
                             "rejected": len(refused)}
    assert {r["where"]: sorted(r["errors"]) for r in report.rejected} == {
        f"item {place}": [field] for place, field in refused.items()}
    for entry in report.rejected:
        field = next(iter(entry["errors"]))
        assert _reason_words(field) in entry["errors"][field][0]
    assert _stored(directory, "hostile") == {_asset_id(s["id"]): s["name"] for s in stored}


@pytest.mark.parametrize("shape", ["array", "ndjson"])
def test_feeds_sync_takes_every_good_record_and_names_each_bad_one(
        directory: Flask, tmp_path: Path, shape: str) -> None:
    texts, refused, stored = _hostile_records()
    path = tmp_path / f"hostile.{'json' if shape == 'array' else 'ndjson'}"
    _write(path, texts, shape)
    feed = Feed(name="hostile", area="Lewisham", kind="oruk3", location=str(path))
    run = run_sync(directory, plugins(directory), feed, batch_size=4)
    assert run.ok, run.reason
    assert run.counts["added"] == GOOD and run.counts["rejected"] == len(refused)
    label = "item" if shape == "array" else "line"
    found = {(r.record_id, r.field): r.reason for r in run.rejects}
    assert set(found) == {
        (f"hostile.{path.suffix[1:]} {label} 6", "_record"), (stored[5]["id"], "id"),
        (service("huge", "")["id"], "description"),
        (service("many", "")["id"], "service_at_locations"),
        (service("email", "")["id"], "email"), (f"hostile.{path.suffix[1:]} {label} 26",
                                                 "_record")}
    assert found[(stored[5]["id"], "id")] == (
        f"{stored[5]['id']} is listed again later, as record 25 of the feed; that later "
        "record replaced this one (record 7)")
    assert "nested too deeply" in found[(f"hostile.{path.suffix[1:]} {label} 6", "_record")]
    assert "cut off" in found[(f"hostile.{path.suffix[1:]} {label} 26", "_record")]
    assert _stored(directory, "hostile") == {_asset_id(s["id"]): s["name"] for s in stored}
    assert len(snapshot(directory, "hostile")) == GOOD


def _listed_twice(tmp_path: Path, slug: str) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    first = service(slug, "Listed Twice Group")
    others = [service(f"{slug}-between-{i}", f"Between Group {i}") for i in range(6)]
    later = dict(first, name="Listed Twice Group, Renamed")
    path = tmp_path / f"{slug}.json"
    path.write_text(json.dumps([first, *others, later]))
    return path, first, later


def test_an_id_listed_twice_across_batches_keeps_the_later_in_both_commands(
        directory: Flask, tmp_path: Path) -> None:
    """The earlier listing, already written in an earlier batch, is still replaced."""
    from linkwell.ids import asset_id_for

    backend = directory.extensions["linkwell.backend"]
    path, first, later = _listed_twice(tmp_path, "twice-sync")
    feed = Feed(name="twice", area="Lewisham", kind="oruk3", location=str(path))
    run = run_sync(directory, plugins(directory), feed, batch_size=2)
    assert run.counts["added"] == 7 and run.counts["rejected"] == 1
    assert [(r.record_id, r.field) for r in run.rejects] == [(first["id"], "id")]
    assert "as record 8 of the feed" in run.rejects[0].reason
    assert "(record 1)" in run.rejects[0].reason
    assert backend.get(asset_id_for(first["id"], "twice")).record["name"] == later["name"]

    path, first, later = _listed_twice(tmp_path, "twice-import")
    client = ServiceClient(app=directory, token=TOKEN)
    report = import_records(client, list(read_records(path)), "twice-import", batch_size=2)
    assert report.counts["added"] == 7 and report.counts["rejected"] == 1
    assert report.rejected[0]["where"] == "item 1"
    assert "as item 8" in report.rejected[0]["errors"]["id"][0]
    assert backend.get(asset_id_for(first["id"], "twice-import")).record["name"] == \
        later["name"]


def test_a_broken_first_line_of_ndjson_costs_that_line_only(tmp_path: Path) -> None:
    good = [service(f"first-{i}", f"First Line Group {i}") for i in range(3)]
    path = tmp_path / "broken-first.ndjson"
    path.write_text('{"id": "half\n' + "\n".join(json.dumps(r) for r in good))
    pairs = list(read_records(path))
    assert [where for where, _ in pairs] == ["line 1", "line 2", "line 3", "line 4"]
    assert "not valid JSON" in pairs[0][1].reason
    assert [record["id"] for _, record in pairs[1:]] == [r["id"] for r in good]
