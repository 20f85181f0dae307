"""Whether a listing is for this person: the limits the directory read from its words.

The directory keeps each listing's limits with the words they came from (``limits`` in the
summary, see ``linkwell.eligibility``). Some are rules: a family activity for children of
other ages, English classes for someone who speaks English, a borough's residents-only line
for someone who lives elsewhere. Others are likelihoods, because a person may simply not have
said: a group for people living with a condition they never named, a community's own group,
a group aimed at (not limited to) other people. Those lower the option and say so; they never
hide it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from linkwell.matcher.understand import Profile
from linkwell.matcher.weights import WEIGHTS, Weights
from linkwell.taxonomy import Taxonomy
from linkwell.text import concepts_in_text, fold, terms

# The needs that are experiences people share in a group: conditions, mental health, loss.
SHARED_EXPERIENCES = ("body.long_term_condition", "body.pain_fatigue", "body.memory",
                      "body.cutting_down", "feelings", "life_changes.bereavement",
                      "life_changes.after_illness", "peer_support")
GENDERS = {"man": "men", "woman": "women"}  # a person's gender, and whom a group is for
FAMILY = ("caring.parenting", "peer_support.parents", "family_youth")


def limits_of(asset: dict[str, Any]) -> list[dict[str, Any]]:
    return [x for x in asset.get("limits") or [] if isinstance(x, dict) and "kind" in x]


def refusal(asset: dict[str, Any], profile: Profile) -> str | None:
    """A limit this person is known not to meet, in words; None when none is."""
    for limit in limits_of(asset):
        kind, value = limit["kind"], limit["value"]
        if kind == "child_ages" and profile.children:
            low, high = value
            if not any(low <= age <= high for age in profile.children):
                return f"for families with children aged {low} to {high}"
        elif kind == "learners" and not profile.learner:
            return "for people learning English"
        elif kind == "residents" and profile.home_area and not _same_place(
                str(value), profile.home_area):
            return f"for {str(value).title()} residents"
    return None


def _same_place(a: str, b: str) -> bool:
    return fold(a).replace(" ", "") == fold(b).replace(" ", "")


def likelihood(asset: dict[str, Any], profile: Profile, tax: Taxonomy,
               w: Weights = WEIGHTS) -> tuple[float, list[str]]:
    """How likely the listing is meant for this person (1: nothing says otherwise), and the
    cautions that say why it is lower."""
    factor, cautions = 1.0, []
    for limit in limits_of(asset):
        kind, value, phrase = limit["kind"], limit["value"], str(limit.get("phrase", ""))
        doubt = _doubt(kind, value, profile, tax, w)
        factor *= doubt
        if doubt < 1.0:
            cautions.append(_caution(kind, value, phrase))
    return factor, [c for c in dict.fromkeys(cautions) if c]


def _doubt(kind: str, value: Any, profile: Profile, tax: Taxonomy, w: Weights) -> float:
    if kind == "situation":
        return 1.0 if _shares(value, profile, tax) else w.not_their_experience
    if kind == "community":
        return 1.0 if _belongs(value, profile) else w.not_their_community
    if kind == "child_ages" and profile.children is None and not _family(profile):
        return w.no_children_named
    if kind == "child_ages" and profile.children and any(
            value[0] <= age <= value[1] for age in profile.children):
        return w.own_audience  # a family activity for children of their child's age
    if kind == "aimed_gender" and profile.gender and GENDERS.get(profile.gender) != value:
        return w.aimed_at_others
    if kind == "aimed_min_age" and profile.age is not None and profile.age < int(value):
        return w.aimed_at_others
    if kind == "aimed_max_age" and profile.age is not None and profile.age > int(value):
        return w.aimed_at_others
    if kind == "residents" and not profile.home_area:
        return w.residents_unsure
    return 1.0


def _caution(kind: str, value: Any, phrase: str) -> str:
    if kind == "situation":
        said = "people who have been bereaved" if value == "bereavement" else (
            f"people {phrase}" if not phrase.startswith("for ") else phrase[4:])
        return f"For {said}: check it is for you"
    if kind == "community":
        return f"A group for the {str(value.get('word', '')).title()} community"
    if kind == "child_ages":
        return "For parents or carers with young children" if value[1] <= 5 else (
            "For families with children")
    if kind == "residents":
        return f"For {str(value).title()} residents: check where you can use it"
    return "Aimed at other people: check it suits you"


def _concepts(profile: Profile) -> set[str]:
    return {*profile.needs, *profile.interests, *(x.concept for x in profile.wanted)}


def _shares(value: Any, profile: Profile, tax: Taxonomy) -> bool:
    """Whether the person said they live with the experience the group is for."""
    mine = {a for c in _concepts(profile) if c in tax.concepts for a in tax.with_ancestors(c)}
    if value == "bereavement":
        return bool(mine & {"life_changes.bereavement", "peer_support.bereavement"})
    words = str(value.get("words", "")) if isinstance(value, dict) else ""
    if isinstance(value, dict) and value.get("carers_welcome") and profile.carer:
        return True
    theirs = [c for c in experiences(words) if c in tax.concepts]
    if not theirs:
        return True  # the words name no experience we know: nothing to doubt
    if set(terms(words)) & set(profile.terms):
        return True
    parents = {tax.with_ancestors(c)[-1] for c in theirs} - {"peer_support"}
    return bool(set(theirs) & mine) or bool(parents & mine & {"feelings"})


@lru_cache(maxsize=4096)
def experiences(words: str) -> tuple[str, ...]:
    """The shared experiences (conditions, mental health, loss) some words name."""
    return tuple(c for c in concepts_in_text(words)
                 if any(c == e or c.startswith(e + ".") for e in SHARED_EXPERIENCES))


def _belongs(value: Any, profile: Profile) -> bool:
    """Whether the person's words or languages put them in the community a group is for."""
    word = str(value.get("word", "")) if isinstance(value, dict) else ""
    language = value.get("language") if isinstance(value, dict) else None
    if language == "lgbtq":
        return "lgbtq" in profile.audiences
    if language and language in profile.spoken:
        return True
    return bool(word) and word in fold(profile.text)


def _family(profile: Profile) -> bool:
    return any(c == f or c.startswith(f + ".") for c in _concepts(profile) for f in FAMILY)


def home_area(found: list[dict[str, Any]], profile: Profile, nearest: int = 7) -> str | None:
    """The area the person most likely lives in: the feed area most of the nearest venues
    belong to (None without a location, or when the nearest places are split)."""
    if profile.point is None:
        return None
    near = sorted((a for a in found if a.get("distance_km") is not None and a.get("area")),
                  key=lambda a: float(a["distance_km"]))[:nearest]
    counts: dict[str, int] = {}
    for asset in near:
        counts[str(asset["area"])] = counts.get(str(asset["area"]), 0) + 1
    if not counts:
        return None
    area, count = max(counts.items(), key=lambda kv: kv[1])
    return area if count * 2 > len(near) else None
