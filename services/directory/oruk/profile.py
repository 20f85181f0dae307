"""A stored HSDS record, as the Open Referral UK 3.0 profile allows it to be published.

Walks a record along an ORUK shape (:mod:`linkwell.directory.oruk.shapes`) and keeps only
the fields the shape declares, each as the profile types it: every ``id`` a UUID (a source
UUID is kept; other ids become stable UUIDs), references pointing at the objects they
name, numbers as numbers, enumerations in their canonical spelling. Optional fields with no
value are left out, never written as null; a required field is filled where the record says
it another way (``fees_description`` is ORUK's ``fees``) or has a safe default (``GB``), and
an object that still lacks one is left out rather than published broken.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from marshmallow import Schema, fields, validate

from linkwell.directory.oruk.shapes import DATE_TIME, Entity, Number
from linkwell.hsds import valid_point
from linkwell.openreferral import entity_id, modified_stamp

JsonDict = dict[str, Any]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_BARE_WEBSITE = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$", re.IGNORECASE)
_URI_SCHEMES = ("http", "https")
# The kind a reference names when it is not "<kind>_id".
_REFERENCE_KINDS = {"parent_id": "taxonomy_term", "parent_organization_id": "organization",
                    "link_id": "", "phone_id": ""}
# HSDS fields the profile renamed: where the ORUK field is missing, the HSDS one stands in.
_RENAMED = {("service", "fees"): "fees_description",
            ("service_area", "service_area"): "description",
            ("accessibility", "accessibility"): "description"}
# Required fields a record may leave out, and what they safely default to.
_DEFAULTS: dict[tuple[str, str], Callable[[JsonDict], Any]] = {
    ("location", "location_type"): lambda out: "physical",
    ("address", "country"): lambda out: "GB",
    ("address", "address_type"): lambda out: "physical",
    ("address", "state_province"): lambda out: out.get("region") or out.get("city"),
    ("organization", "description"): lambda out: out.get("name"),
    ("taxonomy_term", "description"): lambda out: out.get("name"),
}


@dataclass(frozen=True)
class Scope:
    """Whose record this is: the asset and its feed name the UUIDs of nested objects."""

    feed: str
    asset_id: str

    def id_for(self, original: Any, kind: str, path: str) -> str:
        return entity_id(original, feed=self.feed, asset_id=self.asset_id, kind=kind,
                         path=path)


def absent(value: Any) -> bool:
    """No value to publish: ORUK leaves such a field out."""
    return value is None or value == "" or value == [] or value == {}


def conform(raw: Any, schema: Schema, scope: Scope, path: str,
            parents: Mapping[str, str] | None = None, own_id: str | None = None) -> JsonDict | None:
    """``raw`` as ``schema`` publishes it, or None when it cannot be published."""
    if not isinstance(raw, dict):
        return None
    kind = kind_of(schema)
    ident = own_id or scope.id_for(raw.get("id"), kind, path or kind)
    inner = {**(parents or {}), kind: ident, "_holder": ident}
    out: JsonDict = {"id": ident}
    for name, field in schema.fields.items():
        value = _source_value(raw, kind, name)
        if name == "id" or isinstance(field, fields.UUID) or absent(value):
            continue
        published = _field(value, field, scope, f"{path}.{name}" if path else name, inner)
        if not absent(published):
            out[name] = published
    _references(out, raw, schema, scope, parents or {})
    if kind == "location" and not valid_point(out.get("latitude"), out.get("longitude")):
        out.pop("latitude", None)  # off the map (or 0,0): keep the place, not the point
        out.pop("longitude", None)
    return _complete(out, schema, kind)


def kind_of(schema: Schema) -> str:
    return getattr(schema, "entity", Entity.entity)


def _source_value(raw: JsonDict, kind: str, name: str) -> Any:
    value = raw.get(name)
    renamed = _RENAMED.get((kind, name))
    if absent(value) and renamed:
        value = raw.get(renamed)
    return value


def _field(value: Any, field: fields.Field, scope: Scope, path: str,
           parents: Mapping[str, str]) -> Any:
    if isinstance(field, fields.Nested):
        return conform(value, field.schema, scope, path, parents)
    if isinstance(field, fields.List):
        inner = field.inner
        if not isinstance(value, list) or not isinstance(inner, fields.Nested):
            return None
        items = (conform(item, inner.schema, scope, f"{path}.{i}", parents)
                 for i, item in enumerate(value))
        return [item for item in items if item is not None]
    return scalar(value, field)


def scalar(value: Any, field: fields.Field) -> Any:
    """One value as the field's ORUK type has it, or None if it cannot be."""
    if isinstance(field, Number):
        return _number(value)
    if isinstance(field, fields.Email):
        return _email(value)
    if isinstance(field, fields.Url):
        return _uri(value)
    text = _text(value)
    if text is None:
        return None
    if field.metadata.get("format") == DATE_TIME["format"]:
        return modified_stamp(text)
    choices = _choices(field)
    if choices:
        return next((c for c in choices if c.casefold() == text.casefold()), None)
    return text


def _choices(field: fields.Field) -> list[str]:
    for validator in field.validators:
        if isinstance(validator, validate.OneOf):
            return [str(c) for c in validator.choices]
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text or None


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value) if isinstance(value, str | int | float) else math.nan
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    if isinstance(value, int) or (isinstance(value, str) and number.is_integer()):
        return int(number)
    return number


def _email(value: Any) -> str | None:
    text = _text(value)
    text = text.removeprefix("mailto:") if text else None
    return text if text and _EMAIL.match(text) else None


def _uri(value: Any) -> str | None:
    text = _text(value)
    if not text or any(ch.isspace() for ch in text):
        return None
    parts = urlsplit(text)
    if parts.scheme.lower() in _URI_SCHEMES and parts.netloc:
        return text
    if not parts.scheme and _BARE_WEBSITE.match(text):  # "www.example.org": people write it
        return f"https://{text}"
    return None


def _references(out: JsonDict, raw: JsonDict, schema: Schema, scope: Scope,
                parents: Mapping[str, str]) -> None:
    """Point each reference the record makes at the published id of what it names.

    A reference beside the object it names (``location_id`` beside ``location``) is always
    given; others only where the record gives them.
    """
    for name, field in schema.fields.items():
        if name == "id" or not isinstance(field, fields.UUID):
            continue
        if absent(raw.get(name)) and not isinstance(out.get(name.removesuffix("_id")), dict):
            continue
        target = _reference(name, raw.get(name), out, scope, parents)
        if target is not None:
            out[name] = target


def _reference(name: str, value: Any, out: JsonDict, scope: Scope,
               parents: Mapping[str, str]) -> str | None:
    """``parents`` are the objects this one sits in, by kind; ``_holder`` the nearest."""
    kind = _REFERENCE_KINDS.get(name, name.removesuffix("_id"))
    sibling = out.get(name.removesuffix("_id"))
    if isinstance(sibling, dict):  # location_id beside location: the same object
        return str(sibling["id"])
    if name == "link_id":  # an attribute names the object that holds it
        return parents.get("_holder")
    if not kind:  # a phone: the profile publishes none, so nothing to point at
        return None
    if kind in parents:  # service_id inside a service: that service
        return parents[kind]
    text = _text(value)
    if text is None:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return scope.id_for(text, kind, "")


def _complete(out: JsonDict, schema: Schema, kind: str) -> JsonDict | None:
    for name, field in schema.fields.items():
        if not field.required or not absent(out.get(name)):
            continue
        default = _DEFAULTS.get((kind, name))
        value = default(out) if default else None
        if value is None:
            return None
        out[name] = value
    return out
