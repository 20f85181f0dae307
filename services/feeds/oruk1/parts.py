"""The nested parts of an ORUK 1.0 service: locations, languages, costs, contacts,
funding and service areas."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from linkwell.feeds.oruk1.common import (
    LANGUAGE_CODES,
    LANGUAGES,
    PHONE_TYPES,
    JsonDict,
    _Context,
    _date,
    _email,
    _list,
    _mapping,
    _number,
    _put,
    _text,
    _url,
)
from linkwell.masking import is_masked

# --- locations ------------------------------------------------------------------------------


def _service_at_location(raw: Any, path: str, ctx: _Context) -> JsonDict:
    sal = _mapping(raw, path, ctx)
    location = sal.get("location")
    if not isinstance(location, Mapping):
        ctx.fail(f"{path}.location", "is required")
    loc = _location(location, f"{path}.location", ctx)
    out: JsonDict = {
        "id": ctx.entity_id("service_at_location", sal.get("id"), path),
        "service_id": ctx.service_id,
        "location_id": loc["id"],
    }
    _put(out, "description", _text(sal.get("description")))
    out["location"] = loc
    return out


def _location(loc: Mapping[str, Any], path: str, ctx: _Context) -> JsonDict:
    loc_id = ctx.entity_id("location", loc.get("id"), path)
    addresses = [_address(a, f"{path}.physical_addresses[{i}]", loc_id, ctx)
                 for i, a in enumerate(_list(loc, "physical_addresses", ctx, path))]
    latitude = _coordinate(loc.get("latitude"), f"{path}.latitude", 90, ctx)
    longitude = _coordinate(loc.get("longitude"), f"{path}.longitude", 180, ctx)
    if (latitude is None) != (longitude is None):
        ctx.fail(f"{path}.latitude", "latitude and longitude must come together")
    # A v1 location with neither an address nor a point is how feeds write "online".
    physical = bool(addresses) or latitude is not None
    out: JsonDict = {"id": loc_id, "location_type": "physical" if physical else "virtual"}
    _put(out, "name", _text(loc.get("name")))
    _put(out, "description", _text(loc.get("description")))
    _put(out, "latitude", latitude)
    _put(out, "longitude", longitude)
    _put(out, "addresses", addresses)
    access = [_accessibility(a, f"{path}.accessibility_for_disabilities[{i}]", loc_id, ctx)
              for i, a in enumerate(_list(loc, "accessibility_for_disabilities", ctx, path))]
    _put(out, "accessibility", access)
    if is_masked(loc):  # a refuge's feed asks Linkwell to keep its address (linkwell.masking)
        out["hide_address"] = True
    return out


def _address(raw: Any, path: str, location_id: str, ctx: _Context) -> JsonDict:
    address = _mapping(raw, path, ctx)
    line_1 = _text(address.get("address_1"))
    postcode = _text(address.get("postal_code"))
    if not line_1:
        ctx.fail(f"{path}.address_1", "is required")
    if not postcode:
        ctx.fail(f"{path}.postal_code", "is required")
    city = _text(address.get("city")) or _text(address.get("state_province"))
    if not city:
        ctx.fail(f"{path}.city", "is required")
    out: JsonDict = {
        "id": ctx.entity_id("address", address.get("id"), path),
        "location_id": location_id,
        "address_1": line_1,
        "city": city,
        # v1 feeds often leave the county empty; HSDS requires one, and the city is never wrong.
        "state_province": _text(address.get("state_province")) or city,
        "postal_code": " ".join(postcode.upper().split()),
        # The UK profile says "Use 'GB'", and a UK feed that omits it means GB.
        "country": (_text(address.get("country")) or "GB").upper(),
        "address_type": "physical",
    }
    for extra in ("address_2", "region", "attention"):
        _put(out, extra, _text(address.get(extra)))
    return out


def _accessibility(raw: Any, path: str, location_id: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    out: JsonDict = {"id": ctx.entity_id("accessibility", item.get("id"), path),
                     "location_id": location_id}
    _put(out, "description", _text(item.get("accessibility")))
    _put(out, "details", _text(item.get("details")))
    return out


def _coordinate(raw: Any, path: str, limit: int, ctx: _Context) -> float | None:
    if raw is None or raw == "":
        return None
    value = _number(raw, path, ctx)
    if not -limit <= value <= limit:
        ctx.fail(path, f"{raw!r} is out of range")
    return value


# --- languages, costs, contacts, funding, areas ---------------------------------------------


def _language(raw: Any, path: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    value = _text(item.get("language"))
    if not value:
        ctx.fail(f"{path}.language", "is required")
    out: JsonDict = ctx.service_part("language", item, path)
    code = value.lower() if value.lower() in LANGUAGES else LANGUAGE_CODES.get(value.lower())
    if code is None and re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", value):
        code = value.lower()  # a code we have no name for is still a code
    _put(out, "name", LANGUAGES.get(code or "") or (None if code else value))
    _put(out, "code", code)
    return out


def _cost_option(raw: Any, path: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    out: JsonDict = ctx.service_part("cost_option", item, path)
    _put(out, "option", _text(item.get("option")))
    amount = item.get("amount")
    if amount not in (None, ""):
        value = _number(amount, f"{path}.amount", ctx)
        if value < 0:
            ctx.fail(f"{path}.amount", f"{amount!r} is negative")
        out["amount"] = value
        out["currency"] = "GBP"  # a UK feed; v1 has no currency field
    _put(out, "amount_description", _text(item.get("amount_description")))
    for key in ("valid_from", "valid_to"):
        if item.get(key):
            out[key] = _date(item[key], f"{path}.{key}", ctx)
    return out


def _contacts(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    """v1 hangs phones off contacts; HSDS readers look for them on the service."""
    contacts: list[JsonDict] = []
    phones: list[JsonDict] = []
    for i, raw in enumerate(_list(v1, "contacts", ctx)):
        path = f"contacts[{i}]"
        item = _mapping(raw, path, ctx)
        contact: JsonDict = ctx.service_part("contact", item, path)
        for key in ("name", "title", "department"):
            _put(contact, key, _text(item.get(key)))
        _put(contact, "email", _email(item.get("email")))
        contacts.append(contact)
        phones.extend(_phone(p, f"{path}.phones[{n}]", contact["id"], ctx)
                      for n, p in enumerate(_list(item, "phones", ctx, path)))
    _put(out, "contacts", contacts)
    _put(out, "phones", [p for p in phones if p])


def _phone(raw: Any, path: str, contact_id: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    number = _text(item.get("number"))
    if not number:
        ctx.fail(f"{path}.number", "is required")
    out: JsonDict = {**ctx.service_part("phone", item, path), "contact_id": contact_id,
                     "number": number}
    kind = (_text(item.get("type")) or "").lower()
    _put(out, "type", kind if kind in PHONE_TYPES else None)
    _put(out, "description", _text(item.get("description")))
    return out


def _funding(raw: Any, path: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    out: JsonDict = ctx.service_part("funding", item, path)
    _put(out, "source", _text(item.get("source")))
    return out


def _service_area(raw: Any, path: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    out: JsonDict = ctx.service_part("service_area", item, path)
    _put(out, "name", _text(item.get("service_area")) or _text(item.get("name")))
    _put(out, "description", _text(item.get("description")))
    _put(out, "extent", _text(item.get("extent")))
    _put(out, "uri", _url(item.get("uri")))
    return out
