"""``linkwell feeds list | sync | status`` end to end, into the embedded directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linkwell.cli import main
from tests.plugins.conftest import Install, install_plugin  # noqa: F401 (a fixture)

CAMDEN = Path(__file__).resolve().parents[1] / "plugins" / "camden" / "linkwell_camden" / "data"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("LINKWELL_SEARCH_BACKEND", "sqlite")
    monkeypatch.delenv("LINKWELL_DIRECTORY_URL", raising=False)
    monkeypatch.delenv("LINKWELL_PLUGINS", raising=False)
    return CliRunner()


def _names(tmp_path: Path, query: str) -> list[str]:
    from linkwell.directory import create_app

    app = create_app({"DATA_DIR": str(tmp_path / "var"), "SEARCH_BACKEND": "sqlite"})
    return [r["name"] for r in app.test_client().get(f"/services?{query}").json["results"]]


def test_list_names_each_feed_with_its_area_and_kind(runner: CliRunner) -> None:
    result = runner.invoke(main, ["feeds", "list"])
    assert result.exit_code == 0, result.output
    for name, area, kind in (("lewisham", "Lewisham", "oruk3"), ("camden", "Camden", "csv"),
                             ("tower-hamlets", "Tower Hamlets", "oruk1")):
        line = next(line for line in result.output.splitlines() if f" {name} " in line)
        assert area in line and kind in line


def test_sync_all_loads_the_demo_boroughs_then_status_reports_it(runner: CliRunner,
                                                                 tmp_path: Path) -> None:
    result = runner.invoke(main, ["feeds", "sync", "--all"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[1]: line for line in result.output.splitlines()
            if line.startswith("│ ") and line.split()[1] in ("camden", "lewisham")}
    assert rows["lewisham"].split("│")[4].strip() == "145"  # added
    assert rows["camden"].split("│")[4].strip() == "125"
    assert len(_names(tmp_path, "feed=tower-hamlets&per_page=100&status=active,inactive,"
                                "defunct,temporarily closed")) == 100
    status = runner.invoke(main, ["feeds", "status"])
    assert status.exit_code == 0, status.output
    assert "unmapped 'Council tax' (Tower Hamlets Connect tags thc-tag-90): 2 records" in \
        status.output
    assert "lewisham: next incremental sync asks for changes after 2026-" in status.output
    again = runner.invoke(main, ["feeds", "sync", "lewisham"])
    assert again.exit_code == 0
    line = next(line for line in again.output.splitlines() if line.startswith("│ lewisham"))
    assert [cell.strip() for cell in line.split("│")[2:9]] == [
        "changes", "ok", "0", "0", "145", "0", "0"]


def test_rejects_are_named_and_a_failed_feed_exits_1(runner: CliRunner,
                                                      install_plugin: Install,  # noqa: F811
                                                      tmp_path: Path) -> None:
    install_plugin("linkwell_test_sheets", f"""
        from linkwell.plugins import Feed, hookimpl

        @hookimpl
        def linkwell_feeds():
            return [Feed(name="sheet", area="Camden", kind="csv",
                         location={str(CAMDEN / "assets-with-errors.csv")!r}),
                    Feed(name="gone", area="Camden", kind="csv",
                         location={str(tmp_path / "missing.csv")!r})]
    """)
    result = runner.invoke(main, ["feeds", "sync", "sheet"])
    assert result.exit_code == 0, result.output
    assert "rejected sheet row 12: start_time: '25:99' is not a time (use HH:MM, e.g. " \
        "10:30)" in result.output
    assert "rejected sheet row 13: name: is empty" in result.output
    status = runner.invoke(main, ["feeds", "status", "sheet"])
    assert "sheet: 2 rejects in the last run" in status.output
    failed = runner.invoke(main, ["feeds", "sync", "gone", "sheet"])
    assert failed.exit_code == 1
    assert "gone failed" in failed.output and "neither a file nor a folder" in failed.output
    assert "failed" in runner.invoke(main, ["feeds", "status", "gone"]).output


def test_sync_needs_a_feed_it_knows(runner: CliRunner) -> None:
    nothing = runner.invoke(main, ["feeds", "sync"])
    assert nothing.exit_code == 2 and "--all" in nothing.output
    unknown = runner.invoke(main, ["feeds", "sync", "hackney"])
    assert unknown.exit_code == 2 and "no feed named hackney" in unknown.output
