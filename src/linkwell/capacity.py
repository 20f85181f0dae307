"""Whether a group has space now: HSDS 3.1 ``service_capacity``, read and dated.

A service lists ``capacities`` (HSDS 3.1): each with ``available`` and ``maximum`` (places),
``updated`` (when the group said so), and optionally ``description``. Linkwell reads the
newest one as one of three states: ``open`` (places available), ``waiting`` (none now, a
waiting list: ``waiting_list: true``, with an estimated wait in ``wait_weeks`` or the
service's ``wait_time``), ``full`` (none now, no list). A statement older than the group's own
update period (``capacity_update_days`` on the service, default 28) is ``unknown``: a group
that said "2 places" in the spring may be full by the autumn.
"""

from __future__ import annotations

from datetime import date
from typing import Any

DEFAULT_PERIOD_DAYS = 28
STATES = ("open", "waiting", "full", "unknown")
# How much a match's score keeps when a group cannot take the person now: still shown (a
# waiting list can be worth joining, and "full" may change), but after those with space.
RANK_FACTOR = {"open": 1.0, "unknown": 1.0, "waiting": 0.8, "full": 0.5}


def from_record(record: dict[str, Any]) -> dict[str, Any] | None:
    """The newest capacity statement of a service record, as stored in its summary."""
    found = [c for c in record.get("capacities") or []
             if isinstance(c, dict) and _number(c.get("available")) is not None
             and _day(c.get("updated"))]
    if not found:
        return None
    newest = max(found, key=lambda c: str(c.get("updated")))
    available = _number(newest.get("available")) or 0.0
    out: dict[str, Any] = {"available": int(available), "updated": _day(newest.get("updated")),
                           "period_days": _period(record)}
    maximum = _number(newest.get("maximum"))
    if maximum is not None:
        out["maximum"] = int(maximum)
    if available <= 0 and newest.get("waiting_list") in (True, "true", "yes"):
        out["waiting_list"] = True
        weeks = _number(newest.get("wait_weeks"))
        wait = f"about {int(weeks)} weeks" if weeks else record.get("wait_time")
        if wait:
            out["wait"] = str(wait)
    return out


def state(capacity: dict[str, Any] | None, today: date) -> str:
    """open, waiting, full, or unknown (never said, or said longer ago than its period)."""
    if not capacity or not capacity.get("updated"):
        return "unknown"
    try:
        said = date.fromisoformat(str(capacity["updated"])[:10])
    except ValueError:
        return "unknown"
    if (today - said).days > int(capacity.get("period_days") or DEFAULT_PERIOD_DAYS):
        return "unknown"
    if int(capacity.get("available") or 0) > 0:
        return "open"
    return "waiting" if capacity.get("waiting_list") else "full"


def current(capacity: dict[str, Any] | None, today: date) -> dict[str, Any] | None:
    """The stored statement with its state today (None when the group never said)."""
    if not capacity:
        return None
    return {**capacity, "state": state(capacity, today)}


def rank_factor(asset: dict[str, Any]) -> float:
    """What a match keeps of its score for the group's space now (see ``RANK_FACTOR``)."""
    found = asset.get("capacity")
    return RANK_FACTOR.get(str(found.get("state")), 1.0) if isinstance(found, dict) else 1.0


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _day(value: Any) -> str | None:
    try:
        return date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def _period(record: dict[str, Any]) -> int:
    days = _number(record.get("capacity_update_days"))
    return int(days) if days and days > 0 else DEFAULT_PERIOD_DAYS
