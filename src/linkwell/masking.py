"""Masked places: a listing whose venue must not be found (a refuge, a safe house).

A location says so with ``hide_address: true`` (an extension field on the HSDS/ORUK
``location`` object; readers that do not know it ignore it, as HSDS allows). Linkwell then
keeps only the area: the street lines, the full postcode and the venue's own name are
dropped *before* the record is stored, and its point is snapped to a grid of about 1 km, so
no search result, API answer, page, map, print sheet, log line or index entry can carry the
exact address: it never enters the index. People reach the group through a referral.
"""

from __future__ import annotations

import math
from typing import Any

HIDE_FIELD = "hide_address"
# About 1 km at London's latitude: 0.01 degrees of latitude is 1.11 km, 0.015 of longitude 1.04 km.
LAT_STEP = 0.01
LON_STEP = 0.015
# What a masked location keeps: the fields that say what it offers, not where it is.
KEPT_LOCATION_FIELDS = ("id", "location_type", HIDE_FIELD, "accessibility", "languages",
                        "schedules", "attributes")
KEPT_ADDRESS_FIELDS = ("id", "city", "region", "state_province", "country", "address_type")


def is_masked(location: Any) -> bool:
    """Whether a location asks for its address to be hidden."""
    if not isinstance(location, dict):
        return False
    flag = location.get(HIDE_FIELD)
    return flag is True or (isinstance(flag, str) and flag.strip().lower() in ("true", "yes", "1"))


def record_is_masked(record: dict[str, Any]) -> bool:
    """Whether any of a record's locations hides its address."""
    return any(is_masked(sal.get("location")) for sal in record.get("service_at_locations") or []
               if isinstance(sal, dict))


def mask_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record with every hidden location reduced to its area (idempotent)."""
    sals = record.get("service_at_locations")
    if not isinstance(sals, list) or not record_is_masked(record):
        return record
    masked = []
    for sal in sals:
        if isinstance(sal, dict) and is_masked(sal.get("location")):
            sal = {**{k: v for k, v in sal.items() if k not in ("location", "description")},
                   "location": mask_location(sal["location"])}
        masked.append(sal)
    return {**record, "service_at_locations": masked}


def mask_location(location: dict[str, Any]) -> dict[str, Any]:
    """A location's area only: town, region, postcode district, a point rounded to ~1 km."""
    out: dict[str, Any] = {k: location[k] for k in KEPT_LOCATION_FIELDS if k in location}
    out[HIDE_FIELD] = True
    out["addresses"] = [_area_of(a) for a in location.get("addresses") or [] if isinstance(a, dict)]
    lat, lon = location.get("latitude"), location.get("longitude")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        out["latitude"], out["longitude"] = rounded_point(float(lat), float(lon))
    return out


def rounded_point(lat: float, lon: float) -> tuple[float, float]:
    """The centre of the ~1 km grid cell holding a point: distances are measured to this."""
    return (round((math.floor(lat / LAT_STEP) + 0.5) * LAT_STEP, 4),
            round((math.floor(lon / LON_STEP) + 0.5) * LON_STEP, 4))


def postcode_district(postcode: Any) -> str:
    """The outward half of a UK postcode ("SE15 4QL" -> "SE15"): an area, not a door."""
    text = " ".join(str(postcode or "").upper().split())
    if " " in text:
        return text.split(" ")[0]
    return text if len(text) <= 4 else text[:-3]  # already a district, or "SE156ZQ"


def _area_of(address: dict[str, Any]) -> dict[str, Any]:
    out = {k: address[k] for k in KEPT_ADDRESS_FIELDS if address.get(k)}
    district = postcode_district(address.get("postal_code"))
    if district:
        out["postal_code"] = district
    return out
