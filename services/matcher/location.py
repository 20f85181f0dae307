"""Where the person starts from: a postcode found through the geocoder plugins, or a point."""

from __future__ import annotations

import re
from typing import Any

import pluggy

# Outward code (area, district, optional letter) and inward code, written without the space.
_POSTCODE = re.compile(r"(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)")


class UnknownPostcode(ValueError):
    """The postcode is not a UK postcode, or no geocoder knows it."""


def normalise_postcode(text: str) -> str | None:
    """``se64ru`` -> ``SE6 4RU``; None when it is not shaped like a UK postcode."""
    letters = "".join(text.split()).upper()
    if not _POSTCODE.fullmatch(letters):
        return None
    return f"{letters[:-3]} {letters[-3:]}"


def geocode(pm: pluggy.PluginManager, postcode: str) -> tuple[float, float]:
    """The latitude and longitude of a postcode, from the first geocoder plugin that knows it."""
    normal = normalise_postcode(postcode)
    if normal is None:
        raise UnknownPostcode("is not a UK postcode (e.g. SE6 4RU)")
    found = pm.hook.linkwell_geocode(postcode=normal)
    if not found:
        raise UnknownPostcode("we could not find this postcode: check it, or give lat and lon "
                              "instead")
    lat, lon = found
    return float(lat), float(lon)


def resolve(pm: pluggy.PluginManager, location: dict[str, Any] | None) -> tuple[float,
                                                                              float] | None:
    """The point a request's location names, or None when it gives none."""
    if not location:
        return None
    if "postcode" in location:
        return geocode(pm, str(location["postcode"]))
    return float(location["lat"]), float(location["lon"])
