"""The claim, edit and review pages (no JavaScript; English, for groups and officers)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from linkwell.client import ServiceError
from linkwell.gateway import accounts
from linkwell.gateway.accounts.links import LinkRefused
from linkwell.gateway.accounts.web import send_mail
from linkwell.gateway.confirmations import store as asking
from linkwell.gateway.confirmations.web import amend, refused_page
from linkwell.gateway.listings import form, proposals
from linkwell.gateway.listings.store import APPROVED, REJECTED
from linkwell.gateway.referrals.targets import published_email

bp = Blueprint("listings", __name__, url_prefix="/account")
CLAIM = "claim"
CLAIM_MINUTES = 60.0


def listing(listing_id: str) -> dict[str, Any]:
    from linkwell.gateway.feeds import _directory_writer

    try:
        found: dict[str, Any] = _directory_writer(current_app).get(f"/services/{listing_id}")
    except ServiceError as exc:
        if exc.status == 404:
            abort(404)
        raise
    return found


def masked(address: str) -> str:
    user, _, domain = address.partition("@")
    return f"{user[:1]}…@{domain}"


@bp.route("/listings/<listing_id>/claim", methods=["GET", "POST"])
def claim(listing_id: str) -> str | tuple[str, int]:
    found = listing(listing_id)
    name = str(found["summary"].get("name") or listing_id)
    address = published_email(found["record"])
    if request.method == "GET" or address is None:
        return render_template("listings/claim.html", name=name, listing_id=listing_id,
                               address=masked(address) if address else None, sent=False)
    accounts.csrf.protect()
    token = accounts.links().issue(CLAIM, listing_id, CLAIM_MINUTES * 60, {"email": address})
    base = str(current_app.config.get("PUBLIC_URL") or request.host_url).rstrip("/")
    send_mail(address, f"Claim your Linkwell listing: {name}",
              f"Someone (we hope you) asked to look after the Linkwell listing \"{name}\".\n\n"
              f"To do so, open this link (it works once, for {CLAIM_MINUTES:.0f} minutes):\n"
              f"{base}{url_for('listings.use_claim', token=token)}\n\n"
              "If it was not you, ignore this email: nothing happens without the link.\n")
    return render_template("listings/claim.html", name=name, listing_id=listing_id,
                           address=masked(address), sent=True)


@bp.route("/claim/<token>", methods=["GET", "POST"])
def use_claim(token: str) -> Response | str | tuple[str, int]:
    try:
        if request.method == "GET":
            accounts.links().peek(token, CLAIM)
            return render_template("listings/use_claim.html", token=token)
        accounts.csrf.protect()
        link = accounts.links().redeem(token, CLAIM)
    except LinkRefused as refused:
        return refused_page(refused)
    group = accounts.store().ensure_group(str(link.payload["email"]))
    accounts.store().add_listing(group.id, link.subject)
    claimed = accounts.store().get(group.id)
    assert claimed is not None
    accounts.sign_in(claimed)
    return redirect(url_for("listings.edit", listing_id=link.subject))


@bp.route("/listings/<listing_id>/edit", methods=["GET", "POST"])
@accounts.require_account("group", "data_officer", "admin")
def edit(listing_id: str) -> str | tuple[str, int]:
    officer = g.account.role == "data_officer"
    if not officer and not g.account.has_listing(listing_id):
        return accounts.refuse("You can only change listings your group has claimed. To claim "
                               "this one, use the link on its page.")
    found = listing(listing_id)
    if officer and not g.account.can_see_borough(found["provenance"].get("feed")):
        return accounts.refuse("This listing is in another borough.")
    name = str(found["summary"].get("name") or listing_id)
    before = form.current(found["record"])
    space = form.current_space(found["record"])
    if request.method == "GET":
        return _edit_page(name, listing_id, before, {}, space)
    after, errors = form.read(request.form)
    if errors:
        return _edit_page(name, listing_id, after, errors, space), 400
    hsds, shown = form.changes(listing_id, before, after)
    if hsds and officer:  # the borough's own officer: no one else to ask
        amend(listing_id, hsds, by="data_officer")
        return render_template("listings/proposed.html", name=name, changed=True, applied=True)
    if hsds:
        proposals().propose(listing_id, str(found["provenance"].get("feed")), name,
                            g.account.id, hsds, shown)
    return render_template("listings/proposed.html", name=name, changed=bool(hsds))


def _edit_page(name: str, listing_id: str, values: dict[str, str], errors: dict[str, str],
               space: dict[str, str], space_errors: dict[str, str] | None = None,
               space_saved: bool = False) -> str:
    return render_template("listings/edit.html", name=name, listing_id=listing_id,
                           values=values, errors=errors, labels=form.LABELS,
                           statuses=form.STATUSES, space=space, spaces=form.SPACES,
                           space_errors=space_errors or {}, space_saved=space_saved)


@bp.post("/listings/<listing_id>/space")
@accounts.require_account("group", "data_officer", "admin")
def space(listing_id: str) -> str | tuple[str, int]:
    """Space now: applied at once, not proposed (it is out of date within weeks, and it only
    orders and labels results; see the README)."""
    officer = g.account.role == "data_officer"
    if not officer and not g.account.has_listing(listing_id):
        return accounts.refuse("You can only change listings your group has claimed. To claim "
                               "this one, use the link on its page.")
    accounts.csrf.protect()
    found = listing(listing_id)
    if officer and not g.account.can_see_borough(found["provenance"].get("feed")):
        return accounts.refuse("This listing is in another borough.")
    name = str(found["summary"].get("name") or listing_id)
    today = date.fromtimestamp(accounts.store().clock()).isoformat()
    values, errors, statement = form.read_space(request.form, listing_id, today)
    if statement is None:
        return _edit_page(name, listing_id, form.current(found["record"]), {}, values,
                          errors), 400
    amend(listing_id, {"capacities": [statement]},
          by="data_officer" if officer else "provider")
    return _edit_page(name, listing_id, form.current(found["record"]), {},
                      {**values, "updated": today}, space_saved=True)


@bp.get("/proposals")
@accounts.require_account("data_officer", "admin")
def review_list() -> str:
    mine = [p for p in proposals().pending() if g.account.can_see_borough(p.feed)]
    queued = asking().queued(_feeds())
    return render_template("listings/proposals.html", proposals=mine, queued=queued,
                           conflicts=conflicted(_feeds()))


def _feeds() -> list[str] | None:
    """The boroughs (feeds) the signed-in officer looks after; None for an admin: all."""
    return None if g.account.role == "admin" else [str(g.account.borough)]


def conflicted(feeds: list[str] | None) -> list[dict[str, Any]]:
    """Listings where a feed sync disagreed with an approved change, one row per field."""
    from linkwell.gateway.feeds import _directory_writer

    rows: list[dict[str, Any]] = []
    for feed in feeds if feeds is not None else [None]:
        params = {"feed": feed} if feed is not None else {}
        body = _directory_writer(current_app).get("/quality/listings", **params)
        for listing_row in body.get("listings") or []:
            for name, conflict in sorted((listing_row.get("conflicts") or {}).items()):
                rows.append({"id": listing_row["id"], "name": listing_row["name"],
                             "feed": listing_row["feed"], "field": name,
                             "provider": _shown(conflict.get("provider")),
                             "feed_value": _shown(conflict.get("feed")),
                             "at": conflict.get("at")})
    return rows


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(nothing)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@bp.post("/conflicts/<listing_id>")
@accounts.require_account("data_officer", "admin")
def resolve_conflict(listing_id: str) -> Response | tuple[str, int]:
    """Keep the group's value or take the feed's, for one field of one listing."""
    accounts.csrf.protect()
    found = listing(listing_id)
    if not g.account.can_see_borough(found["provenance"].get("feed")):
        return accounts.refuse("This listing is in another borough.")
    keep = request.form.get("keep")
    field = request.form.get("field") or ""
    if keep not in ("provider", "feed"):
        return accounts.refuse("keep: choose the group's value or the feed's", 400, "Not done")
    if field not in (found["provenance"].get("conflicts") or {}):
        return accounts.refuse(f"field: {field or 'none'} has no conflict on this listing", 400,
                               "Not done")
    from linkwell.gateway.feeds import _directory_writer

    _directory_writer(current_app).post("/assets/resolve", {
        "id": listing_id, "field": field, "keep": keep, "by": "data_officer"})
    return redirect(url_for("listings.review_list"))


@bp.post("/queue/<item_id>/done")
@accounts.require_account("data_officer", "admin")
def queue_done(item_id: str) -> Response | tuple[str, int]:
    """An officer-queue item followed up: it leaves the list."""
    accounts.csrf.protect()
    if not asking().done(item_id, _feeds()):
        return accounts.refuse("item: not an open item of your borough.", 404, "Not done")
    return redirect(url_for("listings.review_list"))


@bp.route("/proposals/<proposal_id>", methods=["GET", "POST"])
@accounts.require_account("data_officer", "admin")
def review(proposal_id: str) -> str | tuple[str, int] | Response:
    proposal = proposals().get(proposal_id)
    if proposal is None:
        abort(404)
    if not g.account.can_see_borough(proposal.feed):
        return accounts.refuse("This change is for another borough's listing.")
    if request.method == "GET":
        return render_template("listings/review.html", proposal=proposal, error=None)
    decision = request.form.get("decision")
    reason = " ".join((request.form.get("reason") or "").split())[:1000]
    if decision not in ("approve", "reject") or (decision == "reject" and not reason):
        error = ("decision: choose approve or reject" if decision not in ("approve", "reject")
                 else "reason: say why the change is rejected (the group sees it)")
        return render_template("listings/review.html", proposal=proposal, error=error), 400
    if proposal.state != "pending":
        return accounts.refuse("This change has already been decided.", 409, "Already decided")
    if decision == "approve":
        try:
            amend(proposal.listing_id, proposal.changes, by="provider")
        except ServiceError as exc:
            return render_template("listings/review.html", proposal=proposal,
                                   error=f"changes: the directory refused them ({exc})"), 400
    proposals().decide(proposal.id, APPROVED if decision == "approve" else REJECTED, reason,
                       g.account.email)
    return redirect(url_for("listings.review_list"))


REPORT_ACTIONS = ("email", "inactive", "dismiss")


@bp.route("/reports", methods=["GET", "POST"])
@accounts.require_account("data_officer", "admin")
def report_queue() -> str | tuple[str, int] | Response:
    """People's reports of a problem, each with what the officer can do about it."""
    from linkwell.gateway.web.reports import reports

    feeds = None if g.account.role == "admin" else [str(g.account.borough)]
    done = proposals().acted_on()
    open_reports = [r for r in reports().for_feeds(feeds) if r["id"] not in done]
    if request.method == "GET":
        return render_template("listings/reports.html", reports=open_reports)
    chosen = next((r for r in open_reports if r["id"] == request.form.get("report")), None)
    action = request.form.get("action")
    if chosen is None or action not in REPORT_ACTIONS:
        return accounts.refuse("report: not an open report of your borough, or action: not one "
                               "of email, inactive, dismiss", 400, "Not done")
    if action == "inactive":
        amend(chosen["asset_id"], {"status": "inactive"}, by="data_officer")
    elif action == "email":
        found = listing(chosen["asset_id"])
        address = published_email(found["record"])
        if address is None:
            return accounts.refuse("This listing has no email address to write to.", 400,
                                   "Not done")
        send_mail(address, f"Someone reported a problem with your Linkwell listing: "
                           f"{chosen['asset_name']}",
                  f"Someone using Linkwell said: {chosen['problem_label']}.\n\n"
                  f"{chosen['details']}\n\nIf something has changed, please tell your "
                  "borough's data officer by replying to this email.\n")
    proposals().act_on_report(chosen["id"], action, g.account.email)
    return redirect(url_for("listings.report_queue"))
