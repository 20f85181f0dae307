"""The link worker's workspace: refer from a listing, follow "My referrals" (the team's, for
a lead), record joined or did not attend and the ONS4, send the outcome back to the GP, and
the team report. Every page needs a signed-in link worker or lead, and shows only their team's
referrals; each referral shown is written to the audit log."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import HTTPException

from linkwell.gateway.accounts import Account, refuse, require_account
from linkwell.gateway.referrals import Referrals
from linkwell.gateway.referrals.api import asset_for_referral
from linkwell.gateway.referrals.codes import ONS4_QUESTIONS
from linkwell.gateway.referrals.gp import gp_export, gp_export_csv, gp_letter, gp_message
from linkwell.gateway.referrals.messages import how_to_withdraw, text_summary, what_happens_next
from linkwell.gateway.referrals.model import ATTENDANCE, LINK_WORKER_REFERRAL, Person
from linkwell.gateway.referrals.report import report_csv, team_report, wellbeing_chart
from linkwell.gateway.referrals.workspace import PHASES, Casework, WellbeingError, Workspace
from linkwell.gateway.web.unmet import unmet

bp = Blueprint("workspace", __name__, url_prefix="/workspace", template_folder="templates")
ROLES = ("link_worker", "lead")
# The words the person is shown (and agrees to) before a referral; stored with it as shown.
CONSENT = ("I agree that my link worker may send my name, how to contact me and the note "
           "below to {group}, so that they can get in touch with me about joining. I can "
           "withdraw at any time and my details will then be erased.")
FOLLOW_UP = "My link worker may ask me later whether I went and how I am."
STATUS_LABELS = {"sent": "Sent", "delivered": "Delivered", "accepted": "Accepted",
                 "declined": "Declined", "joined": "Joined", "did_not_attend": "Did not go",
                 "withdrawn": "Withdrawn"}


def _service() -> Referrals:
    found: Referrals = current_app.extensions["linkwell.referrals"]
    return found


def _work() -> Workspace:
    return _service().workspace


def _me() -> Account:
    account: Account = g.account
    return account


def _visible(account: Account) -> list[Casework]:
    """A lead sees the team's referrals; a link worker their own."""
    if account.role == "lead":
        return _work().cases(team=account.team or "")
    return _work().cases(team=account.team or "", link_worker=account.id)


def _case(reference: str) -> Casework | None:
    found = _work().casework(reference)
    if found is None or not _me().in_team(found.team):
        return None  # another team's referral is as if it did not exist
    if _me().role != "lead" and found.link_worker != _me().id:
        return None
    return found


def _own_case(reference: str, *, with_person: bool = False) -> Casework:
    """The signed-in worker's referral (see :func:`_case`), still holding the person's
    details if ``with_person``; else a "not found" page."""
    found = _case(reference)
    if found is None or (with_person and found.referral.person is None):
        abort(_private(make_response(refuse("There is no referral of yours with that "
                                            "reference.", 404, "Not found"))))
    return found


def _audit(cases: list[Casework], action: str) -> None:
    _work().viewed([c.referral.reference for c in cases], _me().id, action,
                   _service().clock())


def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _page(template: str, code: int = 200, **context: Any) -> Response:
    return _private(make_response(render_template(template, labels=STATUS_LABELS, day=_day,
                                                  **context), code))


def _day(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%-d %b %Y")


# --- refer -----------------------------------------------------------------------------


@bp.route("/refer/<string:asset_id>", methods=["GET", "POST"])
@require_account(*ROLES)
def refer(asset_id: str) -> Any:
    try:
        asset = asset_for_referral(asset_id)
    except HTTPException as exc:
        return refuse(_problem(exc), 400, "This group cannot take referrals")
    consent = CONSENT.format(group=asset.name)
    if request.method == "GET":
        return _page("workspace/refer.html", asset=asset, consent=consent,
                     follow_up=FOLLOW_UP, form={}, errors={})
    form = {k: request.form.get(k, "").strip() for k in (
        "name", "contact_method", "phone", "email", "good_time", "message", "need")}
    errors = _refer_errors(form)
    if errors:
        return _page("workspace/refer.html", 400, asset=asset, consent=consent,
                     follow_up=FOLLOW_UP, form=form, errors=errors)
    person = Person(form["name"], form["contact_method"],
                    form["phone"] if form["contact_method"] == "phone" else None,
                    form["email"] if form["contact_method"] == "email" else None,
                    form["good_time"], form["message"])
    made = _service().create(LINK_WORKER_REFERRAL, asset, person,
                             follow_up=bool(request.form.get("consent_follow_up")),
                             referrer=_me().team or "")
    _work().note(made.reference, team=_me().team or "", link_worker=_me().id,
                 need=form["need"][:80], consent=consent, now=_service().clock())
    return redirect(url_for("workspace.referral", reference=made.reference, made="1"))


def _problem(exc: HTTPException) -> str:
    data = getattr(exc, "data", None) or {}
    found = json.dumps(data.get("messages") or data.get("message") or exc.description)
    return found.strip('"')


def _refer_errors(form: dict[str, str]) -> dict[str, str]:
    """Each field at fault, and why (the page shows them beside the fields)."""
    errors = {}
    if not request.form.get("consent_share"):
        errors["consent_share"] = "The person must agree, in these words, before we send it."
    if not 1 <= len(form["name"]) <= 100:
        errors["name"] = "Give the name the group should use (up to 100 letters)."
    if form["contact_method"] not in ("phone", "email"):
        errors["contact_method"] = "Choose phone or email."
    elif not form[form["contact_method"]]:
        errors[form["contact_method"]] = "Give the " + form["contact_method"] + " to use."
    for name, limit in (("phone", 30), ("email", 254), ("good_time", 200), ("message", 1000)):
        if len(form[name]) > limit:
            errors[name] = f"Too long: up to {limit} characters."
    return errors


# --- my referrals ------------------------------------------------------------------------


@bp.get("/referrals")
@require_account(*ROLES)
def referrals() -> Response:
    status = request.args.get("status", "")
    if status and status not in STATUS_LABELS:
        return _private(make_response(refuse("status: not a status we know", 400)))
    cases = _visible(_me())
    if status:
        cases = [c for c in cases if c.status == status]
    if request.args.get("chase"):
        cases = [c for c in cases if c.needs_reminder(_service().clock())]
    _audit(cases, "list")
    return _page("workspace/referrals.html", cases=cases, chosen=status,
                 now=_service().clock(), chase=bool(request.args.get("chase")))


@bp.get("/referrals/<string:reference>")
@require_account(*ROLES)
def referral(reference: str) -> Response:
    found = _own_case(reference)
    _audit([found], "view")
    return _page("workspace/referral.html", case=found, now=_service().clock(),
                 questions=ONS4_QUESTIONS, phases=PHASES, made=request.args.get("made"),
                 attendance=ATTENDANCE)


@bp.get("/referrals/<string:reference>/summary")
@require_account(*ROLES)
def summary(reference: str) -> Response:
    """A page to print and give the person: the group, what happens next, how to withdraw."""
    found = _own_case(reference, with_person=True)
    _audit([found], "summary")
    r = found.referral
    assert r.person is not None
    return _page("workspace/summary.html", case=found,
                 next_steps=what_happens_next(r.asset.name, r.person.contact_method, r.kind),
                 withdraw=how_to_withdraw(r.reference),
                 text=text_summary(r.asset.name, r.reference, r.person.contact_method))


@bp.post("/referrals/<string:reference>/attendance")
@require_account(*ROLES)
def attendance(reference: str) -> Any:
    found = _own_case(reference)
    status = request.form.get("status", "")
    if status not in ATTENDANCE:
        return refuse("status: choose joined or did not go.", 400, "Not recorded")
    if not _work().attendance(reference, status, _service().clock()):
        return refuse("status: a withdrawn or declined referral cannot be followed up.", 400,
                      "Not recorded")
    _audit([found], f"attendance:{status}")
    return redirect(url_for("workspace.referral", reference=reference))


@bp.post("/referrals/<string:reference>/wellbeing")
@require_account(*ROLES)
def wellbeing(reference: str) -> Any:
    found = _own_case(reference)
    scores: dict[str, Any] = {}
    for key in ONS4_QUESTIONS:
        raw = request.form.get(key, "")
        scores[key] = int(raw) if raw.strip().isdigit() else raw
    try:
        stored = _work().record_wellbeing(reference, request.form.get("phase", ""), scores,
                                          _service().clock())
    except WellbeingError as exc:
        return refuse(f"{exc.field}: {exc.message}", 400, "Not recorded")
    if not stored:
        return refuse("This referral's details have been erased.", 400, "Not recorded")
    _audit([found], "wellbeing")
    return redirect(url_for("workspace.referral", reference=reference))


# --- back to the GP ----------------------------------------------------------------------


@bp.get("/referrals/<string:reference>/gp.<string:kind>")
@require_account(*ROLES)
def gp(reference: str, kind: str) -> Response:
    found = _case(reference)
    if found is None or kind not in ("json", "html"):
        return _private(make_response(refuse("There is no such message.", 404, "Not found")))
    _audit([found], f"gp:{kind}")
    message = gp_message(found, now=_service().clock())
    if kind == "html":
        return _private(make_response(gp_letter(message, team=_me().team or "")))
    return _download(json.dumps(message, indent=2), "application/fhir+json",
                     f"gp-{reference}.json")


@bp.get("/export/gp.<string:kind>")
@require_account(*ROLES)
def gp_all(kind: str) -> Response:
    cases = _visible(_me())
    if kind not in ("json", "csv"):
        return _private(make_response(refuse("There is no such export.", 404, "Not found")))
    _audit(cases, f"export:{kind}")
    messages = [gp_message(c, now=_service().clock()) for c in cases]
    if kind == "csv":
        return _download(gp_export_csv(messages), "text/csv", "gp-export.csv")
    return _download(json.dumps(gp_export(messages, _service().clock()), indent=2),
                     "application/fhir+json", "gp-export.json")


def _download(body: str, mimetype: str, name: str) -> Response:
    response = make_response(body)
    response.mimetype = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return _private(response)


# --- the team report -----------------------------------------------------------------------


def _report() -> dict[str, Any]:
    return team_report(_work().cases(team=_me().team or ""), unmet().recent())


@bp.get("/report")
@require_account(*ROLES)
def report() -> Response:
    found = _report()
    return _page("workspace/report.html", report=found, chart=wellbeing_chart(found),
                 questions=ONS4_QUESTIONS)


@bp.get("/report.csv")
@require_account(*ROLES)
def report_download() -> Response:
    return _download(report_csv(_report()), "text/csv", "team-report.csv")
