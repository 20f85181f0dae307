"""ORUK 1.0 ``regular_schedules`` and ``holiday_schedules`` as HSDS 3.0 schedules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from linkwell.feeds.oruk1.common import (
    _BYDAY,
    _TIME,
    FREQUENCIES,
    JsonDict,
    _Context,
    _date,
    _list,
    _mapping,
    _number,
    _positive_int,
    _put,
    _text,
)
from linkwell.vocab import DAY_CODES, ICAL_DAYS

# --- schedules ------------------------------------------------------------------------------


def _schedules(v1: Mapping[str, Any], ctx: _Context) -> list[JsonDict]:
    """Service-level rules, then any a feed nests under its service_at_locations."""
    attending = _text(v1.get("attending_type"))
    found = [_schedule(s, f"regular_schedules[{i}]", None, attending, ctx)
             for i, s in enumerate(_list(v1, "regular_schedules", ctx))]
    for n, raw in enumerate(_list(v1, "service_at_locations", ctx)):
        sal = _mapping(raw, f"service_at_locations[{n}]", ctx)
        sal_id = ctx.entity_id("service_at_location", sal.get("id"), f"service_at_locations[{n}]")
        path = f"service_at_locations[{n}].regular_schedules"
        found.extend(_schedule(s, f"{path}[{i}]", sal_id, attending, ctx)
                     for i, s in enumerate(_list(sal, "regular_schedules", ctx, path)))
    return found


def _schedule(raw: Any, path: str, sal_id: str | None, attending: str | None,
              ctx: _Context) -> JsonDict:
    rule = _mapping(raw, path, ctx)
    freq = _freq(rule, path, ctx)
    out: JsonDict = ctx.service_part("schedule", rule, path)
    _put(out, "service_at_location_id", sal_id or _schedule_sal(rule, path, ctx))
    _put(out, "freq", freq)
    interval = rule.get("interval")
    if interval not in (None, "", 1, "1"):
        _put(out, "interval", _positive_int(interval, f"{path}.interval", ctx))
    _put(out, "byday", _byday(rule, freq, path, ctx))
    _put(out, "bymonthday", _bymonthday(rule.get("bymonthday"), f"{path}.bymonthday", ctx))
    _put(out, "opens_at", _clock(rule.get("opens_at"), f"{path}.opens_at", ctx))
    _put(out, "closes_at", _clock(rule.get("closes_at"), f"{path}.closes_at", ctx))
    for key in ("valid_from", "valid_to", "dtstart"):
        if rule.get(key):
            out[key] = _date(rule[key], f"{path}.{key}", ctx)
    _put(out, "description", _text(rule.get("description")))
    _put(out, "attending_type", attending)
    return out


def _schedule_sal(rule: Mapping[str, Any], path: str, ctx: _Context) -> str | None:
    """The service_at_location a service-level rule points at, if any (v1 nests a stub)."""
    sal = rule.get("service_at_location")
    if isinstance(sal, Mapping) and _text(sal.get("id")):
        return ctx.entity_id("service_at_location", sal.get("id"), f"{path}.service_at_location")
    sal_id = _text(rule.get("service_at_location_id"))
    return ctx.entity_id("service_at_location", sal_id, path) if sal_id else None


def _freq(rule: Mapping[str, Any], path: str, ctx: _Context) -> str | None:
    raw = _text(rule.get("freq"))
    if raw is None:
        # Feeds often leave freq out: "1WE" or a day of the month can only be monthly, and a
        # row with just a weekday is the classic "every week" opening-hours row.
        byday = _text(rule.get("byday")) or ""
        if rule.get("bymonthday") not in (None, "") or re.search(r"\d", byday):
            return "MONTHLY"
        has_day = rule.get("weekday") not in (None, "") or byday
        return "WEEKLY" if has_day else None
    freq = raw.upper()
    if freq not in FREQUENCIES:
        ctx.fail(f"{path}.freq", f"{raw!r} is not WEEKLY or MONTHLY")
    return freq


def _byday(rule: Mapping[str, Any], freq: str | None, path: str, ctx: _Context) -> str | None:
    raw = _text(rule.get("byday"))
    if raw is None:
        weekday = rule.get("weekday")
        return None if weekday in (None, "") else _weekday(weekday, f"{path}.weekday", ctx)
    days = [part.strip().upper() for part in raw.split(",") if part.strip()]
    for day in days:
        match = _BYDAY.match(day)
        if not match:
            ctx.fail(f"{path}.byday", f"{day!r} is not a day such as MO or 1WE")
        if match.group(1) and freq != "MONTHLY":
            ctx.fail(f"{path}.byday", f"{day!r} counts weeks in a month, so freq must be MONTHLY")
    return ",".join(days)


def _weekday(raw: Any, path: str, ctx: _Context) -> str:
    """v1's weekday as an iCal day: 1 = Monday ... 7 = Sunday (0 is also Sunday), or a name."""
    if isinstance(raw, str) and not raw.strip().isdigit():
        name = raw.strip().lower()
        if name.upper() in ICAL_DAYS:
            return name.upper()
        if name in DAY_CODES:
            return DAY_CODES[name]
        ctx.fail(path, f"{raw!r} is not a day of the week")
    number = _number(raw, path, ctx)
    if number != int(number) or not 0 <= number <= 7:
        ctx.fail(path, f"{raw!r} is not a day number (1 = Monday ... 7 = Sunday)")
    return ICAL_DAYS[(int(number) - 1) % 7]


def _bymonthday(raw: Any, path: str, ctx: _Context) -> str | None:
    if raw is None or raw == "":
        return None
    days = [part.strip() for part in str(raw).split(",") if part.strip()]
    for day in days:
        if not re.fullmatch(r"-?\d{1,2}", day) or not 1 <= abs(int(day)) <= 31:
            ctx.fail(path, f"{day!r} is not a day of the month")
    return ",".join(days)  # HSDS 3.0 writes bymonthday as a string


def _clock(raw: Any, path: str, ctx: _Context) -> str | None:
    """``HH:MM`` from v1's ``HH:MM`` or ``HH:MM:SS``."""
    if raw is None or raw == "":
        return None
    match = _TIME.match(str(raw).strip()) if isinstance(raw, str) else None
    if not match:
        ctx.fail(path, f"{raw!r} is not a time of day (HH:MM)")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if (hours, minutes) == (24, 0):
        return "23:59"  # "open until midnight"; HSDS times stop at 23:59
    if hours > 23 or minutes > 59:
        ctx.fail(path, f"{raw!r} is not a time of day (HH:MM)")
    return f"{hours:02d}:{minutes:02d}"


def _holiday_alert(v1: Mapping[str, Any], ctx: _Context) -> str | None:
    """HSDS 3.0 has no holiday schedules: closures become a short alert people can read."""
    notes = []
    for i, raw in enumerate(_list(v1, "holiday_schedules", ctx)):
        rule = _mapping(raw, f"holiday_schedules[{i}]", ctx)
        if not rule.get("closed"):
            continue
        start = _date(rule.get("start_date"), f"holiday_schedules[{i}].start_date", ctx)
        end = _date(rule.get("end_date"), f"holiday_schedules[{i}].end_date", ctx)
        notes.append(f"Closed {start}." if start == end else f"Closed from {start} to {end}.")
    return " ".join(notes) or None
