"""The plugin contract: every hook documented and tested, start-up checks, installed plugins."""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from linkwell.cli import main
from linkwell.feeds.terms import TermMapper
from linkwell.plugins import Feed, FetchedRecord, hookimpl, hookspecs
from linkwell.plugins.manager import (
    PluginError,
    adjust_record,
    feeds,
    plugin_manager,
    postcode_files,
)
from tests.factory import service
from tests.plugins.conftest import Install
from tests.syncing import MemoryFeed, plugins, run_sync

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "plugins.md"
HOOKS = sorted(name for name, value in vars(hookspecs).items()
               if callable(value) and hasattr(value, "linkwell_spec"))


def hook_tests() -> dict[str, list[str]]:
    """Test functions named ``test_hook_<hook without linkwell_>...`` anywhere in tests/."""
    found: dict[str, list[str]] = {hook: [] for hook in HOOKS}
    for path in (ROOT / "tests").rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_hook_"):
                for hook in HOOKS:
                    short = hook.removeprefix("linkwell_")
                    if node.name == f"test_hook_{short}" or node.name.startswith(
                            f"test_hook_{short}_"):
                        found[hook].append(f"{path.name}::{node.name}")
    return found


def test_the_contract_has_the_hooks_feeds_need() -> None:
    assert {"linkwell_feeds", "linkwell_fetch", "linkwell_map_term", "linkwell_geocode",
            "linkwell_adjust_record"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_and_has_a_test_of_its_own(hook: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert len(doc.split()) >= 25, f"{hook}'s docstring is the plugin author's documentation"
    assert f"### `{hook}`" in DOCS.read_text(), f"docs/plugins.md has no section on {hook}"
    assert hook_tests()[hook], f"no test named test_hook_{hook.removeprefix('linkwell_')}_..."


def test_a_misspelled_hook_stops_start_up(install_plugin: Install,
                                          monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    install_plugin("linkwell_typo", """
        from linkwell.plugins import hookimpl

        @hookimpl
        def linkwell_feed():  # should be linkwell_feeds
            return []
    """)
    with pytest.raises(PluginError, match="linkwell_feed"):
        plugin_manager(config={"DATA_DIR": str(tmp_path)})
    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path / "var"))
    result = CliRunner().invoke(main, ["feeds", "list"])
    assert result.exit_code == 2
    assert "linkwell_feed" in result.output and "unknown hook" in result.output


def test_installing_a_plugin_package_adds_its_feed(install_plugin: Install, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "hackney.json"
    data.write_text(json.dumps([service("hackney-1", "Hackney Marshes Health Walk",
                                        concepts=("moving_more.walking",), region="Hackney")]))
    install_plugin("linkwell_hackney", f"""
        from linkwell.plugins import Feed, hookimpl

        @hookimpl
        def linkwell_feeds():
            return [Feed(name="hackney", area="Hackney", kind="oruk3", location={str(data)!r})]
    """)
    found = feeds(plugin_manager(config={"DATA_DIR": str(tmp_path)}))
    assert found["hackney"].area == "Hackney"
    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("LINKWELL_SEARCH_BACKEND", "sqlite")
    monkeypatch.delenv("LINKWELL_DIRECTORY_URL", raising=False)
    runner = CliRunner()
    assert "hackney" in runner.invoke(main, ["feeds", "list"]).output
    result = runner.invoke(main, ["feeds", "sync", "hackney"])
    assert result.exit_code == 0, result.output
    from linkwell.directory import create_app

    app = create_app({"DATA_DIR": str(tmp_path / "var"), "SEARCH_BACKEND": "sqlite"})
    names = [r["name"] for r in app.test_client().get("/services?feed=hackney").json["results"]]
    assert names == ["Hackney Marshes Health Walk"]


def test_the_allow_list_limits_the_installed_plugins(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    everything = feeds(plugin_manager(config={"DATA_DIR": str(tmp_path)}))
    assert {"lewisham", "camden", "tower-hamlets"} <= set(everything)
    only = plugin_manager(config={"DATA_DIR": str(tmp_path), "PLUGINS": "lewisham, camden"})
    assert set(feeds(only)) == {"lewisham", "camden"}
    # The built-in readers still load: Lewisham's feed can be read.
    assert only.hook.linkwell_fetch(feed=everything["lewisham"], modified_after=None)
    monkeypatch.setenv("LINKWELL_PLUGINS", "tower_hamlets")
    from linkwell.config import settings

    assert set(feeds(plugin_manager(config=settings()))) == {"tower-hamlets"}


# --- one test per hook ----------------------------------------------------------------------


class _Borough:
    def __init__(self, *names: str) -> None:
        self.names = names

    @hookimpl
    def linkwell_feeds(self) -> list[Feed]:
        return [Feed(name=n, area="Hackney", kind="oruk3", location="x") for n in self.names]


def bare(tmp_path: Path, *extra: object) -> Any:
    """The built-ins and the given plugins only (no directory needed)."""
    pm = plugin_manager(allow=[], config={"DATA_DIR": str(tmp_path)})
    for plugin in extra:
        pm.register(plugin)
    return pm


def test_hook_feeds_are_combined_and_a_name_may_be_claimed_once(tmp_path: Path) -> None:
    pm = bare(tmp_path, _Borough("hackney"), _Borough("haringey", "hackney-east"))
    assert set(feeds(pm)) == {"hackney", "haringey", "hackney-east"}
    pm.register(_Borough("hackney"))
    with pytest.raises(PluginError, match="hackney"):
        feeds(pm)
    with pytest.raises(PluginError, match="'Hackney Council' is not allowed"):
        feeds(bare(tmp_path, _Borough("Hackney Council")))


class _Reader:
    def __init__(self, kind: str, label: str) -> None:
        self.kind, self.label = kind, label

    @hookimpl
    def linkwell_fetch(self, feed: Feed, modified_after: str | None) -> Any:
        if feed.kind != self.kind:
            return None
        return [FetchedRecord(source_id=self.label)]


def test_hook_fetch_the_reader_for_the_kind_answers(tmp_path: Path) -> None:
    pm = bare(tmp_path, _Reader("gml", "first"), _Reader("gml", "second"),
                 _Reader("other", "other"))
    feed = Feed(name="x", area="y", kind="gml", location="z")
    answer = pm.hook.linkwell_fetch(feed=feed, modified_after=None)
    assert [r.source_id for r in answer] == ["second"]  # the first to answer wins
    unknown = Feed(name="x", area="y", kind="unheard-of", location="z")
    assert pm.hook.linkwell_fetch(feed=unknown, modified_after=None) is None


class _Crosswalk:
    def __init__(self, answers: dict[str, list[str] | None]) -> None:
        self.answers = answers

    @hookimpl
    def linkwell_map_term(self, feed: Feed, term: dict[str, Any]) -> list[str] | None:
        return self.answers.get(str(term.get("name")))


def test_hook_map_term_answers_are_combined_and_empty_means_unmapped(tmp_path: Path) -> None:
    pm = bare(tmp_path, _Crosswalk({"Strollers": ["moving_more.walking"], "Council tax": [],
                                  "Knitting": ["not.a.concept"]}),
                 _Crosswalk({"Strollers": ["audience:older_people"]}))
    mapper = TermMapper(pm, Feed(name="x", area="y", kind="oruk3", location="z"))
    assert mapper.codes({"name": "Strollers"}) == ["audience:older_people",
                                                   "moving_more.walking"]
    assert mapper.codes({"name": "Council tax"}) == []  # a plugin said: nothing
    assert mapper.codes({"name": "Knitting"}) == []  # unknown ids are ignored
    assert mapper.codes({"name": "Choir"}) == ["creative.singing_music"]  # Linkwell's own


class _Geocoder:
    def __init__(self, point: tuple[float, float] | None) -> None:
        self.point = point
        self.asked: list[str] = []

    @hookimpl
    def linkwell_geocode(self, postcode: str) -> tuple[float, float] | None:
        self.asked.append(postcode)
        return self.point


def _venue_without_point(slug: str, postcode: str) -> dict[str, Any]:
    record = service(slug, f"Group at {postcode}", postcode=postcode)
    location = record["service_at_locations"][0]["location"]
    del location["latitude"], location["longitude"]
    return record


def test_hook_geocode_first_answer_places_venues_without_coordinates(app: Flask) -> None:
    unknown, second, first = _Geocoder(None), _Geocoder((51.46, -0.01)), _Geocoder(None)
    placed = _venue_without_point("geo-a", "se64ru")
    already = service("geo-b", "Group With A Point")
    feed = MemoryFeed(records=[placed, already])
    run = run_sync(app, plugins(app, unknown, second, first, feed), feed.feed)
    assert run.ok and run.geocoded == 1
    assert first.asked == ["SE6 4RU"] and second.asked == ["SE6 4RU"] and unknown.asked == []
    location = app.extensions["linkwell.backend"].get(placed["id"]).record[
        "service_at_locations"][0]["location"]
    assert (location["latitude"], location["longitude"]) == (51.46, -0.01)
    stored = app.extensions["linkwell.backend"].get(already["id"]).record
    assert stored == already  # a venue with coordinates keeps them; nothing asked


def test_hook_geocode_no_answer_leaves_the_venue_as_it_was(app: Flask) -> None:
    placed = _venue_without_point("geo-c", "E1 6AN")
    feed = MemoryFeed(records=[placed])
    run = run_sync(app, plugins(app, _Geocoder(None), feed), feed.feed)
    assert run.ok and run.geocoded == 0 and run.counts["added"] == 1
    location = app.extensions["linkwell.backend"].get(placed["id"]).record[
        "service_at_locations"][0]["location"]
    assert "latitude" not in location


class _Fixer:
    def __init__(self, key: str, value: str) -> None:
        self.key, self.value = key, value

    @hookimpl
    def linkwell_adjust_record(self, feed: Feed, record: dict[str, Any]) -> dict[str, Any]:
        return {**record, self.key: record.get(self.key, "") + self.value}


class _Broken:
    @hookimpl
    def linkwell_adjust_record(self, feed: Feed, record: dict[str, Any]) -> None:
        if record["name"].startswith("Broken"):
            raise KeyError("status")


def test_hook_adjust_record_plugins_are_chained(app: Flask) -> None:
    pm = plugins(app, _Fixer("description", " one"), _Fixer("description", " two"))
    feed = Feed(name="x", area="y", kind="memory", location="z")
    assert adjust_record(pm, feed, {"description": "start"})["description"] == "start two one"
    good, broken = service("adj-1", "Adjusted Group"), service("adj-2", "Broken Group")
    memory = MemoryFeed(records=[good, broken])
    pm.register(memory)
    assert run_sync(app, pm, memory.feed).counts["added"] == 2
    pm.register(_Broken())  # from now on, one record trips a plugin up
    run = run_sync(app, pm, memory.feed)
    assert run.counts["unchanged"] == 1 and run.counts["rejected"] == 1
    assert "linkwell_adjust_record failed" in run.rejects[0].reason
    assert run.counts["withdrawn"] == 0  # still listed by the feed: its asset stays
    assert app.test_client().get(f"/services/{broken['id']}").status_code == 200
    stored = app.extensions["linkwell.backend"].get(good["id"]).record
    assert stored["description"].endswith(" two one")


class _Postcodes:
    def __init__(self, *paths: str) -> None:
        self.paths = paths

    @hookimpl
    def linkwell_postcode_files(self) -> list[Path]:
        return [Path(p) for p in self.paths]


def test_hook_postcode_files_are_combined_from_every_plugin(tmp_path: Path) -> None:
    pm = bare(tmp_path, _Postcodes("a.csv"), _Postcodes("b.csv", "c.csv"))
    assert sorted(p.name for p in postcode_files(pm)) == ["a.csv", "b.csv", "c.csv"]
