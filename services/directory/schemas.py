"""Request and response schemas of the directory API (they also generate its OpenAPI)."""

from __future__ import annotations

import re
from typing import Any

from marshmallow import (
    EXCLUDE,
    RAISE,
    Schema,
    ValidationError,
    fields,
    validate,
    validates_schema,
)
from webargs.fields import DelimitedList

from linkwell import semantic
from linkwell.directory.backends.base import MAX_RESULT_WINDOW, SORTS
from linkwell.fields import ClockField, DayField
from linkwell.geo.places import is_place_text
from linkwell.hsds import STATUSES
from linkwell.taxonomy import load_taxonomy

MAX_PER_PAGE = 100
MAX_CONCEPT_WEIGHT = 10.0
COST_BANDS = ("free", "low", "paid", "unknown")
DELIVERY = ("in_person", "online", "phone", "home_visit")
SUGGESTION_KINDS = ("need", "activity", "listing")


class NearField(fields.String):
    """``near=51.44,-0.02``: a latitude and longitude; or a postcode, its first half or a
    place name (kept as text, placed by the search)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        match = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*", text)
        if not match and is_place_text(text):
            return text
        if not match:
            raise ValidationError("must be latitude,longitude in degrees (51.4452,-0.0209), a "
                                  "postcode (SE6 4RU), its first half (SE6) or a place name")
        lat, lon = float(match.group(1)), float(match.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValidationError("latitude must be within -90..90 and longitude within -180..180")
        return (lat, lon)


class ConceptWeightField(fields.String):
    """``calm.mindfulness:1.5``: a taxonomy concept and how much it adds to relevance."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        concept, _, weight = text.partition(":")
        if concept not in load_taxonomy().concepts:
            raise ValidationError(f"{concept!r} is not a taxonomy concept id")
        try:
            number = float(weight)
        except ValueError:
            raise ValidationError("must be concept:weight, e.g. calm.mindfulness:1.5") from None
        if not 0 < number <= MAX_CONCEPT_WEIGHT:
            raise ValidationError(f"a weight must be above 0 and at most {MAX_CONCEPT_WEIGHT:g}")
        return (concept, number)


class VectorField(fields.String):
    """``vector=...``: a person's words as linkwell.semantic embeds them (base64 bytes)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return semantic.decode(text)
        except semantic.BadVector as exc:
            raise ValidationError(str(exc)) from None


def _one_of(choices: Any) -> validate.OneOf:
    return validate.OneOf(sorted(choices), error="must be one of: {choices}")


def _facet_choices(facet: str) -> list[str]:
    return sorted(load_taxonomy().facet_ids(facet))


class SearchArgs(Schema):
    """Query string of ``GET /services``; unknown parameters are ignored."""

    class Meta:
        unknown = EXCLUDE

    q = fields.String(validate=validate.Length(max=300),
                      metadata={"description": "Words to look for, e.g. 'singing' or 'lonely'"})
    concept = DelimitedList(fields.String(validate=_one_of(load_taxonomy().concepts)),
                                   metadata={"description": "Taxonomy concept ids (any of)"})
    concept_weight = DelimitedList(ConceptWeightField(), metadata={
        "description": "Concepts that raise relevance, each as concept:weight (e.g. "
                       "calm.mindfulness:1.5,nature.nature_time:0.5): an asset's relevance "
                       "gains the weight of each listed concept it has, so the concepts that "
                       "matter most come first (sorting by relevance is then the default)"})
    vector = VectorField(validate=validate.Length(max=400), metadata={
        "description": "Meaning to rank by: a vector of linkwell.semantic (256 signed bytes, "
                       "URL-safe base64). Each result then says its similarity (cosine), and "
                       "without q or concept_weight the nearest in meaning come first"})
    words_only = fields.Boolean(load_default=False, metadata={
        "description": "Match the words alone, without the taxonomy's synonyms (as a plain "
                       "keyword directory would)"})
    as_typed = fields.Boolean(load_default=False, metadata={
        "description": "Search the words exactly as typed. Otherwise a word the directory "
                       "does not hold is corrected to a likely one it does, and "
                       "understood.spelling says what was typed and what was searched"})
    alternatives = fields.Boolean(load_default=True, metadata={
        "description": "false: a search that finds nothing offers nothing else (no "
                       "alternatives part, no bolder guess at the words)"})
    near = NearField(metadata={
        "description": "latitude,longitude (51.4452,-0.0209), a postcode (SE6 4RU), its first "
                       "half (SE6) or a place name (Catford) from the imported gazetteers or "
                       "the boroughs' own places. A postcode not known yet is placed at the "
                       "middle of its sector or district; a place nobody knows gives results "
                       "without distances. understood.location says which, in words (note), "
                       "and for a place name which place was used (found)"})
    within_km = fields.Float(validate=validate.Range(min=0.1, max=200))
    remote = fields.Boolean(load_default=False, metadata={
        "description": "With within_km, also include online and phone options"})
    day = DelimitedList(DayField(), metadata={"description": "Days (any of)"})
    from_ = ClockField(data_key="from", metadata={"description": "Free from HH:MM"})
    to = ClockField(metadata={"description": "Free until HH:MM"})
    free = fields.Boolean(metadata={"description": "Only free options"})
    cost = DelimitedList(fields.String(validate=_one_of(COST_BANDS)))
    age = fields.Integer(validate=validate.Range(min=0, max=130))
    language = DelimitedList(fields.String(validate=validate.Regexp(
        r"^[a-z]{2,3}$", error="must be an ISO 639 language code such as bn or so")))
    accessibility = DelimitedList(fields.String(
        validate=_one_of(_facet_choices("accessibility"))), metadata={"description": "All of"})
    delivery = DelimitedList(fields.String(validate=_one_of(DELIVERY)))
    audience = DelimitedList(fields.String(validate=_one_of(_facet_choices("audience"))))
    area = DelimitedList(fields.String(validate=validate.Length(max=80)))
    feed = DelimitedList(fields.String(validate=validate.Length(max=80)))
    status = DelimitedList(fields.String(validate=_one_of(STATUSES)),
                                  load_default=lambda: ["active"])
    sort = fields.String(validate=_one_of(SORTS))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_PER_PAGE))
    facets = fields.Boolean(load_default=True)

    @validates_schema
    def _consistent(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("sort") in ("distance", "blended") and "near" not in data:
            raise ValidationError("sorting by distance needs near=latitude,longitude", "sort")
        if "within_km" in data and "near" not in data:
            raise ValidationError("within_km needs near=latitude,longitude", "within_km")
        start, end = data.get("from_"), data.get("to")
        if start is not None and end is not None and end <= start:
            raise ValidationError("must be later than from", "to")
        if data["page"] * data["per_page"] > MAX_RESULT_WINDOW:
            raise ValidationError(
                f"page × per_page may be at most {MAX_RESULT_WINDOW}: narrow the search", "page")


class FacetBucketSchema(Schema):
    value = fields.String()
    label = fields.String()
    count = fields.Integer()


class SearchResultSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    id = fields.String(required=True)
    name = fields.String()
    score = fields.Float()
    distance_km = fields.Float(allow_none=True)
    stale = fields.Boolean()
    last_confirmed = fields.String()
    summary = fields.Dict(metadata={"description": "The asset summary (see AssetSummary)"})


class WiderSchema(Schema):
    within_km = fields.Float()
    total = fields.Integer()
    text = fields.String(metadata={"description": "e.g. Nothing within 2 km; 4 within 5 km."})


class OnlineSchema(Schema):
    total = fields.Integer()
    text = fields.String()


class RelatedSchema(Schema):
    id = fields.String(metadata={"description": "A taxonomy concept id (search with concept=)"})
    label = fields.String()
    total = fields.Integer(metadata={"description": "Listings it finds with the same filters"})


class AlternativesSchema(Schema):
    """What a search that found nothing offers instead."""

    text = fields.String(metadata={"description": "e.g. Nothing matches “zorbing” within 2 km."})
    wider = fields.Nested(WiderSchema, metadata={
        "description": "The nearest wider radius that finds something"})
    online = fields.Nested(OnlineSchema, metadata={
        "description": "The same search, online or by phone, anywhere"})
    related = fields.List(fields.Nested(RelatedSchema), metadata={
        "description": "Related needs and activities that have listings here"})


class SearchResponseSchema(Schema):
    total = fields.Integer()
    page = fields.Integer()
    per_page = fields.Integer()
    pages = fields.Integer()
    results = fields.List(fields.Dict())
    facets = fields.Dict(keys=fields.String(), values=fields.List(fields.Nested(FacetBucketSchema)))
    understood = fields.Dict(metadata={"description": (
        "What the search made of the request: its words and the concepts they name; spelling "
        "(what was typed, what was searched and each word mended) when a word was corrected; "
        "location (with near=): lat and lon, precision (postcode, sector, district, place, or "
        "unknown: results without distances), given, note (in words, what was done with the "
        "place typed), found and source (for a place name: which place was used, and which "
        "gazetteer said so)")})
    alternatives = fields.Nested(AlternativesSchema, metadata={
        "description": "Only when nothing matched: what to try instead"})


class AssetResponseSchema(Schema):
    id = fields.String()
    summary = fields.Dict()
    record = fields.Dict(metadata={"description": "The HSDS 3.0 service record, whole"})
    provenance = fields.Dict()
    stale = fields.Boolean()


class UpsertRequestSchema(Schema):
    """Body of ``POST /assets``: a batch of HSDS 3.0 services from one feed."""

    class Meta:
        unknown = RAISE

    feed = fields.String(required=True, validate=validate.Regexp(
        r"^[a-z0-9][a-z0-9_.-]{0,79}$", error="must be a short lower-case name, e.g. lewisham"))
    area = fields.String(validate=validate.Length(max=80))
    fetched_at = fields.DateTime()
    refresh = fields.Boolean(load_default=True)
    records = fields.List(fields.Raw(), required=True, validate=validate.Length(min=1, max=2000))


class UpsertResponseSchema(Schema):
    summary = fields.Dict(keys=fields.String(), values=fields.Integer())
    results = fields.List(fields.Dict())


class DeleteRequestSchema(Schema):
    class Meta:
        unknown = RAISE

    ids = fields.List(fields.String(), required=True, validate=validate.Length(min=1, max=5000))
    refresh = fields.Boolean(load_default=True)


class AmendRequestSchema(Schema):
    """Body of ``POST /assets/amend``: a person's change to one listing (issue 15)."""

    class Meta:
        unknown = RAISE

    id = fields.String(required=True, validate=validate.Length(min=1, max=200))
    changes = fields.Dict(keys=fields.String(), required=True,
                          validate=validate.Length(min=1, max=20))
    by = fields.String(required=True, validate=validate.OneOf(["provider", "data_officer"]))
    refresh = fields.Boolean(load_default=True)


class ResolveRequestSchema(Schema):
    """Body of ``POST /assets/resolve``: an officer's choice on one conflict (issue 15)."""

    class Meta:
        unknown = RAISE

    id = fields.String(required=True, validate=validate.Length(min=1, max=200))
    field = fields.String(required=True, validate=validate.Length(min=1, max=100))
    keep = fields.String(required=True, validate=validate.OneOf(["provider", "feed"]))
    by = fields.String(load_default="data_officer", validate=validate.OneOf(["data_officer"]))
    refresh = fields.Boolean(load_default=True)


class DeleteResponseSchema(Schema):
    deleted = fields.Integer()


class StatusSchema(Schema):
    status = fields.String()
    backend = fields.String()
    assets = fields.Integer()


FEED_NAME = validate.Regexp(r"^[a-z0-9][a-z0-9_.-]{0,79}$",
                            error="must be a short lower-case name, e.g. lewisham")


class WithdrawRequestSchema(Schema):
    """Body of ``POST /assets/withdraw``: assets one feed no longer lists."""

    class Meta:
        unknown = RAISE

    feed = fields.String(required=True, validate=FEED_NAME)
    ids = fields.List(fields.String(), required=True, validate=validate.Length(min=1, max=5000))
    refresh = fields.Boolean(load_default=True)


class WithdrawResponseSchema(Schema):
    feed = fields.String()
    withdrawn = fields.Integer(metadata={"description": "Assets withdrawn now"})
    not_in_feed = fields.List(fields.String(), metadata={
        "description": "Ids that are not assets of this feed: left alone"})


class FeedIdsArgs(Schema):
    """Query string of ``GET /assets/ids``."""

    class Meta:
        unknown = EXCLUDE

    feed = fields.String(required=True, validate=FEED_NAME)


class FeedIdsResponseSchema(Schema):
    feed = fields.String()
    total = fields.Integer()
    ids = fields.List(fields.String(), metadata={
        "description": "Every asset id of the feed, withdrawn ones included, sorted"})



class RegroupResponseSchema(Schema):
    repeats = fields.Integer(metadata={
        "description": "Listings now marked as repeating another feed's listing"})


MAX_BATCH = 10  # searches in one POST /services/batch


class BatchSearchRequestSchema(Schema):
    """Body of ``POST /services/batch``: several searches answered in one call."""

    class Meta:
        unknown = RAISE

    searches = fields.List(
        fields.Dict(keys=fields.String(), values=fields.String(validate=validate.Length(
            max=2000))), required=True, validate=validate.Length(min=1, max=MAX_BATCH),
        metadata={"description": (
            "Each search's parameters, exactly as GET /services takes them in its query string "
            "(names and values as strings, unknown names ignored). A bad value in any search "
            "refuses the whole batch (400, the field named searches.<i>.<name>)."),
            "example": [{"concept": "need:loneliness", "near": "51.515,-0.05", "within_km": "3"},
                        {"q": "choir", "per_page": "5"}]})


class BatchSearchResponseSchema(Schema):
    answers = fields.List(fields.Nested(SearchResponseSchema), metadata={
        "description": "Each search's answer, in the order asked, as GET /services gives it"})


class SpellingRequestSchema(Schema):
    """Body of ``POST /spelling``: texts to correct (in a body, never an address: they may be
    a person's own words)."""

    class Meta:
        unknown = RAISE

    texts = fields.List(fields.String(validate=validate.Length(max=2000)), required=True,
                        validate=validate.Length(max=20))


class CorrectionSchema(Schema):
    typed = fields.String()
    corrected = fields.String(metadata={"description": "The words as searched"})
    changes = fields.List(fields.Dict(), metadata={
        "description": "Each word mended: {typed, corrected}"})


class SpellingResponseSchema(Schema):
    corrections = fields.List(fields.Nested(CorrectionSchema))


class SuggestArgs(Schema):
    """What a person has typed so far, for suggestions as they type."""

    class Meta:
        unknown = EXCLUDE

    q = fields.String(required=True, validate=validate.Length(min=1, max=100), metadata={
        "description": "The words typed so far; each suggestion has a word starting with the"
                       " last of them (the others must start words before it)"})
    limit = fields.Integer(load_default=8, validate=validate.Range(min=1, max=20))
    kind = DelimitedList(fields.String(validate=_one_of(SUGGESTION_KINDS)), metadata={
        "description": "Only these kinds, any of: need, activity, listing (default: all)"})

    @validates_schema
    def _has_words(self, data: dict[str, Any], **_kwargs: Any) -> None:
        if "q" in data and not data["q"].strip():
            raise ValidationError("must not be blank", "q")


class ChooseSchema(Schema):
    type = fields.String(required=True, metadata={
        "description": "`filter`: search with `name`=`value` (a taxonomy concept);"
                       " `listing`: open the listing `id`"})
    name = fields.String()
    value = fields.String()
    id = fields.String()


class SuggestionSchema(Schema):
    kind = fields.String(required=True, metadata={"description": "need, activity or listing"})
    label = fields.String(required=True, metadata={"description": "What to show"})
    id = fields.String(required=True, metadata={"description": "The concept's or listing's id"})
    count = fields.Integer(metadata={"description": "Listings it would find"})
    organization = fields.String(metadata={"description": "A listing's organisation"})
    choose = fields.Nested(ChooseSchema, required=True,
                           metadata={"description": "What choosing it does"})


class SuggestResponseSchema(Schema):
    q = fields.String()
    suggestions = fields.List(fields.Nested(SuggestionSchema))


class QualityArgs(Schema):
    class Meta:
        unknown = EXCLUDE

    feed = fields.String(validate=FEED_NAME)


class QualityResponseSchema(Schema):
    feed = fields.String(allow_none=True)
    total = fields.Integer()
    listings = fields.List(fields.Dict(), metadata={"description": (
        "id, name, feed, status, last_confirmed, missing_contact, missing_sessions, "
        "missing_venue, duplicate (its group is listed more than once), also_listed, "
        "conflicts (field -> feed and provider values, where a sync disagreed with an "
        "approved change)")})
