"""The Tower Hamlets demo feed (ORUK 1.0) as the converter's tests read it: its pages, its
services, each converted once, and small checks the tests share."""

from __future__ import annotations

import copy
import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from linkwell.feeds.oruk1 import convert_service, iter_page_services

REPO = Path(__file__).parents[2]
DATA = REPO / "plugins" / "tower_hamlets" / "linkwell_tower_hamlets" / "data"
FEED = "tower-hamlets"
V1_SPELLING = {"eligibilitys": "eligibilities", "service_taxonomys": "service_taxonomies"}
# Rough centres of the postcode districts the feed uses, to catch a point in the wrong place.
DISTRICT_CENTRES = {
    "E1": (51.517, -0.059), "E1W": (51.507, -0.058), "E2": (51.529, -0.060),
    "E3": (51.527, -0.025), "E14": (51.502, -0.017), "E8": (51.543, -0.065),
    "E16": (51.510, 0.025), "E20": (51.543, -0.013), "EC3N": (51.511, -0.076),
}


@cache
def pages() -> tuple[dict[str, Any], ...]:
    files = sorted(DATA.glob("services-page-*.json"), key=lambda p: int(p.stem.split("-")[-1]))
    return tuple(json.loads(p.read_text(encoding="utf-8")) for p in files)


def v1_services() -> list[dict[str, Any]]:
    return [s for page in pages() for s in iter_page_services(page)]


@cache
def converted() -> dict[str, dict[str, Any]]:
    """Every demo service converted, keyed by its v1 id."""
    return {s["id"]: convert_service(s, feed=FEED) for s in v1_services()}


def v1_by_name(name: str) -> dict[str, Any]:
    return copy.deepcopy(next(s for s in v1_services() if s["name"] == name))


def is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
