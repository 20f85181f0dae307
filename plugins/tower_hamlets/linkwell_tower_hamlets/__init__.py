"""Linkwell plugin: demo community assets for Tower Hamlets,
published as a legacy Open Referral UK 1.0 API feed.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

from linkwell.plugins import Feed, hookimpl
from linkwell.plugins.area import borough_hooks

AREA = "Tower Hamlets"
FEED = "tower-hamlets"
DATA = Path(__file__).parent / "data"

linkwell_feeds, linkwell_postcode_files, linkwell_place_files = borough_hooks(
    DATA, Feed(name=FEED, area=AREA, kind="oruk1", location=str(DATA),
               title="Tower Hamlets Connect (demo, legacy Open Referral UK 1.0 pages)",
               options={"pattern": "services-page-*.json"}))


@hookimpl
def linkwell_map_term(feed: Feed, term: dict[str, Any]) -> list[str] | None:
    """The council's terms (esd service types and its own tags) through ``crosswalk.json``.

    A term the crosswalk lists but maps to nothing ("Council tax") answers an empty list, so
    it is reported as unmapped rather than guessed at; a term it does not list is left to
    Linkwell's own matching.
    """
    if feed.name != FEED:
        return None
    return crosswalk().get((str(term.get("taxonomy") or ""), str(term.get("code") or "")))


@cache
def crosswalk() -> dict[tuple[str, str], list[str]]:
    """(vocabulary, term id) -> Linkwell activity types and audience facet codes."""
    data = json.loads((DATA / "crosswalk.json").read_text(encoding="utf-8"))
    return {(vocabulary, code): [*entry.get("activity_types", []),
                                 *(f"audience:{a}" for a in entry.get("audience", []))]
            for vocabulary, terms in data["vocabularies"].items()
            for code, entry in terms.items()}
