"""marshmallow schemas for the canonical asset record: an Open Referral HSDS 3.0 ``service``.

The schemas validate and report field-level errors; the record itself is stored whole, as
given, so nothing a feed sends is lost: fields the schemas do not know are not validated
but stay in the stored record.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from linkwell.record_limits import limit_errors
from linkwell.schema_check import accepts

TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
BYDAY_RE = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")
LANGUAGE_RE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
STATUSES = ("active", "inactive", "defunct", "temporarily closed")


def is_uuid(value: object) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _validate_byday(value: str) -> None:
    parts = [p.strip().upper() for p in value.split(",") if p.strip()]
    bad = [p for p in parts if not BYDAY_RE.match(p)]
    if bad:
        raise ValidationError(
            f"{', '.join(bad)} is not a day: use MO, TU, WE, TH, FR, SA, SU, optionally "
            "preceded by an occurrence such as 1WE or -1FR"
        )


class _Lenient(Schema):
    class Meta:
        unknown = EXCLUDE  # validation only: the record is stored as given, extensions too


class Id(fields.String):
    """Any non-empty identifier; the importer derives a UUID where the source has none."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(validate=validate.Length(min=1, max=200), **kwargs)


class TaxonomyTermSchema(_Lenient):
    id = Id()
    code = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    taxonomy = fields.String(allow_none=True)


class AttributeSchema(_Lenient):
    id = Id()
    taxonomy_term_id = fields.String(allow_none=True)
    taxonomy_term = fields.Nested(TaxonomyTermSchema, allow_none=True)
    value = fields.Raw(allow_none=True)


class LanguageSchema(_Lenient):
    id = Id()
    name = fields.String(allow_none=True)
    code = fields.String(validate=validate.Regexp(LANGUAGE_RE, error="not a language code"),
                         allow_none=True)


class AccessibilitySchema(_Lenient):
    id = Id()
    description = fields.String(allow_none=True)
    details = fields.String(allow_none=True)


class AddressSchema(_Lenient):
    id = Id()
    address_1 = fields.String(allow_none=True)
    city = fields.String(allow_none=True)
    region = fields.String(allow_none=True)
    postal_code = fields.String(allow_none=True, validate=validate.Length(max=12))
    country = fields.String(allow_none=True)


class ScheduleSchema(_Lenient):
    id = Id()
    freq = fields.String(allow_none=True,
                         validate=validate.OneOf(["WEEKLY", "MONTHLY", "weekly", "monthly"]))
    interval = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=52))
    byday = fields.String(allow_none=True, validate=_validate_byday)
    bymonthday = fields.String(allow_none=True)
    opens_at = fields.String(allow_none=True, validate=validate.Regexp(
        TIME_RE, error="not a time of day: use HH:MM, e.g. 10:30"))
    closes_at = fields.String(allow_none=True, validate=validate.Regexp(
        TIME_RE, error="not a time of day: use HH:MM, e.g. 12:00"))
    valid_from = fields.Date(allow_none=True)
    valid_to = fields.Date(allow_none=True)
    description = fields.String(allow_none=True)


class LocationSchema(_Lenient):
    id = Id()
    location_type = fields.String(allow_none=True,
                                  validate=validate.OneOf(["physical", "postal", "virtual"]))
    name = fields.String(allow_none=True)
    # Out-of-range coordinates are a warning, not a rejection: see coordinate_warnings.
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    addresses = fields.List(fields.Nested(AddressSchema))
    accessibility = fields.List(fields.Nested(AccessibilitySchema))
    languages = fields.List(fields.Nested(LanguageSchema))
    schedules = fields.List(fields.Nested(ScheduleSchema))
    attributes = fields.List(fields.Nested(AttributeSchema))
    hide_address = fields.Boolean(allow_none=True)  # see linkwell.masking

    @validates_schema
    def _both_coordinates(self, data: dict[str, Any], **_: Any) -> None:
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise ValidationError("latitude and longitude come together", "latitude")


class ServiceAtLocationSchema(_Lenient):
    id = Id()
    location = fields.Nested(LocationSchema, allow_none=True)
    schedules = fields.List(fields.Nested(ScheduleSchema))


class CostOptionSchema(_Lenient):
    id = Id()
    option = fields.String(allow_none=True)
    currency = fields.String(allow_none=True)
    amount = fields.Float(allow_none=True, validate=validate.Range(min=0))
    amount_description = fields.String(allow_none=True)


class PhoneSchema(_Lenient):
    id = Id()
    number = fields.String(allow_none=True)


# Web addresses a page may link to: a listing's "javascript:" or "data:" address would run
# or show something in a person's browser, whatever the page's other defences.
LINK_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*)\s*:")


def safe_link(value: str | None) -> bool:
    """Whether an address is one a page may link to (no scheme: a bare web address)."""
    if not value:
        return True
    cleaned = "".join(ch for ch in value if ch.isprintable() and not ch.isspace())
    found = _SCHEME.match(cleaned)
    return found is None or found.group(1).lower() in LINK_SCHEMES


def _link(value: str | None) -> None:
    if not safe_link(value):
        raise ValidationError("must be a web (http or https), mailto or tel address")


class OrganizationSchema(_Lenient):
    id = Id()
    name = fields.String(allow_none=True)
    url = fields.String(allow_none=True, validate=_link)
    description = fields.String(allow_none=True)


class ServiceAreaSchema(_Lenient):
    id = Id()
    name = fields.String(allow_none=True)


class CapacitySchema(_Lenient):
    """HSDS 3.1 ``service_capacity``: places available now, of a maximum, and when said."""

    id = Id()
    available = fields.Float(required=True, validate=validate.Range(min=0, max=100000))
    maximum = fields.Float(allow_none=True, validate=validate.Range(min=0, max=100000))
    updated = fields.String(required=True, validate=validate.Regexp(
        r"^\d{4}-\d{2}-\d{2}", error="not a date: use YYYY-MM-DD or a date-time"))
    description = fields.String(allow_none=True)
    waiting_list = fields.Boolean(allow_none=True)  # Linkwell: none now, but a list to join
    wait_weeks = fields.Float(allow_none=True, validate=validate.Range(min=0, max=520))


class ServiceSchema(_Lenient):
    """An HSDS 3.0 service, fully nested as ORUK 3.0 serves it."""

    id = Id(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=500))
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    description = fields.String(allow_none=True)
    url = fields.String(allow_none=True, validate=_link)
    email = fields.String(allow_none=True)
    minimum_age = fields.Integer(allow_none=True, validate=validate.Range(min=0, max=130))
    maximum_age = fields.Integer(allow_none=True, validate=validate.Range(min=0, max=130))
    assured_date = fields.Date(allow_none=True)
    last_modified = fields.DateTime(allow_none=True)
    organization = fields.Nested(OrganizationSchema, allow_none=True)
    service_at_locations = fields.List(fields.Nested(ServiceAtLocationSchema))
    schedules = fields.List(fields.Nested(ScheduleSchema))
    cost_options = fields.List(fields.Nested(CostOptionSchema))
    languages = fields.List(fields.Nested(LanguageSchema))
    attributes = fields.List(fields.Nested(AttributeSchema))
    service_areas = fields.List(fields.Nested(ServiceAreaSchema))
    phones = fields.List(fields.Nested(PhoneSchema))
    capacities = fields.List(fields.Nested(CapacitySchema))
    capacity_update_days = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=366))

    @validates_schema(skip_on_field_errors=False)
    def _age_range(self, data: dict[str, Any], **_: Any) -> None:
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            raise ValidationError("maximum_age is below minimum_age", "maximum_age")


SERVICE_SCHEMA = ServiceSchema()


def validate_service(record: object) -> dict[str, Any]:
    """Field errors for one service record (empty when it is valid), flattened to dotted paths."""
    if not isinstance(record, dict):
        return {"_record": ["a service must be a JSON object"]}
    too_large = limit_errors(record)  # before the schema: never walk a hostile record twice
    if too_large:
        return too_large
    if accepts(SERVICE_SCHEMA, record):  # the same checks without marshmallow's bookkeeping
        return {}
    return flatten_errors(SERVICE_SCHEMA.validate(record))


def flatten_errors(errors: Any, prefix: str = "") -> dict[str, Any]:
    """marshmallow's nested errors flattened to dotted paths, e.g. ``schedules.0.opens_at``."""
    if not isinstance(errors, dict):
        return {prefix or "_record": errors if isinstance(errors, list) else [str(errors)]}
    flat: dict[str, Any] = {}
    for key, value in errors.items():
        path = f"{prefix}.{key}" if prefix and key != "_schema" else (prefix or str(key))
        if isinstance(value, dict):
            flat.update(flatten_errors(value, path))
        else:
            flat[path] = value
    return flat


def valid_point(latitude: Any, longitude: Any) -> bool:
    """Whether a pair can be put on a map (0,0 is a common placeholder, not a venue)."""
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return False
    return -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0)


def coordinate_warnings(record: dict[str, Any]) -> dict[str, list[str]]:
    """Locations whose coordinates cannot be used: the record is kept, the point is not."""
    warnings: dict[str, list[str]] = {}
    for i, sal in enumerate(record.get("service_at_locations") or []):
        location = sal.get("location") if isinstance(sal, dict) else None
        if not isinstance(location, dict) or location.get("latitude") is None:
            continue
        if not valid_point(location.get("latitude"), location.get("longitude")):
            warnings[f"service_at_locations.{i}.location.latitude"] = [
                f"({location.get('latitude')}, {location.get('longitude')}) is not a place on "
                "the map; the venue is kept without a map position"]
    return warnings
