"""Linkwell's ids are stored everywhere (assets, nested entities, terms): they must never move.

``linkwell.ids`` is the one home of the ``uuid5("linkwell:{feed}:{kind}:...")`` scheme that six
modules used to spell out. The first tests pin single ids; the last converts every demo feed
(readers, plugin hooks, term mapping, asset ids) and compares a digest of all the ids with the
one the code gave before the scheme moved (issue 17): 19,630 ids, byte for byte.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from pathlib import Path
from typing import Any

from linkwell import ids
from linkwell.feeds.terms import TermMapper
from linkwell.plugins.manager import DEFAULT_PLUGINS, adjust_record, feeds, plugin_manager

# Computed with the code of commit 3e0a0a8 (before linkwell.ids), from the demo plugins.
DEMO_IDS = 19630
DEMO_DIGEST = "3caf9e63765939b954f85756ba8fba1afb3d5e3377e6de4238f8a041db4665df"


def test_feed_ids_are_uuid5_of_the_linkwell_name() -> None:
    assert ids.feed_id("camden", "service", "thc-0042") == "17dda68b-af6f-5504-89ce-5dfbba83ea9f"
    assert ids.feed_id("f", "accessibility", "venue", "step-free") == _uuid5(
        "linkwell:f:accessibility:venue:step-free")
    assert ids.asset_id_for("thc-0042", "camden") == "17dda68b-af6f-5504-89ce-5dfbba83ea9f"


def test_a_source_uuid_is_kept_in_canonical_form() -> None:
    own = "6F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9"
    assert ids.asset_id_for(own, "camden") == own.lower()
    assert ids.source_id("camden", "location", own) == own.lower()
    assert not ids.is_uuid(None) and not ids.is_uuid("thc-0042") and ids.is_uuid(own)


def test_url_uuid5_spells_what_the_uuid_module_does() -> None:
    """The bulk load's quick uuid5 is the uuid module's, text for text, on varied names."""

    rng = random.Random(12)
    alphabet = "abcXYZ019 :-_/.éüß€中😀\t"
    names = ["", "linkwell", "linkwell:f:service:", *(
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        for _ in range(2000))]
    assert [ids.url_uuid5(n) for n in names] == [_uuid5(n) for n in names]


def test_is_uuid_agrees_with_the_uuid_module() -> None:
    own = "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
    for value in (own, own.upper(), own.replace("-", ""), "{" + own + "}", "urn:uuid:" + own,
                  own[:-1] + "g", own[:-1], own + "0", " " + own, "thc-0042", ""):
        try:
            uuid.UUID(value)
            expected = True
        except ValueError:
            expected = False
        assert ids.is_uuid(value) is expected, value


def test_term_ids_of_linkwell_concepts() -> None:
    assert ids.term_id("delivery:online") == "8cc57dba-24ee-5890-8960-cebde0aacb8b"


def test_every_demo_id_is_what_it_was(tmp_path: Path) -> None:
    readers = [p for p in DEFAULT_PLUGINS if ".geo." not in p]  # no geocoding: ids only
    pm = plugin_manager(builtins=readers, config={"DATA_DIR": str(tmp_path)})
    found: list[str] = []
    demo = feeds(pm)
    assert {"camden", "lewisham", "tower-hamlets"} <= set(demo)
    for name in ("camden", "lewisham", "tower-hamlets"):
        feed = demo[name]
        mapper = TermMapper(pm, feed)
        for fetched in pm.hook.linkwell_fetch(feed=feed, modified_after=None):
            if fetched.record is None:
                found.append(f"{name}:{fetched.source_id}:{fetched.error}")
                continue
            record = adjust_record(pm, feed, fetched.record)
            mapper.map_record(record)
            found.append(ids.asset_id_for(str(record["id"]), name))
            _collect(record, found)
    assert len(found) == DEMO_IDS
    assert hashlib.sha256("\n".join(found).encode()).hexdigest() == DEMO_DIGEST


def _collect(value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "id" or key.endswith("_id")) and isinstance(item, str):
                out.append(item)
            _collect(item, out)
    elif isinstance(value, list):
        for item in value:
            _collect(item, out)


def _uuid5(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))
