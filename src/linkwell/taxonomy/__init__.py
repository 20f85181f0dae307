"""Linkwell's taxonomy: needs (what matters to a person) and activity types (what an asset offers).

The YAML file beside this module is the single source; everything else (synonym expansion,
facet labels, the taxonomy API) reads it through :class:`Taxonomy`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from linkwell.ids import TERM_NAMESPACE, term_id

TAXONOMY_NAME = "linkwell"
FACETS_TAXONOMY_NAME = "linkwell-facets"

__all__ = ["FACETS_TAXONOMY_NAME", "TAXONOMY_NAME", "TERM_NAMESPACE", "Concept", "FacetValue",
           "Taxonomy", "load_taxonomy", "term_id"]


@dataclass(frozen=True)
class Concept:
    """One need or activity type."""

    id: str
    label: str
    kind: str  # "need" or "activity"
    description: str = ""
    parent: str | None = None
    synonyms: tuple[str, ...] = ()
    safety_route: bool = False
    refs: dict[str, str] = field(default_factory=dict)
    # Short labels feeds tag listings with ("Walking", "Yoga"): matched only as a whole
    # term when mapping a feed's taxonomy, never looked for in descriptions.
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacetValue:
    """One value of a small facet vocabulary such as cost or accessibility."""

    facet: str
    id: str
    label: str
    synonyms: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return f"{self.facet}:{self.id}"


class Taxonomy:
    """Concepts, facet vocabularies and the needs-to-activities hints, read from YAML."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.meta: dict[str, Any] = data.get("meta", {})
        self.concepts: dict[str, Concept] = {}
        for kind, key in (("need", "needs"), ("activity", "activity_types")):
            for entry in data.get(key, []):
                self._add(entry, kind, None)
        self.facets: dict[str, dict[str, FacetValue]] = {
            name: {v["id"]: _facet_value(name, v) for v in values}
            for name, values in data.get("facets", {}).items()
        }
        self.hints: dict[str, tuple[str, ...]] = {
            need: tuple(a for a in acts if a in self.concepts)
            for need, acts in data.get("need_to_activity_hints", {}).items()
        }

    def _add(self, entry: dict[str, Any], kind: str, parent: str | None) -> None:
        concept = Concept(
            id=entry["id"],
            label=entry["label"],
            kind=kind,
            description=" ".join(str(entry.get("description", "")).split()),
            parent=parent,
            synonyms=tuple(entry.get("synonyms", [])),
            safety_route=bool(entry.get("safety_route", False)),
            refs={k: str(v) for k, v in (entry.get("refs") or {}).items()},
            tags=tuple(entry.get("tags", [])),
        )
        self.concepts[concept.id] = concept
        for child in entry.get("children", []):
            self._add(child, kind, concept.id)

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "0"))

    def get(self, concept_id: str) -> Concept | None:
        return self.concepts.get(concept_id)

    def label(self, code: str) -> str:
        """A plain-English label for a concept id or a facet code like ``cost:free``."""
        if code in self.concepts:
            return self.concepts[code].label
        facet, _, value = code.partition(":")
        found = self.facets.get(facet, {}).get(value)
        return found.label if found else code

    def with_ancestors(self, concept_id: str) -> list[str]:
        """The concept followed by its parent chain, nearest first."""
        chain: list[str] = []
        current = self.concepts.get(concept_id)
        while current is not None:
            chain.append(current.id)
            current = self.concepts.get(current.parent) if current.parent else None
        return chain

    def children(self, concept_id: str) -> list[Concept]:
        return [c for c in self.concepts.values() if c.parent == concept_id]

    def of_kind(self, kind: str) -> Iterator[Concept]:
        return (c for c in self.concepts.values() if c.kind == kind)

    def facet_ids(self, facet: str) -> set[str]:
        return set(self.facets.get(facet, {}))


def _facet_value(facet: str, raw: dict[str, Any]) -> FacetValue:
    return FacetValue(facet, raw["id"], raw["label"], tuple(raw.get("synonyms", [])))


@cache
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped with Linkwell (parsed once per process)."""
    text = resources.files(__package__).joinpath("taxonomy.yaml").read_text(encoding="utf-8")
    return Taxonomy(yaml.safe_load(text))
