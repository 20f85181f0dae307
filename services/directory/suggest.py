"""Suggestions as people type: needs and activities from the taxonomy (labels, synonyms and
tags), and listings from the index (their names and their organisations' names), each found
by the start of any of its words.

Answers are cached per backend state (``SearchBackend.generation``): a write, withdrawal or
deletion moves the state on, so no answer outlives the listings it was made from.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from typing import Any

from linkwell.directory.backends import names
from linkwell.directory.backends.base import SearchBackend, SearchQuery
from linkwell.taxonomy import load_taxonomy

# How a phrase matched, best first: the start of a concept's label, the start of one of its
# synonyms or tags, a later word of its label, a later word of a synonym or tag.
LABEL_START, SYNONYM_START, LABEL_WORD, SYNONYM_WORD = range(4)
CACHED_ANSWERS = 4096
KINDS = frozenset(("need", "activity", "listing"))
# Elasticsearch shows a write at its next refresh (each second): asking for its state at most
# once a second keeps cached answers as fresh as searches are, with no round trip per
# keystroke. Writes through this process forget the state at once (see ``forget``).
STATE_SECONDS = {"elasticsearch": 1.0}


@dataclass(frozen=True)
class Key:
    """One word-start suffix of a taxonomy phrase, and how good a match its start is."""

    text: str
    concept: str
    quality: int


@cache
def taxonomy_keys() -> tuple[list[str], list[Key]]:
    """Every word-start suffix of every label, synonym and tag, sorted for prefix lookups."""
    tax = load_taxonomy()
    found: list[Key] = []
    for concept in tax.concepts.values():
        for phrase, is_label in ((concept.label, True), *((s, False) for s in concept.synonyms),
                                 *((t, False) for t in concept.tags)):
            for i, text in enumerate(names.suffixes(phrase)):
                quality = (LABEL_START if is_label else SYNONYM_START) + (2 if i else 0)
                found.append(Key(text, concept.id, quality))
    found.sort(key=lambda k: (k.text, k.quality))
    return [k.text for k in found], found


def concept_matches(prefix: str) -> dict[str, int]:
    """Concepts with a phrase word starting ``prefix``, each with its best match quality."""
    texts, keys = taxonomy_keys()
    best: dict[str, int] = {}
    for key in keys[bisect.bisect_left(texts, prefix):]:
        if not key.text.startswith(prefix):
            break
        best[key.concept] = min(best.get(key.concept, key.quality), key.quality)
    return best


def concept_suggestion(concept_id: str, count: int) -> dict[str, Any]:
    concept = load_taxonomy().concepts[concept_id]
    # The label only: synonyms are for matching and are never shown back as a label.
    return {"kind": concept.kind, "label": concept.label, "id": concept.id, "count": count,
            "choose": {"type": "filter", "name": "concept", "value": concept.id}}


def listing_suggestion(named: names.Named) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "listing", "label": named.name, "id": named.id, "count": 1,
                           "choose": {"type": "listing", "id": named.id}}
    if named.organization and named.organization != named.name:
        out["organization"] = named.organization
    return out


class Suggester:
    """Answers ``/suggest`` for one backend, with an LRU cache of answers per backend state."""

    def __init__(self, backend: SearchBackend, size: int = CACHED_ANSWERS) -> None:
        self.backend = backend
        self.size = size
        self._answers: OrderedDict[tuple[Any, ...], list[dict[str, Any]]] = OrderedDict()
        self._counts: tuple[str, dict[str, int]] | None = None
        self._state: tuple[float, str] | None = None  # (asked at, generation)
        self._lock = threading.Lock()

    def forget(self) -> None:
        """The index has just changed here: ask the backend for its state next time."""
        self._state = None

    def generation(self) -> str:
        held, now = self._state, time.monotonic()
        if held is not None and now - held[0] < STATE_SECONDS.get(self.backend.name, 0.0):
            return held[1]
        generation = self.backend.generation()
        self._state = (now, generation)
        return generation

    def suggest(self, typed: str, limit: int,
                kinds: frozenset[str] = KINDS) -> list[dict[str, Any]]:
        """Up to ``limit`` suggestions of ``kinds`` for what a person has typed so far."""
        prefix = names.prefix_of(typed)
        if not prefix:
            return []
        generation = self.generation()
        key = (generation, prefix, limit, kinds)
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        answer = self._answer(prefix, limit, kinds, generation)
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return answer

    def _answer(self, prefix: str, limit: int, kinds: frozenset[str],
                generation: str) -> list[dict[str, Any]]:
        counts = self.concept_counts(generation)
        ranked: list[tuple[int, int, str, dict[str, Any]]] = []
        tax = load_taxonomy()
        for concept_id, quality in concept_matches(prefix).items():
            # a suggestion that would find nothing is no help
            if counts.get(concept_id) and tax.concepts[concept_id].kind in kinds:
                item = concept_suggestion(concept_id, counts[concept_id])
                ranked.append((quality, -item["count"], item["label"].casefold(), item))
        listings = self.backend.suggest_names(prefix, limit) if "listing" in kinds else []
        for named in listings:
            quality = LABEL_START if named.starts_with(prefix) else LABEL_WORD
            ranked.append((quality, -1, named.name_sort, listing_suggestion(named)))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]

    def concept_counts(self, generation: str) -> dict[str, int]:
        """How many listings searches show carry each concept (worked out once per state)."""
        held = self._counts
        if held is not None and held[0] == generation:
            return held[1]
        page = self.backend.search(SearchQuery(sort="name", per_page=1, facets=True))
        counts = dict(page.facets.get("concepts", {}))
        self._counts = (generation, counts)
        return counts
