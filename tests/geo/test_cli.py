"""``linkwell geo import`` / ``lookup``, and the demo postcodes ``linkwell serve`` loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linkwell.cli import main
from linkwell.geo import Geocoded, geocode
from linkwell.geo.cli import load_plugin_postcodes_if_empty
from linkwell.geo.store import PostcodeStore, store_path
from linkwell.plugins.manager import plugin_manager, postcode_files
from tests.geo.conftest import POSTCODES_CSV


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("LINKWELL_SEARCH_BACKEND", "sqlite")
    monkeypatch.delenv("LINKWELL_POSTCODES_IO_URL", raising=False)
    return CliRunner()


def table(tmp_path: Path) -> PostcodeStore:
    return PostcodeStore(tmp_path / "var" / "postcodes.sqlite3")


def test_geo_import_reports_what_it_loaded(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["geo", "import", str(POSTCODES_CSV)])
    assert result.exit_code == 0, result.output
    assert ("postcodes.csv (ONS Postcode Directory): loaded 31 postcodes, 1 of them "
            "terminated; skipped 1 row.") in result.output
    assert "skipped 1: bad coordinates" in result.output
    assert "line 9: bad coordinates (GY1 1AA: 99.999999, 0.000000)" in result.output
    assert "The postcode table holds 31 postcodes" in result.output
    assert table(tmp_path).count() == 31


def test_geo_import_of_a_broken_file_names_the_line(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(main, ["geo", "import", str(POSTCODES_CSV)])
    broken = tmp_path / "broken.csv"
    broken.write_text("postcode,latitude,longitude\nSW1A 1AA,51.501009,-0.141588\n"
                      'SW1A 2AA,"51.50354,-0.127695\nE1 0AA,51.5,-0.05\n')
    result = runner.invoke(main, ["geo", "import", str(broken)])
    assert result.exit_code == 1
    assert "broken.csv: line 3: a quote opens here and is never closed" in result.output
    assert "Nothing from it was loaded" in result.output
    assert table(tmp_path).count() == 31 and table(tmp_path).lookup("SW1A 1AA") is None


def test_geo_import_of_a_file_without_coordinates(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "addresses.csv"
    path.write_text("postcode,street\nSE6 4RU,Catford Road\n")
    result = runner.invoke(main, ["geo", "import", str(path)])
    assert result.exit_code == 1
    assert "addresses.csv: line 1: no latitude column (expected one of lat, latitude)" \
        in result.output


def test_geo_import_that_loads_nothing_fails(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "nothing.csv"
    path.write_text("postcode,latitude,longitude\nGY1 1AA,99.999999,0.000000\n")
    result = runner.invoke(main, ["geo", "import", str(path)])
    assert result.exit_code == 1
    assert "loaded 0 postcodes" in result.output


def test_geo_lookup(runner: CliRunner) -> None:
    runner.invoke(main, ["geo", "import", str(POSTCODES_CSV)])
    found = runner.invoke(main, ["geo", "lookup", "se64ru", "AB1 0AA"])
    assert found.exit_code == 0, found.output
    assert "SE6 4RU: 51.445076, -0.020805 (ons)" in found.output
    assert "AB1 0AA: 57.101474, -2.242851 (ons, terminated 199606)" in found.output
    missing = runner.invoke(main, ["geo", "lookup", "SE6 4RX"])
    assert missing.exit_code == 1 and "SE6 4RX: not known" in missing.output


def test_hook_postcode_files_from_the_demo_plugins() -> None:
    files = postcode_files(plugin_manager(config={"DATA_DIR": "unused"}))
    assert {path.parent.parent.name for path in files} >= {
        "linkwell_lewisham", "linkwell_tower_hamlets", "linkwell_camden"}
    assert all(path.name == "postcodes.csv" and path.is_file() for path in files)


def test_demo_postcodes_load_once_into_an_empty_table(tmp_path: Path) -> None:
    from rich.console import Console

    config: dict[str, Any] = {"DATA_DIR": str(tmp_path / "var")}
    console = Console(record=True)
    loaded = load_plugin_postcodes_if_empty(config, console)
    assert loaded >= 150  # the three demo boroughs' venues
    assert "Postcodes: loaded" in console.export_text()
    answer = geocode(plugin_manager(config=config), "SE6 4RU")
    assert answer == (51.4453, -0.0202)  # Catford: the demo venues' own coordinates
    assert isinstance(answer, Geocoded) and answer.source == "ons"
    assert geocode(plugin_manager(config=config), "nw5 2aa") is not None
    assert load_plugin_postcodes_if_empty(config, console) == 0  # not empty now: left alone


def test_demo_postcodes_never_replace_an_imported_table(tmp_path: Path) -> None:
    from rich.console import Console

    from linkwell.geo.importer import import_postcodes

    config: dict[str, Any] = {"DATA_DIR": str(tmp_path / "var")}
    import_postcodes(PostcodeStore(store_path(config)), POSTCODES_CSV)
    assert load_plugin_postcodes_if_empty(config, Console(record=True)) == 0
    assert geocode(plugin_manager(config=config), "SE6 4RU") == (51.445076, -0.020805)


def test_serve_loads_the_demo_postcodes(runner: CliRunner, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Any] = []
    monkeypatch.setattr("linkwell.cli.server.run_gunicorn", lambda *args: served.append(args))
    result = runner.invoke(main, ["serve", "--no-demo", "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert served and served[0][1:3] == ("127.0.0.1", 8765)
    assert "Postcodes: loaded" in result.output
    assert table(tmp_path).lookup("SE6 4RU") is not None
