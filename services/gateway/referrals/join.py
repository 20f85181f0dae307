"""'I'd like to join' on the link worker's page: a plain form, answered by the server.

It works without JavaScript, and makes a self-referral through the same referral service and
checks as ``POST /api/v1/referrals``. What the person types travels only in the POST body: it
never goes into an address, and nothing here logs it.
"""

from __future__ import annotations

import math
from typing import Any

from flask import Blueprint, Response, abort, current_app, make_response, request
from marshmallow import ValidationError
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from linkwell.gateway.referrals.api import (
    asset_for_referral,
    created_answer,
    decoy_answer,
    referrals,
)
from linkwell.gateway.referrals.model import SELF_REFERRAL, Person
from linkwell.gateway.referrals.schemas import ReferralRequestSchema
from linkwell.gateway.web import forms, i18n
from linkwell.gateway.web.present import option
from linkwell.gateway.web.views import fetch_asset, page

bp = Blueprint("join", __name__)
TEXT_FIELDS = ("name", "contact_method", "phone", "email", "good_time", "message", "website")
TICKS = ("consent_share", "consent_follow_up", "aged_16_or_over")
# Who the group is told the person came through (the email says "found you through ...").
REFERRER = "Linkwell"


def read_join_form(form: MultiDict[str, str]) -> dict[str, Any]:
    """The form as the referral API's body: blank phone or email left out, ticks as booleans."""
    body: dict[str, Any] = {name: form.get(name, "") for name in TEXT_FIELDS}
    for name in ("phone", "email"):
        if not body[name].strip():
            body[name] = None
    if not body["contact_method"]:
        del body["contact_method"]
    body.update({name: form.get(name) == "yes" for name in TICKS})
    return body


def _listing(asset_id: str) -> dict[str, Any]:
    found = fetch_asset(asset_id) if forms.valid_asset_id(asset_id) else None
    if found is None:
        abort(404)
    return option({**found["summary"], "id": found["id"]})


def _no_store(body: tuple[str, int]) -> Response:
    # The form comes back filled in after a mistake: keep it out of caches and history.
    response = make_response(*body)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/services/<string:asset_id>/join", methods=["GET", "POST"])
def join(asset_id: str) -> Response:
    """Ask to join a group: name, how to get in touch, consents, and a reference back."""
    item = _listing(asset_id)
    if request.method == "GET":
        return _no_store(page("join.html", item=item, form={}, errors={}))
    if i18n.switching():  # the language switcher re-sent the form: show it again, send nothing
        return _no_store(page("join.html", item=item, form=read_join_form(request.form),
                              errors={}))
    limited = _rate_limited()
    if limited is not None:
        return limited
    form = read_join_form(request.form)
    try:
        body = ReferralRequestSchema().load({**form, "asset_id": item["id"]})
    except ValidationError as exc:
        errors = {k: v for k, v in _messages(exc).items() if k != "asset_id"}
        return _no_store(page("join.html", 400, item=item, form=form, errors=errors))
    if body.get("website"):  # the hidden field: a robot; it sees "sent", nothing is kept
        return _no_store(page("join_sent.html", item=item,
                              answer=decoy_answer(body, _in_person_key())))
    return _create(item, form, body)


def _create(item: dict[str, Any], form: dict[str, Any], body: dict[str, Any]) -> Response:
    try:
        asset = asset_for_referral(item["id"])
    except HTTPException as exc:  # the listing cannot take requests: say so on the page
        problem = _messages_of(exc).get("asset_id") or ["This group cannot take requests."]
        return _no_store(page("join.html", 400, item=item, form=form,
                              errors={"asset_id": problem}))
    person = Person(name=body["name"], contact_method=body["contact_method"],
                    phone=body.get("phone"), email=body.get("email"),
                    good_time=body["good_time"], message=body["message"])
    referral = referrals().create(SELF_REFERRAL, asset, person,
                                  follow_up=body["consent_follow_up"], referrer=REFERRER)
    return _no_store(page("join_sent.html", item=item, answer=created_answer(referral)))


def _messages(exc: ValidationError) -> dict[str, list[str]]:
    messages = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
    return {str(k): [str(m) for m in v] if isinstance(v, list) else [str(v)]
            for k, v in messages.items()}


def _messages_of(exc: HTTPException) -> dict[str, list[str]]:
    data = getattr(exc, "data", None) or {}
    found = (data.get("messages") or {}).get("json") or {}
    if not found and exc.description:
        return {"asset_id": [exc.description]}
    return {str(k): [str(m) for m in v] for k, v in found.items()}


class _InPerson:
    """Stands in for an API key where the referral code wants one (the decoy's kind)."""

    id = "web"
    name = REFERRER
    role = "partner"


def _in_person_key() -> Any:
    return _InPerson()


def _rate_limited() -> Response | None:
    """The same per-person limit as anonymous use of the referral API, by client address."""
    limit = int(referrals().settings["REFERRALS_RATE_LIMIT"])
    wait = current_app.extensions["linkwell.limiter"].hit(
        f"referral-web:{request.remote_addr}", limit)
    if wait is None:
        return None
    response = make_response(page("join_limited.html", 429))
    response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
    return response
