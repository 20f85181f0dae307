"""Query strings and paged answers of the Open Referral UK 3.0 API.

Query strings ignore parameters they do not know (ORUK clients send their own, such as
``format``); a known parameter with a bad value is a 400 that names it.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema
from webargs.fields import DelimitedList

from linkwell.directory.backends.base import MAX_RESULT_WINDOW
from linkwell.directory.oruk.content import taxonomies
from linkwell.directory.oruk.shapes import (
    STATUSES,
    ServiceAtLocationListSchema,
    ServiceBaseSchema,
    TaxonomyBaseSchema,
    TaxonomyTermSchema,
)
from linkwell.openreferral import modified_stamp
from linkwell.vocab import DAY_CODE_NAMES, DAY_NAMES

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PROXIMITY_METRES = 200_000
_DAY_NAMES = DAY_NAMES | DAY_CODE_NAMES
_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")


class TermId(fields.String):
    """A taxonomy term (or other ORUK object) id: a UUID, written canonically."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        try:
            return str(uuid.UUID(text))
        except ValueError:
            raise ValidationError(f"{text!r} is not an id: ids here are UUIDs") from None


class Day(fields.String):
    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs).strip().lower()
        if text not in _DAY_NAMES:
            raise ValidationError(f"{text!r} is not a day of the week (e.g. tuesday or TU)")
        return _DAY_NAMES[text]


class TimeOfDay(fields.String):
    """``HH:MM`` or ``HH:MM:SS``, as minutes after midnight."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        match = re.fullmatch(r"([01]?\d|2[0-4]):([0-5]\d)(:[0-5]\d)?", text)
        if not match or (match.group(1) == "24" and match.group(2) != "00"):
            raise ValidationError("must be a time of day as HH:MM, e.g. 09:30")
        return int(match.group(1)) * 60 + int(match.group(2))


class Moment(fields.String):
    """An ISO 8601 date and time (UTC unless it says otherwise), or a date."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        stamp = modified_stamp(super()._deserialize(value, attr, data, **kwargs))
        if stamp is None:
            raise ValidationError("must be a date and time such as 2025-03-01T09:30:00Z")
        return stamp


class Postcode(fields.String):
    """A UK postcode as people type it (``se64ru``), in its standard form (``SE6 4RU``)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        compact = "".join(super()._deserialize(value, attr, data, **kwargs).split()).upper()
        if not _POSTCODE.fullmatch(compact):
            raise ValidationError("is not a UK postcode, e.g. SE6 4RU")
        return f"{compact[:-3]} {compact[-3:]}"


def _taxonomy_ids() -> list[str]:
    return [str(t["id"]) for t in taxonomies()]


def _known_taxonomy() -> validate.OneOf:
    return validate.OneOf(_taxonomy_ids(), error="is not a taxonomy this directory publishes: "
                                                  "see /openreferral/taxonomies")


class PageArgs(Schema):
    class Meta:
        unknown = EXCLUDE

    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    per_page = fields.Integer(load_default=DEFAULT_PER_PAGE,
                              validate=validate.Range(min=1, max=MAX_PER_PAGE))


class ServiceArgs(PageArgs):
    """Filters of ``/services`` (and of ``/service_at_locations``)."""

    search = fields.String(validate=validate.Length(max=300), metadata={
        "description": "Words to look for, e.g. singing or lonely"})
    taxonomy_term_id = DelimitedList(TermId(), metadata={
        "description": "Term ids, comma-separated: services with any of them"})
    taxonomy_id = DelimitedList(fields.String(validate=_known_taxonomy()), metadata={
        "description": "Taxonomy ids: services with any term of any of them"})
    minimum_age = fields.Float(validate=validate.Range(min=0, max=130), metadata={
        "description": "Services whose stated minimum age is at least this"})
    maximum_age = fields.Float(validate=validate.Range(min=0, max=130), metadata={
        "description": "Services with a stated maximum age of at most this"})
    day = DelimitedList(Day(), metadata={
        "description": "Services meeting on any of these days (monday, mon or MO)"})
    start_time = TimeOfDay(metadata={"description": "Sessions starting at or after HH:MM"})
    end_time = TimeOfDay(metadata={"description": "Sessions ending at or before HH:MM"})
    modified_after = Moment(metadata={
        "description": "Services changed at or after this moment (ISO 8601)"})
    status = DelimitedList(fields.String(validate=validate.OneOf(STATUSES)),
                           load_default=lambda: ["active"], metadata={
                               "description": "Statuses, any of (default: active)"})

    @validates_schema
    def _consistent(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("start_time"), data.get("end_time")
        if start is not None and end is not None and end <= start:
            raise ValidationError("must be later than start_time", "end_time")
        if data["page"] * data["per_page"] > MAX_RESULT_WINDOW:
            raise ValidationError(f"page × per_page may be at most {MAX_RESULT_WINDOW}: narrow "
                                  "the request, e.g. with modified_after", "page")


class ServiceAtLocationArgs(ServiceArgs):
    postcode = Postcode(metadata={"description": "Nearest first to this UK postcode"})
    proximity = fields.Float(validate=validate.Range(min=1, max=MAX_PROXIMITY_METRES), metadata={
        "description": "With postcode: only places within this many metres of it"})

    @validates_schema
    def _needs_postcode(self, data: dict[str, Any], **_: Any) -> None:
        if "proximity" in data and "postcode" not in data:
            raise ValidationError("proximity needs a postcode", "proximity")


class TaxonomyTermArgs(PageArgs):
    search = fields.String(validate=validate.Length(max=300))
    taxonomy_id = DelimitedList(fields.String(validate=_known_taxonomy()))
    parent_id = TermId()
    top_only = fields.Boolean(load_default=False, metadata={"description": "Only top terms"})


class ApiDetailsSchema(Schema):
    version = fields.String(required=True)
    profile = fields.Url(required=True)
    openapi_url = fields.Url(required=True)


class PageSchema(Schema):
    total_items = fields.Integer()
    total_pages = fields.Integer()
    page_number = fields.Integer()
    size = fields.Integer(metadata={"description": "How many items this page holds"})
    first_page = fields.Boolean()
    last_page = fields.Boolean()
    empty = fields.Boolean()


class ServicePageSchema(PageSchema):
    contents = fields.List(fields.Nested(ServiceBaseSchema))


class ServiceAtLocationPageSchema(PageSchema):
    contents = fields.List(fields.Nested(ServiceAtLocationListSchema))


class TaxonomyPageSchema(PageSchema):
    contents = fields.List(fields.Nested(TaxonomyBaseSchema))


class TaxonomyTermPageSchema(PageSchema):
    contents = fields.List(fields.Nested(TaxonomyTermSchema))


def page_body(contents: list[Any], total: int, page: int, per_page: int) -> dict[str, Any]:
    """The paging fields ORUK lists carry around their ``contents``.

    ``size`` is how many items this page holds (the validator checks it against
    ``contents``); an empty result is one empty page, both first and last.
    """
    pages = max(1, -(-total // per_page))
    return {"total_items": total, "total_pages": pages, "page_number": page,
            "size": len(contents), "first_page": page == 1, "last_page": page >= pages,
            "empty": not contents, "contents": contents}
