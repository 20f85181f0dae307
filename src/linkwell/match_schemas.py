"""Request and response schemas of ``POST /match``, shared by the matcher (which answers it) and
the gateway (which checks it at the door and documents it in the OpenAPI document).

JSON bodies refuse unknown fields at every level, so a misspelt requirement is a 400 that names
it rather than a requirement silently ignored.
"""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from linkwell.fields import ClockField, DayField
from linkwell.taxonomy import load_taxonomy

COSTS = ("free", "low", "any")
DELIVERY = ("in_person", "online", "phone", "home_visit")
GENDERS = ("woman", "man", "non_binary")
MAX_TRAVEL_KM = 50.0


def _one_of(choices: Any) -> validate.OneOf:
    return validate.OneOf(list(choices), error="must be one of: {choices}")


class Strict(Schema):
    class Meta:
        unknown = RAISE


class LocationSchema(Strict):
    """Where the person starts from: a UK postcode, its first half, a place name, or a
    latitude and longitude."""

    postcode = fields.String(validate=validate.Length(min=2, max=40), metadata={
        "example": "SE6 4RU",
        "description": "A full UK postcode (SE6 4RU, se64ru), its first half (SE6) or a place "
                       "name (Catford, Kentish Town) from the gazetteers a deployment imports "
                       "(ONS Index of Place Names, OS Open Names) or its boroughs ship. A "
                       "postcode not known yet is placed at the middle of its sector or "
                       "district, and understood.location says so in words; a place nobody "
                       "knows still gets options, without distances. Anything that is none of "
                       "these shapes is a 400 naming location.postcode"})
    lat = fields.Float(validate=validate.Range(min=-90, max=90))
    lon = fields.Float(validate=validate.Range(min=-180, max=180))

    @validates_schema
    def _one_kind(self, data: dict[str, Any], **_: Any) -> None:
        has_point = "lat" in data or "lon" in data
        if "postcode" in data and has_point:
            raise ValidationError("give a postcode or lat and lon, not both", "postcode")
        if has_point and not ("lat" in data and "lon" in data):
            raise ValidationError("lat and lon go together", "lat" if "lat" not in data
                                  else "lon")
        if not data:
            raise ValidationError("give a postcode, or lat and lon", "postcode")


class WindowSchema(Strict):
    """A time the person is free: a day (any day if left out) and hours (all day if left out)."""

    day = DayField(metadata={"example": "tuesday"})
    from_ = ClockField(data_key="from", metadata={"example": "09:00"})
    to = ClockField(metadata={"example": "13:00"})

    @validates_schema
    def _ordered(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("from_"), data.get("to")
        if start is not None and end is not None and end <= start:
            raise ValidationError("must be later than from", "to")


class RequirementsSchema(Strict):
    """What must be true of every result: never broken, however good a match otherwise."""

    cost = fields.String(validate=_one_of(COSTS), metadata={
        "description": "free: only free options; low: free or about a bus fare or less"})
    step_free = fields.Boolean(metadata={"description": "Step-free access must be stated"})
    languages = fields.List(fields.String(validate=validate.Regexp(
        r"^[a-z]{2,3}$", error="must be an ISO 639 language code such as bn or so")),
        validate=validate.Length(max=10),
        metadata={"description": "Languages the person can take part in (any of)"})
    delivery = fields.List(fields.String(validate=_one_of(DELIVERY)),
                           validate=validate.Length(min=1, max=4),
                           metadata={"description": "Ways the person can take part (any of)"})
    gender = fields.String(validate=_one_of(GENDERS), metadata={
        "description": "Leaves out groups only for another gender"})


class PreferSchema(Strict):
    group = fields.Boolean(metadata={
        "description": "Groups and peer support first (the default); false puts one-to-one "
                       "options first"})


class MatchRequestSchema(Strict):
    """Body of ``POST /match``: at least one of about, interests or needs."""

    about = fields.String(validate=validate.Length(max=2000), metadata={
        "description": "In the person's own words, or a link worker's note"})
    interests = fields.List(fields.String(validate=validate.Length(min=1, max=100)),
                            validate=validate.Length(max=20), metadata={"example": ["gardening"]})
    needs = fields.List(fields.String(validate=_one_of(sorted(load_taxonomy().concepts))),
                        validate=validate.Length(max=20),
                        metadata={"description": "Taxonomy concept ids"})
    location = fields.Nested(LocationSchema)
    max_travel_km = fields.Float(validate=validate.Range(
        min=0.1, max=MAX_TRAVEL_KM, error="must be between {min} and {max} km"))
    age = fields.Integer(validate=validate.Range(min=0, max=130))
    carer = fields.Boolean(metadata={
        "description": "Whether the person looks after someone (carers' groups are only for "
                       "carers); worked out from their words when not given"})
    availability = fields.List(fields.Nested(WindowSchema), validate=validate.Length(max=21))
    requirements = fields.Nested(RequirementsSchema)
    prefer = fields.Nested(PreferSchema)
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=50))
    language = fields.String(validate=validate.Regexp(
        r"^[a-z]{2,3}$", error="must be an ISO 639 language code such as bn or so"), metadata={
        "example": "bn",
        "description": "The language the person writes in, as chosen on the form; detected "
                       "from their words (among the deployment's languages) when not given. "
                       "Listings in it come first where they fit as well, and what was "
                       "understood is also given in it"})

    @validates_schema
    def _something_to_go_on(self, data: dict[str, Any], **_: Any) -> None:
        if not (str(data.get("about") or "").strip() or data.get("interests")
                or data.get("needs")):
            raise ValidationError("give at least one of about, interests or needs", "about")
        if "max_travel_km" in data and "location" not in data:
            raise ValidationError("max_travel_km needs a location", "max_travel_km")


class SafetyRouteSchema(Schema):
    name = fields.String()
    contact = fields.String()
    when = fields.String()


class SafetySchema(Schema):
    message = fields.String()
    concerns = fields.List(fields.String(), metadata={"description": "Taxonomy concept ids"})
    routes = fields.List(fields.Nested(SafetyRouteSchema))


class UnderstoodSchema(Schema):
    needs = fields.List(fields.String())
    interests = fields.List(fields.String())
    words = fields.List(fields.String(), metadata={"description": "The words kept for text "
                                                                  "relevance (stemmed)"})
    location = fields.Dict(metadata={"description": (
        "Where distances were measured from: lat and lon; precision (point, postcode, sector, "
        "district, place, or unknown when nothing could be placed and options come without "
        "distances); given (what the person typed, tidied); note (in words, what was done "
        "with it: 'Distances are from the middle of SE6'); found and source (for a place "
        "name: which place was used, 'Kentish Town (Camden)', and which gazetteer or service "
        "said so)")})
    language = fields.Dict(metadata={
        "description": "The language read: code, name (\"Bengali (বাংলা)\") and how: chosen "
                       "(on the form), detected, romanised (Bengali or Urdu in Latin letters) "
                       "or default (English)"})
    labels = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), metadata={
        "description": "The needs and interests understood, as labels in English (en) and in "
                       "the person's language where it is another"})
    spelling = fields.List(fields.Dict(), metadata={
        "description": "Words corrected before they were read, each {typed, corrected}"})


class MatchResultSchema(Schema):
    id = fields.String(metadata={"description": "The directory's asset id"})
    name = fields.String()
    score = fields.Float()
    reasons = fields.List(fields.String())
    cautions = fields.List(fields.String())
    check_first = fields.Boolean(metadata={
        "description": "The listing does not say it meets one of the person's requirements "
                       "(free, step-free): it follows the others, and the cautions say what "
                       "to check first"})
    distance_km = fields.Float(allow_none=True)
    next_session = fields.String(allow_none=True, metadata={
        "description": "ISO 8601 with the Europe/London offset"})
    asset = fields.Dict(metadata={"description": "The asset summary the directory returns"})


class MatchResponseSchema(Schema):
    safety = fields.Nested(SafetySchema, allow_none=True)
    results = fields.List(fields.Nested(MatchResultSchema))
    understood = fields.Nested(UnderstoodSchema)
