"""What Linkwell publishes over Open Referral UK 3.0: its assets and its taxonomies.

An asset is its stored HSDS record, whole, reduced to what the ORUK profile allows (see
:mod:`linkwell.directory.oruk.profile`), with Linkwell's own taxonomy terms and facet codes
as its ``attributes``: the terms the directory filters by, with the UUIDs
:func:`linkwell.taxonomy.term_id` gives them. Terms from other vocabularies that a feed sent
(a borough's own tags) are kept beside them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from linkwell.directory.backends.base import StoredAsset
from linkwell.directory.oruk.profile import JsonDict, Scope, conform
from linkwell.directory.oruk.shapes import (
    ServiceAtLocationFullSchema,
    ServiceAtLocationListSchema,
    ServiceBaseSchema,
    ServiceSchema,
)
from linkwell.openreferral import (
    entity_id,
    facet_prefix,
    is_linkwell_term,
    modified_stamp,
    service_at_locations,
    service_codes,
    tagged_facet_codes,
    taxonomy_id,
)
from linkwell.taxonomy import (
    FACETS_TAXONOMY_NAME,
    TAXONOMY_NAME,
    TERM_NAMESPACE,
    Concept,
    load_taxonomy,
    term_id,
)

SERVICE = ServiceSchema()
SERVICE_BASE = ServiceBaseSchema()
SAL_FULL = ServiceAtLocationFullSchema()
SAL_LIST = ServiceAtLocationListSchema()
TAXONOMY_DESCRIPTIONS = {
    TAXONOMY_NAME: "Linkwell's needs (what matters to a person) and activity types (what a "
                   "community group, activity or service offers), for social prescribing.",
    FACETS_TAXONOMY_NAME: "Linkwell's facets: how people take part, what it costs, who it is "
                          "for, accessibility, how to join and more.",
}
# Labels for the facets themselves (the taxonomy file labels only their values).
FACET_LABELS = {
    "delivery_mode": "How people take part", "cost": "Cost", "access_route": "How to join",
    "availability_status": "Whether it is running", "format": "Group size",
    "intensity": "How energetic", "audience": "Who it is for", "accessibility": "Accessibility",
}


def scope_of(stored: StoredAsset) -> Scope:
    return Scope(str(stored.provenance.get("feed") or ""), stored.id)


def service(stored: StoredAsset, *, full: bool) -> JsonDict:
    """An asset as an ORUK service: whole (``full``), or as lists show it."""
    record = stored.record
    tax = load_taxonomy()
    if full:  # Linkwell's own terms are republished canonically, below
        record = {**record, "attributes": [
            a for a in record.get("attributes") or [] if not _is_linkwell_attribute(a, tax)]}
    out = conform(record, SERVICE if full else SERVICE_BASE, scope_of(stored), "",
                  own_id=stored.id)
    if out is None:  # cannot happen for a stored record (name and status are required)
        raise ValueError(f"asset {stored.id} cannot be published")
    if "last_modified" not in out:  # undated at source: when Linkwell's copy last changed,
        fetched = modified_stamp(stored.provenance.get("fetched_at"))  # as modified_after reads
        if fetched:
            out["last_modified"] = fetched
    if full:
        attributes = linkwell_attributes(stored) + out.pop("attributes", [])
        if attributes:
            out["attributes"] = attributes
    return out


def _is_linkwell_attribute(attribute: Any, tax: Any) -> bool:
    term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
    return isinstance(term, dict) and is_linkwell_term(term, tax)


def service_at_location(stored: StoredAsset, sal_id: str, *, full: bool) -> JsonDict | None:
    """One of an asset's service_at_locations, with its place and service; None if not there."""
    scope = scope_of(stored)
    found = [(i, e) for i, ident, e in service_at_locations(stored.record, scope.feed, stored.id)
             if ident == sal_id]
    if not found:
        return None
    index, entry = found[0]
    entry = {k: v for k, v in entry.items() if k != "service"}  # the service comes whole, below
    sal = conform(entry, SAL_FULL if full else SAL_LIST, scope, f"service_at_locations.{index}",
                  {"service": stored.id, "_holder": stored.id}, own_id=sal_id)
    assert sal is not None  # only an id is required, and it is given
    owner = service(stored, full=full)
    owner.pop("service_at_locations", None)
    out: JsonDict = {"id": sal_id, "service_id": stored.id}
    if "location" in sal:
        out.update(location_id=sal["location"]["id"], location=sal["location"])
    out["service"] = owner
    return out


def linkwell_attributes(stored: StoredAsset) -> list[JsonDict]:
    """The asset's Linkwell concepts and facet codes, as ORUK attributes."""
    tax = load_taxonomy()
    summary = stored.summary
    cost = summary.get("cost")
    codes = service_codes(
        [c["id"] for c in summary.get("concepts") or []],
        cost_band=cost.get("band") if isinstance(cost, dict) else None,
        delivery=summary.get("delivery") or [], audience=summary.get("audience") or [],
        accessibility=summary.get("accessibility") or [],
        tagged=tagged_facet_codes(stored.record, tax), tax=tax)
    terms = terms_by_code()
    scope = scope_of(stored)
    return [{"id": entity_id(None, feed=scope.feed, asset_id=stored.id, kind="attribute",
                             path=f"linkwell.{code}"),
             "link_id": stored.id, "link_type": _link_type(code),
             "taxonomy_term_id": terms[code]["id"], "taxonomy_term": dict(terms[code])}
            for code in codes if code in terms]


def _link_type(code: str) -> str:
    """What the term says about the service: a need, an activity, or one of the facets."""
    concept = load_taxonomy().get(code)
    if concept is not None:
        return concept.kind
    prefix = code.partition(":")[0]
    return next((f for f in load_taxonomy().facets if facet_prefix(f) == prefix), prefix)


@cache
def taxonomies() -> tuple[JsonDict, ...]:
    """Linkwell's two taxonomies, without their terms."""
    version = load_taxonomy().version
    return tuple({"id": taxonomy_id(name), "name": name, "description": description,
                  "uri": f"{TERM_NAMESPACE}{'facets/' if name == FACETS_TAXONOMY_NAME else ''}",
                  "version": version}
                 for name, description in TAXONOMY_DESCRIPTIONS.items())


@cache
def taxonomy_terms() -> tuple[JsonDict, ...]:
    """Every term of both taxonomies: needs and activities first, then the facets."""
    tax = load_taxonomy()
    terms = [_concept_term(c) for c in tax.concepts.values()]
    for facet, values in tax.facets.items():
        prefix = facet_prefix(facet)
        label = FACET_LABELS.get(facet, facet.replace("_", " ").capitalize())
        terms.append(_term(prefix, label, label, FACETS_TAXONOMY_NAME))
        terms += [_term(f"{prefix}:{v.id}", v.label, v.label, FACETS_TAXONOMY_NAME, prefix)
                  for v in values.values()]
    return tuple(terms)


@cache
def terms_by_code() -> dict[str, JsonDict]:
    return {str(t["term"]): t for t in taxonomy_terms()}


def taxonomy_term_ids(taxonomy: str) -> list[str]:
    """The ids of every term of one of Linkwell's taxonomies (by the taxonomy's id)."""
    return [str(t["id"]) for t in taxonomy_terms() if t["taxonomy_id"] == taxonomy]


def _concept_term(concept: Concept) -> JsonDict:
    return _term(concept.id, concept.label, concept.description or concept.label, TAXONOMY_NAME,
                 concept.parent)


def _term(code: str, name: str, description: str, taxonomy: str,
          parent: str | None = None) -> JsonDict:
    out: JsonDict = {"id": term_id(code), "name": name, "description": description}
    if parent:
        out["parent_id"] = term_id(parent)
    out.update(taxonomy=taxonomy, taxonomy_id=taxonomy_id(taxonomy),
               term_uri=TERM_NAMESPACE + code, term=code)
    return out
