"""Facet values of an asset (cost, languages, access, delivery, audience) from its record.

Explicit facet tags (``cost:free``, ``accessibility:step_free``...) win; otherwise the values
are read from the standard HSDS fields and, conservatively, from plain-English descriptions.
"""

from __future__ import annotations

import re
from typing import Any

from linkwell.text import fold
from linkwell.vocab import CODES as LANGUAGE_NAMES

# Facet code prefix -> the taxonomy's facet vocabulary.
FACET_FIELDS = {
    "delivery": "delivery_mode", "cost": "cost", "audience": "audience",
    "accessibility": "accessibility", "access_route": "access_route", "format": "format",
    "intensity": "intensity",
}
LOW_COST_LIMIT = 5.0  # about a bus fare: the taxonomy's "low cost"
COST_BANDS = ("free", "low", "paid", "unknown")

_ACCESS_PHRASES: dict[str, tuple[str, ...]] = {
    "step_free": ("step free", "wheelchair accessible", "wheelchair access", "level access",
                  "ramp", "ground floor", "lift to all floors"),
    "accessible_toilet": ("accessible toilet", "disabled toilet", "accessible loo"),
    "hearing_loop": ("hearing loop", "induction loop"),
    "bsl": ("bsl", "british sign language"),
    "interpreters": ("interpreter", "interpreters", "multilingual"),
    "easy_read": ("easy read",),
    "quiet_space": ("quiet space", "quiet room", "low sensory", "sensory friendly"),
    "dementia_friendly": ("dementia friendly",),
    "autism_friendly": ("autism friendly",),
    "seating": ("seating", "seated", "chairs available", "rests"),
    "carer_free": ("carers come free", "carer comes free", "companion free"),
    "near_transport": ("bus stop", "station", "close to public transport"),
    "parking": ("parking", "blue badge"),
}
_NEGATION = re.compile(r"\b(no|not|isnt|without|none|unfortunately)\b")
_AUDIENCE_PHRASES: dict[str, tuple[str, ...]] = {
    "women_only": ("women only", "for women", "womens group", "women s group", "ladies only",
                   "for women and non binary"),
    "men_only": ("men only", "for men", "mens shed", "mens group", "men s group"),
    "carers": ("for carers", "unpaid carers", "carers only", "for unpaid carers"),
    "young_people": ("young people aged", "for young people", "under 25s", "aged 11 to",
                     "aged 13 to", "aged 16 to", "youth club"),
    "older_people": ("older people", "over 50s", "over 55s", "over 60s", "over 65s",
                     "aged 50 and over", "aged 60 and over", "aged 55 and over"),
    "lgbtq": ("lgbt", "lgbtq", "queer"),
    "families": ("families", "parents and carers", "parent and baby", "stay and play"),
}


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a list of phrases, matched as whole words in folded text."""
    return re.compile(r"\b(" + "|".join(re.escape(fold(p)) for p in phrases) + r")\b")


_ACCESS_PATTERNS = {k: _phrase_pattern(v) for k, v in _ACCESS_PHRASES.items()}
_AUDIENCE_PATTERNS = {k: _phrase_pattern(v) for k, v in _AUDIENCE_PHRASES.items()}


def _codes(facet_codes: set[str], prefix: str) -> list[str]:
    return sorted(c.split(":", 1)[1] for c in facet_codes if c.startswith(prefix + ":"))


def cost_band(record: dict[str, Any], facet_codes: set[str]) -> str:
    """free, low (a bus fare or less, or pay what you can), paid, or unknown."""
    tagged = _codes(facet_codes, "cost")
    if tagged:
        if "free" in tagged:
            return "free"
        return "low" if {"low_cost", "pay_what_you_can", "concessions"} & set(tagged) else "paid"
    amounts = [o.get("amount") for o in record.get("cost_options") or [] if isinstance(o, dict)]
    words = fold(" ".join(str(o.get("option") or "") for o in record.get("cost_options") or [])
                 + " " + str(record.get("fees_description") or ""))
    known = [float(a) for a in amounts if a is not None]
    if known:
        if max(known) == 0:
            return "free"
        return "low" if min(known) <= LOW_COST_LIMIT else "paid"
    if re.search(r"\bfree\b", words):
        return "free"
    if "donation" in words or "pay what you can" in words:
        return "low"
    return prose_cost_band(f"{record.get('name') or ''}. {record.get('description') or ''}")


# Costs said only in words, as half of real listings say them: "It's free", "£3 a class",
# "suggested donation £4", "pay what you can". "Free" as an adjective of something else
# ("step-free", "gluten free", "free parking", "feel free") is not a price.
_PRICED = re.compile(r"£ ?(\d+(?:\.\d{1,2})?)")
_NOT_A_PRICE = r"(?<!step )(?<!gluten )(?<!sugar )(?<!alcohol )(?<!smoke )(?<!feel )(?<!stress )"
_FREE = re.compile(_NOT_A_PRICE + r"\b(free|no charge|free of charge|costs nothing|at no cost"
                   r"|no cost|without charge)\b(?! (?:parking|wifi|time|from|space|to leave"
                   r"|to come and go|period|trial))")
_DONATION = re.compile(r"\b(pay what you can|pay what you like|by donation|donations? (?:welcome"
                       r"|only)|suggested donation|voluntary contribution)\b")


def prose_cost_band(text: str) -> str:
    """free, low, paid or unknown, from a listing's own words."""
    folded = fold(text.replace("£", " £ "))
    amounts = [float(a) for a in _PRICED.findall(text.replace(",", ""))]
    if _DONATION.search(folded):
        return "low"
    if amounts:
        # "£2 a class, your first one is free": what a person pays after the free taster
        return "low" if min(amounts) <= LOW_COST_LIMIT else "paid"
    if _FREE.search(folded):
        return "free"
    return "unknown"


def cost_text(record: dict[str, Any]) -> str | None:
    parts = []
    for option in record.get("cost_options") or []:
        amount = option.get("amount")
        label = option.get("option") or option.get("amount_description") or ""
        if amount is not None and float(amount) > 0:
            parts.append(f"£{float(amount):.2f} {label}".strip().replace(".00", ""))
        elif label:
            parts.append(str(label))
    text = "; ".join(dict.fromkeys(parts))
    return text or record.get("fees_description")


def languages(record: dict[str, Any]) -> list[str]:
    """ISO 639 codes offered; English is assumed where a listing names none."""
    found: set[str] = set()
    entries = list(record.get("languages") or [])
    for sal in record.get("service_at_locations") or []:
        entries.extend((sal.get("location") or {}).get("languages") or [])
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        code = str(entry.get("code") or "").split("-")[0].lower()
        name = fold(str(entry.get("name") or ""))
        if code:
            found.add(code)
        elif name in LANGUAGE_NAMES:
            found.add(LANGUAGE_NAMES[name])
    return sorted(found) or ["en"]


def _access_text(record: dict[str, Any]) -> list[str]:
    clauses: list[str] = []
    for sal in record.get("service_at_locations") or []:
        for item in (sal.get("location") or {}).get("accessibility") or []:
            text = f"{item.get('description') or ''}; {item.get('details') or ''}"
            clauses.extend(fold(c) for c in re.split(r"[;.\n]", text) if c.strip())
    return clauses


def access_notes(record: dict[str, Any]) -> list[str]:
    """What the venues say of their access, in their own words ("Up a flight of stairs")."""
    notes: list[str] = []
    for sal in record.get("service_at_locations") or []:
        for item in (sal.get("location") or {}).get("accessibility") or []:
            text = " ".join(str(item.get(k) or "") for k in ("description", "details")).strip()
            if text:
                notes.append(text)
    return list(dict.fromkeys(notes))


def accessibility(record: dict[str, Any], facet_codes: set[str]) -> list[str]:
    """Accessibility features stated for the asset; a negated mention does not count."""
    found = set(_codes(facet_codes, "accessibility"))
    for clause in _access_text(record):
        if _NEGATION.search(clause):
            continue
        found.update(f for f, pattern in _ACCESS_PATTERNS.items() if pattern.search(clause))
    return sorted(found)


# Taking part online, not merely finding out or booking online ("book online").
_ONLINE = re.compile(r"\b(?:(?:on|via|over|by) (?:zoom|teams|video(?: call)?|skype|google meet)"
                     r"|(?:meets?|held|runs?|join(?: us)?|takes? place|sessions? (?:are|is)"
                     r"|all) online|online (?:group|groups|session|sessions|meeting|meetings|course"
                     r"|courses|class|classes|chat|cafe|support|community|workshop|workshops|club"
                     r"|peer|only|and (?:by phone|in person)))\b")


_NOT_IN_PERSON = re.compile(r"\b(?:(?:do not|dont|don t|doesnt|doesn t|never|cannot) (?:run|offer"
                            r"|have|hold) (?:any )?(?:face to face|in person|drop in)|no face to"
                            r" face|not (?:a )?(?:drop in|face to face)|phone only|online only"
                            r"|by phone only|no drop in)\b")


def delivery(record: dict[str, Any], facet_codes: set[str],
             places: list[dict[str, Any]]) -> list[str]:
    """How people take part: in_person, online, phone, home_visit."""
    tagged = set(_codes(facet_codes, "delivery"))
    if tagged:
        return sorted(tagged)
    found = {"in_person"} if places else set()
    for sal in record.get("service_at_locations") or []:
        if (sal.get("location") or {}).get("location_type") == "virtual":
            found.add("online")
    text = fold(f"{record.get('description') or ''} {record.get('name') or ''}")
    if _ONLINE.search(text) or re.search(r"(?<!get )(?<!getting )(?<!go )(?<!going )(?<!be )"
                                         r"(?<!stay )(?<!safe )\b(online|zoom|virtual)\b",
                                         fold(str(record.get("name") or ""))):
        found.add("online")
    if re.search(r"\b(by phone|over the phone|phone call|telephone befriending|helpline)\b", text):
        found.add("phone")
    # An office address is not a venue when the listing says it meets nobody there.
    name = fold(str(record.get("name") or ""))
    remote_name = re.search(r"\b(telephone|phone|helpline|calls|call line|chat line|webchat)\b",
                            name) and not re.search(r"\b(cafe|drop in|club|group)\b", name)
    if _NOT_IN_PERSON.search(text) or (remote_name and "in_person" in found and found - {
            "in_person"}):
        found.discard("in_person")
    return sorted(found) or ["in_person"]


def audience(record: dict[str, Any], facet_codes: set[str]) -> list[str]:
    """Who the asset is for, where it is only for some people; empty means everyone."""
    tagged = set(_codes(facet_codes, "audience")) - {"all_welcome"}
    if tagged:
        return sorted(tagged)
    text = fold(f"{record.get('eligibility_description') or ''} {record.get('name') or ''}")
    return sorted(a for a, pattern in _AUDIENCE_PATTERNS.items() if pattern.search(text))
