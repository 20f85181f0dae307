"""The message back to the GP and referrer: a referral's outcome as a FHIR-shaped JSON
bundle (the PRSB Social Prescribing Information Standard's "Message back to GP and referrer"),
the same as a printable letter, and an export of many for a GP system to import.

The letter is drawn from the message, so the two never disagree. The person is named only by
the name they gave; the GP practice matches it to its own record. Codes: see :mod:`.codes`.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime
from html import escape
from typing import Any

from linkwell.gateway.referrals.codes import (
    LINKWELL_EVENT,
    LINKWELL_REFERENCE,
    ONS4,
    ONS4_QUESTIONS,
    OUTCOMES,
    REFERRAL_TO_SOCIAL_PRESCRIBING,
    SOCIAL_PRESCRIBING_DECLINED,
)
from linkwell.gateway.referrals.model import LINK_WORKER_REFERRAL, WITHDRAWN
from linkwell.gateway.referrals.workspace import PHASES, Casework

MESSAGE_NAMESPACE = uuid.UUID("0b6f7d1e-6a55-4a1e-8f3c-2c1f5e9d4b21")
# FHIR ServiceRequest.status for each of the link worker's statuses.
REQUEST_STATUS = {"sent": "active", "delivered": "active", "accepted": "active",
                  "declined": "revoked", "joined": "completed", "did_not_attend": "completed",
                  "withdrawn": "revoked"}
PHASE_LABELS = {"first_meeting": "At the first meeting", "follow_up": "At follow-up"}


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")


def _urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(MESSAGE_NAMESPACE, ':'.join(parts))}"


def gp_message(work: Casework, *, now: float, sender: str = "Linkwell") -> dict[str, Any]:
    """The outcome of one referral as a FHIR R4 message Bundle."""
    r = work.referral
    status = work.status
    patient, request = _urn(r.reference, "patient"), _urn(r.reference, "request")
    outcome = _urn(r.reference, "outcome")
    entries = [_header(r.reference, request, sender, now)]
    if r.person is not None:  # erased: the message still says what happened, to no one named
        entries.append(_entry(patient, {"resourceType": "Patient",
                                        "name": [{"text": r.person.name}]}))
    codes = [REFERRAL_TO_SOCIAL_PRESCRIBING.coding()] if r.kind == LINK_WORKER_REFERRAL else []
    entries.append(_entry(request, {
        "resourceType": "ServiceRequest", "status": REQUEST_STATUS.get(status, "unknown"),
        "intent": "order",
        "identifier": [{"system": LINKWELL_REFERENCE, "value": r.reference}],
        "code": {"coding": codes, "text": "Referral to social prescribing service"},
        "authoredOn": _iso(r.created), "performer": [{"display": r.asset.name}],
        **({"subject": {"reference": patient}} if r.person is not None else {}),
        **({"reasonCode": [{"text": work.need}]} if work.need else {})}))
    entries.append(_entry(outcome, _outcome(work, request, patient)))
    for phase in PHASES:
        if phase in work.wellbeing:
            entries.append(_entry(_urn(r.reference, phase), _ons4(work, phase, patient)))
    return {"resourceType": "Bundle", "id": str(uuid.uuid5(MESSAGE_NAMESPACE, r.reference
                                                             + status + str(len(entries)))),
            "type": "message", "timestamp": _iso(now), "entry": entries}


def _entry(full_url: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": full_url, "resource": resource}


def _header(reference: str, focus: str, sender: str, now: float) -> dict[str, Any]:
    return _entry(_urn(reference, "header", str(now)), {
        "resourceType": "MessageHeader",
        "eventCoding": {"system": LINKWELL_EVENT, "code": "social-prescribing-outcome",
                        "display": "Message back to GP and referrer"},
        "source": {"name": sender}, "focus": [{"reference": focus}]})


def _outcome(work: Casework, request: str, patient: str) -> dict[str, Any]:
    """What happened, coded: the person declining carries the national SNOMED code."""
    r = work.referral
    codings = [OUTCOMES[work.status].coding()] if work.status in OUTCOMES else []
    if r.status == WITHDRAWN:
        codings.insert(0, SOCIAL_PRESCRIBING_DECLINED.coding())
    resource: dict[str, Any] = {
        "resourceType": "Observation", "status": "final",
        "code": {"coding": codings, "text": OUTCOMES[work.status].display
                 if work.status in OUTCOMES else work.status},
        "basedOn": [{"reference": request}], "effectiveDateTime": _iso(r.updated)}
    if r.person is not None:
        resource["subject"] = {"reference": patient}
    if work.decline_reason:
        resource["note"] = [{"text": f"The group's reason: {work.decline_reason}"}]
    return resource


def _ons4(work: Casework, phase: str, patient: str) -> dict[str, Any]:
    taken = work.wellbeing[phase]
    resource: dict[str, Any] = {
        "resourceType": "Observation", "status": "final",
        "code": {"text": f"ONS4 personal wellbeing: {PHASE_LABELS[phase].lower()}"},
        "effectiveDateTime": _iso(taken.recorded),
        "component": [{"code": {"coding": [ONS4[key].coding()]},
                       "valueInteger": taken.scores[key]} for key in ONS4_QUESTIONS]}
    if work.referral.person is not None:
        resource["subject"] = {"reference": patient}
    return resource


# --- the letter --------------------------------------------------------------------------


def resources(message: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in message["entry"] if e["resource"]["resourceType"] == kind]


def gp_letter(message: dict[str, Any], *, team: str = "") -> str:
    """The message as a one-page letter to print or attach (HTML, escaped throughout)."""
    request = resources(message, "ServiceRequest")[0]
    observations = resources(message, "Observation")
    outcome, scores = observations[0], observations[1:]
    patients = resources(message, "Patient")
    who = escape(patients[0]["name"][0]["text"]) if patients else "(details erased)"
    codes = "".join(f"<li>SNOMED CT {escape(c['code'])}: {escape(c['display'])}</li>"
                    for c in request["code"]["coding"] + outcome["code"]["coding"]
                    if c["system"] == "http://snomed.info/sct")
    notes = "".join(f"<p>{escape(n['text'])}</p>" for n in outcome.get("note", []))
    return (
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        "<title>Social prescribing: message back to the GP</title>"
        "<style>body{font-family:sans-serif;max-width:42em;margin:2em auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em}"
        "@media print{body{margin:0}}</style></head><body>"
        "<h1>Social prescribing: message back to the GP and referrer</h1>"
        f"<p>From: {escape(team or 'the link worker service')}, through Linkwell."
        f" Date: {escape(message['timestamp'][:10])}.</p>"
        f"<p><strong>Person:</strong> {who}<br><strong>Referral reference:</strong> "
        f"{escape(request['identifier'][0]['value'])}<br><strong>Referred on:</strong> "
        f"{escape(request['authoredOn'][:10])}<br><strong>Referred to:</strong> "
        f"{escape(request['performer'][0]['display'])}</p>"
        f"<h2>Outcome</h2><p>{escape(outcome['code']['text'])}</p>{notes}"
        f"<h2>Codes for the record</h2><ul>{codes}</ul>"
        f"{_score_table(scores)}</body></html>")


def _score_table(scores: list[dict[str, Any]]) -> str:
    if not scores:
        return ""
    head = "".join(f"<th>{escape(s['code']['text'].split(': ')[-1])}</th>" for s in scores)
    answers = [{c["code"]["coding"][0]["code"]: c["valueInteger"] for c in s["component"]}
               for s in scores]
    rows = "".join(f"<tr><th scope=\"row\">{escape(question)}</th>"
                   + "".join(f"<td>{a.get(key, '')}</td>" for a in answers) + "</tr>"
                   for key, question in ONS4_QUESTIONS.items())
    return ("<h2>Personal wellbeing (ONS4, 0 to 10)</h2>"
            f"<table><tr><th>Question</th>{head}</tr>{rows}</table>"
            "<p>For anxiety, a lower score is better.</p>")


# --- the export ----------------------------------------------------------------------------


def gp_export(messages: list[dict[str, Any]], now: float) -> dict[str, Any]:
    """Many messages in one FHIR collection Bundle, for a GP system's import."""
    return {"resourceType": "Bundle", "type": "collection", "timestamp": _iso(now),
            "total": len(messages),
            "entry": [{"fullUrl": f"urn:uuid:{m['id']}", "resource": m} for m in messages]}


EXPORT_COLUMNS = ("reference", "referred_on", "group", "outcome", "snomed_code",
                  "snomed_display", "outcome_date")


def gp_export_csv(messages: list[dict[str, Any]]) -> str:
    """One row per code to enter in the GP record (a referral that was declined by the person
    has two), for practices whose system imports a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for message in messages:
        request = resources(message, "ServiceRequest")[0]
        outcome = resources(message, "Observation")[0]
        for coding in request["code"]["coding"] + outcome["code"]["coding"]:
            if coding["system"] != "http://snomed.info/sct":
                continue
            writer.writerow((request["identifier"][0]["value"], request["authoredOn"][:10],
                             request["performer"][0]["display"], outcome["code"]["text"],
                             coding["code"], coding["display"],
                             outcome["effectiveDateTime"][:10]))
    return out.getvalue()
