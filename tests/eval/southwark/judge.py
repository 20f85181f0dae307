#!/usr/bin/env python3
"""Grade every (request, listing) pair of the Southwark judged set by the rules in RULES.md.

    python3 tests/eval/southwark/judge.py            # write qrels.json, print a summary
    python3 tests/eval/southwark/judge.py --check    # also check ids against the taxonomy
    python3 tests/eval/southwark/judge.py --explain s07
    python3 tests/eval/southwark/judge.py --score run.json   # {profile_id: [service_id, ...]}

Standard library only; deterministic. Reads services.json, truth.json and profiles.json from
this folder and never looks at what a matcher returns (except the run file given to --score).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # judge_facts.py sits beside this file, however it is loaded
    sys.path.insert(0, str(HERE))  # (as a script, by its path, or as tests.eval.southwark.judge)

from judge_facts import (  # noqa: E402  (the listing and person facts, split out for size)
    DAY_CODES,
    FREE_BANDS,
    GENDER_OF_AUDIENCE,
    INTENSITY,
    LOW_COST_LIMIT,
    PARENT_DOMAINS,
    SAFETY_TOPICS,
    STALE_BEFORE,
    TAXONOMY,
    Json,
    Person,
    domain,
    haversine_km,
    is_step_free,
    listing_languages,
    load,
    person_of,
    session_fits,
    sessions,
    taxonomy_ids,
    venues,
)

# ----------------------------------------------------------------------------- grading


@dataclass
class Judgement:
    grade: int
    fit: str | None = None
    gate: str | None = None
    misses: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def gates(p: Person, s: Json, t: Json) -> tuple[str | None, bool, float | None]:
    """The first hard gate failed (or None), whether the person must travel, and the distance."""
    aud: Json = t["audience"]
    if s.get("status") != "active":
        return f"not active ({s.get('status')})", False, None
    want = GENDER_OF_AUDIENCE.get(aud.get("gender", "any"))
    if (
        want
        and p.gender != want
        and not (p.gender == "non_binary" and aud.get("non_binary_welcome"))
    ):
        return f"{aud['gender']} only; person is {p.gender or 'of unknown gender'}", False, None
    if p.age is not None:
        if aud.get("min_age") is not None and p.age < aud["min_age"]:
            return f"age {p.age} below {aud['min_age']}", False, None
        if aud.get("max_age") is not None and p.age > aud["max_age"]:
            return f"age {p.age} above {aud['max_age']}", False, None
    if aud.get("child_ages"):
        lo, hi = aud["child_ages"]
        if not any(lo <= a <= hi for a in p.children_ages):
            return f"for parents of children aged {lo}-{hi}", False, None
    if aud.get("parents_only") and not p.children_ages:
        return "parents only", False, None
    if aud.get("community_restricted") and not (set(aud.get("communities", [])) & p.communities):
        return f"restricted to {', '.join(aud.get('communities', []))}", False, None
    conditions = set(aud.get("conditions", []))
    if conditions and not (conditions & p.conditions):
        carer_ok = (
            aud.get("carers_welcome") and "carer" in p.situations and (conditions & p.cares_for)
        )
        if not carer_ok:
            return f"for people with {', '.join(sorted(conditions))}", False, None
    if aud.get("carers_only") and "carer" not in p.situations:
        return "carers only", False, None
    if aud.get("bereaved_only") and "bereaved" not in p.situations:
        return "bereaved people only", False, None
    if aud.get("residents_of") and aud["residents_of"] != p.borough:
        return f"residents of {aud['residents_of']} only; person lives in {p.borough}", False, None
    if aud.get("situations") and not (set(aud["situations"]) & p.situations):
        return f"for {', '.join(aud['situations'])} only", False, None
    if p.languages and not (set(p.languages) & listing_languages(s)):
        return (
            f"offers {', '.join(sorted(listing_languages(s)))}, needs {', '.join(p.languages)}",
            False,
            None,
        )
    modes = list(t.get("delivery", ["in_person"]))

    def accepted(m: str) -> bool:
        return p.delivery is None or ("in_person" if m == "home_visit" else m) in p.delivery

    usable = [m for m in modes if accepted(m)]
    if not usable:
        return (
            f"delivery {', '.join(modes)}; person wants {', '.join(sorted(p.delivery or []))}",
            False,
            None,
        )
    must_travel = all(m == "in_person" for m in usable)
    places = venues(s)
    if must_travel and p.step_free:
        places = [v for v in places if is_step_free(v)]
        if not places:
            return "no step-free venue", True, None
    cost: Json = t.get("cost") or {"band": "unstated", "amount": None}
    band, amount = cost.get("band", "unstated"), cost.get("amount")
    if p.cost == "free" and band not in FREE_BANDS:
        return f"costs {band} {amount}; person needs free", must_travel, None
    if p.cost == "low" and band not in FREE_BANDS and (amount is None or amount > LOW_COST_LIMIT):
        return f"costs {amount}; person needs low cost", must_travel, None
    distance = None
    if must_travel and places and p.lat is not None and p.lon is not None:
        lat, lon = p.lat, p.lon
        distance = min(haversine_km(lat, lon, v["latitude"], v["longitude"]) for v in places)
        if distance > 1.5 * p.max_km:
            return f"{distance:.1f} km away, limit {p.max_km:g} km", must_travel, distance
    if "wheelchair" in p.mobility and t.get("wheelchair_suitable") is False:
        return "depends on walking or standing", must_travel, distance
    return None, must_travel, distance


def topical_fit(p: Person, t: Json) -> tuple[str | None, str]:
    listing = set(t.get("topics", []))
    shared = p.topics & listing
    if shared:
        if p.core and not (shared & p.core):
            return "parent", f"shares only non-core {', '.join(sorted(shared))}"
        return "exact", f"shares {', '.join(sorted(shared))}"
    for pt in sorted(p.topics - SAFETY_TOPICS):
        for lt in sorted(listing - SAFETY_TOPICS):
            if domain(pt) == domain(lt) and domain(pt) in PARENT_DOMAINS:
                return "parent", f"same domain {domain(pt)} ({pt} ~ {lt})"
    return None, "no shared topic"


def soft_misses(
    p: Person, s: Json, t: Json, must_travel: bool, distance: float | None
) -> list[str]:
    aud: Json = t["audience"]
    misses = []
    if must_travel and distance is not None and distance > p.max_km:
        misses.append(f"{distance:.1f} km, over {p.max_km:g} km")
    if p.availability:
        known = sessions(s, t)
        if known and not any(session_fits(x, w) for x in known for w in p.availability):
            misses.append("no session at a time they gave")
    setting = t.get("group_setting")
    if p.prefer_group is not None and setting is not None and bool(setting) != p.prefer_group:
        misses.append("group setting against their preference")
    if p.max_intensity and INTENSITY[t.get("intensity", "gentle")] > INTENSITY[p.max_intensity]:
        misses.append(f"{t.get('intensity')} effort, more than {p.max_intensity}")
    if p.age is None:
        lo, hi = aud.get("min_age"), aud.get("max_age")
        if (lo is not None and lo >= 50) or (hi is not None and hi <= 30):
            misses.append("narrow age band, age unknown")
    comms = set(aud.get("communities", []))
    if comms and not aud.get("community_restricted") and not (comms & p.communities):
        misses.append(f"rooted in another community ({', '.join(sorted(comms))})")
    return misses


def judge_pair(p: Person, s: Json, t: Json) -> Judgement:
    fit, why = topical_fit(p, t)
    gate, must_travel, distance = gates(p, s, t)
    if gate:
        return Judgement(0, fit, gate, notes=[why])
    if fit is None:
        return Judgement(0, None, None, notes=[why])
    misses = soft_misses(p, s, t, must_travel, distance)
    n = min(len(misses), 2)
    grade = (3 - n) if fit == "exact" else max(0, 2 - n)
    notes = [why]
    assured = s.get("assured_date")
    if not assured or date.fromisoformat(assured) < STALE_BEFORE:
        grade = max(0, grade - 1)
        notes.append(f"last assured {assured or 'never'}: one grade off")
    return Judgement(grade, fit, None, misses, notes)


def judge_all(
    services: list[Json], truth: Json, profiles: list[Json]
) -> dict[str, dict[str, Judgement]]:
    groups: dict[str, list[str]] = {}
    for s in services:
        t = truth[s["id"]]
        groups.setdefault(t.get("duplicate_of") or s["id"], []).append(s["id"])
    by_id = {s["id"]: s for s in services}
    result: dict[str, dict[str, Judgement]] = {}
    for prof in profiles:
        p = person_of(prof)
        js = {sid: judge_pair(p, by_id[sid], truth[sid]) for sid in sorted(by_id)}
        for members in groups.values():
            if len(members) < 2:
                continue
            passing = [m for m in members if js[m].gate is None]
            best = max((js[m].grade for m in passing), default=0)
            for m in passing:
                if js[m].grade < best:
                    js[m].notes.append(
                        f"near-duplicate: raised from {js[m].grade} to the group's {best}"
                    )
                    js[m].grade = best
        result[prof["id"]] = js
    return result


# ----------------------------------------------------------------------------- checks


def check(services: list[Json], truth: Json, profiles: list[Json]) -> list[str]:
    ids = taxonomy_ids()
    problems = []
    if not ids:
        problems.append(f"no concept ids read from {TAXONOMY}")
    sids = [s["id"] for s in services]
    if len(sids) != len(set(sids)):
        problems.append("duplicate service ids")
    if set(sids) != set(truth):
        problems.append("services.json and truth.json hold different ids")
    for sid, t in sorted(truth.items()):
        for topic in t.get("topics", []):
            if topic not in ids:
                problems.append(f"truth {t.get('key', sid)}: unknown topic {topic}")
        if t.get("duplicate_of") and t["duplicate_of"] not in truth:
            problems.append(f"truth {t.get('key', sid)}: duplicate_of points nowhere")
        if t.get("intensity", "gentle") not in INTENSITY:
            problems.append(f"truth {t.get('key', sid)}: bad intensity")
    pids = [p["id"] for p in profiles]
    if len(pids) != len(set(pids)):
        problems.append("duplicate profile ids")
    for prof in profiles:
        intent, req = prof["intent"], prof["request"]
        for topic in list(intent.get("topics", [])) + list(intent.get("core", [])):
            if topic not in ids:
                problems.append(f"profile {prof['id']}: unknown topic {topic}")
        if not set(intent.get("core", [])) <= set(intent.get("topics", [])):
            problems.append(f"profile {prof['id']}: core not within topics")
        for w in req.get("availability", []) or []:
            if w["day"] not in DAY_CODES.values():
                problems.append(f"profile {prof['id']}: bad day {w['day']}")
        reqs = req.get("requirements", {}) or {}
        if reqs.get("cost") not in (None, "free", "low", "any"):
            problems.append(f"profile {prof['id']}: bad cost {reqs.get('cost')}")
        for m in reqs.get("delivery", []) or []:
            if m not in ("in_person", "online", "phone"):
                problems.append(f"profile {prof['id']}: bad delivery {m}")
        if "location" in req and set(req["location"]) != {"lat", "lon"}:
            problems.append(f"profile {prof['id']}: location must be lat/lon")
    return problems


# ----------------------------------------------------------------------------- scoring


def ndcg_at_10(ranked: list[str], qrels: dict[str, int], group_of: dict[str, str]) -> float:
    best: dict[str, int] = {}
    for sid, g in qrels.items():
        grp = group_of.get(sid, sid)
        best[grp] = max(best.get(grp, 0), g)
    ideal = sorted(best.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    if idcg == 0:
        return 0.0
    seen: set[str] = set()
    dcg = 0.0
    for i, sid in enumerate(ranked[:10]):
        grp = group_of.get(sid, sid)
        if grp in seen:
            continue
        seen.add(grp)
        dcg += qrels.get(sid, 0) / math.log2(i + 2)
    return dcg / idcg


def score(
    run_path: str, qrels: dict[str, dict[str, int]], truth: Json, profiles: list[Json]
) -> None:
    with open(run_path, encoding="utf-8") as f:
        run: dict[str, list[str]] = json.load(f)
    group_of = {sid: t.get("duplicate_of") or sid for sid, t in truth.items()}
    crisis = {p["id"] for p in profiles if p["intent"].get("crisis")}
    scores = {pid: ndcg_at_10(run.get(pid, []), q, group_of) for pid, q in qrels.items() if q}
    for pid in sorted(scores):
        print(f"{pid}  nDCG@10 {scores[pid]:.3f}{'  (crisis)' if pid in crisis else ''}")
    rest = [v for k, v in scores.items() if k not in crisis]
    apart = [v for k, v in scores.items() if k in crisis]
    mean = sum(scores.values()) / max(1, len(scores))
    print(f"mean nDCG@10 over {len(scores)} requests: {mean:.3f}")
    print(f"  without crisis requests ({len(rest)}): {sum(rest) / max(1, len(rest)):.3f}")
    if apart:
        print(f"  crisis requests ({len(apart)}): {sum(apart) / len(apart):.3f}")


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--check", action="store_true", help="check topic ids and the files' shape")
    ap.add_argument(
        "--explain", metavar="PROFILE", help="print the reason for every fitting listing"
    )
    ap.add_argument(
        "--score", metavar="RUN_JSON", help="nDCG@10 of a run {profile_id: [service ids]}"
    )
    args = ap.parse_args(argv)

    services: list[Json] = load("services.json", HERE)
    truth: Json = load("truth.json", HERE)
    profiles: list[Json] = load("profiles.json", HERE)

    if args.check:
        problems = check(services, truth, profiles)
        for line in problems:
            print("CHECK:", line)
        if problems:
            return 1
        print(f"check: {len(services)} listings and {len(profiles)} profiles use only taxonomy ids")

    judged = judge_all(services, truth, profiles)
    qrels = {
        pid: {sid: j.grade for sid, j in sorted(js.items()) if j.grade >= 1}
        for pid, js in judged.items()
    }
    with open(HERE / "qrels.json", "w", encoding="utf-8") as f:
        json.dump(qrels, f, indent=1, sort_keys=True)
        f.write("\n")

    if args.explain:
        names = {sid: truth[sid].get("key", sid) for sid in truth}
        js = judged[args.explain]
        rows = sorted(js.items(), key=lambda kv: (-kv[1].grade, names[kv[0]]))
        for sid, j in rows:
            if j.fit is None and j.grade == 0:
                continue
            why = j.gate or "; ".join(j.misses) or "no misses"
            print(f"{j.grade}  {names[sid]:32s} {j.fit or '-':6s} {why}  [{'; '.join(j.notes)}]")
        return 0

    if args.score:
        score(args.score, qrels, truth, profiles)
        return 0

    crisis = {p["id"] for p in profiles if p["intent"].get("crisis")}
    total: Counter[int] = Counter()
    print("profile  judged  g3  g2  g1")
    for pid in sorted(qrels):
        c = Counter(qrels[pid].values())
        total.update(c)
        flag = ""
        if c[3] + c[2] == 0:
            flag = "  NO GRADE >= 2"
        elif c[3] + c[2] < 3:
            flag = "  fewer than 3 graded >= 2"
        if pid in crisis:
            flag += "  (crisis)"
        print(f"{pid:7s}  {len(qrels[pid]):6d}  {c[3]:2d}  {c[2]:2d}  {c[1]:2d}{flag}")
    n = sum(total.values())
    print(
        f"{len(services)} listings, {len(profiles)} profiles, {n} judgements >= 1 "
        f"(grade 3: {total[3]}, grade 2: {total[2]}, grade 1: {total[1]}); wrote qrels.json"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
