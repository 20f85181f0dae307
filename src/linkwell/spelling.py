"""Correcting misspelt searches from the directory's own words.

A ``Vocabulary`` holds every word the directory holds (listing names and descriptions,
organisation and place names, counted by how many listings use them) and the taxonomy's
labels and synonyms. It corrects only words it lacks: a known word, a word with a digit (a
postcode), or a short word is never touched. Candidates come from SymSpell (edit distance with
transpositions, so dropped, doubled, swapped and neighbouring-key letters are all one edit),
ranked by distance then by how many listings use them; run-together words are split into known
words, split words joined; a sound-alike spelling (Metaphone, via jellyfish) is the second pass.
The figures behind these choices are in docs/benchmarks.md ("Spelling").

The directory keeps one vocabulary in step with its index (see
``linkwell.directory.spelling``); the suggest endpoint can use ``completions`` from the same.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import Counter
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, partial

import jellyfish
from rapidfuzz import fuzz, process
from symspellpy import SymSpell, Verbosity

from linkwell.taxonomy import Taxonomy, load_taxonomy
from linkwell.text import STOP_WORDS, fold, stem, text_words

MIN_LENGTH = 3  # shorter words are too often right and too ambiguous to mend
MAX_DISTANCE = 2  # edits; words of SHORT letters or fewer get one
SHORT = 4
# SymSpell indexes this many first letters: 5 builds in half the time of 7 and found the same
# corrections here (docs/benchmarks.md, "Spelling").
PREFIX = 5
MAX_PIECES = 3  # a run-together word splits into at most this many known words
MIN_PIECE = 3  # ... each at least this long (stop words in the middle excepted)
# A last guess (see Vocabulary.guess): sound keys this alike (rapidfuzz ratio), and spelling.
ENGLISH_LEAST = 100  # uses in pyspellchecker's list: rarer entries are often misspellings
GUESS_SOUND = 75
GUESS_SPELLING = 40
GUESS_KEYS = 8
SOUND_MIN_SIMILARITY = 0.75  # Jaro-Winkler: a sound-alike must still look alike
VOWELS = frozenset("aeiouy")


def taxonomy_words(taxonomy: Taxonomy | None = None) -> set[str]:
    """Every word of the taxonomy's labels, synonyms and tags, and its facets' labels."""
    tax = taxonomy or load_taxonomy()
    found: set[str] = set()
    for concept in tax.concepts.values():
        for text in (concept.label, *concept.synonyms, *concept.tags):
            found |= text_words(text)
    for values in tax.facets.values():
        for value in values.values():
            for text in (value.label, *value.synonyms):
                found |= text_words(text)
    return found


@dataclass(frozen=True)
class Change:
    typed: str  # as folded from what was typed: one word, or two for a split word
    corrected: str  # one word, or several for a run-together word

    def as_dict(self) -> dict[str, str]:
        return {"typed": self.typed, "corrected": self.corrected}


@dataclass(frozen=True)
class Correction:
    """What was typed, and what it reads as once mended (the same text if nothing was)."""

    typed: str
    text: str
    changes: tuple[Change, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def as_dict(self) -> dict[str, object]:
        return {"typed": self.typed, "corrected": self.text,
                "changes": [c.as_dict() for c in self.changes]}


class Vocabulary:
    """The words a directory holds, with how many listings use each, ready to correct with.

    ``update`` takes fresh counts (words may come and go as listings change); lookups are safe
    from any thread while another updates.
    """

    def __init__(self, counts: Mapping[str, int] | None = None,
                 base: Iterable[str] = ()) -> None:
        self.base = frozenset(w for w in base if w not in STOP_WORDS)
        self.counts: dict[str, int] = {}
        self._stems: Counter[str] = Counter()
        self._sounds: dict[str, set[str]] = {}
        self._symspell = SymSpell(max_dictionary_edit_distance=MAX_DISTANCE, prefix_length=PREFIX)
        self._in_symspell: set[str] = set()
        self._sorted: list[str] | None = None
        self._lock = threading.Lock()
        for word in self.base:
            self._add_target(word)
            self._stems[stem(word)] += 1
        if counts:
            self.update(counts)

    # -- keeping it current ------------------------------------------------------------------

    def update(self, counts: Mapping[str, int]) -> None:
        """Replace the listing counts (the base words stay)."""
        fresh = {w: int(c) for w, c in counts.items() if c > 0 and w.isalpha()}
        with self._lock:
            old = self.counts
            for word in old.keys() - fresh.keys():
                if word not in self.base:
                    self._stems[stem(word)] -= 1
            for word in fresh.keys() - old.keys():
                if word not in self.base:
                    self._stems[stem(word)] += 1
                self._add_target(word)
            self.counts = fresh
            self._sorted = None

    def _add_target(self, word: str) -> None:
        # Short stop words ("to", "im") would pull short slips towards them; longer ones
        # are fair targets ("ohter" is "other", "abou" is "about").
        if word in self._in_symspell or (word in STOP_WORDS and len(word) < 3):
            return
        self._symspell.create_dictionary_entry(word, 1)
        self._in_symspell.add(word)
        self._sounds.setdefault(sound(word), set()).add(word)

    # -- reading -----------------------------------------------------------------------------

    def count(self, word: str) -> int:
        """How many listings use the word (a taxonomy word no listing uses counts one)."""
        return self.counts.get(word, 0) or (1 if word in self.base else 0)

    def known(self, word: str) -> bool:
        """Whether the word is to be left as typed."""
        return (word in STOP_WORDS or self.count(word) > 0 or not word.isalpha()
                or self._stems.get(stem(word), 0) > 0)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) > 0

    def __len__(self) -> int:
        return len(self.counts.keys() | self.base)

    def completions(self, prefix: str, limit: int = 10) -> list[str]:
        """Known words that begin with ``prefix`` (folded), most used first."""
        start = fold(prefix)
        if not start:
            return []
        ordered = self._ordered()
        i = bisect.bisect_left(ordered, start)
        found: list[str] = []
        while i < len(ordered) and ordered[i].startswith(start):
            found.append(ordered[i])
            i += 1
        return sorted(found, key=lambda w: (-self.count(w), w))[:limit]

    def _ordered(self) -> list[str]:
        ordered = self._sorted
        if ordered is None:
            ordered = self._sorted = sorted(self.counts.keys() | self.base)
        return ordered

    # -- correcting --------------------------------------------------------------------------

    def correct(self, text: str, eager: bool = False,
                keep: Container[str] = frozenset()) -> Correction:
        """The text with each unknown word mended where a likely known word is found;
        ``eager`` (for a search that found nothing as it was) also takes a nearest guess, and
        words in ``keep`` are left as typed (see ``english_words``)."""
        typed = fold(text).split()
        changes: list[Change] = []
        out: list[str] = []
        i = 0
        while i < len(typed):
            word = typed[i]
            joined = self._joined(word, typed[i + 1]) if i + 1 < len(typed) else None
            if joined:
                changes.append(Change(f"{word} {typed[i + 1]}", joined))
                out.append(joined)
                i += 2
                continue
            mended = None if word in keep else (
                self.mend(word) or (self.guess(word) if eager else None))
            if mended and mended != word:
                changes.append(Change(word, mended))
            out.append(mended or word)
            i += 1
        if not changes:
            return Correction(text, text)
        return Correction(text, " ".join(out), tuple(changes))

    def mend(self, word: str) -> str | None:
        """The likeliest known word(s) for one unknown word, or None.

        One slip first (the likeliest by ``slip_cost``, then sounding alike, then how many
        listings use it), then words run together, then a sound-alike, then two slips.
        """
        if len(word) < MIN_LENGTH or self.known(word) or shorthand(word):
            return None
        return (self._nearest(word, 1) or self._split(word) or self._sounds_like(word)
                or self._nearest(word, MAX_DISTANCE))

    def guess(self, word: str) -> str | None:
        """For a search that finds nothing otherwise: the most used known word that sounds
        nearest (rapidfuzz over the Metaphone keys) and still shares some spelling."""
        if len(word) < MIN_LENGTH or self.known(word):
            return None
        with self._lock:
            keys = list(self._sounds)
        found = process.extract(sound(word), keys, scorer=fuzz.ratio, limit=GUESS_KEYS,
                                score_cutoff=GUESS_SOUND)
        best = [(-score, -self.count(w), w) for key, score, _ in found
                for w in self._sounds.get(key, ()) if self.count(w)
                and fuzz.ratio(word, w) >= GUESS_SPELLING]
        return min(best)[2] if best else None

    def _joined(self, first: str, second: str) -> str | None:
        """Two typed words that are one known word ("wheel chair"), where that reading is
        likelier: a part is unknown, or the whole is used more than the rarer part."""
        if not (first.isalpha() and second.isalpha()):
            return None
        whole = first + second
        used = self.count(whole)
        if not used:
            return None
        if not (self.known(first) and self.known(second)):
            return whole
        return whole if used >= min(self.count(first), self.count(second)) else None

    def _nearest(self, word: str, distance: int) -> str | None:
        if len(word) <= SHORT:
            distance = min(distance, 1)
        with self._lock:
            found = self._symspell.lookup(word, Verbosity.ALL, max_edit_distance=distance)
        key = sound(word)
        best = [(slip_cost(word, s.term, s.distance), sound(s.term) != key, -self.count(s.term),
                 s.term) for s in found if s.distance and self.count(s.term)
                and plausible_slip(word, s.term)]
        return min(best)[3] if best else None

    def _split(self, word: str) -> str | None:
        pieces = self._pieces(word, MAX_PIECES)
        return " ".join(pieces) if pieces else None

    def _pieces(self, word: str, most: int, first: bool = True) -> list[str] | None:
        """``word`` as 2..``most`` known words (the likeliest by their rarest part)."""
        best: tuple[int, list[str]] | None = None
        for cut in range(MIN_PIECE if first else 2, len(word) - MIN_PIECE + 1):
            head, rest = word[:cut], word[cut:]
            if not self._piece(head, first):
                continue
            options = [[rest]] if self._piece(rest, False, last=True) else []
            if most > 2:
                deeper = self._pieces(rest, most - 1, first=False)
                options += [deeper] if deeper else []
            for tail in options:
                pieces = [head, *tail]
                score = min(self.count(p) or 1 for p in pieces)
                if best is None or (len(pieces), -score) < (len(best[1]), -best[0]):
                    best = (score, pieces)
        return best[1] if best else None

    def _piece(self, piece: str, first: bool, last: bool = False) -> bool:
        if piece in STOP_WORDS:  # "knit and natter", never "the are"
            return not (first or last) and len(piece) > 1
        return len(piece) >= MIN_PIECE and self.count(piece) > 0

    def _sounds_like(self, word: str) -> str | None:
        alike = self._sounds.get(sound(word), set())
        scored = [(-similarity(word, w), -self.count(w), w) for w in alike if self.count(w)]
        scored = [s for s in scored if -s[0] >= SOUND_MIN_SIMILARITY]
        return min(scored)[2] if scored else None


@cache
def english_counts() -> Mapping[str, int]:
    """pyspellchecker's English word-frequency list, read once a process (the matcher's
    crisis detector and the correction of people's stories both read it)."""
    from spellchecker import SpellChecker

    counts: Mapping[str, int] = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return counts


@cache
def english_words(least: int = ENGLISH_LEAST) -> frozenset[str]:
    """Common English words (pyspellchecker's frequency list, used this often or more).

    A person's story holds many words no listing uses ("my knees are bad"): correcting it, as
    the matcher does, leaves these alone. A search box's words are the directory's own, and
    are corrected against it alone ("cooling class" may well mean cooking).
    """
    # Folded as the words they are checked against: "aren't" is typed and read as "arent".
    return frozenset(fold(w) for w, n in english_counts().items() if n >= least)


def shorthand(word: str) -> bool:
    """A short word with no vowel ("ppl", "tbh", "thx") is shorthand, not a slip of a word."""
    return len(word) < SHORT and not VOWELS & set(word)


def plausible_slip(typed: str, known: str) -> bool:
    """Whether ``typed`` can be a slip for ``known`` by edit distance alone: in a short word
    one edit is a third or a quarter of it, and people seldom miss a word's first letter, so a
    short word that starts with another letter is a different word or a spoken form ("wiv"
    is "with", never "hiv"; "ur" is "your"), not a slip."""
    return len(typed) > SHORT or typed[:1] == known[:1]


def slip_cost(typed: str, known: str, distance: int) -> float:
    """How unlikely a slip from ``known`` to ``typed`` is, in edits: one of a double letter
    dropped or added costs half, a letter left out a little less than a letter typed extra
    (people drop letters more often than they add them)."""
    if distance != 1:
        return float(distance)
    if _undoubled(typed) == _undoubled(known) and len(typed) != len(known):
        return 0.5
    if len(known) < len(typed):
        return 1.1
    return 1.0


def _undoubled(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def sound(word: str) -> str:
    """A word's sound key (Metaphone: it beat NYSIIS and Soundex, see docs/benchmarks.md)."""
    return str(jellyfish.metaphone(word))


def similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two words (1 is the same)."""
    return float(jellyfish.jaro_winkler_similarity(a, b))


def rewrite(text: str, correction: Correction) -> str:
    """``text`` with the correction's words put in place, everything else kept as typed."""
    out = text
    for change in correction.changes:
        typed = r"\W+".join(_loose(w) for w in change.typed.split())
        out, found = re.subn(rf"(?<!\w){typed}(?!\w)", partial(_cased_as, change.corrected),
                             out, flags=re.I)
        if not found:  # typed with accents or signs fold took away: the mended words alone
            return correction.text
    return out


def _cased_as(word: str, typed: re.Match[str]) -> str:
    """``word`` with a capital first letter where ``typed`` had one ("Chior" -> "Choir")."""
    return word[:1].upper() + word[1:] if typed.group(0)[:1].isupper() else word


def _loose(word: str) -> str:
    """A pattern for a folded word as it may have been typed (with apostrophes)."""
    return "['’‘`]?".join(re.escape(ch) for ch in word)
