"""Reasons and cautions in plain, person-first English, from the same factors as the score."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from linkwell import vocab
from linkwell.distances import distance_text
from linkwell.matcher import quote
from linkwell.matcher.rules import has_venue
from linkwell.matcher.score import Scored, sessions, tagged
from linkwell.matcher.understand import REMOTE, Profile
from linkwell.schedule import DAYS, Session, clock
from linkwell.taxonomy import Taxonomy
from linkwell.text import fold

LONDON = ZoneInfo("Europe/London")
# Need labels are written in the person's voice; these read better after "may help with".
NEED_PHRASES = {
    "life_changes.bereavement": "grief and loss",
    "money.debt_bills": "debts and bills",
    "money.benefits": "benefits and what you're entitled to",
    "connection.people_like_me": "finding people who share your background",
    "home.problems": "problems with your home",
    "home.losing_home": "worries about losing your home",
    "life_changes.after_illness": "getting back on your feet",
    "getting_there.someone_with_me": "having someone to go with you",
    "getting_there.transport": "getting there",
    "body": "staying active and looking after your health",
    "food.enough_to_eat": "having enough food",
    "safety_rights.forms_advocacy": "forms and speaking up",
    "feelings.urgent": "getting through a crisis",
    "safety_rights.safe_at_home": "being safe at home",
    "safety_rights.worried_about_someone": "keeping someone safe",
}
AUDIENCE_CAUTIONS = {"women_only": "For women only", "men_only": "For men only",
                     "young_people": "For young people", "lgbtq": "A group for LGBTQ+ people"}
# A group meant for people like them (the score's own-audience lift), in the order shown.
AUDIENCE_REASONS = {"men_only": "A group for men", "women_only": "A group for women",
                    "young_people": "For young people", "older_people": "For older people",
                    "lgbtq": "For LGBTQ+ people"}
_STAIRS = re.compile(r"\b(stairs|steps|staircase|no lift|upstairs)\b")
_REFERRAL = re.compile(r"(?<!no )(?<!without )(?<!no appointment or )\b(needs? a (referral|voucher)"
                       r"|referral (is )?(needed|required|only)|by referral|referral voucher"
                       r"|food bank voucher)\b")


def need_phrase(need: str, tax: Taxonomy) -> str:
    label = NEED_PHRASES.get(need) or tax.label(need)
    return label[0].lower() + label[1:]


def asset_label(item: Scored, tax: Taxonomy) -> str:
    """What the asset is, in the taxonomy's words: the activity type that matched, or its own."""
    for match in item.matches:
        concept = tax.concepts.get(match.concept)
        if concept and concept.kind == "activity":
            return concept.label
    activities = [c for c in tagged(item.asset) if c in tax.concepts
                  and tax.concepts[c].kind == "activity" and tax.concepts[c].parent]
    return tax.label(activities[0]) if activities else str(item.asset.get("name", ""))


def concept_reasons(item: Scored, tax: Taxonomy) -> list[str]:
    """The concept matches, one line per kind of asset: "Befriending: may help with ..."."""
    lines: dict[str, list[str]] = {}
    seen: set[str] = set()
    for match in item.matches[:2]:
        if match.value < 0.3 or (lines and match.value < 0.5):
            break
        source = match.wanted.via or match.wanted.concept
        if source in seen:
            continue
        seen.add(source)
        label = tax.label(match.concept) if match.strength < 0.5 else asset_label(item, tax)
        if tax.concepts[source].kind == "need":
            why = f"may help with {need_phrase(source, tax)}"
        elif match.strength < 0.5:
            why = f"close to your interest in {match.wanted.words}"
        else:
            why = f"matches your interest in {match.wanted.words}"
        lines.setdefault(label, []).append(why)
    return [f"{label}: {join_whys(whys)}" for label, whys in lines.items()]


def join_whys(whys: list[str]) -> str:
    """"may help with A" and "may help with B" read as "may help with A and with B"."""
    first, *rest = whys
    rest = [w.removeprefix("may help ") if w.startswith("may help with ") else w for w in rest]
    return " and ".join([first, *rest])


def listing_reason(item: Scored, profile: Profile) -> list[str]:
    """What the listing offers in its own words, where no concept of the taxonomy says it: the
    phrase holding the person's words, else the one nearest in meaning to what they said."""
    if item.concept >= 0.5:
        return []
    phrase = quote.phrase_with(item.asset, set(item.words)) if item.words else None
    if phrase is None and item.meaning >= 0.5:
        phrase = quote.phrase_near(item.asset, profile.vector)
    return [f"In their words: “{phrase}”"] if phrase else []


def _unit() -> str:
    """The deployment's distance unit (``LINKWELL_DISTANCE_UNIT``), km outside an app."""
    from flask import current_app, has_app_context

    from linkwell import distances

    return distances.unit(current_app.config.get("DISTANCE_UNIT")) if has_app_context() else "km"


def place_reason(item: Scored) -> list[str]:
    delivery = set(item.asset.get("delivery") or [])
    if has_venue(item.asset) and item.asset.get("distance_km") is not None:
        return [distance_text(float(item.asset["distance_km"]), _unit())]
    if "online" in delivery:
        return ["Online: join from home"]
    if "phone" in delivery:
        return ["By phone"]
    if "home_visit" in delivery:
        return ["Someone comes to you at home"]
    return []


def when_text(session: Session) -> str:
    times = f"{clock(session.start)} to {clock(session.end)}"
    if not session.occurrences:
        return f"{DAYS[session.day].capitalize()}s {times}"
    return f"{session.describe().split(',')[0]} {times}"


def schedule_reason(item: Scored, profile: Profile) -> list[str]:
    if item.session is None or item.context.get("schedule", 0) < 0.5:
        return []
    suits = "when you are free" if profile.windows_said else "a time you said suits you"
    return [f"{when_text(item.session)}, {suits}"]


def cost_reason(asset: dict[str, Any]) -> list[str]:
    cost = asset.get("cost") or {}
    text = str(cost.get("text") or "")
    if cost.get("band") == "free":
        return ["Free"]
    if cost.get("band") == "low":
        return ["Pay what you can" if "pay what" in text.lower() else f"Low cost: {text}"]
    return []


def extra_reasons(item: Scored, profile: Profile) -> list[str]:
    out = []
    if item.kind == "peer" and profile.prefer_group:
        out.append("Peer support: people who share the experience")
    audience = set(item.asset.get("audience") or []) & profile.audiences
    out.extend(text for a, text in AUDIENCE_REASONS.items() if a in audience)
    if profile.step_free and "step_free" in (item.asset.get("accessibility") or []):
        out.append("Step-free access")
    spoken = [c for c in profile.spoken if c != "en" and c in vocab.spoken_by(item.asset)]
    if spoken:  # in their own script too, for a person who wrote in it
        out.append(f"In {' and '.join(map(vocab.label, spoken))}")
    return out


def reasons(item: Scored, profile: Profile, tax: Taxonomy) -> list[str]:
    """Why this asset fits the person, strongest first."""
    return [*concept_reasons(item, tax), *listing_reason(item, profile), *place_reason(item),
            *schedule_reason(item, profile), *cost_reason(item.asset),
            *capacity_reason(item.asset), *extra_reasons(item, profile)]


def cautions(item: Scored, profile: Profile) -> list[str]:
    """Anything to check or know before going."""
    asset = item.asset
    out = [*capacity_caution(asset), *freshness_caution(item), *distance_caution(item, profile),
           *schedule_caution(item, profile), *access_caution(item, profile),
           *audience_cautions(asset, profile), *item.doubts]
    band, text = (asset.get("cost") or {}).get("band"), (asset.get("cost") or {}).get("text")
    if band == "paid":
        out.append(f"Costs {text}" if text else "There is a charge")
    if set(asset.get("delivery") or []) == {"online"} and not any(
            d in profile.delivery for d in REMOTE):
        out.append("Online only: needs a phone, tablet or computer")
    joining = " ".join(str(asset.get(k, "")) for k in ("how_to_join", "eligibility",
                                                         "description"))
    if _REFERRAL.search(fold(joining)):
        out.append("Needs a referral or voucher: a link worker can help")
    return out


def capacity_reason(asset: dict[str, Any]) -> list[str]:
    found = asset.get("capacity") or {}
    if found.get("state") == "open":
        return [f"Has space now (said {found.get('updated')})"]
    return []


def capacity_caution(asset: dict[str, Any]) -> list[str]:
    """Why a group with no space now is further down (linkwell.capacity)."""
    found = asset.get("capacity") or {}
    if found.get("state") == "full":
        return [f"Full at the moment (said {found.get('updated')}): ranked lower"]
    if found.get("state") == "waiting":
        wait = f", {found['wait']}" if found.get("wait") else ""
        return [f"Waiting list{wait} (said {found.get('updated')}): ranked lower"]
    return []


def freshness_caution(item: Scored) -> list[str]:
    if item.months is None:
        return ["Never confirmed by its group: ranked a little lower; check it is still running"]
    if item.months >= 12:
        return [f"Last confirmed {int(item.months)} months ago: ranked a little lower; check "
                "it is still running"]
    return []


def distance_caution(item: Scored, profile: Profile) -> list[str]:
    km = item.asset.get("distance_km")
    if km is None or profile.max_km is None or float(km) <= profile.max_km:
        return []
    return [f"{float(km):.1f} km away: further than the {profile.max_km:g} km you said"]


def schedule_caution(item: Scored, profile: Profile) -> list[str]:
    if not profile.windows_said or "schedule" not in item.context:
        return []
    found = sessions(item.asset)
    if not found:
        return ["No regular times listed: contact them to find out when"]
    if item.context["schedule"] > 0:
        return [] if item.context["schedule"] >= 0.5 else ["Only partly at the times you gave"]
    return [f"Meets {when_text(found[0])}: not at the times you gave"]


def access_caution(item: Scored, profile: Profile) -> list[str]:
    if "access" not in item.context or item.context["access"] >= 1:
        return []
    if _STAIRS.search(fold(str(item.asset.get("description", "")))):
        return ["Stairs or steps mentioned: no step-free access stated"]
    return ["No step-free access stated: check before you go"]


def audience_cautions(asset: dict[str, Any], profile: Profile) -> list[str]:
    audience = set(asset.get("audience") or [])
    out = [AUDIENCE_CAUTIONS[a] for a in ("women_only", "men_only") if a in audience
           and profile.gender is None]
    if "young_people" in audience and profile.age is None:
        out.append(AUDIENCE_CAUTIONS["young_people"])
    if "lgbtq" in audience:
        out.append(AUDIENCE_CAUTIONS["lgbtq"])
    return out


def next_session(item: Scored, now: datetime) -> str | None:
    """When it next meets (at a time the person is free, where one fits), Europe/London."""
    found = [item.session] if item.session is not None else sessions(item.asset)
    if not found:
        return None
    local = now.astimezone(LONDON).replace(tzinfo=None)
    start = min(s.next_start(local) for s in found)
    return start.replace(tzinfo=LONDON).isoformat(timespec="seconds")
