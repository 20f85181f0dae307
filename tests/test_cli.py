"""The ``linkwell import`` command, end to end into the embedded directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkwell.cli import main
from tests.factory import service


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("LINKWELL_SEARCH_BACKEND", "sqlite")
    monkeypatch.delenv("LINKWELL_DIRECTORY_URL", raising=False)
    return CliRunner()


def _search(tmp_path: Path, query: str) -> list[str]:
    from linkwell.directory import create_app

    app = create_app({"DATA_DIR": str(tmp_path / "var"), "SEARCH_BACKEND": "sqlite"})
    return [r["name"] for r in app.test_client().get(f"/services?{query}").json["results"]]


def test_import_of_every_accepted_shape(runner: CliRunner, tmp_path: Path) -> None:
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
    assert sorted(_search(tmp_path, "area=Lewisham&per_page=50")) == [
        "Array Singers", "Array Walkers", "Paged Knitters", "Single Gardeners"]


def test_ndjson_with_broken_lines_imports_the_rest(runner: CliRunner, tmp_path: Path) -> None:
    lines = [json.dumps(service("e", "Good Line Group")), "{not json",
             json.dumps(service("f", "Bad Time Group", schedules=(("WEEKLY", "MO", "9am", ""),))),
             json.dumps(service("g", "Another Good Group"))]
    path = tmp_path / "feed.ndjson"
    path.write_text("\n".join(lines) + "\n")
    result = runner.invoke(main, ["import", str(path), "--feed", "ndjson-feed"])
    assert result.exit_code == 1  # something was rejected
    assert "line 2: _record: not valid JSON" in result.output
    assert "line 3 (Bad Time Group): schedules.0.opens_at" in result.output
    assert sorted(_search(tmp_path, "feed=ndjson-feed")) == ["Another Good Group",
                                                             "Good Line Group"]
    rerun = runner.invoke(main, ["import", str(path), "--feed", "ndjson-feed"])
    assert "Unchanged" in rerun.output


def test_an_unreadable_file_is_named(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("[{")
    result = runner.invoke(main, ["import", str(path)])
    assert result.exit_code == 1
    assert "broken.json" in result.output and "not valid JSON" in result.output
