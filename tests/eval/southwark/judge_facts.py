"""The facts the Southwark judge reads: the set's constants, its files, the person a request
describes and what a listing offers (venues, step-free access, languages, sessions).

Split out of judge.py (issue 17: no module over about 450 lines); judge.py imports what it
grades with from here, so ``judge.person_of``, ``judge.Person`` and the rest keep working.
Standard library only.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TAXONOMY = HERE.parents[2] / "src" / "linkwell" / "taxonomy" / "taxonomy.yaml"

EVAL_DATE = date(2026, 11, 21)
STALE_BEFORE = date(2025, 5, 21)  # 18 months before the evaluation date
DEFAULT_TRAVEL_KM = 3.0
LOW_COST_LIMIT = 5.0
PARENT_DOMAINS = {"moving_more", "nature", "social", "calm", "giving", "feelings", "home", "food"}
SAFETY_TOPICS = {
    "feelings.urgent",
    "safety_rights.safe_at_home",
    "safety_rights.worried_about_someone",
}
INTENSITY = {"gentle": 0, "moderate": 1, "energetic": 2}
DAY_CODES = {
    "MO": "monday",
    "TU": "tuesday",
    "WE": "wednesday",
    "TH": "thursday",
    "FR": "friday",
    "SA": "saturday",
    "SU": "sunday",
}
GENDER_OF_AUDIENCE = {"women": "woman", "men": "man"}
FREE_BANDS = {"free", "pay_what_you_can", "unstated"}
ANY_DAY = "*"

STEP_FREE_YES = re.compile(
    r"step[- ]free|level access|\bramp\b|\blifts?\b|wheelchair[- ]accessible", re.IGNORECASE
)
STEP_FREE_NO = re.compile(
    r"no lift|stairs only|not step[- ]free|no step[- ]free|steps? (up )?to the entrance|"
    r"steps up to|steps down|no ramp|not wheelchair[- ]accessible|down (a flight of )?stairs",
    re.IGNORECASE,
)

Json = dict[str, Any]


# ----------------------------------------------------------------------------- loading


def load(name: str, folder: Path = HERE) -> Any:
    with open(folder / name, encoding="utf-8") as f:
        return json.load(f)


def taxonomy_ids() -> set[str]:
    """Concept ids of the needs and activity_types trees (the facets are not topics)."""
    ids: set[str] = set()
    in_trees = False
    with open(TAXONOMY, encoding="utf-8") as f:
        for line in f:
            top = re.match(r"^([a-z_]+):", line)
            if top:
                in_trees = top.group(1) in ("needs", "activity_types")
                continue
            m = re.match(r"^\s*- id:\s*([A-Za-z0-9_.]+)\s*$", line)
            if in_trees and m:
                ids.add(m.group(1))
    return ids


# ----------------------------------------------------------------------------- the person


@dataclass
class Person:
    gender: str | None
    age: int | None
    borough: str | None
    situations: set[str]
    conditions: set[str]
    cares_for: set[str]
    children_ages: list[int]
    mobility: set[str]
    max_intensity: str | None
    communities: set[str]
    topics: set[str]
    core: set[str]
    lat: float | None
    lon: float | None
    max_km: float
    availability: list[Json]
    cost: str | None
    step_free: bool
    languages: list[str]
    delivery: set[str] | None
    prefer_group: bool | None
    crisis: bool = False


def person_of(profile: Json) -> Person:
    req: Json = profile["request"]
    intent: Json = profile["intent"]
    who: Json = intent.get("person", {})
    reqs: Json = req.get("requirements", {}) or {}
    langs = list(reqs.get("languages", []) or [])
    communities = set(who.get("communities", []))
    communities |= {f"lang:{c}" for c in list(who.get("languages", [])) + langs}
    loc = req.get("location") or {}
    delivery = reqs.get("delivery")
    return Person(
        gender=reqs.get("gender") or who.get("gender"),
        age=req.get("age", who.get("age")),
        borough=who.get("borough"),
        situations=set(who.get("situations", [])),
        conditions=set(who.get("conditions", [])),
        cares_for=set(who.get("cares_for", [])),
        children_ages=list(who.get("children_ages", [])),
        mobility=set(who.get("mobility", [])),
        max_intensity=who.get("max_intensity"),
        communities=communities,
        topics=set(intent.get("topics", [])),
        core=set(intent.get("core", [])),
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        max_km=float(req.get("max_travel_km") or DEFAULT_TRAVEL_KM),
        availability=list(req.get("availability", []) or []),
        cost=reqs.get("cost"),
        step_free=bool(reqs.get("step_free", False)),
        languages=langs,
        delivery=set(delivery) if delivery else None,
        prefer_group=(req.get("prefer") or {}).get("group"),
        crisis=bool(intent.get("crisis", False)),
    )


# ----------------------------------------------------------------------------- helpers


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")[:2]
    return int(h) * 60 + int(m)


def venues(service: Json) -> list[Json]:
    out = []
    for sal in service.get("service_at_locations", []) or []:
        loc = sal.get("location") or {}
        if loc.get("location_type") == "physical" and loc.get("latitude") is not None:
            out.append(loc)
    return out


def is_step_free(loc: Json) -> bool:
    texts = [a.get("description", "") for a in loc.get("accessibility", []) or []]
    if any(STEP_FREE_NO.search(t) for t in texts):
        return False
    return any(STEP_FREE_YES.search(t) for t in texts)


def listing_languages(service: Json) -> set[str]:
    langs = {lang.get("code") for lang in service.get("languages", []) or [] if lang.get("code")}
    return langs or {"en"}


def sessions(service: Json, truth: Json) -> list[tuple[str, str | None, str | None]] | None:
    """Known sessions as (day, opens, closes); None means flexible (always fits)."""
    override = truth.get("schedule_override") or {}
    if override.get("flexible"):
        return None
    out: list[tuple[str, str | None, str | None]] = []
    for sc in service.get("schedules", []) or []:
        if sc.get("byday"):
            days = [
                DAY_CODES[re.sub(r"^[+-]?\d*", "", part.strip())] for part in sc["byday"].split(",")
            ]
        elif sc.get("bymonthday"):
            days = [ANY_DAY]
        else:
            continue
        out += [(d, sc.get("opens_at"), sc.get("closes_at")) for d in days]
    out += [(s["day"], s.get("from"), s.get("to")) for s in override.get("sessions", [])]
    return out


def session_fits(sess: tuple[str, str | None, str | None], window: Json) -> bool:
    day, opens, closes = sess
    if day not in (ANY_DAY, window["day"].lower()):
        return False
    if not opens or not closes or not window.get("from") or not window.get("to"):
        return True
    o, c = minutes(opens), minutes(closes)
    f, t = minutes(window["from"]), minutes(window["to"])
    overlap = max(0, min(c, t) - max(o, f))
    return overlap * 2 >= (c - o)


def domain(topic: str) -> str:
    return topic.split(".")[0]
