"""Urgent and safeguarding wording in the boroughs' other languages (issue 20).

The English detector (crisis.py) is built from English grammar; here each language pack
(linkwell/taxonomy/languages/<code>.yaml, ``crisis``) gives word classes, and the same few
rules read them in every language, by the same rules as English:

- Urgent help: wording of suicide or self-harm (``urgent``, ``without_me``); two classes
  in one clause (PAIRS: a wish and death, a harm and oneself, an end and everything, being
  tired and life) or a jump and a high place in one sentence; or not having eaten
  (``not_eaten``) for days (``days``) in one sentence.
- Not safe at home: wording of fear at home (``unsafe``), or a person who may harm
  (``agents``: a husband, in-laws) and a harm (``abuse``: beats, threatens, will not let go
  out) in one sentence; when someone else is named there as the one harmed (``others``: the
  children, a sister), it is worry about someone else's safety.
- Dropped, as in English: a negation near the words (``negators``: "I have no such
  thoughts"), a topic rather than a disclosure near them (``topic``: prevention, a course, a
  film), and a sentence that tells of the past and of it being over (``past`` and
  ``resolved``).
- Bengali and Urdu typed in Latin letters (``romanised_urgent``) are read in any text.
"""

from __future__ import annotations

from linkwell import translations
from linkwell.langid import detector
from linkwell.matcher.crisis_words import AT_HOME, SOMEONE, URGENT
from linkwell.translations import Found, Pack, find, packs

SURELY_OTHER = 0.95  # detection's confidence that a text is not English ...
SURELY_OTHER_WORDS = 4  # ... and its fewest words, before English rules are left out
NEAR = 3  # words either side of a finding that a negation reaches
TOPIC_NEAR = 6  # ... and a topic word
PAIR_NEAR = 6  # words apart that two classes of a pair may be
# Two word classes in one clause, in either order: a wish and death ("I want to die"), a harm
# and oneself ("cut myself", "my wrists"), an end and everything ("end it all"), being tired
# and life; and in one sentence, a jump and a high place.
PAIRS = (("desire", "die"), ("harm", "self"), ("end", "all"), ("tired", "life"))
SENTENCE_PAIRS = (("jump", "high"),)
SINGLES = ("urgent", "without_me")  # each alone says it ("everyone is better off without me")


def maybe_english(text: str, code: str) -> bool:
    """Whether to read the words with the English rules too: unless they are surely another
    language. English mending would read other languages' words as text-speak (Polish "od" is
    not "overdose"), but short or less sure text may be English misread ("I'm sucicidal" reads
    as Somali), and a missed crisis costs far more than a route shown needlessly."""
    if code == "en":
        return True
    read = detector().detect(text)
    return not (read.language != "en" and read.confidence >= SURELY_OTHER
                and len(text.split()) >= SURELY_OTHER_WORDS)


def detect(text: str, code: str) -> list[str]:
    """The safety concepts the words suggest in language ``code`` (none for English but its
    romanised neighbours' words), first found first."""
    pack = packs().get(code) if code != "en" else None
    found: list[str] = []
    if pack is not None and pack.crisis:
        for sentence in translations.sentences(text, code):
            found += _sentence(pack, sentence)
    found += romanised(text)
    return list(dict.fromkeys(found))


def romanised(text: str) -> list[str]:
    """Urgent wording typed in Latin letters in any pack ("ami ar bachte chai na")."""
    for tokens in translations.clauses(text, "en"):
        for pack in packs().values():
            if any(not _dropped(pack, tokens, item, tokens) for item in
                   find(pack.crisis.get("romanised_urgent", ()), tokens)):
                return [URGENT]
    return []


def _has(pack: Pack, name: str, tokens: list[str]) -> list[Found]:
    return find(pack.crisis.get(name, ()), tokens)


def _sentence(pack: Pack, clauses: list[list[str]]) -> list[str]:
    whole = [t for clause in clauses for t in clause]
    if _has(pack, "past", whole) and _has(pack, "resolved", whole):
        return []  # "years ago he hit me; now I am happy and live apart"
    out: list[str] = []
    for tokens in clauses:
        if any(not _dropped(pack, tokens, item, whole) for name in SINGLES
               for item in _has(pack, name, tokens)):
            out.append(URGENT)
        if any(_pair(pack, tokens, whole, first, second) for first, second in PAIRS):
            out.append(URGENT)
    if any(_pair(pack, whole, whole, first, second, near=len(whole))
           for first, second in SENTENCE_PAIRS):
        out.append(URGENT)
    for tokens in clauses:
        if any(not _dropped(pack, tokens, item, whole) for item in _has(pack, "unsafe", tokens)):
            out.append(AT_HOME)
    if _has(pack, "not_eaten", whole) and _has(pack, "days", whole):
        out.append(URGENT)
    agents, harms = _has(pack, "agents", whole), _has(pack, "abuse", whole)
    if agents and any(not _dropped(pack, whole, item, whole) for item in harms):
        named = _has(pack, "others", whole)
        # "my sister's husband": the sister is the one harmed, the husband the agent.
        plain = [a for a in agents if not any(o.start <= a.start <= o.end for o in named)]
        taken = {i for a in plain or agents for i in range(a.start, a.end + 1)}
        others = [o for o in named if o.start not in taken]
        out.append(SOMEONE if others else AT_HOME)
    return out


def _pair(pack: Pack, tokens: list[str], whole: list[str], first: str, second: str,
          near: int = PAIR_NEAR) -> bool:
    """Both classes within ``near`` words, not negated, not a topic, not an accident."""
    if first == "harm" and _has(pack, "accident", whole):
        return False  # "I cut my hand while cooking"
    for a in _has(pack, first, tokens):
        for b in _has(pack, second, tokens):
            if a.start == b.start or abs(a.start - b.start) > near:
                continue
            covered = {*range(a.start, a.end + 1), *range(b.start, b.end + 1)}
            both = Found(first, min(a.start, b.start), max(a.end, b.end), a.size + b.size)
            if not _dropped(pack, tokens, both, whole, covered):
                return True
    return False


def _dropped(pack: Pack, tokens: list[str], item: Found, whole: list[str],
             covered: set[int] | None = None) -> bool:
    """Negated near the words, or the words only a topic (a course, a film, prevention)."""
    inside = covered if covered is not None else set(range(item.start, item.end + 1))
    for neg in _has(pack, "negators", tokens):
        if neg.start not in inside and (item.start - NEAR <= neg.start <= item.end + NEAR):
            return True
    span = " ".join(tokens[item.start:item.end + 1])
    at = _locate(whole, span)
    return any(abs(t.start - at) <= TOPIC_NEAR for t in _has(pack, "topic", whole))


def _locate(whole: list[str], span: str) -> int:
    text = " ".join(whole)
    return text[:max(0, text.find(span))].count(" ") if span in text else 0
