"""The three demo borough plugins: their feeds, a sync of all of them, Tower Hamlets' crosswalk."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Flask

from linkwell.feeds.state import SyncState
from linkwell.feeds.sync import sync_feeds
from linkwell.ids import asset_id_for
from linkwell.plugins import Feed
from linkwell.plugins.manager import feeds, plugin_manager
from linkwell.taxonomy import FACETS_TAXONOMY_NAME, TAXONOMY_NAME
from tests.syncing import TOKEN

TOWER_HAMLETS = Path(__file__).resolve().parents[2] / "plugins" / "tower_hamlets" / \
    "linkwell_tower_hamlets" / "data"
DEMO = {"lewisham": ("Lewisham", "oruk3", 145), "tower-hamlets": ("Tower Hamlets", "oruk1", 112),
        "camden": ("Camden", "csv", 125)}


def test_the_demo_boroughs_register_their_feeds(tmp_path: Path) -> None:
    found = feeds(plugin_manager(allow=["lewisham", "tower_hamlets", "camden"],
                                 config={"DATA_DIR": str(tmp_path)}))
    assert {name: (f.area, f.kind) for name, f in found.items()} == {
        name: (area, kind) for name, (area, kind, _) in DEMO.items()}


def test_every_demo_feed_syncs_with_no_rejects_and_a_rerun_changes_nothing(app: Flask) -> None:
    from linkwell.client import ServiceClient

    pm = plugin_manager(allow=["lewisham", "tower_hamlets", "camden"], config=app.config)
    client = ServiceClient(app=app, token=TOKEN)
    state = SyncState(app.config["DATA_DIR"])
    runs = sync_feeds(pm, client, state, feeds(pm).values(), full=True)
    assert {r.feed.name: (r.status, r.counts["added"], r.rejects) for r in runs} == {
        name: ("ok", count, []) for name, (_, _, count) in DEMO.items()}
    again = sync_feeds(pm, client, state, feeds(pm).values(), full=True)
    assert {r.feed.name: r.counts["unchanged"] for r in again} == {
        name: count for name, (_, _, count) in DEMO.items()}
    tower_hamlets = next(r for r in runs if r.feed.name == "tower-hamlets")
    _check_crosswalk(app, tower_hamlets.unmapped)


def _check_crosswalk(app: Flask, unmapped: dict[tuple[str, str, str], int]) -> None:
    """Every service ends up with the activity types and audiences the crosswalk gives."""
    expected = json.loads((TOWER_HAMLETS / "expected_activity_types.json").read_text())
    backend = app.extensions["linkwell.backend"]
    wanted_unmapped: dict[str, int] = {}
    for source_id, want in expected["services"].items():
        stored = backend.get(asset_id_for(source_id, "tower-hamlets"))
        assert stored is not None, want["name"]
        codes = {a["taxonomy_term"]["code"] for a in stored.record.get("attributes", [])
                 if a["taxonomy_term"].get("taxonomy") in (TAXONOMY_NAME, FACETS_TAXONOMY_NAME)}
        assert set(want["activity_types"]) <= codes, want["name"]
        assert {f"audience:{a}" for a in want.get("audience", [])} <= codes, want["name"]
        assert set(want["activity_types"]) <= {c["id"] for c in stored.summary["concepts"]}
        for term in want.get("unmapped_terms", []):
            wanted_unmapped[term] = wanted_unmapped.get(term, 0) + 1
    assert {name: n for (_, _, name), n in unmapped.items()} == wanted_unmapped


def test_hook_map_term_tower_hamlets_crosswalk(tmp_path: Path) -> None:
    import linkwell_tower_hamlets as plugin

    feed = Feed(name="tower-hamlets", area="Tower Hamlets", kind="oruk1", location="x")
    esd = {"taxonomy": "esdServiceTypes", "code": "298", "name": "Carers support groups"}
    assert plugin.linkwell_map_term(feed, esd) == ["peer_support.carers"]
    over_50s = {"taxonomy": "Tower Hamlets Connect tags", "code": "thc-tag-80"}
    answer = plugin.linkwell_map_term(feed, over_50s)
    assert answer is None or all(code.startswith("audience:") for code in answer)
    council_tax = {"taxonomy": "Tower Hamlets Connect tags", "code": "thc-tag-90"}
    assert plugin.linkwell_map_term(feed, council_tax) == []  # listed, means nothing to us
    assert plugin.linkwell_map_term(feed, {"taxonomy": "other", "code": "1"}) is None
    other_feed = Feed(name="camden", area="Camden", kind="csv", location="x")
    assert plugin.linkwell_map_term(other_feed, esd) is None
