"""Places as people give them: a full postcode, its first half, a place name, or a point.

A full postcode no geocoder knows yet (a new estate, a table a few months old) is placed at
the middle of its sector, else of its district; a district alone ("SE6") at its middle; a
place name where a plugin knows it. The answer says in words what was done with what the
person typed. Only text that is not the shape of any of these is refused: a place that
cannot be found still gets options, without distances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pluggy

from linkwell.geo import Located
from linkwell.geo.postcode import district_of, normalise_district, normalise_postcode, sector_of

# A place name as people type one: letters of any alphabet (Ynys Môn), spaces, apostrophes
# (straight or curly), full stops, hyphens and "&"; no digits, so no half-typed postcode.
_PLACE = re.compile(r"[^\W\d_](?:[^\W\d_]|[' ’.&-]){1,40}")


class UnknownPostcode(ValueError):
    """Text that is not a postcode, a district or a place name."""


def tidy(text: str) -> str | None:
    """What a person typed for a place, tidied: a postcode or district in standard form, a
    place name with single spaces; None when it has the shape of none of them."""
    found = normalise_postcode(text) or normalise_district(text)
    if found:
        return found
    return " ".join(text.split()) if _PLACE.fullmatch(text.strip()) else None


def is_place_text(text: str) -> bool:
    """Whether text has the shape of a postcode, a district or a place name."""
    return tidy(text) is not None


@dataclass(frozen=True)
class Place:
    """Where distances are measured from, how precisely, and what to tell the person."""

    point: tuple[float, float] | None
    precision: str  # point, postcode, sector, district, place or unknown
    said: str | None = None  # what the person typed, tidied
    note: str | None = None  # in words, when the point is not the place they gave
    found: str | None = None  # the place a gazetteer took a name for: "Kentish Town (Camden)"
    source: str | None = None  # which gazetteer or service said so

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"precision": self.precision}
        if self.point is not None:
            out.update(lat=self.point[0], lon=self.point[1])
        if self.said:
            out["given"] = self.said
        if self.note:
            out["note"] = self.note
        if self.found:
            out["found"] = self.found
        if self.source:
            out["source"] = self.source
        return out


def place(pm: pluggy.PluginManager, text: str) -> Place:
    """A postcode, a district or a place name, placed as precisely as anything knows it."""
    postcode = normalise_postcode(text)
    if postcode is not None:
        return _postcode(pm, postcode)
    district = normalise_district(text)
    if district is not None:
        return _area(pm, district, "district", district,
                     f"Distances are from the middle of {district}")
    name = tidy(text)
    if name is None:
        raise UnknownPostcode("must be a UK postcode (SE6 4RU), its first half (SE6) or a place "
                              "name; or give lat and lon instead")
    return _area(pm, name, "place", name, f"Distances are from the middle of {_titled(name)}")


def _postcode(pm: pluggy.PluginManager, postcode: str) -> Place:
    found = pm.hook.linkwell_geocode(postcode=postcode)
    if found:
        return Place((float(found[0]), float(found[1])), "postcode", postcode)
    for area, precision in ((sector_of(postcode), "sector"), (district_of(postcode), "district")):
        point = pm.hook.linkwell_locate_area(area=area)
        if point:
            return Place((float(point[0]), float(point[1])), precision, postcode,
                         f"We do not know {postcode} itself yet: distances are from the middle "
                         f"of {area}")
    return Place(None, "unknown", postcode, f"We could not find {postcode}, so these options "
                                            "are not sorted by distance. Check the postcode, "
                                            "or try its first half (like SE6)")


def _area(pm: pluggy.PluginManager, area: str, precision: str, said: str, note: str) -> Place:
    point = pm.hook.linkwell_locate_area(area=area)
    if isinstance(point, Located):  # a gazetteer's answer says which place it took
        return Place((float(point[0]), float(point[1])), precision, said,
                     f"Distances are from the middle of {point.described}", point.described,
                     point.source or None)
    if point:
        return Place((float(point[0]), float(point[1])), precision, said, note)
    return Place(None, "unknown", said, f"We could not find {said}, so these options are not "
                                        "sorted by distance")


def _titled(name: str) -> str:
    """A typed place name with capitals where a person would expect them: ``kentish town`` ->
    ``Kentish Town``; a name typed with capitals already is left as typed."""
    if name not in (name.lower(), name.upper()):
        return name
    return " ".join(word[:1].upper() + word[1:].lower() for word in name.split())
