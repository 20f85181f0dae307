"""The pages a group's confirmation links open: one button, then the answer is applied.

A link's page asks before acting (a GET changes nothing), so a mail system that opens links
to scan them cannot confirm, or remove, a listing by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date

from flask import Blueprint, current_app, redirect, render_template, url_for
from werkzeug.wrappers import Response

from linkwell.client import ServiceError
from linkwell.gateway import accounts
from linkwell.gateway.accounts.links import LinkRefused
from linkwell.gateway.confirmations import PURPOSE, store
from linkwell.gateway.confirmations.store import Round

log = logging.getLogger("linkwell.gateway.confirmations")
bp = Blueprint("confirmations", __name__, url_prefix="/confirm")
QUESTIONS = {
    "still": ("Yes, we still run as listed", "Confirm that we still run as listed"),
    "changed": ("Something has changed", "Correct our listing"),
    "stopped": ("We have stopped", "Tell Linkwell we have stopped"),
}


def _asked(token: str) -> tuple[Round, str]:
    """The round a link is about and the answer it carries, the link left usable;
    :class:`LinkRefused` if it is not a live link to one of our questions."""
    link = accounts.links().peek(token, PURPOSE)
    found = store().round(link.subject)
    answer = str(link.payload.get("answer"))
    if found is None or answer not in QUESTIONS:
        raise LinkRefused("forged")
    return found, answer


@bp.get("/<token>")
def question(token: str) -> str | tuple[str, int]:
    try:
        found, answer = _asked(token)
    except LinkRefused as refused:
        return refused_page(refused)
    heading, button = QUESTIONS[answer]
    return render_template("confirm/question.html", token=token, heading=heading,
                           button=button, name=found.name, answer=answer)


@bp.post("/<token>")
def answer(token: str) -> Response | str | tuple[str, int]:
    accounts.csrf.protect()
    try:  # checked first, used only once the answer is saved: a failure keeps the link
        found, chosen = _asked(token)
    except LinkRefused as refused:
        return refused_page(refused)
    if chosen == "changed":
        try:
            accounts.links().redeem(token, PURPOSE)
        except LinkRefused as refused:
            return refused_page(refused)
        return _to_edit_form(found)
    changes = {"assured_date": date.today().isoformat()} if chosen == "still" else \
        {"status": "inactive"}
    try:
        amend(found.listing_id, changes)  # the same answer twice at once does no harm
        accounts.links().redeem(token, PURPOSE)
    except LinkRefused as refused:
        return refused_page(refused)
    except ServiceError as exc:
        log.warning("a group's answer could not be saved: %s %s", exc.status,
                    exc.body.get("message"))
        return accounts.refuse("Linkwell could not save your answer just now. Please try the "
                               "link again in a few minutes.", 503, "Please try again")
    store().answer(found.id, chosen)
    if chosen == "stopped":
        store().queue(found.feed, found.listing_id, found.name, "group says it has stopped",
                      "hidden from search until you review it")
    return render_template("confirm/thanks.html", name=found.name, answer=chosen)


def amend(listing_id: str, changes: Mapping[str, object], by: str = "provider") -> None:
    from linkwell.gateway.feeds import _directory_writer

    _directory_writer(current_app).post("/assets/amend", {"id": listing_id,
                                                          "changes": dict(changes),
                                                          "by": by})


def _to_edit_form(found: Round) -> Response:
    """The link reached the listing's published address: that proves the claim."""
    assert found.email is not None
    group = accounts.store().ensure_group(found.email)
    accounts.store().add_listing(group.id, found.listing_id)
    claimed = accounts.store().get(group.id)
    assert claimed is not None
    accounts.sign_in(claimed)
    store().answer(found.id, "changed")
    if "listings.edit" in current_app.view_functions:
        return redirect(url_for("listings.edit", listing_id=found.listing_id))
    return redirect(url_for("accounts.home"))


def refused_page(refused: LinkRefused) -> tuple[str, int]:
    return render_template("account/link_refused.html", message=refused.message,
                           reason=refused.reason, again=None), 400
