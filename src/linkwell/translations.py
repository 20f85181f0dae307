"""The taxonomy in the boroughs' languages: labels to show, and words to find in what people
write, read from ``linkwell/taxonomy/languages/<code>.yaml`` (each with its source and review
status in ``meta``).

Words are matched the same way for every language, with no stemmer per language (Snowball has
none for Bengali, Somali or Urdu, and its Polish and Arabic ones mangle folded words):

- Text is folded as everywhere in Linkwell (lower case, no accents or short vowels), and
  Arabic-script letters typed two ways are made one ("ي" and "ی", "ك" and "ک", "ة" and "ه");
  Arabic loses its attached article and conjunctions ("والديون" is "ديون").
- A phrase word matches a written word that begins with it, give or take its last letter (six
  letters) or two (seven or more): "samotny" finds "samotna" and "samotność", "বন্ধু" finds
  "বন্ধুদের", "yalnız" finds "yalnızım"; the suffixing languages here inflect at the end of a
  word. Words of three letters or fewer must match whole, or with a short ending.
- A phrase's words come in order within one clause, with at most three other words between
  them (word order and small words differ more than in English).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import yaml

from linkwell.text import fold

GAP = 3  # other words allowed between two words of a phrase
SENTENCE = re.compile(r"[.!?\n।؟۔]+")
CLAUSE = re.compile(r"[,،;:]+")
_ARABIC_SCRIPT = {"ar": str.maketrans({"ی": "ي", "ک": "ك", "ى": "ي", "ة": "ه", "ہ": "ه",
                                       "ۃ": "ه"}),
                  "ur": str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ہ"})}
# Attached article and conjunctions, longest first (Larkey's light stemming, prefixes only).
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]
    key: str  # a concept id, an audience id, or a crisis word class


class Found(NamedTuple):
    key: str
    start: int
    end: int  # index of the phrase's last word
    size: int  # words in the phrase


@dataclass
class Pack:
    """One language's labels and phrases."""

    code: str
    meta: dict[str, Any]
    labels: dict[str, str] = field(default_factory=dict)
    concepts: list[Phrase] = field(default_factory=list)
    romanised: list[Phrase] = field(default_factory=list)
    audiences: list[Phrase] = field(default_factory=list)
    person: list[Phrase] = field(default_factory=list)
    crisis: dict[str, list[Phrase]] = field(default_factory=dict)


def words(text: str, code: str) -> list[str]:
    """Folded words of one clause, as the language's phrases are stored."""
    folded = fold(text)
    if code in _ARABIC_SCRIPT:
        folded = folded.translate(_ARABIC_SCRIPT[code])
    out = folded.split()
    return [_light_stem(w) for w in out] if code == "ar" else out


def _light_stem(word: str) -> str:
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def sentences(text: str, code: str) -> list[list[list[str]]]:
    """Sentences, each a list of clauses, each a list of words."""
    out = []
    for sentence in SENTENCE.split(text):
        clauses = [words(c, code) for c in CLAUSE.split(sentence)]
        clauses = [c for c in clauses if c]
        if clauses:
            out.append(clauses)
    return out


def token_matches(phrase_word: str, word: str) -> bool:
    """Whether a written word is the phrase's word, perhaps with another ending."""
    if len(phrase_word) <= 3:
        return word == phrase_word or (len(phrase_word) == 3 and word.startswith(phrase_word)
                                       and len(word) <= 7)
    return word.startswith(lead(phrase_word))


def lead(phrase_word: str) -> str:
    """What a written word must begin with to match ``phrase_word`` (``token_matches``)."""
    size = len(phrase_word)
    return phrase_word[:size if size <= 5 else size - 1 if size == 6 else size - 2]


class Phrases(list[Phrase]):
    """A pack's phrases, indexed by what their first word's match must begin with, so a
    clause is tried only against the phrases one of its words can start (a pack holds
    hundreds; a clause's words can start a handful)."""

    def starting(self, tokens: list[str]) -> list[Phrase]:
        index = self.__dict__.get("_index")
        if index is None:
            index = self.__dict__["_index"] = {}
            for at, phrase in enumerate(self):
                index.setdefault(lead(phrase.tokens[0]), []).append(at)
        places = {at for word in tokens for size in range(1, len(word) + 1)
                  for at in index.get(word[:size], ())}
        return [self[at] for at in sorted(places)]  # in the pack's order, as before


def find(phrases: Iterable[Phrase], tokens: list[str], *, exact: bool = False) -> list[Found]:
    """Every phrase found in one clause's words, each at its first place (``exact``: whole
    words only, in a row)."""
    found = []
    for phrase in phrases.starting(tokens) if isinstance(phrases, Phrases) else phrases:
        span = _exact(phrase.tokens, tokens) if exact else _place(phrase.tokens, tokens)
        if span is not None:
            found.append(Found(phrase.key, span[0], span[1], len(phrase.tokens)))
    return found


def _place(phrase: tuple[str, ...], tokens: list[str]) -> tuple[int, int] | None:
    for start, word in enumerate(tokens):
        if not token_matches(phrase[0], word):
            continue
        last = start
        for part in phrase[1:]:
            nxt = next((k for k in range(last + 1, min(len(tokens), last + 2 + GAP))
                        if token_matches(part, tokens[k])), None)
            if nxt is None:
                break
            last = nxt
        else:
            return start, last
    return None


def _exact(phrase: tuple[str, ...], tokens: list[str]) -> tuple[int, int] | None:
    n = len(phrase)
    return next(((i, i + n - 1) for i in range(len(tokens) - n + 1)
                 if tuple(tokens[i:i + n]) == phrase), None)


def longest(found: list[Found]) -> list[Found]:
    """Non-overlapping finds, longer phrases first (as the English phrase index reads)."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (-f.size, -(f.end - f.start), f.start)):
        if all(item.end < k.start or item.start > k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


def _phrases(entries: dict[str, Iterable[str]], code: str) -> Phrases:
    out = Phrases()
    for key, texts in entries.items():
        for text in texts:
            tokens = tuple(words(str(text), code))
            if tokens:
                out.append(Phrase(tokens, key))
    return out


def _pack(code: str, data: dict[str, Any]) -> Pack:
    concepts = data.get("concepts") or {}
    pack = Pack(code, dict(data.get("meta") or {}))
    pack.labels = {cid: str(entry["label"]) for cid, entry in concepts.items()}
    pack.concepts = _phrases({cid: [entry["label"], *(entry.get("synonyms") or [])]
                              for cid, entry in concepts.items()}, code)
    pack.romanised = _phrases(data.get("romanised") or {}, "en")
    pack.audiences = _phrases(data.get("audiences") or {}, code)
    pack.person = _phrases(data.get("person") or {}, code)
    crisis = data.get("crisis") or {}
    pack.crisis = {name: _phrases({name: texts}, "en" if name.startswith("romanised") else code)
                   for name, texts in crisis.items()}
    return pack


@cache
def packs() -> dict[str, Pack]:
    """Every language pack shipped with Linkwell, by ISO 639-1 code (read once)."""
    folder = resources.files("linkwell.taxonomy").joinpath("languages")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            code = entry.name.removesuffix(".yaml")
            out[code] = _pack(code, yaml.safe_load(entry.read_text(encoding="utf-8")))
    return out


def clauses(text: str, code: str) -> Iterator[list[str]]:
    for sentence in sentences(text, code):
        yield from sentence


def concepts_in(text: str, code: str) -> list[tuple[str, str]]:
    """(concept id, the words that named it) for the language's phrases found in ``text``."""
    pack = packs().get(code)
    if pack is None:
        return []
    out: list[tuple[str, str]] = []
    for tokens in clauses(text, code):
        for item in longest(find(pack.concepts, tokens)):
            out.append((item.key, " ".join(tokens[item.start:item.end + 1])))
    return out


def audiences_in(text: str, code: str) -> set[str]:
    """Who-it-is-for groups named in the language ("মহিলাদের জন্য": women)."""
    pack = packs().get(code)
    if pack is None:
        return set()
    return {item.key for tokens in clauses(text, code) for item in find(pack.audiences, tokens)}


def gender_in(text: str, code: str) -> str | None:
    """"woman" or "man" where the person's own grammar says so ("چاہتی ہوں", "chciałabym")."""
    pack = packs().get(code)
    if pack is None:
        return None
    said = {item.key for tokens in clauses(text, code)
            for item in find(pack.person, tokens, exact=True)}
    return next(iter(said)) if len(said) == 1 else None


def label(concept_id: str, code: str) -> str | None:
    """A concept's label in the language, where the pack has one."""
    pack = packs().get(code)
    return pack.labels.get(concept_id) if pack else None


def romanised_in(text: str, english: Collection[str]) -> tuple[str, list[tuple[str, str]]] | None:
    """The language whose romanised phrases ``text`` uses most ("ami eka thaki": Bengali), and
    the concepts they name; None if none, or if every word found is also English ("sugar",
    "diabetes"): a person writing English is never taken for someone writing Urdu."""
    best: tuple[str, list[tuple[str, str]]] | None = None
    for code, pack in packs().items():
        found: list[tuple[str, str]] = []
        telling = False
        for tokens in clauses(text, "en"):
            for item in longest(find(pack.romanised, tokens)):
                said = tokens[item.start:item.end + 1]
                found.append((item.key, " ".join(said)))
                telling = telling or any(w not in english for w in said)
        if found and telling and (best is None or len(found) > len(best[1])):
            best = (code, found)
    return best
