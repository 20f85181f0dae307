"""Where the person starts from: their location field, placed as people give it
(``linkwell.geo.places``)."""

from __future__ import annotations

from typing import Any

import pluggy

from linkwell.geo.places import Place, UnknownPostcode, place

__all__ = ["Place", "UnknownPostcode", "resolve"]


def resolve(pm: pluggy.PluginManager, location: dict[str, Any] | None) -> Place | None:
    """The place a request's location names, or None when it gives none."""
    if not location:
        return None
    if "postcode" not in location:
        return Place((float(location["lat"]), float(location["lon"])), "point")
    return place(pm, str(location["postcode"]))
