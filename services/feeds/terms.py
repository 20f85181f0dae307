"""Mapping the taxonomy terms feeds use to Linkwell's concepts and facet codes.

Feeds tag services with their own vocabularies: LGA/esd service types (``esdServiceTypes``
298 "Carers support groups"), OpenActive activity names ("Walking Football") and ad-hoc tags
("chair yoga", "Over 50s"). For each such term a sync asks the plugins first
(``linkwell_map_term``, e.g. a borough's crosswalk); when no plugin answers, Linkwell matches
it itself, in this order:

1. by identifier: a Linkwell concept id or facet code, or an esd service type id listed in a
   concept's ``refs`` (``esd_service_type: "298 Carers support groups"``);
2. by the whole label: a concept's label, synonym or ``tags`` entry, an esd or OpenActive
   label in its ``refs``, or a facet value's label or synonym ("Women only");
3. by synonyms found within the label ("Singing for lung health" -> singing), keeping only
   specific concepts: a broad, top-level match from one word is more often wrong than right.

What maps is written into the record as extra attributes in the ``linkwell`` and
``linkwell-facets`` taxonomies, so the directory, the matcher and the ORUK API all see it;
what maps to nothing is reported per feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pluggy

from linkwell.document import map_term
from linkwell.ids import feed_id
from linkwell.plugins.hookspecs import Feed
from linkwell.taxonomy import (
    FACETS_TAXONOMY_NAME,
    TAXONOMY_NAME,
    Taxonomy,
    load_taxonomy,
    term_id,
)
from linkwell.text import words

LINKWELL_TAXONOMIES = frozenset({TAXONOMY_NAME, FACETS_TAXONOMY_NAME})
ESD_REF = "esd_service_type"
LABEL_REFS = (ESD_REF, "openactive")
_ESD_CODE = re.compile(r"^\s*(?:esd[a-z]*:)?(\d+)\s*$", re.IGNORECASE)
_REF_ENTRY = re.compile(r"^\s*(\d+)?\s*(.*?)\s*$")

TermKey = tuple[str, str, str]  # (taxonomy, code, name), as reports show an unmapped term


@dataclass(frozen=True)
class Vocabulary:
    """Lookups for Linkwell's own matching, built once per taxonomy."""

    codes: frozenset[str]  # concept ids and facet codes
    exact: dict[str, tuple[str, ...]]  # stemmed whole label -> codes
    esd: dict[str, tuple[str, ...]]  # esd service type id -> concept ids


@cache
def vocabulary(taxonomy: Taxonomy) -> Vocabulary:
    exact: dict[str, list[str]] = {}
    esd: dict[str, list[str]] = {}
    for concept in taxonomy.concepts.values():
        labels = [concept.label, *concept.synonyms, *concept.tags]
        for ref in LABEL_REFS:
            for number, label in ref_entries(concept.refs.get(ref, "")):
                labels.append(label)
                if ref == ESD_REF and number:
                    esd.setdefault(number, []).append(concept.id)
        for label in labels:
            _add(exact, label, concept.id)
    codes = set(taxonomy.concepts)
    for values in taxonomy.facets.values():
        for value in values.values():
            codes.add(value.code)
            for label in (value.label, *value.synonyms):
                _add(exact, label, value.code)
    return Vocabulary(frozenset(codes), {k: tuple(v) for k, v in exact.items()},
                      {k: tuple(v) for k, v in esd.items()})


def _add(index: dict[str, list[str]], label: str, code: str) -> None:
    key = " ".join(words(label))
    if key and code not in index.setdefault(key, []):
        index[key].append(code)


def ref_entries(value: str) -> list[tuple[str | None, str]]:
    """``"1806 Social clubs and groups; 296 Day centres"`` -> [("1806", "Social ..."), ...]."""
    out: list[tuple[str | None, str]] = []
    for part in value.split(";"):
        match = _REF_ENTRY.match(part)
        if match and match.group(2):
            out.append((match.group(1), match.group(2)))
    return out


def esd_id(term: dict[str, Any]) -> str | None:
    """The LGA/esd service type id of a term (``298``, ``esdServiceType:298``), if it is one."""
    code = str(term.get("code") or "")
    vocabulary_name = str(term.get("taxonomy") or "").lower()
    match = _ESD_CODE.match(code)
    if not match:
        return None
    if "esd" in vocabulary_name or "lga" in vocabulary_name or "esd" in code.lower():
        return match.group(1)
    return None


def own_match(term: dict[str, Any], taxonomy: Taxonomy | None = None) -> list[str]:
    """Linkwell's own answer for a term: by identifier, whole label, then synonyms within."""
    tax = taxonomy or load_taxonomy()
    vocab = vocabulary(tax)
    code = str(term.get("code") or "").strip()
    if code in vocab.codes:
        return [code]
    esd = esd_id(term)
    if esd and esd in vocab.esd:
        return list(vocab.esd[esd])
    key = " ".join(words(str(term.get("name") or "")))
    if key in vocab.exact:
        return list(vocab.exact[key])
    return [c for c in map_term(term, tax) if tax.concepts[c].parent is not None]


def is_source_term(term: dict[str, Any]) -> bool:
    """A term from a feed's own vocabulary (not one of Linkwell's) that needs mapping."""
    return str(term.get("taxonomy") or "") not in LINKWELL_TAXONOMIES


def term_key(term: dict[str, Any]) -> TermKey:
    return (str(term.get("taxonomy") or ""), str(term.get("code") or ""),
            str(term.get("name") or term.get("term") or ""))


class TermMapper:
    """Maps one feed's terms: the plugins first, then Linkwell's own matching.

    Answers are remembered per term, so a term used by a thousand records is asked once.
    """

    def __init__(self, pm: pluggy.PluginManager, feed: Feed,
                 taxonomy: Taxonomy | None = None) -> None:
        self.pm = pm
        self.feed = feed
        self.taxonomy = taxonomy or load_taxonomy()
        self._known: dict[TermKey, list[str]] = {}

    def codes(self, term: dict[str, Any]) -> list[str]:
        """Linkwell concept ids and facet codes the term means ([] when it means none)."""
        key = term_key(term)
        if key not in self._known:
            self._known[key] = self._map(term)
        return self._known[key]

    def _map(self, term: dict[str, Any]) -> list[str]:
        answers: list[list[str]] = self.pm.hook.linkwell_map_term(feed=self.feed, term=term)
        found = ([c for answer in answers for c in answer] if answers
                 else own_match(term, self.taxonomy))
        known = vocabulary(self.taxonomy).codes
        return [c for c in dict.fromkeys(found) if c in known]

    def map_record(self, record: dict[str, Any]) -> list[TermKey]:
        """Add the record's mapped Linkwell terms as attributes; returns its unmapped terms."""
        attributes = record.get("attributes")
        if not isinstance(attributes, list):
            return []
        terms = [a["taxonomy_term"] for a in attributes if isinstance(a, dict)
                 and isinstance(a.get("taxonomy_term"), dict)]
        present = {str(t.get("code")) for t in terms if not is_source_term(t)}
        unmapped: list[TermKey] = []
        added: list[dict[str, Any]] = []
        for term in filter(is_source_term, terms):
            codes = self.codes(term)
            if not codes:
                unmapped.append(term_key(term))
            for code in codes:
                if code not in present:
                    present.add(code)
                    added.append(self.attribute(record, code))
        if added:
            record["attributes"] = [*attributes, *added]
        return unmapped

    def attribute(self, record: dict[str, Any], code: str) -> dict[str, Any]:
        """An HSDS attribute tagging the record with a Linkwell concept or facet code."""
        record_id = str(record.get("id") or "")
        return {"id": derived_id(self.feed.name, f"{record_id}/{code}"), "link_id": record_id,
                "link_entity": "service", "taxonomy_term_id": term_id(code),
                "taxonomy_term": linkwell_term(code, self.taxonomy)}


def linkwell_term(code: str, taxonomy: Taxonomy) -> dict[str, Any]:
    """The HSDS taxonomy_term for a Linkwell concept id or facet code."""
    concept = taxonomy.concepts.get(code)
    label = taxonomy.label(code)
    return {"id": term_id(code), "code": code, "name": label,
            "description": concept.description if concept and concept.description else label,
            "taxonomy": TAXONOMY_NAME if concept else FACETS_TAXONOMY_NAME}


def derived_id(feed: str, key: str) -> str:
    """A stable attribute id, so a rerun writes the very same record."""
    return feed_id(feed, "attribute", key)


def unmapped_report(keys: Iterable[TermKey]) -> dict[TermKey, int]:
    """How many records use each unmapped term."""
    counts: dict[TermKey, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts
