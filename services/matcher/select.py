"""A useful list, not ten near-copies: duplicates once, activity types mixed, and practical
help kept when money, housing or food needs come up."""

from __future__ import annotations

import re
from typing import Any

from linkwell import vocab
from linkwell.matcher.score import Scored, detected, tagged
from linkwell.matcher.understand import SECOND_LINE, Profile
from linkwell.matcher.weights import WEIGHTS, Weights
from linkwell.taxonomy import Taxonomy
from linkwell.text import fold

PRACTICAL_SLOT = 3  # where a practical-help option goes when it has to be brought in
OWN_LANGUAGE_SLOT = 4  # where an option in the person's own language goes (the fifth place)


def _contacts(asset: dict[str, Any]) -> set[str]:
    keys = ("organization", "phone", "email", "url")
    return {f"{k}:{fold(str(asset[k]))}" for k in keys if asset.get(k)}


def _postcodes(asset: dict[str, Any]) -> set[str]:
    return {str(p.get("postcode")) for p in asset.get("places") or [] if p.get("postcode")}


def same_asset(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same group listed twice (by two feeds): same name, and same venue or same contact."""
    if fold(str(a.get("name", ""))) != fold(str(b.get("name", ""))):
        return False
    places_a, places_b = _postcodes(a), _postcodes(b)
    if places_a or places_b:
        return bool(places_a & places_b)
    return bool(_contacts(a) & _contacts(b))


def distinct(items: list[Scored]) -> list[Scored]:
    """Each asset once, keeping its best-scored listing."""
    kept: list[Scored] = []
    by_name: dict[str, list[Scored]] = {}
    for item in items:
        same_name = by_name.setdefault(fold(str(item.asset.get("name", ""))), [])
        if not any(same_asset(item.asset, k.asset) for k in same_name):
            kept.append(item)
            same_name.append(item)
    return kept


def activity_type(item: Scored, tax: Taxonomy) -> str:
    """The activity type a result stands for in the list (the one that matched, else its own)."""
    for match in item.matches:
        concept = tax.concepts.get(match.concept)
        if concept and concept.kind == "activity" and concept.parent:
            return concept.id
    specific = sorted(c for c in tagged(item.asset) if c in tax.concepts
                      and tax.concepts[c].kind == "activity" and tax.concepts[c].parent)
    return specific[0] if specific else item.id


def diversified(items: list[Scored], limit: int, tax: Taxonomy,
                w: Weights = WEIGHTS) -> list[Scored]:
    """Greedy picks: each earlier pick of the same activity type lowers a candidate's score."""
    left = list(items)
    kinds = {i.id: activity_type(i, tax) for i in items}
    picked: list[Scored] = []
    counts: dict[str, int] = {}
    while left and len(picked) < limit:
        best = max(left, key=lambda i: i.score * w.diversity ** max(
            0, counts.get(kinds[i.id], 0) - w.diversity_free + 1))
        left.remove(best)
        picked.append(best)
        counts[kinds[best.id]] = counts.get(kinds[best.id], 0) + 1
    return picked


def with_practical_help(picked: list[Scored], ranked: list[Scored],
                        profile: Profile) -> list[Scored]:
    """Keep one practical-help option (money, housing, food advice) when those needs came up."""
    if not profile.practical or not picked:
        return picked

    def practical(item: Scored) -> bool:
        return bool(tagged(item.asset) & set(profile.practical))

    if any(practical(i) for i in picked):
        return picked
    extra = next((i for i in ranked if practical(i) and i not in picked), None)
    if extra is None:
        return picked
    kept = picked[:-1] if len(picked) >= profile.limit else picked
    slot = min(PRACTICAL_SLOT, len(kept))
    return [*kept[:slot], extra, *kept[slot:]]


def with_own_language(picked: list[Scored], ranked: list[Scored],
                      profile: Profile) -> list[Scored]:
    """Someone who wrote in a language other than English sees, among the first five, the
    best option that fits what they said and is held in that language, when there is one.

    The ranking weighs their language already, but an option in English can still fill the
    first five on fit alone, and a person who writes in Turkish may not be able to use any of
    them. Only options that fit (``relevant``: something the person said meets them) are
    brought in, so nobody is shown a stranger's group just for its language. A language the
    person required is a filter upstream, so nothing is needed here for it.
    """
    code = profile.reading.code
    if code == "en" or profile.languages or not picked:
        return picked

    def in_theirs(item: Scored) -> bool:
        return code in vocab.spoken_by(item.asset)

    if any(in_theirs(i) for i in picked[:OWN_LANGUAGE_SLOT + 1]):
        return picked
    extra = next((i for i in ranked if in_theirs(i) and i not in picked[:OWN_LANGUAGE_SLOT]),
                 None)
    if extra is None:
        return picked
    rest = [i for i in picked if i is not extra]
    kept = rest[:-1] if len(rest) >= profile.limit else rest
    slot = min(OWN_LANGUAGE_SLOT, len(kept))
    return [*kept[:slot], extra, *kept[slot:]]


# What a listing says of itself when it is help for a crisis (the listing's words, not the
# person's: a service says "crisis" of itself, where a person's "cost of living crisis" is no
# sign of one).
_CRISIS_HELP = re.compile(r"\b(crisis|crises|safe haven|sanctuary|samaritans|listening (?:line"
                          r"|service|ear)|helpline|emotional support|someone to talk to"
                          r"|24 hours|refuge|domestic abuse|safeguarding)\b")


def crisis_help(item: Scored, profile: Profile) -> bool:
    """Whether an option is crisis, listening or safe-haven help for the person's concern:
    the concern itself, the help the taxonomy puts beside it (``SECOND_LINE``), or a listing
    that says in its own words that it helps in a crisis."""
    wanted = {c for concern in profile.safety for c in (concern, *SECOND_LINE.get(concern, ()))}
    own = tagged(item.asset) | set(detected(item.asset))
    words = fold(f"{item.asset.get('name', '')} {item.asset.get('description', '')}")
    return bool(own & wanted) or bool(_CRISIS_HELP.search(words))


def shortlist(ranked: list[Scored], profile: Profile, tax: Taxonomy) -> list[Scored]:
    """The list to show: relevant, distinct, varied, with practical help where needed; in a
    crisis, only the help meant for it."""
    if profile.safety:
        ranked = [i for i in ranked if crisis_help(i, profile)]
    relevant = distinct([i for i in ranked if i.fit > 0])
    picked = with_practical_help(diversified(relevant, profile.limit, tax), relevant, profile)
    return with_own_language(picked, relevant, profile)
