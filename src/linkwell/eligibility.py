"""Who a listing is for, read from its own words as well as its fields.

Half of real feeds state eligibility only in prose: "for women", "18-25s", "Lewisham residents
only", "for carers", "for people living with dementia and their carers". Each limit found here
is kept with where it came from (the field, and the listing's own phrase), so the matcher can
say why an option is not for someone, and a person can check.

The reading is grammatical, not a list of listings' phrasings: gendered nouns used as the
audience ("Women's", "for dads", "mums' group"), numbers in the shapes ages take ("over 60s",
"aged 16 to 25", "55+"), who a listing says it is "for", "only" or "open to", and the nouns of
care and loss. A mention that welcomes others too ("mums and dads", "carers welcome") limits
nothing.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from linkwell.text import fold
from linkwell.vocab import CODES as LANGUAGE_NAMES

WOMEN = r"women|woman|ladies|lady|mums|mum|mothers|mother|sisters|widows|grandmothers|girls"
MEN = r"men|man|gents|blokes|dads|dad|fathers|father|brothers|widowers|grandfathers|lads|boys"
_AUDIENCE_WORDS = r"(?:for|just for|only for|open to|aimed at|run by and for)"
_BOTH = re.compile(rf"\b({WOMEN})\b.{{0,24}}\b({MEN})\b|\b({MEN})\b.{{0,24}}\b({WOMEN})\b")
_CHILD = re.compile(r"\b(children|child|kids|babies|baby|toddlers|toddler|under 5s|little ones"
                    r"|sons?|daughters?|pupils|school age)\b")
# A sentence that says who may come, or a name (names are short: every word counts there).
_FOR = re.compile(rf"\b{_AUDIENCE_WORDS}\b|\bonly\b|\bmust\b|\beligib|\bif you\b")
_WELCOME = re.compile(r"\b(welcome|welcomed|also|and their|as well|all ages|everyone|anyone)\b")


@dataclass(frozen=True)
class Limit:
    """One limit on who a listing is for, and the words it was read from."""

    kind: str  # gender, min_age, max_age, child_ages, carers, situation, residents, learners
    value: Any
    source: str  # the record field: name, eligibility_description, description
    phrase: str  # the listing's own words (folded)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def limits(record: dict[str, Any]) -> list[Limit]:
    """Every limit the record states, in its fields or its words (fields first)."""
    found: list[Limit] = []
    for source in ("name", "eligibility_description", "description"):
        text = str(record.get(source) or "")
        for sentence in _sentences(text):
            if source == "name" or _MAY_LIMIT.search(sentence):
                found.extend(_read(sentence, source))
    return _settled(found, record)


# A sentence of a description can limit who may come only if it has one of these: a number,
# a word of who a listing is for, or a noun of an audience. Most sentences have none, and
# are passed over without reading them against every pattern.
_MAY_LIMIT = re.compile(r"\d|\b(for|only|must|eligib\w*|if you|open to|aimed|aged?|ages|over|under"
                        r"|adults?|residents?|carers?|bereaved|widow\w*|esol|english|bring"
                        r"|teen\w*|young|youth|plus)\b")


def _sentences(text: str) -> list[str]:
    """Folded sentences ("55+" kept as "55 plus": folding drops the sign)."""
    text = re.sub(r"(\d)\s*\+", r"\1 plus", text)
    text = re.sub(r"(\d)\s*[-–—]\s*(\d)", r"\1 to \2", text)  # "13-17": folding drops the dash
    folded = (fold(s) for s in re.split(r"(?<=[.!?;])\s+|\n+|\s[-–—]\s", text))
    return [s for s in folded if s]  # each sentence folded once, not twice


def _read(sentence: str, source: str) -> list[Limit]:
    # In a description, ages are said only of who may come; other limits need a sentence that
    # says who it is for. A name is all audience.
    out = _ages(sentence, source)
    if source != "description" or _FOR.search(sentence):
        out += [*_gender(sentence, source), *_carers(sentence, source),
                *_situation(sentence, source), *_residents(sentence, source),
                *_learners(sentence, source), *_children(sentence, source),
                *_community(sentence, source)]
    if source == "description" and _SOFT.search(sentence):
        # "aimed at over 60s", "mostly mums": who it is meant for, not who may come
        out = [Limit(f"aimed_{x.kind}", x.value, x.source, x.phrase)
               if x.kind in ("min_age", "max_age", "gender") else x for x in out]
    return out


_SOFT = re.compile(r"\b(aimed at|mainly|mostly|especially|particularly|ideal for|suitable for"
                   r"|geared|designed with|but (?:anyone|everyone|all)|welcome too|also welcome"
                   r"|all welcome|everyone welcome|anyone (?:is )?welcome|may come|can come)\b")


def _gender(sentence: str, source: str) -> list[Limit]:
    if _BOTH.search(sentence) or re.search(r"\b(parents|families|couples|all genders)\b",
                                             sentence):
        return []
    out = []
    for value, nouns in (("women", WOMEN), ("men", MEN)):
        if source == "name":
            match = re.search(rf"\b({nouns})s?\b(?! and)", sentence)
        else:
            match = re.search(rf"\b{_AUDIENCE_WORDS} (?:\w+ ){{0,4}}({nouns})\b"
                              rf"|\b({nouns})(?: s)? only\b|\bonly (?:for )?({nouns})\b"
                              rf"|\b({nouns}) only\b", sentence)
        if match and not _mixed_welcome(sentence, value):
            out.append(Limit("gender", value, source, match.group(0)))
    return out if len(out) == 1 else []


def _mixed_welcome(sentence: str, value: str) -> bool:
    other = MEN if value == "women" else WOMEN
    return bool(re.search(rf"\b({other})\b.{{0,20}}\bwelcome\b", sentence))


_OVER = re.compile(r"\b(?:over|over the age of|aged|age|ages) ?(\d{2}) ?s?\b(?! ?(?:to|-|and under"
                   r"|or under|years? old and under))|\b(\d{2}) ?(?:\+|plus|and over|or over"
                   r"|and above|and older|years and over)")
_UNDER = re.compile(r"\b(?:under|up to|aged up to|below) ?(\d{1,2}) ?s?\b|\b(\d{1,2}) (?:and|or) "
                    r"(?:under|younger)\b")
_BAND = re.compile(r"\b(?:aged|ages|age|for)? ?(\d{1,2}) ?(?:to|-|and|–) ?(\d{1,2}) ?"
                   r"(s|year olds|years|yrs|yr olds)?\b")
_AGE_WORDS = re.compile(r"\b(aged|ages|age|year olds|years old|yrs|s only|over|under|plus|young"
                        r"|kids|children|adults|youth|teenagers|teens)\b|\d{2} to \d{2} ?s\b")


def _ages(sentence: str, source: str) -> list[Limit]:
    """Ages in the shapes they take; about children when the words say so (their ages then
    say which families fit, not who may come)."""
    if not _AGE_WORDS.search(sentence) and not re.search(r"\d ?(\+|s\b)", sentence):
        return []
    child = bool(_CHILD.search(sentence))
    out: list[Limit] = []
    band = _BAND.search(sentence)
    if band and _plausible_band(band, sentence, whole=source == "name"):
        low, high = int(band.group(1)), int(band.group(2))
        if child:
            return [Limit("child_ages", [low, high], source, band.group(0).strip())]
        return [Limit("min_age", low, source, band.group(0).strip()),
                Limit("max_age", high, source, band.group(0).strip())]
    adults = re.search(r"\b(adults only|for adults|over 18s|adults 18 plus)\b", sentence)
    if adults and not child:
        out.append(Limit("min_age", 18, source, adults.group(0)))
    over = _OVER.search(sentence)
    if over and not child and not adults:
        age = int(over.group(1) or over.group(2))
        if 16 <= age <= 90:
            out.append(Limit("min_age", age, source, over.group(0).strip()))
    under = _UNDER.search(sentence)
    if under:
        age = int(under.group(1) or under.group(2))
        if child:
            out.append(Limit("child_ages", [0, max(0, age - 1)], source, under.group(0).strip()))
        elif 5 <= age <= 30:
            out.append(Limit("max_age", age - 1 if "under" in under.group(0) else age, source,
                             under.group(0).strip()))
    return out


def _plausible_band(band: re.Match[str], sentence: str, whole: bool = False) -> bool:
    """Whether a number range is an age band. In a description the age words must be near it;
    a name is all audience, so an age word anywhere in it will do ("Young people's drop-in
    (13-25)")."""
    low, high = int(band.group(1)), int(band.group(2))
    if not (0 <= low < high <= 99) or high - low > 60:
        return False
    # "10 to 12" is a time and "2-4pm" too: an age band is said to be one
    tail = sentence[band.end():band.end() + 4]
    if re.match(r"\s?(am|pm|:|\.\d)", tail):
        return False
    near = sentence if whole else sentence[max(0, band.start() - 16):band.end()]
    return band.group(3) is not None or bool(re.search(
        r"\b(aged|ages|age|teenagers|teens|young|adults|youth|kids|children)\b", near))


_CARERS = re.compile(r"\b(?:for|only for|open to|aimed at|supporting) (?:\w+ ){0,2}carers\b"
                     r"|\bcarers(?: s)? (?:only|group|cafe|centre|circle|support|coffee|network"
                     r"|line|hub|club)\b|\bif you (?:look after|care for)\b|\bcarers only\b")


def _carers(sentence: str, source: str) -> list[Limit]:
    match = _CARERS.search(sentence)
    if not match or re.search(r"\bcarers (?:are )?(?:also )?welcome\b|\band (?:their )?carers\b",
                              sentence):
        return []
    return [Limit("carers", True, source, match.group(0))]


_SITUATION = re.compile(
    r"\b(?:for|open to|aimed at|supporting) (?:people|anyone|adults|those|men|women|someone"
    r"|families|parents|you)? ?(?:who (?:are|have|has|live|were|is)(?: had| been)? |living with "
    r"|with |affected by |recovering from |diagnosed with )"
    r"([a-z0-9 ]{3,40})")
_LOSS = re.compile(r"\b(bereaved|bereavement|widows|widowers|widowed|lost a loved one|lost someone"
                   r"|grief|grieving|after a death|loss of a)\b")


_LOSS_FOR = re.compile(r"\b(?:for|open to|supporting) (?:\w+ ){0,3}(?:bereaved|widowed|grieving"
                       r"|who (?:have|has) (?:been bereaved|lost))\b|\bbereaved (?:people|adults"
                       r"|parents|families|men|women) only\b")


def _situation(sentence: str, source: str) -> list[Limit]:
    """A group for people who share an experience: a condition, a loss, a recovery."""
    out = []
    loss = _LOSS.search(sentence) if source == "name" else _LOSS_FOR.search(sentence)
    if loss:
        out.append(Limit("situation", "bereavement", source, loss.group(0)))
    match = _SITUATION.search(sentence)
    if match and not _LOSS.search(match.group(0)):
        words = re.split(r"\b(and|or|who|to|in|at|on|from|we|our|you|this|it)\b", match.group(1))[0]
        words = words.strip()
        if words and words not in ("a", "an", "the", "any", "all", "children", "kids"):
            welcome = bool(re.search(r"\band (?:their )?(?:carers|families|family)\b", sentence))
            out.append(Limit("situation", {"words": words, "carers_welcome": welcome}, source,
                             match.group(0).strip()))
    return out


_RESIDENTS = re.compile(
    r"\b([a-z]+(?: [a-z]+)?) residents? only\b|\bonly (?:for |open to )?([a-z]+(?: [a-z]+)?) "
    r"residents\b|\bresidents of (?:the )?(?:london )?(?:borough of )?([a-z]+(?: [a-z]+)?)\b"
    r"|\b(?:must|you need to|you have to|only if you) (?:live|be living|be resident|be registered"
    r" with a gp) in (?:the )?(?:london )?(?:borough of )?([a-z]+(?: [a-z]+)?)\b"
    r"|\bfor people (?:who )?(?:live|living) in (?:the )?(?:london )?(?:borough of )?"
    r"([a-z]+(?: [a-z]+)?)\b")


def _residents(sentence: str, source: str) -> list[Limit]:
    match = _RESIDENTS.search(sentence)
    if not match:
        return []
    place = next(g for g in match.groups() if g)
    place = re.sub(r"\s+(or|and|only|who|with|around|near|in)$", "", place).strip()
    place = re.sub(r"^(?:(?:open|to|for|of|the)\s+)+", "", place).strip()
    if not place or re.match(r"(the|all|local|any|and|or|our|uk|london|nearby)\b", place):
        return []
    return [Limit("residents", place, source, match.group(0))]


_LEARNERS = re.compile(r"\b(esol|english for speakers of other languages|learn(?:ing)? english"
                       r"|improve (?:your|their) english|english (?:conversation|classes"
                       r"|lessons|language classes)|whose first language is not english"
                       r"|english learners)\b")


def _learners(sentence: str, source: str) -> list[Limit]:
    match = _LEARNERS.search(sentence)
    return [Limit("learners", True, source, match.group(0))] if match else []


_BABIES = re.compile(r"\b(baby|babies|newborns?|postnatal|bumps?|infants?)\b")
_TODDLERS = re.compile(r"\b(toddlers?|under 5s|under fives|pre ?school(?:ers)?|stay and play"
                       r"|buggy|pushchairs?|little ones)\b")
_KIDS_NAME = re.compile(r"\b(kids|children|family|families|holiday club|half term)\b")
_KIDS_SAID = re.compile(r"\b(?:for|with|bring|parents of|mums of|dads of) (?:your |their |the )?"
                        r"(?:\w+ )?(kids|children|sons?|daughters?)\b")


def _children(sentence: str, source: str) -> list[Limit]:
    """A family activity: the children it is for (a person comes with one of them)."""
    if re.search(r"\b(adults? only|grandparents|teenagers|young people)\b", sentence):
        return []
    named = source == "name"
    for pattern, ages in ((_BABIES, [0, 1]), (_TODDLERS, [0, 4]),
                          (_KIDS_NAME if named else _KIDS_SAID, [0, 16])):
        match = pattern.search(sentence)
        if match and (named or pattern is _KIDS_SAID or _FOR.search(sentence)):
            return [Limit("child_ages", ages, source, match.group(0))]
    return []


# Names of communities: the languages' names (one vocabulary) and the peoples who speak them.
COMMUNITIES: dict[str, str | None] = {
    **LANGUAGE_NAMES, "bangladeshi": "bn", "pakistani": "ur", "nigerian": "yo",
    "ghanaian": "tw", "brazilian": "pt", "latin american": "es", "latino": "es",
    "eritrean": "ti", "ethiopian": "am", "afghan": "fa", "iranian": "fa", "cypriot": "el",
    "caribbean": None, "windrush": None, "african": None, "lgbt": "lgbtq", "lgbtq": "lgbtq",
    "queer": "lgbtq", "gay": "lgbtq", "lesbian": "lgbtq", "trans": "lgbtq",
}
COMMUNITIES.pop("english", None)
_COMMUNITY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, COMMUNITIES), key=len,
                                                   reverse=True)) + r")\b")


def _community(sentence: str, source: str) -> list[Limit]:
    """A group named for a community (its people or its language): its own, foremost."""
    if source == "description":
        return []
    match = _COMMUNITY.search(sentence)
    spoken = match and re.search(rf"\b{match.group(1)} (speaking|speakers|interpret|translat)",
                                 sentence)
    if not match or (spoken and source != "name"):
        return []
    word = match.group(1)
    return [Limit("community", {"word": word, "language": COMMUNITIES[word]}, source, word)]


def _settled(found: list[Limit], record: dict[str, Any]) -> list[Limit]:
    """One limit of each kind, the first source's (name, then eligibility, then description);
    stated age fields win over words."""
    out: dict[str, Limit] = {}
    for limit in found:
        key = limit.kind if limit.kind != "situation" else f"situation:{limit.value}"
        out.setdefault(key, limit)
    for kind, field in (("min_age", "minimum_age"), ("max_age", "maximum_age")):
        try:
            stated = int(float(record[field]))
        except (KeyError, TypeError, ValueError):
            continue
        out[kind] = Limit(kind, stated, field, str(record[field]))
    return list(out.values())


def age_bounds(found: list[Limit]) -> tuple[int | None, int | None]:
    """The person's age limits among ``found`` (children's ages are not the person's)."""
    values = {limit.kind: limit.value for limit in found}
    return values.get("min_age"), values.get("max_age")


def audiences(found: list[Limit]) -> set[str]:
    """The audience facets (the taxonomy's) that the limits found stand for."""
    out: set[str] = set()
    for limit in found:
        if limit.kind == "gender":
            out.add(f"{limit.value}_only")
        elif limit.kind == "carers":
            out.add("carers")
        elif limit.kind == "child_ages":
            out.add("families")
        elif limit.kind == "community":
            out.add("lgbtq" if limit.value["language"] == "lgbtq" else "culturally_specific")
        elif limit.kind == "max_age" and limit.value <= 25:
            out.add("young_people")
    return out
