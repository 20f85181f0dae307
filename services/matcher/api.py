"""The matcher's HTTP API: ``POST /match``, health and readiness."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import requests
from flask import Flask, Response, current_app, jsonify
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import Schema, ValidationError
from webargs.flaskparser import FlaskParser

from linkwell import health
from linkwell.client import ServiceClient, ServiceError
from linkwell.hsds import flatten_errors
from linkwell.langid import declared
from linkwell.match_schemas import MatchRequestSchema, MatchResponseSchema
from linkwell.matcher import candidates, explain, language, spelling, who
from linkwell.matcher.location import UnknownPostcode, resolve
from linkwell.matcher.rules import partition, unstated
from linkwell.matcher.safety import safety
from linkwell.matcher.score import Scored, local_feeds, score_all
from linkwell.matcher.select import shortlist
from linkwell.matcher.understand import Profile, understand
from linkwell.taxonomy import Taxonomy, load_taxonomy


class Parser(FlaskParser):
    """400 for bad input, with nested fields named by dotted path (``location.postcode``)."""

    DEFAULT_VALIDATION_STATUS = 400

    def handle_error(self, error: ValidationError, req: Any, schema: Schema, *,
                     error_status_code: int | None,
                     error_headers: Any) -> Any:
        messages = error.messages if isinstance(error.messages, dict) else {"_schema":
                                                                              error.messages}
        flat = {where: flatten_errors(found) if isinstance(found, dict) else found
                for where, found in messages.items()}
        super().handle_error(ValidationError(flat), req, schema,
                             error_status_code=error_status_code, error_headers=error_headers)


class MatcherBlueprint(Blueprint):
    ARGUMENTS_PARSER = Parser()


blp = MatcherBlueprint("matcher", __name__, description="Rank community assets for a person "
                       "and say why each fits")


def directory() -> ServiceClient:
    found: ServiceClient = current_app.extensions["linkwell.directory"]
    return found


@blp.route("/match")
class Match(MethodView):
    @blp.arguments(MatchRequestSchema)
    @blp.alt_response(200, schema=MatchResponseSchema, description="The shortlist, and why")
    def post(self, body: dict[str, Any]) -> Response:
        """Rank community assets for a person, with reasons and cautions for each."""
        languages = declared(current_app.config.get("LANGUAGES"))
        # Mended against the directory's words only when the words are English: another
        # language's words would be "corrected" into English ones.
        english = language.read(body, languages).code == "en"
        spelt, changes = spelling.corrected(directory(), body) if english else (body, [])
        profile = understand(spelt, typed=str(body.get("about") or ""), declared=languages)
        profile.spelling = changes
        try:
            profile.place = resolve(current_app.extensions["linkwell.plugins"],
                                    body.get("location"))
        except UnknownPostcode as exc:
            abort(400, messages={"location.postcode": [str(exc)]})
        # Documented by the schema, not re-serialised through it: the answer is plain dicts
        # already, with the directory's summaries inside (as the directory's search does).
        return jsonify(match(profile, directory(), current_app.config["CLOCK"]()))


def match(profile: Profile, client: ServiceClient, now: datetime,
          tax: Taxonomy | None = None) -> dict[str, Any]:
    """The whole answer for one person: safety routes first where needed, then the list."""
    tax = tax or load_taxonomy()
    found = candidates.fetch(client, profile)
    profile.home_area = who.home_area(found, profile)
    kept, checked = partition(found, profile)
    unsure = {a["id"] for a in checked}
    ranked = score_all([*kept, *checked], profile, now.date(), tax,
                       local=local_feeds(found, profile))
    picked = shortlist([i for i in ranked if i.id not in unsure], profile, tax)
    # Then, in the places left, the options that may suit once checked (marked as such).
    extra = shortlist([i for i in ranked if i.id in unsure], profile, tax)
    picked += extra[:max(0, profile.limit - len(picked))]
    understood: dict[str, Any] = {"needs": profile.needs, "interests": profile.interests,
                                  "words": profile.terms,
                                  **language.understood(profile.reading, profile.needs,
                                                        profile.interests, tax)}
    if profile.place is not None:
        understood["location"] = profile.place.as_dict()
    if profile.spelling:
        understood["spelling"] = profile.spelling
    return {"safety": safety(profile.safety),
            "results": [present(i, profile, tax, now) for i in picked],
            "understood": understood}


def present(item: Scored, profile: Profile, tax: Taxonomy, now: datetime) -> dict[str, Any]:
    asset = item.asset
    distance = asset.get("distance_km")
    unsure = unstated(asset, profile)
    return {"id": item.id, "name": asset.get("name"), "score": round(item.score, 4),
            "reasons": explain.reasons(item, profile, tax),
            "cautions": [*unsure, *explain.cautions(item, profile)],
            "check_first": bool(unsure),
            "distance_km": None if distance is None else round(float(distance), 2),
            "next_session": explain.next_session(item, now), "asset": asset}


def init_health(app: Flask) -> None:
    """Readiness from a background check of the directory: a hung directory (or a hung
    node under it) never makes the matcher's /readyz wait."""
    client: ServiceClient = app.extensions["linkwell.directory"]

    def check() -> tuple[dict[str, Any], bool]:
        try:
            # the directory answers /readyz from kept state: a short wait is plenty
            client.request("GET", "/readyz", timeout=0.5, retry=False)
            ready = True
        except (requests.RequestException, ServiceError):
            ready = False
        return {"directory": ready}, ready

    kept = health.KeptCheck(check)
    kept.check_now()
    app.before_request(kept.ensure_running)
    health.init_app(app, kept)
