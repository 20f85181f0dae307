"""The score of each candidate, factor by factor (the weights live in ``weights.py``).

Every factor is kept on the result so the reasons and cautions are built from exactly what
the score used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from linkwell import capacity, vocab
from linkwell.matcher import who
from linkwell.matcher.rules import has_venue
from linkwell.matcher.understand import REMOTE, Profile, Wanted, Window
from linkwell.matcher.weights import WEIGHTS, Weights
from linkwell.schedule import DAYS, Session, parse_clock
from linkwell.taxonomy import Taxonomy, load_taxonomy
from linkwell.text import concepts_in_text, terms

GROUP_FAMILIES = ("social", "creative", "moving_more", "nature", "learning", "giving",
                  "family_youth", "calm.mindfulness", "food.meals_together")
ONE_TO_ONE = ("social.befriending", "calm.listening", "practical_help", "getting_there",
              "giving.peer_roles")
FAMILY_CONCEPTS = ("caring.parenting", "peer_support.parents", "family_youth")
IDENTITY_CONCEPTS = ("connection.people_like_me", "social.culture_faith")
OLDER_GROUP_FROM, YOUNG_GROUP_TO = 50, 30  # ages that make a listing an age group's own


@dataclass(frozen=True)
class ConceptMatch:
    wanted: Wanted
    concept: str  # the asset's concept that matched
    strength: float

    @property
    def value(self) -> float:
        return self.wanted.weight * self.strength


@dataclass
class Scored:
    """One candidate with its factors and score."""

    asset: dict[str, Any]
    matches: list[ConceptMatch] = field(default_factory=list)
    concept: float = 0.0
    text: float = 0.0
    meaning: float = 0.0  # nearness in meaning to what the person said, 0 to 1
    words: list[str] = field(default_factory=list)
    name_words: frozenset[str] = frozenset()
    context: dict[str, float] = field(default_factory=dict)
    session: Session | None = None  # the session that best fits the person's times
    kind: str = "group"
    months: float | None = None
    audience: float = 1.0
    doubts: list[str] = field(default_factory=list)  # why it may not be for them (who.py)
    fit: float = 0.0
    score: float = 0.0

    @property
    def id(self) -> str:
        return str(self.asset["id"])

    @property
    def similarity(self) -> float | None:
        found = self.asset.get("similarity")
        return None if found is None else float(found)


@lru_cache(maxsize=50_000)
def detected_concepts(text: str) -> frozenset[str]:
    """Specific concepts an asset's own words name (tags can be missing or too broad)."""
    return frozenset(concepts_in_text(text))


@lru_cache(maxsize=50_000)
def asset_words(name: str, body: str) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(terms(name)), frozenset(terms(body))


def tagged(asset: dict[str, Any]) -> set[str]:
    return {c["id"] for c in asset.get("concepts") or []}


def detected(asset: dict[str, Any]) -> frozenset[str]:
    """The concepts the asset's words name: found by the directory when it indexed them (an
    older summary without them: found here)."""
    found = asset.get("detected")
    if isinstance(found, list):
        return frozenset(found)
    return detected_concepts(f"{asset.get('name', '')}. {asset.get('description', '')}")


def concept_match(wanted: Wanted, own: set[str], found: frozenset[str], tax: Taxonomy,
                  w: Weights = WEIGHTS) -> ConceptMatch | None:
    """How one wanted concept matches an asset: exact, broader, in its words, or by parent."""
    concept = tax.concepts[wanted.concept]
    if wanted.concept in own:
        return ConceptMatch(wanted, wanted.concept, w.exact if concept.parent else w.broader)
    if wanted.concept in found:
        # An untagged listing's own words are all there is; a tagged one's words are asides.
        untagged = not any(tax.concepts[c].parent for c in own if c in tax.concepts)
        return ConceptMatch(wanted, wanted.concept, w.detected if untagged else w.aside)
    parent = concept.parent
    if parent and parent in own:
        return ConceptMatch(wanted, parent, w.parent)
    if parent and any(tax.concepts[f].parent == parent for f in found):
        return ConceptMatch(wanted, parent, w.parent * w.detected)
    return None


def concept_factor(item: Scored, profile: Profile, tax: Taxonomy, w: Weights = WEIGHTS) -> None:
    own, found = tagged(item.asset), detected(item.asset)
    matches = [m for m in (concept_match(x, own, found, tax, w) for x in profile.wanted) if m]
    matches.sort(key=lambda m: -m.value)
    item.matches = matches
    values = [m.value for m in matches[:2]] + [0.0, 0.0]
    item.concept = min(1.0, values[0] + w.second_match * values[1])


def text_factors(items: list[Scored], profile: Profile, w: Weights = WEIGHTS) -> None:
    """The person's words in each asset's name and description, rarer words counting more."""
    docs = [asset_words(str(i.asset.get("name", "")),
                        f"{i.asset.get('description', '')} {i.asset.get('organization', '')}")
            for i in items]
    query = set(profile.terms)
    df = {t: sum(1 for name, body in docs if t in name or t in body) for t in query}
    n = max(1, len(items))
    idf = {t: math.log(1 + n / (1 + df[t])) for t in query}
    top = max(idf.values(), default=1.0) or 1.0
    for item, (name, body) in zip(items, docs, strict=True):
        item.name_words = name
        total, words = 0.0, []
        for t in query:
            where = w.name_word if t in name else w.body_word if t in body else 0.0
            if where:
                total += where * idf[t] / top
                words.append(t)
        item.text = total / (total + w.text_saturation)
        item.words = sorted(words)


def meaning_factors(items: list[Scored], w: Weights = WEIGHTS) -> None:
    """Each candidate's nearness in meaning, relative to the candidates' own spread.

    A static embedding's cosines sit in a narrow band whose height varies with the length and
    words of the request, so the raw figure says little; where a candidate stands between the
    typical candidate (the median) and the nearest one says much more. At or below the median
    counts 0, the nearest counts 1.
    """
    found = [i.similarity for i in items if i.similarity is not None]
    if len(found) < 2:
        return
    ordered = sorted(found)
    typical, top = ordered[len(ordered) // 2], ordered[-1]
    floor = max(typical, w.meaning_floor)
    # A few candidates a hair apart are as near as each other: the spread is never taken
    # as narrower than MEANING_SPREAD, so small differences stay small.
    spread = max(top - floor, w.meaning_spread)
    for item in items:
        if item.similarity is not None:
            share = (item.similarity - floor) / spread
            item.meaning = min(1.0, max(0.0, share)) ** w.meaning_power


def avoided_factor(item: Scored, profile: Profile, tax: Taxonomy, w: Weights = WEIGHTS) -> float:
    """Lower for an asset that offers what the person said they do not want."""
    if not profile.avoid:
        return 1.0
    own = tagged(item.asset) | set(detected(item.asset))
    offered = {a for c in own if c in tax.concepts for a in tax.with_ancestors(c)}
    return w.avoided if offered & set(profile.avoid) else 1.0


def distance_factor(asset: dict[str, Any], profile: Profile, w: Weights = WEIGHTS) -> float | None:
    if profile.point is None:
        return None
    if not has_venue(asset) or asset.get("distance_km") is None:
        asked = any(d in profile.delivery for d in (*REMOTE, "home_visit"))
        return w.remote_asked if asked else w.remote
    half = w.distance_half_km if profile.max_km is None else min(w.distance_half_km,
                                                                 profile.max_km / 2)
    beyond = max(0.0, float(asset["distance_km"]) - w.distance_free_km)
    return float(0.5 ** (beyond / max(0.25, half)))


def sessions(asset: dict[str, Any]) -> list[Session]:
    """The asset's sessions, back from the summary's plain form."""
    out = []
    for s in asset.get("schedule") or []:
        start, end = parse_clock(s.get("from")) or 0, parse_clock(s.get("to")) or 24 * 60
        out.append(Session(DAYS.index(s["day"]), start, end, tuple(s.get("monthly") or ())))
    return out


def session_fit(session: Session, windows: list[Window]) -> float:
    """The share of a session (or of its first 90 minutes, for long drop-ins) the person is free."""
    length = max(1, min(session.end - session.start, 90))
    best = 0
    for window in windows:
        if window.day is not None and window.day != session.day:
            continue
        overlap = min(session.end, window.end) - max(session.start, window.start)
        best = max(best, overlap)
    return min(1.0, max(0, best) / length)


def schedule_factor(item: Scored, profile: Profile, w: Weights = WEIGHTS) -> float | None:
    if not profile.windows:
        return None
    found = sessions(item.asset)
    if not found:
        return w.no_schedule
    rated = [(session_fit(s, profile.windows) * (w.monthly if s.monthly else 1.0), s)
             for s in found]
    value, session = max(rated, key=lambda r: r[0])
    item.session = session if value > 0 else None
    return value


def kind_of(asset: dict[str, Any]) -> str:
    """peer (collective experience), group, or one_to_one."""
    concepts = tagged(asset) | set(detected(asset))
    if any(c.startswith("peer_support.") for c in concepts):
        return "peer"
    if any(c == f or c.startswith(f + ".") for c in concepts for f in GROUP_FAMILIES
           if c != "social.befriending"):
        return "group"
    delivery = set(asset.get("delivery") or [])
    if concepts or delivery <= {"phone", "home_visit"}:
        return "one_to_one"
    return "group"


def group_factor(item: Scored, profile: Profile, w: Weights = WEIGHTS) -> float:
    item.kind = kind_of(item.asset)
    values = {"peer": w.peer, "group": w.group_activity, "one_to_one": w.one_to_one}
    if not profile.prefer_group:
        values = {"peer": w.one_to_one + 0.15, "group": w.one_to_one + 0.15, "one_to_one": 1.0}
    return values[item.kind]


def months_since(value: str | None, today: date) -> float | None:
    try:
        confirmed = date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
    return None if confirmed is None else max(0.0, (today - confirmed).days / 30.44)


def freshness_factor(item: Scored, today: date, w: Weights = WEIGHTS) -> float:
    item.months = months_since(item.asset.get("last_confirmed"), today)
    if item.months is None or item.months >= 12:
        return w.stale
    if item.months <= w.fresh_months:
        return 1.0
    share = (item.months - w.fresh_months) / (12 - w.fresh_months)
    return 1.0 - share * (1.0 - 0.7)


def cost_factor(asset: dict[str, Any], profile: Profile, w: Weights = WEIGHTS) -> float:
    band = (asset.get("cost") or {}).get("band", "unknown")
    low = max(w.cost_low, 0.9) if profile.cost == "low" else w.cost_low
    return {"free": 1.0, "low": low, "paid": w.cost_paid}.get(band, w.cost_unknown)


def access_factor(asset: dict[str, Any], profile: Profile, w: Weights = WEIGHTS) -> float | None:
    if not profile.mobility or not has_venue(asset):
        return None
    return 1.0 if "step_free" in (asset.get("accessibility") or []) else w.access_unstated


def audience_factor(item: Scored, profile: Profile, local_feeds: set[str],
                    tax: Taxonomy | None = None, w: Weights = WEIGHTS) -> float:
    """Less for groups that are probably for someone else (never a hard rule on a guess)."""
    tax = tax or load_taxonomy()
    audience = set(item.asset.get("audience") or [])
    concepts = set(profile.needs) | set(profile.interests)
    # Meant for people like them (their words or age say so); other doubts still count.
    factor = w.own_audience if audience & profile.audiences else 1.0
    likely, item.doubts = who.likelihood(item.asset, profile, tax, w)
    factor *= likely
    kinds = {x["kind"] for x in who.limits_of(item.asset)}
    shared = {c for c in tagged(item.asset) if c.startswith("peer_support.")}
    if shared and not shared & {x.concept for x in profile.wanted} and "situation" not in kinds:
        factor *= w.not_their_group  # peer groups are for people who share that experience
    if item.asset.get("feed") not in local_feeds and "home_visit" in (
            item.asset.get("delivery") or []) and not has_venue(item.asset):
        factor *= w.unsure_audience  # home visits are usually for one borough's residents
    if {"women_only", "men_only"} & audience and profile.gender is None:
        factor *= w.unsure_audience
    if ("young_people" in audience or _narrow_ages(item.asset)) and profile.age is None and not (
            {"young_people", "older_people"} & profile.audiences):
        factor *= w.unsure_audience  # for an age group, and nothing says they are of it
    family = any(c.startswith(f) for c in tagged(item.asset) for f in FAMILY_CONCEPTS)
    if "families" in audience and family and not any(
            c.startswith(f) for c in concepts for f in FAMILY_CONCEPTS):
        factor *= w.unsure_audience
    spoken = vocab.spoken_by(item.asset) & set(profile.spoken) - {"en"}
    named = set(item.words) & item.name_words
    if ({"lgbtq", "culturally_specific"} & audience and not spoken and not named
            and not concepts & set(IDENTITY_CONCEPTS) and "community" not in kinds):
        factor *= (1 + w.unsure_audience) / 2
    if spoken and not profile.languages:  # in a language they speak (they did not require it)
        factor *= w.written_language if profile.reading.code in spoken else w.own_audience
    return factor


def _narrow_ages(asset: dict[str, Any]) -> bool:
    """Whether a listing is for an age group: older people (from 50) or the young (to 30)."""
    low, high = asset.get("min_age"), asset.get("max_age")
    return (low is not None and int(low) >= OLDER_GROUP_FROM) or (
        high is not None and int(high) <= YOUNG_GROUP_TO)


def times_factor(item: Scored, profile: Profile, w: Weights = WEIGHTS) -> float:
    """Listed times all outside the times the person gave: shown (with a caution), but lower."""
    if not profile.windows_said or item.context.get("schedule", 1.0) > 0 or not sessions(
            item.asset):
        return 1.0
    return w.outside_times


def reach_factor(asset: dict[str, Any], profile: Profile, w: Weights = WEIGHTS) -> float:
    """Further than the person said they would go: shown (with a caution), but lower."""
    km = asset.get("distance_km")
    if km is None or profile.max_km is None or float(km) <= profile.max_km:
        return 1.0
    return w.beyond_max


CONTEXT = ("distance", "schedule", "group", "freshness", "cost", "access")


def local_feeds(found: list[dict[str, Any]], profile: Profile) -> set[str]:
    """The feeds with venues within the person's reach: their own borough's, and its
    neighbours' (every feed when no location was given)."""
    if not profile.point:
        return {str(a.get("feed")) for a in found}
    reach = profile.max_km if profile.max_km is not None else 5.0
    return {str(a.get("feed")) for a in found if a.get("distance_km") is not None
            and float(a["distance_km"]) <= reach}


def score_all(assets: list[dict[str, Any]], profile: Profile, today: date,
              tax: Taxonomy | None = None, w: Weights = WEIGHTS,
              local: set[str] | None = None) -> list[Scored]:
    """Every eligible candidate scored, best first (ties by distance, then name).

    ``local`` names the feeds near the person (by default, worked out from ``assets``).
    """
    tax = tax or load_taxonomy()
    items = [Scored(a) for a in assets]
    text_factors(items, profile, w)
    meaning_factors(items, w)
    feeds = local if local is not None else local_feeds(assets, profile)
    # Words that name no concept ("I can't face opening the post") leave meaning to carry
    # what they ask for: then it counts as much as a concept would.
    meaning = w.meaning if any(x.weight >= w.said and x.via is None for x in profile.wanted) else (
        w.concept)
    for item in items:
        concept_factor(item, profile, tax, w)
        # Meaning fills what the concepts leave: it finds the listing no concept names, and
        # never reorders listings that meet the same concept (there its figure is mostly the
        # length of the listing's words, not their sense).
        item.fit = ((w.concept * item.concept + w.text * item.text) / (w.concept + w.text)
                    + meaning * item.meaning * (1.0 - item.concept))
        factors = {"distance": distance_factor(item.asset, profile, w),
                   "schedule": schedule_factor(item, profile, w),
                   "group": group_factor(item, profile, w),
                   "freshness": freshness_factor(item, today, w),
                   "cost": cost_factor(item.asset, profile, w),
                   "access": access_factor(item.asset, profile, w)}
        item.context = {k: v for k, v in factors.items() if v is not None}
        item.audience = audience_factor(item, profile, feeds, tax, w) * reach_factor(
            item.asset, profile, w) * times_factor(item, profile, w) * avoided_factor(
            item, profile, tax, w)
        practical = 1 - w.context_share + w.context_share * context(item, profile, w)
        # A full group, or one with a waiting list, after those with space (linkwell.capacity).
        item.score = item.fit * practical * item.audience * capacity.rank_factor(item.asset)
    return sorted(items, key=lambda i: (-i.score, i.asset.get("distance_km") or 0.0,
                                        str(i.asset.get("name", "")), i.id))


def context(item: Scored, profile: Profile, w: Weights = WEIGHTS) -> float:
    """The weighted mean of the context factors that apply."""
    weights = {name: float(getattr(w, name)) for name in CONTEXT}
    if not profile.windows_said:
        weights["schedule"] /= 2  # guessed from words like "mornings are best"
    total = sum(weights[k] for k in item.context)
    return sum(weights[k] * v for k, v in item.context.items()) / total if total else 1.0
