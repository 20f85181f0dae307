"""Text analysis shared by both search backends, at index time and at query time.

Elasticsearch's test distribution has no analysis-common module (no stemmers, no synonym
filters) and hosted clusters differ in what they ship, so analysis happens here, once:
both backends index and query the same tokens and so rank alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

import Stemmer

from linkwell.taxonomy import Taxonomy, load_taxonomy

_STEMMER = Stemmer.Stemmer("english")
_APOSTROPHES = re.compile(r"['’‘`]")
# Word characters, and the vowel signs of the Indic scripts (Bengali "া", "ি"): Python's \w
# leaves out these marks, which would cut "একা" (alone) into "এক" (one). Dandas end sentences.
_NON_WORD = re.compile(r"[^\w\u0900-\u0963\u0966-\u0DFF]+")
# The dotless i is typed as "i" on most keyboards: "yalnizim" is "yalnızım".
_LETTERS = str.maketrans({"ı": "i"})

STOP_WORDS = frozenset(
    """a about above after again all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves im ive id dont cant wont s t""".split()
)

# Words so common across the taxonomy's synonyms that finding them in an asset's text says
# little about what the asset offers; they still count when a person types them.
GENERIC_WORDS = frozenset(
    """help support advice service services information community health family change
    classes class group groups social home work money food loss care people local free
    club""".split()
)

CONCEPT_TOKEN_PREFIX = "c_"


def fold(text: str) -> str:
    """Lower-case, strip accents and apostrophes, and turn punctuation into spaces."""
    if text.isascii():
        bare = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(
            _LETTERS)
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", bare.casefold())).replace("_", " ").strip()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def words(text: str) -> list[str]:
    """Folded, stemmed words, stop words kept (phrase matching needs them)."""
    return [stem(w) for w in fold(text).split()]


def terms(text: str) -> list[str]:
    """Folded, stemmed words without stop words: what the backends index and match."""
    return [stem(w) for w in fold(text).split() if w not in STOP_WORDS]


def text_words(text: str) -> set[str]:
    """The distinct words of a text as written: folded, not stemmed, letters only, 2+ long
    (what the spelling vocabulary counts; see linkwell.spelling)."""
    return {w for w in fold(text).split() if len(w) > 1 and w.isalpha()}


def concept_token(concept_id: str) -> str:
    """The single index token that stands for a taxonomy concept (safe for both backends)."""
    return CONCEPT_TOKEN_PREFIX + concept_id.replace(".", "__")


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]
    concept: str
    generic: bool


@dataclass
class PhraseIndex:
    """Finds taxonomy labels and synonyms, as stemmed phrases, in stemmed word sequences."""

    by_first: dict[str, list[Phrase]] = field(default_factory=dict)

    def add(self, text: str, concept: str, generic: bool) -> None:
        tokens = tuple(words(text))
        if tokens:
            self.by_first.setdefault(tokens[0], []).append(Phrase(tokens, concept, generic))

    def finalise(self) -> None:
        for phrases in self.by_first.values():
            phrases.sort(key=lambda p: -len(p.tokens))

    def find(self, tokens: Sequence[str], *, specific_only: bool = False) -> list[str]:
        """Concept ids whose phrases occur in ``tokens``, longest match first, in order."""
        found: list[str] = []
        starts = self.by_first
        i = 0
        while i < len(tokens):
            if tokens[i] not in starts:  # most words begin no phrase: skip them cheaply
                i += 1
                continue
            match = self._longest_at(tokens, i, specific_only)
            if match is None:
                i += 1
                continue
            found.extend(p.concept for p in match if p.concept not in found)
            i += len(match[0].tokens)
        return found

    def _longest_at(self, tokens: Sequence[str], i: int,
                    specific_only: bool) -> list[Phrase] | None:
        best: list[Phrase] = []
        for phrase in self.by_first.get(tokens[i], ()):
            if specific_only and phrase.generic:
                continue
            n = len(phrase.tokens)
            if best and n < len(best[0].tokens):
                break
            if tuple(tokens[i : i + n]) == phrase.tokens:
                best.append(phrase)
        return best or None


def _is_generic(text: str) -> bool:
    significant = [w for w in fold(text).split() if w not in STOP_WORDS]
    return not significant or all(w in GENERIC_WORDS for w in significant)


@cache
def phrase_index(taxonomy: Taxonomy | None = None) -> PhraseIndex:
    """The phrase index for a taxonomy (built once; the default taxonomy when none is given)."""
    tax = taxonomy or load_taxonomy()
    index = PhraseIndex()
    for concept in tax.concepts.values():
        top_level = concept.parent is None
        for text in (concept.label, *concept.synonyms):
            # A top-level concept named in an asset's text is too broad to tag the asset.
            index.add(text, concept.id, generic=top_level or _is_generic(text))
    index.finalise()
    return index


@dataclass(frozen=True)
class AnalysedQuery:
    """What a search box query means: its words, the concepts it names, and the expansion."""

    terms: tuple[str, ...]
    concepts: tuple[str, ...]
    expanded: tuple[str, ...]

    @property
    def tokens(self) -> list[str]:
        """Tokens to match, words first, then concept tokens; no duplicates."""
        out = list(dict.fromkeys(self.terms))
        out.extend(concept_token(c) for c in self.expanded)
        return list(dict.fromkeys(out))

    @property
    def empty(self) -> bool:
        return not self.terms and not self.expanded


def analyse_query(text: str, taxonomy: Taxonomy | None = None) -> AnalysedQuery:
    """Words and concepts of a query; needs expand to the activity types that help with them."""
    tax = taxonomy or load_taxonomy()
    found = phrase_index(tax).find(words(text))
    return AnalysedQuery(tuple(terms(text)), tuple(found), tuple(expand_concepts(found, tax)))


def analyse_words(text: str) -> AnalysedQuery:
    """Only the words of a query: stemmed, but no taxonomy concepts or synonyms."""
    return AnalysedQuery(tuple(terms(text)), (), ())


def expand_concepts(concepts: Iterable[str], taxonomy: Taxonomy) -> list[str]:
    """A need becomes itself plus its hinted activity types; an activity type stays itself."""
    out: list[str] = []
    for concept_id in concepts:
        out.append(concept_id)
        out.extend(taxonomy.hints.get(concept_id, ()))
    return list(dict.fromkeys(out))


def concepts_in_text(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Specific concepts an asset's own words name (e.g. 'choir' in a description)."""
    return phrase_index(taxonomy or load_taxonomy()).find(words(text), specific_only=True)
