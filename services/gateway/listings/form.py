"""The group's edit form: the fields people rely on, as plain text, to and from HSDS."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from linkwell.gateway.referrals.targets import published_email

STATUSES = {"active": "Running", "temporarily closed": "Paused for now",
            "inactive": "Stopped"}
# The form's fields, in order, with their labels.
LABELS = {"description": "What happens at your group", "sessions": "When and how often you meet",
          "cost": "What it costs", "email": "Contact email", "phone": "Contact phone",
          "url": "Website", "accessibility": "Access (step-free, hearing loop, ...)",
          "languages": "Languages spoken (codes, comma-separated, e.g. en, bn, so)",
          "status": "Status"}
LIMITS = {"description": 4000, "sessions": 500, "cost": 200, "email": 254, "phone": 40,
          "url": 500, "accessibility": 500, "languages": 100}
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _schedule_text(record: Mapping[str, Any]) -> str:
    parts = []
    for s in record.get("schedules") or []:
        if s.get("description"):
            parts.append(str(s["description"]))
        else:
            when = " ".join(str(s.get(k)) for k in ("freq", "byday") if s.get(k))
            hours = "–".join(str(s.get(k)) for k in ("opens_at", "closes_at") if s.get(k))
            parts.append(" ".join(p for p in (when.lower(), hours) if p))
    return "; ".join(parts)


def current(record: Mapping[str, Any]) -> dict[str, str]:
    """The form's values for a listing as the directory holds it."""
    costs = [str(c.get("option") or c.get("amount_description") or
                 (f"£{c['amount']}" if c.get("amount") else "Free"))
             for c in record.get("cost_options") or []]
    access = [str(a.get("description")) for a in record.get("accessibility") or []
              if a.get("description")]
    for location in record.get("locations") or []:
        access += [str(a.get("description")) for a in location.get("accessibility") or []
                   if a.get("description")]
    return {
        "description": str(record.get("description") or ""),
        "sessions": _schedule_text(record),
        "cost": "; ".join(costs) or str(record.get("fees_description") or ""),
        "email": published_email(record) or "",
        "phone": next((str(p.get("number")) for p in record.get("phones") or []
                       if p.get("number")), ""),
        "url": str(record.get("url") or ""),
        "accessibility": "; ".join(dict.fromkeys(access)),
        "languages": ", ".join(str(lang.get("code")) for lang in record.get("languages") or []
                               if lang.get("code")),
        "status": str(record.get("status") or "active"),
    }


def read(form: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The submitted values, and errors by field (each saying why)."""
    values = {name: " ".join(str(form.get(name) or "").split()) if name != "description"
              else str(form.get(name) or "").strip() for name in LABELS}
    errors: dict[str, str] = {}
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            errors[name] = f"at most {limit} characters"
    if not values["description"]:
        errors["description"] = "say in a sentence or two what happens at your group"
    if values["email"] and not EMAIL.match(values["email"]):
        errors["email"] = "this is not an email address"
    if values["url"] and not values["url"].startswith(("https://", "http://")):
        errors["url"] = "a website address starts with https://"
    codes = [c.strip().lower() for c in values["languages"].split(",") if c.strip()]
    if any(not LANGUAGE.match(c) for c in codes):
        errors["languages"] = "use two- or three-letter codes, e.g. en, bn, so"
    values["languages"] = ", ".join(codes)
    if values["status"] not in STATUSES:
        errors["status"] = f"choose one of: {', '.join(STATUSES.values())}"
    return values, errors


def changes(listing_id: str, before: dict[str, str], after: dict[str, str]
            ) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """HSDS changes for the fields that differ, and the officer's view of each."""
    hsds: dict[str, Any] = {}
    shown: dict[str, list[str]] = {}
    for name, label in LABELS.items():
        if before.get(name, "") == after[name]:
            continue
        shown[label] = [before.get(name, ""), after[name]]
        hsds.update(_hsds(listing_id, name, after[name]))
    return hsds, shown


def _hsds(listing_id: str, name: str, value: str) -> dict[str, Any]:
    ident = f"{listing_id}-provider-{name}"
    if name == "sessions":
        return {"schedules": [{"id": ident, "description": value}] if value else []}
    if name == "cost":
        option: dict[str, Any] = {"id": ident, "option": value}
        if value.lower().startswith("free"):
            option["amount"] = 0
        return {"cost_options": [option] if value else [], "fees_description": value}
    if name == "phone":
        return {"phones": [{"id": ident, "number": value}] if value else []}
    if name == "accessibility":
        return {"accessibility": [{"id": ident, "description": value}] if value else []}
    if name == "languages":
        return {"languages": [{"id": f"{ident}-{code}", "code": code.strip()}
                              for code in value.split(",") if code.strip()]}
    return {name: value}


# Space now (issue 15 item 5): applied at once, not proposed (see the README).
SPACES = {"open": "We have space now", "waiting": "No space now, but a waiting list",
          "full": "Full for now (no waiting list)"}


def current_space(record: Mapping[str, Any]) -> dict[str, str]:
    """The space form's values from the listing's newest capacity statement."""
    from linkwell import capacity

    found = capacity.from_record(dict(record)) or {}
    space = ("open" if found.get("available") else "waiting" if found.get("waiting_list")
             else "full") if found else ""
    newest = max((c for c in record.get("capacities") or [] if isinstance(c, dict)),
                 key=lambda c: str(c.get("updated")), default={})
    weeks = newest.get("wait_weeks")
    return {"space": space,
            "places": str(found.get("available") or "") if space == "open" else "",
            "maximum": str(found.get("maximum") or ""),
            "wait_weeks": str(int(weeks)) if isinstance(weeks, int | float) and weeks else "",
            "updated": str(found.get("updated") or "")}


def _count(values: dict[str, str], errors: dict[str, str], name: str, low: int,
           high: int) -> int | None:
    if not values[name]:
        return None
    if not values[name].isdigit() or not low <= int(values[name]) <= high:
        errors[name] = f"a whole number from {low} to {high}, or leave it empty"
        return None
    return int(values[name])


def read_space(form: Mapping[str, str], listing_id: str, today: str
               ) -> tuple[dict[str, str], dict[str, str], dict[str, Any] | None]:
    """The submitted space values, errors by field, and the HSDS 3.1 capacity to store."""
    values = {name: " ".join(str(form.get(name) or "").split())
              for name in ("space", "places", "maximum", "wait_weeks")}
    errors: dict[str, str] = {}
    if values["space"] not in SPACES:
        errors["space"] = f"choose one of: {', '.join(SPACES.values())}"
    places = _count(values, errors, "places", 1, 10000)
    maximum = _count(values, errors, "maximum", 1, 10000)
    weeks = _count(values, errors, "wait_weeks", 1, 520)
    if places and maximum and places > maximum:
        errors["maximum"] = "cannot be fewer than the places free now"
    if errors:
        return values, errors, None
    statement: dict[str, Any] = {"id": f"{listing_id}-provider-capacity", "updated": today,
                                 "available": (places or 1) if values["space"] == "open" else 0}
    if maximum:
        statement["maximum"] = maximum
    if values["space"] == "waiting":
        statement["waiting_list"] = True
        if weeks:
            statement["wait_weeks"] = weeks
    return values, errors, statement
