"""The referral API: ``/api/v1/referrals`` (make one, its status, withdraw, the group's answer,
and the admins' dead letters). The work is done by :class:`linkwell.gateway.referrals.Referrals`."""

from __future__ import annotations

import logging
import math
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from flask import Flask, Response, current_app, request
from flask.views import MethodView
from flask_smorest import Api, abort

from linkwell.errors import error_response
from linkwell.gateway.access import current_key, require_role
from linkwell.gateway.api import GatewayBlueprint, upstream
from linkwell.gateway.keys import ApiKey
from linkwell.gateway.referrals import ReferralError, Referrals
from linkwell.gateway.referrals.messages import NO_ROUTE, how_to_withdraw, status_message
from linkwell.gateway.referrals.messages import what_happens_next as next_steps
from linkwell.gateway.referrals.model import (
    LINK_WORKER_REFERRAL,
    SELF_REFERRAL,
    Asset,
    Person,
    Referral,
)
from linkwell.gateway.referrals.schemas import (
    DeadLettersSchema,
    GroupResponseSchema,
    ReferralCreatedSchema,
    ReferralRequestSchema,
    ReferralStatusSchema,
    RequeuedSchema,
)
from linkwell.gateway.referrals.targets import published_email

log = logging.getLogger("linkwell.gateway.referrals")
blp = GatewayBlueprint("referrals", __name__, url_prefix="/api/v1/referrals",
                       description="Ask to join a group, or refer someone, and follow it up")
ACTIVE = {"active"}


def referrals() -> Referrals:
    found: Referrals = current_app.extensions["linkwell.referrals"]
    return found


def init_app(app: Flask, api: Api) -> None:
    """The referral service, its API, and its delivery thread (started lazily); the pages
    over it (``respond``, ``join``, ``workspace_web``) import this module, so the gateway
    registers them beside it."""
    service = Referrals(dict(app.config))
    app.extensions["linkwell.referrals"] = service
    api.register_blueprint(blp)
    # Started now, so a restarted process delivers what is waiting without needing a request;
    # and checked on each request, so a gunicorn worker forked from a preloaded app starts its
    # own (threads do not survive a fork). Leases keep several threads from sending twice.
    service.ensure_worker()
    app.before_request(service.ensure_worker)


@blp.errorhandler(ReferralError)
def _referral_error(exc: ReferralError) -> Response:
    return error_response(exc.code, exc.message)


@blp.before_request
def _guard_creation() -> Response | None:
    """Size, key, origin and a stricter rate limit, before the body is even parsed."""
    if request.method != "POST" or request.endpoint != "referrals.ReferralCollection":
        return None
    limit = int(referrals().settings["REFERRALS_MAX_BODY_BYTES"])
    if (request.content_length or 0) > limit:
        return error_response(413, f"That is too much to send: the limit is {limit} bytes.")
    request.max_content_length = limit  # also caps a body sent without a length
    key = require_role("partner", "link_worker")
    if key.role == "partner" and not _origin_allowed(key):
        return error_response(403, "A partner key may only be used from its own website.")
    return _rate_limited(key)


def _origin_allowed(key: ApiKey) -> bool:
    origin = request.headers.get("Origin")
    return bool(origin and origin in key.origins)


def _rate_limited(key: ApiKey) -> Response | None:
    settings = referrals().settings
    limiter = current_app.extensions["linkwell.limiter"]
    # The public, through a partner site: per person (their address, through this key), and
    # per site overall. A practice's link workers share one key and often one address.
    if key.role == "partner":
        checks = [(f"referral:{key.id}:{request.remote_addr}", settings["REFERRALS_RATE_LIMIT"]),
                  (f"referral-key:{key.id}", settings["REFERRALS_KEY_RATE_LIMIT"])]
    else:
        checks = [(f"referral-key:{key.id}", settings["REFERRALS_LINK_WORKER_RATE_LIMIT"])]
    for client, limit in checks:
        wait = limiter.hit(client, int(limit))
        if wait is not None:
            response = error_response(429, "Too many requests: please wait a minute and try "
                                           "again.")
            response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
            return response
    return None


def _field_error(name: str, message: str) -> None:
    abort(400, messages={"json": {name: [message]}})


def _kind(requested: str | None, key: ApiKey) -> str:
    if key.role == "partner":
        if requested not in (None, SELF_REFERRAL):
            _field_error("kind", "A partner website can only send self-referrals.")
        return SELF_REFERRAL
    return requested or LINK_WORKER_REFERRAL


def asset_for_referral(asset_id: str) -> Asset:
    """The listing from the directory, with somewhere to send referrals; else a 400."""
    status, body = upstream("directory").call("GET", f"/services/{quote(asset_id, safe='')}")
    if status == 404:
        _field_error("asset_id", "There is no listing with this id.")
    if status != 200:
        abort(status, message=str(body.get("message", "")))
    record = body.get("record") or {}
    if record.get("status", "active") not in ACTIVE:
        _field_error("asset_id", "This group is not running at the moment, so it cannot "
                                 "take requests.")
    asset = Asset(id=str(body["id"]), name=str(record.get("name") or body["id"]),
                  feed=str((body.get("provenance") or {}).get("feed") or ""),
                  email=published_email(record))
    if not referrals().accepts_referrals(asset):
        _field_error("asset_id", NO_ROUTE)
    return asset


def created_answer(referral: Referral) -> dict[str, Any]:
    """What the person is told: the reference, what happens next and how to withdraw."""
    method = referral.person.contact_method if referral.person else "phone"
    return {"reference": referral.reference, "status": referral.status, "kind": referral.kind,
            "asset": {"id": referral.asset.id, "name": referral.asset.name},
            "what_happens_next": next_steps(referral.asset.name, method, referral.kind),
            "how_to_withdraw": how_to_withdraw(referral.reference),
            "record_code": referral.record_code}


def decoy_answer(body: dict[str, Any], key: ApiKey) -> dict[str, Any]:
    """What a form-filling robot sees: the answer a real referral gets, for the listing it
    named (checked as a real one is), and a reference that answers ``/status`` as a real one
    does. Nothing it typed is kept and nothing is sent."""
    log.info("referral refused: the hidden field was filled in", extra={"key_id": key.id})
    asset = asset_for_referral(body["asset_id"])
    fake = referrals().decoy(_kind(body.get("kind"), key), asset, body["contact_method"],
                             referrer=key.name)
    return created_answer(fake)


@blp.route("")
class ReferralCollection(MethodView):
    @blp.arguments(ReferralRequestSchema)
    @blp.response(201, ReferralCreatedSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Ask to join a group (a partner key, from its website) or refer someone (a link
        worker key). The referral is stored before this answers; it is then delivered."""
        key = current_key()
        assert key is not None  # _guard_creation required one
        if body.get("website"):
            return decoy_answer(body, key)
        kind = _kind(body.get("kind"), key)
        asset = asset_for_referral(body["asset_id"])
        person = Person(name=body["name"], contact_method=body["contact_method"],
                        phone=body.get("phone"), email=body.get("email"),
                        good_time=body["good_time"], message=body["message"])
        referral = referrals().create(kind, asset, person, follow_up=body["consent_follow_up"],
                                      referrer=key.name)
        if key.role == "link_worker" and key.team:
            # The team's casework, as if made on the page: its lead follows it in My
            # referrals. The words the person agreed to are the calling system's, not ours.
            referrals().workspace.note(
                referral.reference, team=key.team, need="",
                consent=f"Consent given through {key.name} (API key {key.id})",
                now=referrals().clock())
        return created_answer(referral)


def status_answer(referral: Referral) -> dict[str, Any]:
    return {"reference": referral.reference, "status": referral.status,
            "message": status_message(referral.status), "kind": referral.kind,
            "asset": {"id": referral.asset.id, "name": referral.asset.name},
            "created": datetime.fromtimestamp(referral.created, UTC).date(),
            "updated": datetime.fromtimestamp(referral.updated, UTC).date(),
            "details_erased": referral.person is None, "record_code": referral.record_code}


@blp.route("/<string:reference>/status")
class ReferralStatus(MethodView):
    @blp.response(200, ReferralStatusSchema)
    def get(self, reference: str) -> dict[str, Any]:
        """Where a referral has got to: received, sent, accepted, declined or withdrawn."""
        return status_answer(referrals().find(reference))


@blp.route("/<string:reference>")
class ReferralItem(MethodView):
    @blp.response(200, ReferralStatusSchema)
    def delete(self, reference: str) -> dict[str, Any]:
        """Withdraw: erase the person's details now. An anonymous count is kept."""
        return status_answer(referrals().erase(reference))


@blp.route("/respond")
class GroupResponse(MethodView):
    @blp.arguments(GroupResponseSchema)
    @blp.response(200, ReferralStatusSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """The group accepts or declines, with the token from its signed link."""
        referral, _ = referrals().respond(body["token"], body.get("reason", ""))
        return status_answer(referral)


@blp.route("/dead-letters")
class DeadLetters(MethodView):
    @blp.response(200, DeadLettersSchema)
    def get(self) -> dict[str, Any]:
        """Referrals that could not be delivered (admin key): nothing personal is shown."""
        require_role("admin")
        letters = referrals().dead_letters()
        return {"total": len(letters), "dead_letters": [
            {**vars(letter), "created": datetime.fromtimestamp(letter.created, UTC)}
            for letter in letters]}


@blp.route("/dead-letters/<string:reference>/retry")
class DeadLetterRetry(MethodView):
    @blp.response(200, RequeuedSchema)
    def post(self, reference: str) -> dict[str, Any]:
        """Try a dead-lettered referral again, e.g. after fixing its route (admin key)."""
        require_role("admin")
        referral = referrals().find(reference)
        return {"reference": referral.reference, "requeued": referrals().requeue(reference)}
