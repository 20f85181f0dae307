"""The page's forms: what a person fills in, checked here, turned into API requests.

The same checks the API makes are made here first, so a mistake is shown beside the field it
belongs to, in plain words, before anything is sent on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema
from werkzeug.datastructures import MultiDict

from linkwell.distances import KM_PER_MILE
from linkwell.geo.places import tidy
from linkwell.schedule import DAYS
from linkwell.taxonomy import load_taxonomy

TRAVEL_KM = (1, 2, 3, 5, 10, 20)
# The same choices where distances are in miles: the request still carries kilometres.
TRAVEL_MILES = (0.5, 1, 2, 3, 5, 10)
# Parts of the day, as a link worker would ask: "mornings or afternoons?"
TIMES = {"morning": (_l("Mornings (9am to 12 noon)"), "09:00", "12:00"),
         "afternoon": (_l("Afternoons (12 noon to 5pm)"), "12:00", "17:00"),
         "evening": (_l("Evenings (5pm to 9pm)"), "17:00", "21:00")}
DELIVERY = {"in_person": _l("In person"), "online": _l("Online (video)"),
            "phone": _l("By phone")}
# Languages most asked for in the demo boroughs, by ISO 639-1 code; English is assumed.
LANGUAGES = ("bn", "so", "tr", "pl", "ar", "ur", "pt", "es", "yo", "ta", "gu", "pa", "zh", "fr")
# Directory facet name -> search parameter.
FACET_PARAMS = {"concepts": "concept", "cost": "cost", "delivery": "delivery",
                "accessibility": "accessibility", "audience": "audience", "areas": "area",
                "days": "day", "languages": "language"}
_ASSET_ID = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")
MAX_SHORTLIST = 30


def need_choices() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Needs grouped as the taxonomy has them: (group id, group label, [(id, label)])."""
    tax = load_taxonomy()
    groups = []
    for top in tax.of_kind("need"):
        if top.parent is not None:
            continue
        children = [(c.id, c.label) for c in tax.children(top.id) if not c.safety_route]
        groups.append((top.id, top.label, children))
    return groups


def _need_ids() -> list[str]:
    return [cid for _, _, children in need_choices() for cid, _ in children] + [
        gid for gid, _, _ in need_choices()]


def travel_choices(unit: str) -> list[tuple[str, float]]:
    """(the value the form sends, in km, the distance in the unit people read) per choice."""
    if unit == "miles":
        return [(f"{miles * KM_PER_MILE:.1f}", miles) for miles in TRAVEL_MILES]
    return [(str(km), float(km)) for km in TRAVEL_KM]


def _postcode(text: str) -> str:
    """A postcode in standard form, its first half, or a place name as typed (the matcher
    places each and says how); anything else is refused here, in words."""
    found = tidy(text)
    if found is None:
        raise ValidationError(str(_l("Enter a postcode like SE6 4RU, or its first half like "
                                     "SE6, or the name of the area")))
    return found


class MatchForm(Schema):
    """The "What matters to you?" form."""

    class Meta:
        unknown = EXCLUDE

    about = fields.String(load_default="", validate=validate.Length(
        max=2000, error=_l("Please keep this under 2,000 characters")))
    interests = fields.String(load_default="", validate=validate.Length(
        max=300, error=_l("Please keep this under 300 characters")))
    needs = fields.List(fields.String(validate=validate.OneOf(
        _need_ids(), error=_l("Choose from the list"))), load_default=list)
    postcode = fields.String(load_default="")
    max_travel_km = fields.String(load_default="", validate=validate.OneOf(
        ["", *(value for value, _ in travel_choices("km")),
         *(value for value, _ in travel_choices("miles"))],
        error=_l("Choose a distance from the list")))
    days = fields.List(fields.String(validate=validate.OneOf(DAYS)), load_default=list)
    times = fields.List(fields.String(validate=validate.OneOf(list(TIMES))), load_default=list)
    free = fields.Boolean(load_default=False, truthy={"yes", "on", "true", "1"})
    step_free = fields.Boolean(load_default=False, truthy={"yes", "on", "true", "1"})
    language = fields.String(load_default="", validate=validate.OneOf(
        ["", *LANGUAGES], error=_l("Choose a language from the list")))
    delivery = fields.List(fields.String(validate=validate.OneOf(list(DELIVERY))),
                           load_default=list)
    # "Use my location": already rounded to about 100 m by the page; rounded again here.
    lat = fields.String(load_default="")
    lon = fields.String(load_default="")

    @validates_schema
    def _something_to_go_on(self, data: dict[str, Any], **_: Any) -> None:
        if not (data["about"].strip() or data["interests"].strip() or data["needs"]):
            raise ValidationError(str(_l("Say a little about what matters, or add an interest, "
                                         "or choose a need")), "about")

    @validates_schema
    def _place_field(self, data: dict[str, Any], **_: Any) -> None:
        if (data["lat"] or data["lon"]) and here(data) is None:
            raise ValidationError(str(_l("Your location could not be used. Please give a "
                                         "postcode instead.")), "postcode")

    @validates_schema
    def _postcode_field(self, data: dict[str, Any], **_: Any) -> None:
        try:
            if data["postcode"].strip():
                _postcode(data["postcode"])
        except ValidationError as exc:
            raise ValidationError(exc.messages, "postcode") from exc


def here(form: Mapping[str, Any]) -> dict[str, float] | None:
    """The person's own place from "Use my location", rounded to 3 decimals (about 100 m),
    or None when there is none or it is not a place on Earth."""
    try:
        lat, lon = round(float(form.get("lat") or ""), 3), round(float(form.get("lon") or ""), 3)
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"lat": lat, "lon": lon}


def read_match_form(form: MultiDict[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """(the cleaned form, errors by field); the form is returned even with errors, to refill."""
    raw = {name: form.getlist(name) if name in ("needs", "days", "times", "delivery")
           else form.get(name, "") for name in MatchForm().fields}
    for flag in ("free", "step_free"):
        raw[flag] = raw[flag] or "off"
    try:
        return MatchForm().load(raw), {}
    except ValidationError as exc:
        errors = {k: _flat_messages(v) for k, v in _as_dict(exc.messages).items()}
        return _refill(raw), errors


def _as_dict(messages: Any) -> dict[str, Any]:
    return messages if isinstance(messages, dict) else {"about": messages}


def _flat_messages(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [m for v in value.values() for m in _flat_messages(v)]
    if isinstance(value, list):
        return [m for v in value for m in _flat_messages(v)]
    return [str(value)]


def _refill(raw: dict[str, Any]) -> dict[str, Any]:
    out = dict(raw)
    for flag in ("free", "step_free"):
        out[flag] = raw[flag] in ("yes", "on", "true", "1")
    return out


def match_request(form: Mapping[str, Any]) -> dict[str, Any]:
    """The matcher's request (issue 4's contract) for a cleaned form."""
    body: dict[str, Any] = {}
    if form["about"].strip():
        body["about"] = form["about"].strip()
    interests = [w.strip() for w in re.split(r"[,;\n]", form["interests"]) if w.strip()]
    if interests:
        body["interests"] = interests
    if form["needs"]:
        body["needs"] = list(dict.fromkeys(form["needs"]))
    point = here(form)
    if form["postcode"].strip() or point:
        body["location"] = ({"postcode": _postcode(form["postcode"])}
                            if form["postcode"].strip() else point)
        if form["max_travel_km"]:
            body["max_travel_km"] = float(form["max_travel_km"])
    availability = _availability(form["days"], form["times"])
    if availability:
        body["availability"] = availability
    requirements = _requirements(form)
    if requirements:
        body["requirements"] = requirements
    if form["language"]:  # also the language to read their words in, and to answer in
        body["language"] = form["language"]
    return body


def _availability(days: list[str], times: list[str]) -> list[dict[str, str]]:
    if not days and not times:
        return []
    windows = [(TIMES[t][1], TIMES[t][2]) for t in times] or [("00:00", "24:00")]
    return [{"day": day, "from": start, "to": end}
            for day in (days or DAYS) for start, end in windows]


def _requirements(form: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if form["free"]:
        out["cost"] = "free"
    if form["step_free"]:
        out["step_free"] = True
    if form["language"]:
        out["languages"] = [form["language"]]
    if form["delivery"]:
        out["delivery"] = list(form["delivery"])
    return out


# The matcher names fields by their place in its request; the form by its own names.
_MATCH_FIELD_TO_FORM = {"about": "about", "interests": "interests", "needs": "needs",
                        "location": "postcode", "postcode": "postcode",
                        "max_travel_km": "max_travel_km", "availability": "days",
                        "cost": "free", "step_free": "step_free", "languages": "language",
                        "delivery": "delivery", "requirements": "about"}


def form_errors_from_api(errors: Mapping[str, Any]) -> dict[str, list[str]]:
    """Errors from the matcher's 400 answer, moved onto the form's fields."""
    out: dict[str, list[str]] = {}
    for key, value in errors.items():
        if isinstance(value, dict) and key in ("location", "requirements"):
            for inner, messages in form_errors_from_api(value).items():
                out.setdefault(inner, []).extend(messages)
            continue
        name = _MATCH_FIELD_TO_FORM.get(key.split(".")[-1], "about")
        out.setdefault(name, []).extend(_flat_messages(value))
    return out


def valid_asset_id(value: str) -> bool:
    return bool(_ASSET_ID.match(value))


def shortlist_ids(value: str | None) -> list[str]:
    """Asset ids from a ``?ids=`` parameter: well-formed ids only, no repeats, a few dozen."""
    ids = [i.strip() for i in (value or "").split(",")]
    return list(dict.fromkeys(i for i in ids if _ASSET_ID.match(i)))[:MAX_SHORTLIST]


def search_params(args: MultiDict[str, str]) -> dict[str, str]:
    """Directory search parameters from the search form (facet checkboxes repeat a name)."""
    params: dict[str, str] = {}
    q = args.get("q", "").strip()
    if q:
        params["q"] = q[:300]
    for name in FACET_PARAMS.values():
        values = [v for v in args.getlist(name) if v]
        if values:
            params[name] = ",".join(values)
    near = " ".join(args.get("near", "").split())[:120]
    if near:
        params["near"] = near
        within = args.get("within_km", "")
        if within in map(str, TRAVEL_KM):
            params["within_km"] = within
    if q and args.get("as_typed") == "true":
        params["as_typed"] = "true"
    page = args.get("page", "")
    if page.isdigit() and int(page) > 1:
        params["page"] = page
    params["per_page"] = "10"
    return params
