"""What a request says about the person: concepts, their own words, safety, and the facts the
hard requirements need (age, gender, whether they care for someone, how they can take part).

Concepts come from the shared text analysis (``linkwell.text``): the taxonomy's labels and
synonyms, stemmed, longest phrase first, so "allotment", "allotments" and "my allotment" all
name gardening, and "since my wife passed" names bereavement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from linkwell import semantic
from linkwell.geo.places import Place
from linkwell.langid import DEFAULT_LANGUAGES
from linkwell.matcher import crisis, language, negation
from linkwell.matcher.figurative import without_sayings
from linkwell.matcher.person import (
    GROWN_UP_KIN,
    LEARNER,
    RELATION,
    children_in,
    languages_in,
    own_and_others,
    person_in,
    without_reporters,
)
from linkwell.matcher.weights import WEIGHTS, Weights
from linkwell.schedule import DAYS, MINUTES_PER_DAY
from linkwell.taxonomy import Taxonomy, load_taxonomy
from linkwell.text import GENERIC_WORDS, STOP_WORDS, fold, phrase_index, stem

PRACTICAL_NEEDS = ("money", "home", "food")
CARER_CONCEPTS = ("caring.looking_after_someone", "caring.break", "peer_support.carers")
_GROWN_UP_KIN = re.compile(rf"\b(?:{'|'.join(GROWN_UP_KIN)})\b")
_AND_I = re.compile(r"\band\b(?=\s+(?:i|im|ive|id|we)\b)")  # "... and I'm struggling"
# Needs that, named of someone close ("my wife has dementia"), make the speaker their carer.
CONDITION_NEEDS = ("body.", "feelings.living_with_mental_health", "life_changes.after_illness")
MOBILITY_CONCEPTS = ("body.steady_on_feet", "body.pain_fatigue", "home.managing_at_home")
# Words that suggest stairs or long walks may be hard (cautions only; step_free is the rule).
MOBILITY_WORDS = frozenset(stem(w) for w in """knee knees hip hips wheelchair stick crutches
    frame zimmer stairs steps mobility scooter arthritis breathless limp""".split())
REMOTE = ("online", "phone")
# Words of degree that sit inside a phrase without changing what it names.
INTENSIFIERS = frozenset("""really so very proper properly quite pretty too totally extremely
    super awfully terribly incredibly bit""".split())
BROAD_ONLY_WORDS = 4  # a request of this many telling words or fewer says little but its topic
# After the urgent-help routes, the community options that can help alongside them.
SECOND_LINE = {"feelings.urgent": ("calm.listening", "peer_support.mental_health"),
               "safety_rights.safe_at_home": ("practical_help.legal_immigration",
                                              "calm.listening"),
               "safety_rights.worried_about_someone": ("calm.listening",)}
# A phrase made only of these says too little in free text ("help", "my family", "social");
# broad but telling words ("fresh air", "exercise") still count.
NEGATIONS = frozenset({"no", "not", "nor", "cant", "dont", "wont"})  # "no food" says a lot
GENERIC_STEMS = frozenset(stem(w) for w in (GENERIC_WORDS | STOP_WORDS) - NEGATIONS)
# Everyday words that carry no topic, left out of text relevance.
PLAIN_WORDS = frozenset("""able about again ago anyone anything around back bad best better bit
    can't cant come days does doesnt done dont else even ever every feel feeling feels find get
    getting go going good got great hard hardly help house just keep kind know last late like
    little lot lots love loved make maybe meet might mind months much need needs never new nice
    nothing now often old one person really right said say see since something sometimes soon
    still sure take tell thing things think time times told try trying use used want wanted way
    week weeks well went whats wife husband years yes""".split())
# "mornings are best", "prefer afternoons", "free in the evenings", "weekends suit me"
_TIME_WORDS = {"morning": (None, 9 * 60, 12 * 60 + 30), "afternoon": (None, 12 * 60, 17 * 60),
               "evening": (None, 17 * 60, 22 * 60), "weekend": ("weekend", 0, MINUTES_PER_DAY)}
_TIME_PREFERENCE = re.compile(
    r"\b(?:(mornings?|afternoons?|evenings?|weekends?)\s+(?:are|is|would be|suit|work)\s*"
    r"(?:best|better|good|easiest|me|for me)?"
    r"|(?:prefer|best in|free in|free on|only in|only on|good in)\s+(?:the\s+)?"
    r"(mornings?|afternoons?|evenings?|weekends?))\b")


AUDIENCE_WORDS = {
    "women_only": re.compile(r"\b(women only|only with women|other women|just women|women s group"
                             r"|ladies only)\b"),
    "men_only": re.compile(r"\b(men only|other men|just men|men s group|other blokes)\b"),
    "lgbtq": re.compile(r"\b(gay|lesbian|bisexual|trans|lgbt|lgbtq|queer)\b"),
}
YOUNG_UP_TO, OLDER_FROM = 25, 60
GENDER_AUDIENCES = {"man": "men_only", "woman": "women_only"}


def audiences_for(text: str, age: int | None) -> set[str]:
    """Who-it-is-for groups a person's words or age point to ("other gay people", age 23)."""
    folded = fold(text)
    found = {a for a, pattern in AUDIENCE_WORDS.items() if pattern.search(folded)}
    if age is not None and 16 <= age <= YOUNG_UP_TO:
        found.add("young_people")
    if age is not None and age >= OLDER_FROM:
        found.add("older_people")
    return found


@dataclass(frozen=True)
class Wanted:
    """One concept the person is looking for, how much it counts, and the words that named it."""

    concept: str
    weight: float
    words: str
    via: str | None = None  # the need that suggested this activity type


@dataclass(frozen=True)
class Window:
    """A time the person is free: a weekday (None for any) and minutes after midnight."""

    day: int | None
    start: int
    end: int


@dataclass
class Profile:
    """Everything the matcher knows about the person for one request."""

    wanted: list[Wanted] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    text: str = ""
    safety: list[str] = field(default_factory=list)
    carer: bool = False
    mobility: bool = False
    practical: list[str] = field(default_factory=list)
    age: int | None = None
    gender: str | None = None
    cost: str = "any"
    step_free: bool = False
    languages: list[str] = field(default_factory=list)
    delivery: list[str] = field(default_factory=list)  # empty: any way
    windows: list[Window] = field(default_factory=list)
    windows_said: bool = False  # given as availability, not guessed from words
    audiences: set[str] = field(default_factory=set)  # groups meant for people like them
    prefer_group: bool = True
    place: Place | None = None  # where distances are measured from, and what to tell them
    max_km: float | None = None
    limit: int = 10
    avoid: list[str] = field(default_factory=list)  # concepts named in what they do not want
    children: list[int] | None = None  # ages of the children they spoke of ([] if ageless)
    learner: bool = False  # learning English, or speaking another language
    home_area: str | None = None  # the area they most likely live in (from places near them)
    spoken: list[str] = field(default_factory=list)  # languages they speak (a preference)
    reading: language.Reading = field(default_factory=language.Reading)  # language written in
    meaning: str = ""  # what they are looking for, as the semantic signal reads it
    vector: Any = None  # ``meaning`` embedded and quantised (linkwell.semantic)
    spelling: list[dict[str, str]] = field(default_factory=list)  # words mended, as typed

    @property
    def point(self) -> tuple[float, float] | None:
        return self.place.point if self.place is not None else None

    @point.setter
    def point(self, value: tuple[float, float] | None) -> None:
        self.place = None if value is None else Place(value, "point")

    @property
    def remote_ok(self) -> bool:
        return not self.delivery or any(d in REMOTE for d in self.delivery)

    @property
    def in_person_ok(self) -> bool:
        return not self.delivery or "in_person" in self.delivery or "home_visit" in self.delivery


def named_concepts(text: str, tax: Taxonomy, *, specific_only: bool) -> list[tuple[str, str]]:
    """(concept id, the person's words) for each taxonomy phrase in ``text``, longest first;
    a word of degree inside a phrase ("feel proper low", "feeling really isolated") is read
    past, as the phrase without it."""
    words = fold(text).split()
    found = _named_in(words, tax, specific_only)
    plain = [w for w in words if w not in INTENSIFIERS]
    if len(plain) < len(words):
        found += [f for f in _named_in(plain, tax, specific_only) if f not in found]
    return found


def _named_in(originals: list[str], tax: Taxonomy, specific_only: bool
              ) -> list[tuple[str, str]]:
    stems = [stem(w) for w in originals]
    index = phrase_index(tax)
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(stems):
        best: list[Any] = []
        for phrase in index.by_first.get(stems[i], ()):
            n = len(phrase.tokens)
            if best and n < len(best[0].tokens):
                break
            if tuple(stems[i:i + n]) == phrase.tokens and not (
                    specific_only and set(phrase.tokens) <= GENERIC_STEMS):
                best.append(phrase)
        if not best:
            i += 1
            continue
        words = " ".join(originals[i:i + len(best[0].tokens)])
        # "gardening" names gardening and (as "garden") nature: the specific one is meant.
        specific = [p for p in best if tax.concepts[p.concept].parent] or best
        found.extend((p.concept, words) for p in specific)
        i += len(best[0].tokens)
    return found


def hint_weight(position: int, weights: Weights = WEIGHTS, *, practical: bool = False) -> float:
    """How much the n-th activity type the taxonomy suggests for a need counts.

    Advice for a money, housing or food problem is the direct answer to it, not a guess: it
    counts as much as something the person asked for.
    """
    if practical:
        return weights.said
    return max(weights.hint_floor, weights.hint_first - position * weights.hint_step)


def hints_for(need: str, tax: Taxonomy) -> list[str]:
    """Activity types suggested for a need; a broad need takes each child's first suggestion."""
    if need in tax.hints:
        return list(tax.hints[need])
    firsts = [tax.hints[c.id][0] for c in tax.children(need) if tax.hints.get(c.id)]
    return list(dict.fromkeys(firsts))


def wanted_from(named: list[tuple[str, str, bool]], tax: Taxonomy) -> list[Wanted]:
    """The concepts named, each with the activity types suggested for the needs among them."""
    out: list[Wanted] = []
    for concept_id, words, in_story in named:
        concept = tax.concepts[concept_id]
        if concept.safety_route:  # crisis help itself, then listening alongside it
            out.append(Wanted(concept_id, WEIGHTS.said, words))
            out.extend(Wanted(a, WEIGHTS.said, words, via=concept_id)
                       for a in SECOND_LINE.get(concept_id, ()))
            continue
        broad = in_story and concept.parent is None
        out.append(Wanted(concept_id, WEIGHTS.broad_word if broad else WEIGHTS.said, words))
        if concept.kind == "need":
            out.extend(Wanted(a, hint_weight(n, practical=a in practical_help_for(
                [concept_id], tax)), words, via=concept_id)
                for n, a in enumerate(hints_for(concept_id, tax)))
    return out


def someone_elses(named: list[tuple[str, str, bool]], about: str,
                  tax: Taxonomy) -> tuple[list[tuple[str, str, bool]], list[Wanted]]:
    """The needs the person names of someone else ("my daughter's asthma", "he has dementia")
    set apart: a group for that need is of some use to them (a carer, a parent), but what the
    taxonomy suggests for the one who has it (singing for memory, a lung group) is not.

    Returned as the person's own concepts, and the others' needs as weak wants without
    suggestions. A phrase that names the relation itself ("since my wife passed", "look after
    my husband") is the speaker's own.
    """
    mine, others = own_and_others(about)
    if not others:
        return named, []
    their = {c for c, w in named_concepts(others, tax, specific_only=True)
             if tax.concepts[c].kind == "need" and not RELATION.search(w)}
    own = {c for c, _ in named_concepts(mine, tax, specific_only=True)}
    theirs = {c for c in their if c not in own and not tax.concepts[c].safety_route}
    kept = [n for n in named if n[0] not in theirs]
    return kept, [Wanted(c, WEIGHTS.someone_elses, w) for c, w, _ in named if c in theirs]


def strongest(wanted: list[Wanted]) -> list[Wanted]:
    """One entry per concept: the one that counts most (first said wins a tie)."""
    best: dict[str, Wanted] = {}
    for item in wanted:
        if item.concept not in best or item.weight > best[item.concept].weight:
            best[item.concept] = item
    return list(best.values())


def significant_terms(text: str) -> list[str]:
    """The person's own words worth matching: stemmed, no stop words or generic words."""
    words = [w for w in fold(text).split() if w not in STOP_WORDS and w not in GENERIC_WORDS
             and w not in PLAIN_WORDS and len(w) > 2 and not w.isdigit()]
    return list(dict.fromkeys(stem(w) for w in words))


def time_windows(text: str) -> list[Window]:
    """Times of day a person says suit them ("mornings are best"), as windows on any day."""
    out: list[Window] = []
    for match in _TIME_PREFERENCE.finditer(fold(text)):
        word = (match.group(1) or match.group(2)).rstrip("s")
        days, start, end = _TIME_WORDS[word]
        for day in ((5, 6) if days == "weekend" else (None,)):
            out.append(Window(day, start, end))
    return list(dict.fromkeys(out))


def windows_from(availability: list[dict[str, Any]]) -> list[Window]:
    return [Window(DAYS.index(w["day"]) if w.get("day") else None, w.get("from_", 0),
                   w.get("to", MINUTES_PER_DAY)) for w in availability]


def understand(body: dict[str, Any], tax: Taxonomy | None = None,
               declared: tuple[str, ...] = DEFAULT_LANGUAGES,
               typed: str | None = None) -> Profile:
    """The profile for a validated request body (location is resolved separately).

    ``typed`` is the person's story exactly as typed, when ``body`` carries it corrected
    (matcher/spelling.py): the crisis detector reads both, so it never rests on spelling.
    """
    tax = tax or load_taxonomy()
    story = str(body.get("about") or "")
    # What they do not want never counts for an asset, nor what someone close feels in
    # telling of them ("daughter worried he has stopped going out": the worry is hers), nor
    # a saying's words ("in the same boat" names no boating).
    about = negation.wanted_text(without_reporters(without_sayings(story)))
    interests = [str(i) for i in body.get("interests") or []]
    reading = language.read(body, declared)
    named = [(c, w, True) for c, w in named_concepts(about, tax, specific_only=True)]
    named, theirs = someone_elses(named, about, tax)
    # In another language: what its words name, as the English synonyms would.
    named += [(c, w, True) for c, w in reading.concepts if c in tax.concepts]
    for interest in interests:
        # An interest typed on its own is meant, even a broad word like "social".
        named += [(c, w, False) for c, w in named_concepts(interest, tax, specific_only=False)]
    named += [(n, tax.label(n).lower(), False) for n in body.get("needs") or []]
    concepts = list(dict.fromkeys([*(c for c, _, _ in named), *(w.concept for w in theirs)]))
    requirements = body.get("requirements") or {}
    profile = Profile(
        wanted=strongest([*wanted_from(named, tax), *theirs]),
        needs=[c for c in concepts if tax.concepts[c].kind == "need"],
        interests=[c for c in concepts if tax.concepts[c].kind == "activity"],
        terms=significant_terms(" ".join([about, *interests])),
        text=" ".join([about, *interests]),
        # The whole story, refusals included: "I don't want to be here any more" is heard.
        safety=list(dict.fromkeys([
            *crisis.concerns(story, body.get("needs") or [], tax, language=reading.code),
            *(crisis.concerns(typed, (), tax, language=reading.code)
              if typed and typed != story else [])])),
        age=body.get("age"), gender=requirements.get("gender"),
        cost=requirements.get("cost", "any"), step_free=bool(requirements.get("step_free")),
        languages=list(requirements.get("languages") or []),
        delivery=list(requirements.get("delivery") or []),
        prefer_group=(body.get("prefer") or {}).get("group",
                                                    not negation.against_groups(story)),
        max_km=body.get("max_travel_km"), limit=body["limit"])
    # A concern the detector found in words no synonym names: its help is wanted too.
    found = {w.concept for w in profile.wanted}
    profile.wanted += strongest(wanted_from([(c, tax.label(c).lower(), False)
                                             for c in profile.safety if c not in found], tax))
    profile.avoid = [c for c, _ in named_concepts(negation.refused_text(story), tax,
                                                  specific_only=True)
                     if c not in concepts and not tax.concepts[c].safety_route]
    profile.reading = reading
    # WordLlama reads English: another language's meaning is what was understood of it.
    english = reading.code == "en"
    profile.meaning = meaning_text(about if english else "", interests if english else [], [
        *(body.get("needs") or []), *dict.fromkeys(c for c, _ in reading.concepts)], tax,
        broad=broad_only(profile, tax))
    profile.vector = semantic.quantise(semantic.embed_one(profile.meaning)) if (
        profile.meaning) else None
    profile.children = children_in(story)
    gender, age = person_in(story)
    profile.gender = profile.gender or gender or reading.gender
    profile.age = profile.age if profile.age is not None else age
    needed, spoken = languages_in(story)
    if not profile.languages and needed:
        profile.languages = needed  # "needs a Somali interpreter": as the field would say
    written = [reading.code] if reading.code != "en" else []
    profile.spoken = list(dict.fromkeys([*profile.languages, *spoken, *written]))
    profile.learner = bool(set(profile.spoken) - {"en"}) or bool(LEARNER.search(fold(story)))
    profile.carer = body.get("carer", any(c in concepts for c in CARER_CONCEPTS)
                             or cares_for_someone(about, tax))
    if profile.carer and not any(c in concepts for c in CARER_CONCEPTS):
        # Caring is their own need, though they spoke only of the other's condition.
        profile.wanted += [Wanted(c, WEIGHTS.hint_first, "caring") for c in CARER_CONCEPTS
                           if c not in found]
    profile.mobility = profile.step_free or any(c in concepts for c in MOBILITY_CONCEPTS) or bool(
        MOBILITY_WORDS & {stem(w) for w in fold(profile.text).split()})
    profile.practical = practical_help_for(profile.needs, tax)
    profile.audiences = audiences_for(profile.text, profile.age) | reading.audiences
    if profile.gender in GENDER_AUDIENCES:  # a group for men, and he is a man
        profile.audiences.add(GENDER_AUDIENCES[profile.gender])
    if body.get("availability"):
        profile.windows, profile.windows_said = windows_from(body["availability"]), True
    else:
        profile.windows = time_windows(about)
    return profile


def cares_for_someone(about: str, tax: Taxonomy) -> bool:
    """Whether the person speaks of a condition of a grown-up close to them ("my wife has
    dementia and I'm struggling", "my husband who has Parkinson's"): most who do, look after
    them. (A child's condition makes them a parent first: "my daughter's asthma".)"""
    for part in _AND_I.split(fold(about)):
        others = own_and_others(part)[1]
        if _GROWN_UP_KIN.search(others) and any(
                c.startswith(CONDITION_NEEDS) and tax.concepts[c].kind == "need"
                for c, _ in named_concepts(others, tax, specific_only=True)):
            return True
    return False


def broad_only(profile: Profile, tax: Taxonomy) -> list[str]:
    """The broad activity words of a request that says little else ("anything outdoors?",
    "something creative"): no kind of them named, and few telling words besides."""
    if len(profile.terms) > BROAD_ONLY_WORDS:
        return []
    named = set(profile.interests) | set(profile.needs)
    return [c for c in profile.interests if tax.concepts[c].parent is None
            and not any(n != c and c in tax.with_ancestors(n) for n in named)]


def meaning_text(about: str, interests: list[str], needs: list[str], tax: Taxonomy,
                 broad: list[str] | None = None) -> str:
    """What the semantic signal embeds: their wanted words, interests and needs' labels, and
    for a broad activity word alone ("outdoors", "something creative") what its kinds are
    (the taxonomy's description of each child), so listings of any kind of it come near."""
    kinds = [c.label for b in broad or () for c in tax.children(b)]
    return ". ".join(p for p in [about, *interests, *(tax.label(n) for n in needs), *kinds]
                     if p)


def practical_help_for(needs: list[str], tax: Taxonomy) -> list[str]:
    """Practical-help activity types for money, housing and food needs (kept in every list)."""
    out: list[str] = []
    for need in needs:
        if need.split(".")[0] in PRACTICAL_NEEDS:
            out.extend(a for a in hints_for(need, tax) if a.startswith("practical_help."))
    return list(dict.fromkeys(out))
