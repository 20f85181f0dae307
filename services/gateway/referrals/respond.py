"""The group's page for a signed referral link: confirm "yes, we can take them" or "no".

The link in the email only shows the page; the answer needs the button. Mail scanners that
open every link in an email must not accept or decline on a group's behalf.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, make_response, render_template, request

from linkwell.gateway.referrals import ReferralError, Referrals
from linkwell.gateway.referrals.model import WITHDRAWN

# Its templates are the gateway's own (services/gateway/templates/referrals/).
bp = Blueprint("referrals_web", __name__)


def _service() -> Referrals:
    found: Referrals = current_app.extensions["linkwell.referrals"]
    return found


def _page(status: int, **context: object) -> Response:
    response = make_response(render_template("referrals/respond.html", **context), status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the token must not leak onwards
    return response


@bp.get("/referrals/respond/<string:token>")
def confirm(token: str) -> Response:
    """Ask the group to confirm its answer."""
    try:
        checked = _service().check_token(token)
        referral = _service().find(checked.reference)
    except ReferralError as exc:
        return _page(exc.code, problem=exc.message)
    if referral.status == WITHDRAWN:
        return _page(410, problem="The person has withdrawn this request, and their details "
                                  "have been erased. Please delete any copy you have.")
    return _page(200, referral=referral, decision=checked.decision, token=token)


@bp.post("/referrals/respond/<string:token>")
def answer(token: str) -> Response:
    """Record the group's answer."""
    try:
        reason = request.form.get("reason", "")[:500]
        referral, checked = _service().respond(token, reason)
    except ReferralError as exc:
        return _page(exc.code, problem=exc.message)
    return _page(200, referral=referral, decision=checked.decision, done=True)
