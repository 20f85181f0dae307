"""What a result shows a person: plain words for dates, distances, costs and freshness."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from flask import current_app
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l

from linkwell import distances
from linkwell.hsds import safe_link
from linkwell.schedule import DAYS, Session

STALE_AFTER_DAYS = 365
# linkwell.distances' sentences, in the page's language.
DISTANCE_WORDS = {"near_m": _l("Less than 100 m away"), "m": _l("%(n)s m away"),
                  "km": _l("%(n)s km away"), "near_miles": _l("Less than 0.1 miles away"),
                  "miles": _l("%(n)s miles away")}
DELIVERY_LABELS = {"in_person": _l("In person"), "online": _l("Online"),
                   "phone": _l("By phone"), "home_visit": _l("At home")}
COST_BANDS = {"free": _l("Free"), "low": _l("Low cost"), "paid": _l("There is a charge")}


def option(result: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """One result (from search or match) as the page shows it."""
    asset = {**result, **(result.get("asset") or {})}
    today = today or date.today()
    confirmed = asset.get("last_confirmed") or result.get("last_confirmed")
    return {
        "id": result.get("id") or asset.get("id"),
        "name": asset.get("name") or gettext("Unnamed listing"),
        "organization": asset.get("organization"),
        "description": asset.get("description"),
        # The distance is shown once, among the facts: not again among the reasons.
        "reasons": [r for r in result.get("reasons") or []
                    if not distances.DISTANCE_TEXT.match(str(r))],
        "cautions": list(result.get("cautions") or []),
        "distance": distance_text(result.get("distance_km", asset.get("distance_km"))),
        "next_session": next_session_text(result.get("next_session"),
                                          asset.get("schedule") or [], today),
        "schedule": [s.get("text") for s in asset.get("schedule") or [] if s.get("text")]
        or list(asset.get("schedule_notes") or []),
        "cost": (asset.get("cost") or {}).get("text") or _cost_band(asset),
        "how_to_join": asset.get("how_to_join"),
        "places": [p for p in asset.get("places") or [] if p.get("name") or p.get("address")],
        # A stored address a page may not link to (kept from before the rule) is not shown.
        "contact": {k: asset[k] for k in ("phone", "email", "url") if asset.get(k)
                    and (k != "url" or safe_link(str(asset[k])))},
        "delivery": asset.get("delivery") or [],
        "delivery_labels": [str(DELIVERY_LABELS.get(d, str(d).replace("_", " ").capitalize()))
                            for d in asset.get("delivery") or []],
        "confirmed": confirmed_text(confirmed),
        "stale": _is_stale(confirmed, today, result.get("stale", asset.get("stale"))),
        "feed": asset.get("feed"),
        "masked": bool(asset.get("masked")),
        "capacity": capacity_text(result.get("capacity") or asset.get("capacity")),
    }


def capacity_text(found: Any) -> str | None:
    """Space now, in words, with the day the group said so (linkwell.capacity)."""
    if not isinstance(found, dict) or not found.get("updated"):
        return None
    said = confirmed_text(found["updated"])
    state = found.get("state")
    if state == "open" and found.get("maximum"):
        return gettext("Space now: %(available)s of %(maximum)s places (said %(date)s)",
                       available=found.get("available"), maximum=found["maximum"], date=said)
    if state == "open":
        return gettext("Space now (said %(date)s)", date=said)
    if state == "waiting" and found.get("wait"):
        return gettext("Waiting list, %(wait)s (said %(date)s)", wait=found["wait"], date=said)
    if state == "waiting":
        return gettext("Waiting list (said %(date)s)", date=said)
    if state == "full":
        return gettext("Full for now (said %(date)s)", date=said)
    return gettext("Not known: last said on %(date)s, too long ago to count", date=said)


def _cost_band(asset: dict[str, Any]) -> str | None:
    band = (asset.get("cost") or {}).get("band")
    found = COST_BANDS.get(str(band))
    return str(found) if found is not None else None


def distance_text(km: Any) -> str | None:
    """One distance, in the deployment's unit and the page's language and digits."""
    if km is None:
        return None
    locale = _locale()
    return distances.distance_text(
        float(km), distances.unit(current_app.config.get("DISTANCE_UNIT")),
        lambda key, numbers: str(DISTANCE_WORDS[key]) % numbers,
        lambda value, places: format_decimal(value, "0." + "0" * places if places else "0",
                                             locale=locale))


def _locale() -> str:
    return str(get_locale() or "en_GB")


def confirmed_text(iso: str | None) -> str | None:
    day = _date(iso)
    return format_date(day, "d MMMM y", locale=_locale()) if day else None


def _is_stale(iso: str | None, today: date, flagged: Any) -> bool:
    if flagged is not None:
        return bool(flagged)
    day = _date(iso)
    return day is None or (today - day).days > STALE_AFTER_DAYS


def _date(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(str(iso)[:10]) if iso else None
    except ValueError:
        return None


def next_session_text(iso: str | None, schedule: list[dict[str, Any]], today: date) -> str | None:
    """The next session in words: from the matcher when it says, else from the schedule."""
    when = _datetime(iso) if iso else _next_from_schedule(schedule, today)
    if when is None:
        return None
    # The datetime keeps its own zone (the listing's local time): no conversion.
    return format_datetime(when, "EEEE d MMMM, HH:mm", locale=_locale())


def _datetime(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def _next_from_schedule(schedule: list[dict[str, Any]], today: date) -> datetime | None:
    starts = []
    for entry in schedule:
        session = _session(entry)
        if session is not None:
            starts.append(session.next_start(datetime.combine(today, datetime.min.time())))
    return min(starts) if starts else None


def _session(entry: dict[str, Any]) -> Session | None:
    try:
        start, end = (_minutes(entry["from"]), _minutes(entry["to"]))
        return Session(DAYS.index(entry["day"]), start, end, tuple(entry.get("monthly") or ()))
    except (KeyError, ValueError, TypeError):
        return None


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def map_points(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places with coordinates, for the map (names and places only: nothing about the person)."""
    points = []
    for number, item in enumerate(options, start=1):
        # A masked place has only a ~1 km cell: a pin would look like an address.
        for place in [] if item.get("masked") else item["places"]:
            if "lat" in place and "lon" in place:
                points.append({"n": number, "name": item["name"], "place": place.get("name"),
                               "lat": place["lat"], "lon": place["lon"], "id": item["id"]})
    return points
