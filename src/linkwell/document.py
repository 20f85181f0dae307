"""The search document: what both backends index for one asset, derived from its HSDS record.

Everything a filter, facet or sort needs is computed here, once, so the Elasticsearch and
SQLite backends cannot disagree about what an asset offers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from linkwell import capacity, eligibility, facets, semantic
from linkwell.hsds import valid_point
from linkwell.masking import record_is_masked
from linkwell.openreferral import (
    foreign_term_ids,
    modified_stamp,
    service_at_location_points,
    service_codes,
    term_uuid,
)
from linkwell.schedule import Session, sessions_from_schedules
from linkwell.taxonomy import FACETS_TAXONOMY_NAME, TAXONOMY_NAME, Taxonomy, load_taxonomy
from linkwell.text import (
    concept_token,
    concepts_in_text,
    fold,
    phrase_index,
    terms,
    text_words,
    words,
)

SUMMARY_ONLY = ("limits", "detected")  # traits a result shows but no search filters on
DOCUMENT_VERSION = 3  # bump when the derivation changes: a rebuild re-derives every asset


@dataclass(frozen=True)
class Provenance:
    """Where an asset came from."""

    feed: str
    source_id: str
    fetched_at: str | None = None
    area: str | None = None


def record_hash(record: dict[str, Any]) -> str:
    """A stable fingerprint of a record's content, to skip unchanged records on re-import."""
    try:  # orjson: a fifth of json's time, and this runs for every record of every import
        canonical = orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # what orjson cannot encode (an integer beyond 64 bits, say)
        canonical = json.dumps(record, sort_keys=True, separators=(",", ":"),
                               ensure_ascii=False).encode()
    return hashlib.sha256(canonical).hexdigest()[:32]


def build_document(asset_id: str, record: dict[str, Any], provenance: Provenance,
                   today: date, taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    """The search document for one HSDS service record."""
    tax = taxonomy or load_taxonomy()
    tagged, facet_codes = tagged_concepts(record, tax)
    places = physical_places(record)
    sessions = sessions_from_schedules(all_schedules(record), today)
    description = " ".join(
        str(x) for x in (record.get("description"), _org(record).get("name"),
                         record.get("eligibility_description"), record.get("application_process"))
        if x)
    detected = concepts_in_text(f"{record.get('name', '')}. {description}", tax)
    concepts = _with_ancestors(tagged, tax)
    limits = eligibility.limits(record)
    min_age, max_age = eligibility.age_bounds(limits)
    audience = set(facets.audience(record, facet_codes)) | eligibility.audiences(limits)
    traits: dict[str, Any] = {"cost": facets.cost_band(record, facet_codes),
                              "languages": facets.languages(record),
                              "accessibility": facets.accessibility(record, facet_codes),
                              "delivery": facets.delivery(record, facet_codes, places),
                              "audience": sorted(audience), "min_age": min_age,
                              "max_age": max_age,
                              "limits": [limit.as_dict() for limit in limits],
                              "detected": detected}
    sals = service_at_location_points(record, provenance.feed, asset_id)
    document: dict[str, Any] = {
        "id": asset_id,
        "name": str(record.get("name", "")),
        "name_sort": fold(str(record.get("name", ""))),
        "name_terms": " ".join(terms(f"{record.get('name', '')} "
                                     f"{record.get('alternate_name') or ''}")),
        "body_terms": " ".join([*terms(description), *terms(_place_words(places)),
                                *(concept_token(c) for c in _with_ancestors(detected, tax))]),
        "tag_terms": " ".join([*(concept_token(c) for c in concepts),
                               *(t for c in tagged for t in terms(tax.label(c)))]),
        "concepts": concepts,
        "locations": [{"lat": p["lat"], "lon": p["lon"]} for p in places if "lat" in p],
        "postcodes": sorted({p["postcode"] for p in places if p.get("postcode")}),
        "areas": _areas(record, places, provenance),
        "sessions": [{"gte": lo, "lte": hi} for lo, hi in (s.week_range() for s in sessions)],
        "days": sorted({s.day for s in sessions}),
        **{k: v for k, v in traits.items() if k not in SUMMARY_ONLY},
        "status": str(record.get("status", "active")),
        "last_confirmed": last_confirmed(record),
        "dup_key": duplicate_key(record, places, traits["delivery"]),
        "feed": provenance.feed,
        # For the Open Referral UK API: incremental reads, term filters, service_at_locations.
        "last_modified": (modified_stamp(record.get("last_modified"))
                          or modified_stamp(provenance.fetched_at)),
        "sal_ids": [p["id"] for p in sals],
        # The words as written (not stemmed): the spelling vocabulary counts them.
        "words": sorted(text_words(f"{record.get('name', '')} {record.get('alternate_name') or ''}"
                                   f" {description} {_place_words(places)}")),
        "sals": sals,
        "summary": summary(asset_id, record, provenance, places, sessions, concepts, tax,
                           traits),
        "vector": meaning(record, description, tagged, tax),
        "vector_model": semantic.MODEL,
    }
    document["term_ids"] = _term_ids(record, document, facet_codes, tax)
    return document


def meaning(record: dict[str, Any], description: str, tagged: list[str],
            tax: Taxonomy) -> list[int]:
    """The asset's vector (quantised): its name, its words and the labels of its terms."""
    labels = ". ".join(tax.label(c) for c in tagged)
    text = semantic.asset_text(str(record.get("name") or ""), description, labels)
    return semantic.quantise(semantic.embed_one(text)).tolist()


def _term_ids(record: dict[str, Any], document: dict[str, Any], facet_codes: set[str],
              tax: Taxonomy) -> list[str]:
    """UUIDs of the Linkwell terms the asset is published with, and of its other terms."""
    codes = service_codes(document["concepts"], cost_band=document["cost"],
                          delivery=document["delivery"], audience=document["audience"],
                          accessibility=document["accessibility"], tagged=facet_codes, tax=tax)
    return sorted({*map(term_uuid, codes), *foreign_term_ids(record, tax)})


def tagged_concepts(record: dict[str, Any], tax: Taxonomy) -> tuple[list[str], set[str]]:
    """Linkwell concepts and facet codes named by a record's taxonomy attributes."""
    concepts: list[str] = []
    facet_codes: set[str] = set()
    for term in map(_with_code, taxonomy_terms(record)):
        code = str(term.get("code") or "")
        if term.get("taxonomy") == FACETS_TAXONOMY_NAME or (":" in code and code.split(":")[0]
                                                            in facets.FACET_FIELDS):
            facet_codes.add(code)
        else:
            concepts.extend(map_term(term, tax))
    return list(dict.fromkeys(concepts)), facet_codes


def _with_code(term: dict[str, Any]) -> dict[str, Any]:
    """ORUK 3.0 has no ``code``: Linkwell's own ORUK API sends its codes as ``term``."""
    if term.get("code") or term.get("taxonomy") not in (TAXONOMY_NAME, FACETS_TAXONOMY_NAME):
        return term
    return {**term, "code": term.get("term")}


def map_term(term: dict[str, Any], tax: Taxonomy) -> list[str]:
    """Linkwell concepts for one source taxonomy term: by code, then by label and synonym."""
    code = str(term.get("code") or "")
    if code in tax.concepts:
        return [code]
    name = str(term.get("name") or "")
    if fold(name) in {fold(c.label): c.id for c in tax.concepts.values()}:
        return [c.id for c in tax.concepts.values() if fold(c.label) == fold(name)][:1]
    found = phrase_index(tax).find(words(name))
    specific = [c for c in found if tax.concepts[c].parent is not None]
    return specific or found


def taxonomy_terms(record: dict[str, Any]) -> list[dict[str, Any]]:
    terms_: list[dict[str, Any]] = []
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if isinstance(term, dict):
            terms_.append(term)
    return terms_


def _with_ancestors(concepts: list[str], tax: Taxonomy) -> list[str]:
    out: list[str] = []
    for concept in concepts:
        out.extend(tax.with_ancestors(concept))
    return list(dict.fromkeys(out))


def _org(record: dict[str, Any]) -> dict[str, Any]:
    org = record.get("organization")
    return org if isinstance(org, dict) else {}


def all_locations(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [sal["location"] for sal in record.get("service_at_locations") or []
            if isinstance(sal, dict) and isinstance(sal.get("location"), dict)]


def all_schedules(record: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(record.get("schedules") or [])
    for sal in record.get("service_at_locations") or []:
        found.extend(sal.get("schedules") or [])
        found.extend((sal.get("location") or {}).get("schedules") or [])
    return [s for s in found if isinstance(s, dict)]


def physical_places(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Venues people can go to: name, address, postcode and coordinates where known."""
    places = []
    for loc in all_locations(record):
        if loc.get("location_type") in ("virtual", "postal"):
            continue
        address: dict[str, Any] = next(iter(loc.get("addresses") or []), {}) or {}
        place: dict[str, Any] = {"name": loc.get("name") or "", "address": _address_line(address),
                                 "postcode": _postcode(address.get("postal_code")),
                                 "region": address.get("region") or ""}
        if valid_point(loc.get("latitude"), loc.get("longitude")):
            place.update(lat=float(loc["latitude"]), lon=float(loc["longitude"]))
        places.append(place)
    return places


def _address_line(address: dict[str, Any]) -> str:
    parts = [address.get(k) for k in ("address_1", "address_2", "city", "postal_code")]
    return ", ".join(str(p) for p in parts if p)


def _postcode(value: Any) -> str:
    return " ".join(str(value).upper().split()) if value else ""


def _place_words(places: list[dict[str, Any]]) -> str:
    return " ".join(f"{p['name']} {p['address']} {p['region']}" for p in places)


def duplicate_key(record: dict[str, Any], places: list[dict[str, Any]],
                  delivery: list[str]) -> str:
    """What makes two listings the same group: the same name, at the same place.

    The name is compared as analysed words (case, accents, punctuation and stop words do
    not count); the place is the first venue's postcode, or how it is delivered when there
    is no venue, with the organisation that runs it: two boroughs listing one group usually
    copy its name and venue, but "Tech Buddies by Phone" can be two charities' services with
    one name, and with no venue only the organisation tells them apart.
    """
    name = " ".join(terms(str(record.get("name") or "")))
    postcodes = sorted(p["postcode"].replace(" ", "") for p in places if p.get("postcode"))
    if postcodes:
        return f"{name}|{postcodes[0]}"
    runner = " ".join(terms(str(_org(record).get("name") or "")))
    return f"{name}|remote:{','.join(sorted(delivery))}|{runner}"


def _areas(record: dict[str, Any], places: list[dict[str, Any]], prov: Provenance) -> list[str]:
    names = [str(a.get("name")) for a in record.get("service_areas") or [] if isinstance(a, dict)
             and a.get("name")]
    names += [p["region"] for p in places if p["region"]]
    if prov.area:
        names.append(prov.area)
    return sorted({" ".join(n.split()).title() for n in names})


def last_confirmed(record: dict[str, Any]) -> str | None:
    """When a person last confirmed the listing: the assured date, else the last change."""
    for key in ("assured_date", "last_modified"):
        value = record.get(key)
        if value:
            return str(value)[:10]
    return None


def summary(asset_id: str, record: dict[str, Any], prov: Provenance, places: list[dict[str, Any]],
            sessions: list[Session], concepts: list[str], tax: Taxonomy,
            traits: dict[str, Any]) -> dict[str, Any]:
    """What a result shows a person: plain fields, ready to render.

    ``traits`` are the facets worked out for the search document (cost band, languages,
    accessibility, delivery, audience), shown as they are searched.
    """
    out: dict[str, Any] = {
        "id": asset_id,
        "name": record.get("name"),
        "organization": _org(record).get("name"),
        "description": record.get("description"),
        "status": record.get("status", "active"),
        "url": record.get("url"),
        "email": record.get("email"),
        "phone": next((p.get("number") for p in record.get("phones") or [] if p.get("number")),
                      None),
        "how_to_join": record.get("application_process"),
        "eligibility": record.get("eligibility_description"),
        "cost": {"band": traits["cost"], "text": facets.cost_text(record)},
        "audience": traits["audience"],
        "accessibility": traits["accessibility"],
        "access_notes": facets.access_notes(record),
        "languages": traits["languages"],
        "delivery": traits["delivery"],
        "min_age": traits["min_age"],
        "max_age": traits["max_age"],
        "limits": traits["limits"],
        # The concepts its own words name, so that no reader has to find them again.
        "detected": traits["detected"],
        "area": prov.area,  # the feed's own area: who "residents only" means near its venues
        "schedule": [s.as_dict() for s in sessions],
        "schedule_notes": [s.get("description") for s in all_schedules(record)
                           if s.get("description")],
        "places": places,
        # Its venue keeps its address private: people reach it through a referral.
        "masked": record_is_masked(record) or None,
        "concepts": [{"id": c, "label": tax.label(c)} for c in concepts],
        "last_confirmed": last_confirmed(record),
        # Space now, as the group last said (its state today is worked out when read).
        "capacity": capacity.from_record(record),
        "feed": prov.feed,
        "source_id": prov.source_id,
        "fetched_at": prov.fetched_at,
    }
    return {k: v for k, v in out.items() if v not in (None, "", [])}
