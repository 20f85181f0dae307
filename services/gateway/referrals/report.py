"""The team report for commissioners: what changed for people (ONS4), where referrals went,
how many were accepted and joined, and the needs nothing in reach could meet.

Built from casework (see :mod:`.workspace`) and the gateway's unmet-needs records; it holds
counts and means only, never a person's details or a reference.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from html import escape
from statistics import fmean
from typing import Any

from linkwell.gateway.referrals.codes import ONS4_QUESTIONS
from linkwell.gateway.referrals.model import ACCEPTED, DECLINED, DID_NOT_ATTEND, JOINED, WITHDRAWN
from linkwell.gateway.referrals.workspace import FIRST_MEETING, FOLLOW_UP, Casework

# The group said yes: accepted, and everything the link worker records after a yes.
SAID_YES = (ACCEPTED, JOINED, DID_NOT_ATTEND)
ONS4_LABELS = {"life_satisfaction": "Life satisfaction", "worthwhile": "Worthwhile",
               "happiness": "Happiness", "anxiety": "Anxiety"}


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def wellbeing_change(cases: list[Casework]) -> dict[str, Any]:
    """Mean ONS4 at the first meeting and at follow-up, over people who gave both."""
    pairs = [c.wellbeing for c in cases if FIRST_MEETING in c.wellbeing
             and FOLLOW_UP in c.wellbeing]
    out: dict[str, Any] = {"people": len(pairs), "questions": {}}
    for key in ONS4_QUESTIONS:
        if not pairs:
            continue
        before = fmean(p[FIRST_MEETING].scores[key] for p in pairs)
        after = fmean(p[FOLLOW_UP].scores[key] for p in pairs)
        out["questions"][key] = {"before": round(before, 2), "after": round(after, 2),
                                 "change": round(after - before, 2)}
    return out


# A listing anyone can reach wherever they live: by phone or online (the matcher's own sense).
REMOTE = frozenset({"online", "phone"})
DEFAULT_REACH_KM = 5.0  # the matcher's travel distance when the person gives none


def in_reach(result: dict[str, Any], max_km: float) -> bool:
    """A matched listing the person can get to: by phone or online, or a place within the
    distance they said they would travel (the matcher looks a little further, and says so)."""
    delivery = set((result.get("asset") or {}).get("delivery") or ())
    distance = result.get("distance_km")
    if distance is not None and float(distance) <= max_km:
        return True
    return bool(delivery & REMOTE)


def unmet_from_match(request: dict[str, Any], answer: dict[str, Any]) -> str | None:
    """The need a match left unmet, in the taxonomy's words, or None if a result within the
    person's reach offers something they asked for (a need or an interest understood).

    Only labels are kept, never the words typed: they can hold a person's story."""
    from linkwell.taxonomy import load_taxonomy

    understood = answer.get("understood") or {}
    tax = load_taxonomy()
    needs = [str(c) for c in understood.get("needs") or () if str(c) in tax.concepts]
    interests = [str(c) for c in understood.get("interests") or () if str(c) in tax.concepts]
    wanted = set(needs) | set(interests)
    if not wanted:
        return None  # nothing we could name was asked for
    max_km = float(request.get("max_travel_km") or DEFAULT_REACH_KM)
    for result in answer.get("results") or ():
        offered = {str(c.get("id")) for c in (result.get("asset") or {}).get("concepts") or ()}
        if offered & wanted and in_reach(result, max_km):
            return None
    return ", ".join(tax.label(c) for c in (needs or interests))


def unmet_needs(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Needs asked for with no listing in reach, most asked first (words as typed, folded)."""
    counts: Counter[str] = Counter()
    areas: dict[str, set[str]] = {}
    for record in records:
        words = " ".join(str(record.get("words", "")).lower().split())
        if not words:
            continue
        counts[words] += 1
        if record.get("area"):
            areas.setdefault(words, set()).add(str(record["area"]))
    return [{"need": words, "count": n, "areas": sorted(areas.get(words, ()))}
            for words, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def team_report(cases: list[Casework], unmet: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything the report page, its CSV and its chart show."""
    statuses = Counter(c.status for c in cases)
    live = len(cases) - statuses[WITHDRAWN]
    said_yes = sum(statuses[s] for s in SAID_YES)
    answered = said_yes + statuses[DECLINED]
    return {
        "referrals": len(cases),
        "by_status": dict(sorted(statuses.items())),
        "by_need": dict(Counter(c.need or "not recorded" for c in cases).most_common()),
        "by_group": dict(Counter(c.referral.asset.name for c in cases).most_common()),
        # Of the referrals a group answered, how many it said yes to.
        "acceptance_rate": _rate(said_yes, answered),
        # Of the referrals not withdrawn, how many the person is known to have joined.
        "join_rate": _rate(statuses[JOINED], live),
        "wellbeing": wellbeing_change(cases),
        "unmet_needs": unmet_needs(unmet),
    }


def report_csv(report: dict[str, Any]) -> str:
    """The report as one long table (section, item, value), easy to paste into a return."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("section", "item", "value"))
    writer.writerow(("referrals", "total", report["referrals"]))
    for section in ("by_status", "by_need", "by_group"):
        for item, value in report[section].items():
            writer.writerow((section, item, value))
    for rate in ("acceptance_rate", "join_rate"):
        writer.writerow(("rates", rate, "" if report[rate] is None else report[rate]))
    writer.writerow(("wellbeing", "people_with_both_scores", report["wellbeing"]["people"]))
    for key, means in report["wellbeing"]["questions"].items():
        for when in ("before", "after", "change"):
            writer.writerow(("wellbeing", f"{key}_{when}", means[when]))
    for need in report["unmet_needs"]:
        writer.writerow(("unmet_needs", _safe_cell(need["need"]), need["count"]))
    return out.getvalue()


def _safe_cell(text: str) -> str:
    """Words people typed, kept from being read as a formula by a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def wellbeing_chart(report: dict[str, Any], width: int = 480) -> str:
    """An inline SVG: paired bars (first meeting, follow-up) for each ONS4 question."""
    questions = report["wellbeing"]["questions"]
    if not questions:
        return ""
    row, bar, left = 44, 16, 130
    scale = (width - left - 40) / 10
    height = row * len(questions) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" class="wellbeing-chart">',
             f"<title>Mean ONS4 scores at the first meeting and at follow-up "
             f"({report['wellbeing']['people']} people)</title>"]
    for i, (key, means) in enumerate(questions.items()):
        y = 10 + i * row
        parts.append(f'<text x="0" y="{y + bar + 4}" font-size="13">'
                     f"{escape(ONS4_LABELS[key])}</text>")
        for j, (when, colour) in enumerate((("before", "#9aa5b1"), ("after", "#1d70b8"))):
            w = means[when] * scale
            parts.append(f'<rect x="{left}" y="{y + j * bar}" width="{w:.1f}" '
                         f'height="{bar - 2}" fill="{colour}"><title>{when}: {means[when]}'
                         "</title></rect>")
            parts.append(f'<text x="{left + w + 4:.1f}" y="{y + j * bar + bar - 4}" '
                         f'font-size="11">{means[when]}</text>')
    parts.append(f'<text x="{left}" y="{height - 4}" font-size="11">Grey: first meeting. '
                 "Blue: follow-up. 0 to 10; for anxiety, lower is better.</text></svg>")
    return "".join(parts)
