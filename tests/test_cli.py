"""The ``linkwell import`` command, end to end: straight into this machine's directory on
each backend, and in concurrent batches to a directory service."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linkwell.cli import main
from linkwell.client import ServiceClient
from linkwell.feeds.importer import Unreadable, import_records
from tests.conftest import directory_config
from tests.factory import service


@pytest.fixture
def config(backend_kind: str, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The directory the command loads into directly, on each backend."""
    from linkwell.directory import create_app

    config = directory_config(backend_kind, tmp_path)
    yield config
    if backend_kind == "elasticsearch":
        create_app(config).extensions["linkwell.backend"].drop_all()


@pytest.fixture
def runner(config: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LINKWELL_DATA_DIR", config["DATA_DIR"])
    monkeypatch.setenv("LINKWELL_SEARCH_BACKEND", config["SEARCH_BACKEND"])
    if config["SEARCH_BACKEND"] == "elasticsearch":
        monkeypatch.setenv("ELASTICSEARCH_URL", config["ELASTICSEARCH_URL"])
        monkeypatch.setenv("LINKWELL_INDEX_PREFIX", config["INDEX_PREFIX"])
    monkeypatch.delenv("LINKWELL_DIRECTORY_URL", raising=False)
    return CliRunner()


def _search(config: dict[str, Any], query: str) -> list[str]:
    from linkwell.directory import create_app

    app = create_app(config)
    return [r["name"] for r in app.test_client().get(f"/services?{query}").json["results"]]


def test_import_of_every_accepted_shape(runner: CliRunner, config: dict[str, Any],
                                        tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([service("a", "Array Walkers"), service("b", "Array Singers")]))
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"total_items": 1, "page_number": 1,
                                "contents": [service("c", "Paged Knitters")]}))
    single = tmp_path / "single.json"
    single.write_text(json.dumps(service("d", "Single Gardeners")))
    result = runner.invoke(main, ["import", str(array), str(page), str(single), "--area",
                                  "Lewisham"])
    assert result.exit_code == 0, result.output
    assert "Added" in result.output
    assert sorted(_search(config, "area=Lewisham&per_page=50")) == [
        "Array Singers", "Array Walkers", "Paged Knitters", "Single Gardeners"]


def test_ndjson_with_broken_lines_imports_the_rest(runner: CliRunner, config: dict[str, Any],
                                                   tmp_path: Path) -> None:
    lines = [json.dumps(service("e", "Good Line Group")), "{not json",
             json.dumps(service("f", "Bad Time Group", schedules=(("WEEKLY", "MO", "9am", ""),))),
             json.dumps(service("g", "Another Good Group"))]
    path = tmp_path / "feed.ndjson"
    path.write_text("\n".join(lines) + "\n")
    # batches of 2: records are named by their line across batches, reported in file order
    result = runner.invoke(main, ["import", str(path), "--feed", "ndjson-feed",
                                  "--batch-size", "2"])
    assert result.exit_code == 1  # something was rejected
    unreadable = result.output.index("line 2: _record: not valid JSON")
    assert result.output.index("line 3 (Bad Time Group): schedules.0.opens_at") > unreadable
    assert sorted(_search(config, "feed=ndjson-feed")) == ["Another Good Group",
                                                             "Good Line Group"]
    rerun = runner.invoke(main, ["import", str(path), "--feed", "ndjson-feed"])
    assert "Unchanged" in rerun.output


@pytest.mark.parametrize("shape", ["array", "ndjson"])
def test_a_record_nested_5000_deep_is_named_and_the_others_go_in(
        runner: CliRunner, config: dict[str, Any], tmp_path: Path, shape: str) -> None:
    good = [json.dumps(service(f"deep-{i}", f"Deep File Group {i}")) for i in range(4)]
    hostile = '{"id": "x", "name": "Hostile", "attributes": ' + "[" * 5000 + "]" * 5000 + "}"
    records = [*good[:2], hostile, *good[2:]]
    path = tmp_path / f"feed.{'json' if shape == 'array' else 'ndjson'}"
    path.write_text("[" + ",".join(records) + "]" if shape == "array" else "\n".join(records))
    result = runner.invoke(main, ["import", str(path), "--feed", "deep-feed"])
    assert result.exit_code == 1, result.output  # something was rejected, nothing crashed
    where = "item 3" if shape == "array" else "line 3"
    assert f"{where}: _record: nested too deeply" in result.output
    assert sorted(_search(config, "feed=deep-feed")) == [f"Deep File Group {i}"
                                                         for i in range(4)]


def test_an_unreadable_file_is_named(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("[{")
    result = runner.invoke(main, ["import", str(path)])
    assert result.exit_code == 1
    assert "broken.json" in result.output and "not valid JSON" in result.output


def test_concurrent_batches_to_a_directory_report_every_record(
        config: dict[str, Any]) -> None:
    from linkwell.directory import create_app

    pairs: list[tuple[str, Any]] = [
        (f"item {n}", service(f"conc-{n}", f"Batch Group {n}")) for n in range(1, 12)]
    pairs[3] = ("item 4", Unreadable("not valid JSON: Expecting value"))
    pairs[8] = ("item 9", service("conc-bad", "Bad Hours Group",
                                  schedules=(("WEEKLY", "MO", "9am", ""),)))
    client = ServiceClient(app=create_app(config), token=config["INGEST_TOKEN"])
    advanced: list[int] = []
    report = import_records(client, pairs, "concurrent", batch_size=2,
                            progress=advanced.append, concurrency=3)
    assert report.counts == {"added": 9, "updated": 0, "unchanged": 0, "rejected": 2}
    assert [(r["where"], sorted(r["errors"])) for r in report.rejected] == [
        ("item 4", ["_record"]),
        ("item 9", ["schedules.0.closes_at", "schedules.0.opens_at"])]
    assert sum(advanced) == len(pairs)
    found = _search(config, "feed=concurrent&per_page=50")
    assert sorted(found) == sorted(f"Batch Group {n}" for n in range(1, 12) if n not in (4, 9))


def test_a_line_that_is_not_utf8_is_named_and_the_rest_go_in(
        runner: CliRunner, config: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "bom.ndjson"
    good = [json.dumps(service(f"bom-{n}", f"Byte Order Group {n}")).encode() for n in (1, 3)]
    path.write_bytes(b"\xef\xbb\xbf" + good[0] + b"\n" + b'{"name": "Caf\xe9"}\n' + good[1])
    result = runner.invoke(main, ["import", str(path), "--feed", "bytes"])
    assert result.exit_code == 1
    assert "line 2: _record: not valid JSON: not UTF-8 text" in result.output
    assert sorted(_search(config, "feed=bytes")) == ["Byte Order Group 1", "Byte Order Group 3"]
