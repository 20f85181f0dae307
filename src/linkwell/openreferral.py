"""What Linkwell's Open Referral UK 3.0 output and its search index agree on.

The directory publishes each asset as an ORUK service (``linkwell.directory.oruk``) and
indexes the same asset for search (``linkwell.document``). Both must give nested entities the
same UUIDs and tag the asset with the same Linkwell taxonomy terms, or the
``/service_at_locations/{id}`` lookup and the ``taxonomy_term_id`` filter would miss.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from linkwell import facets
from linkwell.hsds import is_uuid, valid_point
from linkwell.ids import feed_id
from linkwell.taxonomy import FACETS_TAXONOMY_NAME, TAXONOMY_NAME, Taxonomy, term_id

TAXONOMY_NAMESPACE = "https://linkwell.example.org/taxonomies/"
# The cost band a listing was given when no cost tag says more (see linkwell.facets.cost_band).
COST_BAND_CODES = {"free": "cost:free", "low": "cost:low_cost", "paid": "cost:paid"}


def entity_id(original: Any, *, feed: str, asset_id: str, kind: str, path: str) -> str:
    """The UUID a nested entity (a location, a schedule...) has in Linkwell's ORUK output.

    A UUID from the source is kept. Another id is turned into a UUID per feed, so two
    services of one feed that share location ``L1`` still share it; an entity with no id at
    all is named by where it sits in its asset (``service_at_locations.0.location``).
    """
    text = str(original).strip() if original not in (None, "") else ""
    if text and is_uuid(text):
        return str(uuid.UUID(text))
    return feed_id(feed, kind, text) if text else feed_id(asset_id, kind, path)


def taxonomy_id(name: str) -> str:
    """The stable UUID of one of Linkwell's published taxonomies (``linkwell``...)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, TAXONOMY_NAMESPACE + name))


def service_at_locations(record: Mapping[str, Any], feed: str,
                         asset_id: str) -> list[tuple[int, str, dict[str, Any]]]:
    """(position, ORUK id, entry) of each service_at_location entry of a record, in order."""
    found = []
    for index, entry in enumerate(record.get("service_at_locations") or []):
        if isinstance(entry, dict):
            found.append((index, entity_id(entry.get("id"), feed=feed, asset_id=asset_id,
                                           kind="service_at_location",
                                           path=f"service_at_locations.{index}"), entry))
    return found


def service_at_location_points(record: Mapping[str, Any], feed: str,
                               asset_id: str) -> list[dict[str, Any]]:
    """Each service_at_location's id and, where its location is on the map, lat and lon."""
    points = []
    for _, sal_id, entry in service_at_locations(record, feed, asset_id):
        point: dict[str, Any] = {"id": sal_id}
        location = entry.get("location")
        if isinstance(location, dict) and valid_point(location.get("latitude"),
                                                      location.get("longitude")):
            point.update(lat=float(location["latitude"]), lon=float(location["longitude"]))
        points.append(point)
    return points


def facet_prefix(facet: str) -> str:
    """The prefix records use for a taxonomy facet: ``delivery`` for ``delivery_mode``."""
    for prefix, name in facets.FACET_FIELDS.items():
        if name == facet:
            return prefix
    return facet


@cache
def term_uuid(code: str) -> str:
    """:func:`linkwell.taxonomy.term_id`, remembered: every asset asks for the same few."""
    return term_id(code)


@cache  # per Taxonomy object: the shipped one is loaded once per process
def facet_codes(tax: Taxonomy) -> dict[str, tuple[str, str]]:
    """Every Linkwell facet code (``delivery:online``) -> (taxonomy facet, value id)."""
    return {f"{facet_prefix(facet)}:{value}": (facet, value)
            for facet, values in tax.facets.items() for value in values}


def tagged_facet_codes(record: Mapping[str, Any], tax: Taxonomy) -> set[str]:
    """The Linkwell facet codes a record's own taxonomy attributes name."""
    known = facet_codes(tax)
    found = set()
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if isinstance(term, dict):
            code = str(term.get("code") or "")
            if not code and term.get("taxonomy") == FACETS_TAXONOMY_NAME:
                code = str(term.get("term") or "")  # as linkwell.document reads it
            if code in known:
                found.add(code)
    return found


def service_codes(concepts: Iterable[str], *, cost_band: str | None,
                  delivery: Iterable[str] = (), audience: Iterable[str] = (),
                  accessibility: Iterable[str] = (), tagged: Iterable[str] = (),
                  tax: Taxonomy) -> list[str]:
    """The Linkwell concepts and facet codes an asset is published and filtered with.

    ``concepts`` come with their ancestors already (as the search document has them); the
    facets are the values the directory derived, plus any Linkwell facet tag the record
    carries. A cost tag is more precise than the band, so the band only fills in for none.
    """
    known = facet_codes(tax)
    codes = [c for c in concepts if c in tax.concepts]
    derived = [f"delivery:{v}" for v in delivery] + [f"audience:{v}" for v in audience]
    derived += [f"accessibility:{v}" for v in accessibility]
    tagged_codes = sorted(set(tagged))
    if not any(c.startswith("cost:") for c in tagged_codes) and cost_band in COST_BAND_CODES:
        derived.append(COST_BAND_CODES[cost_band])
    codes += sorted({c for c in [*derived, *tagged_codes] if c in known})
    return list(dict.fromkeys(codes))


def is_linkwell_term(term: Mapping[str, Any], tax: Taxonomy) -> bool:
    """Whether a record's taxonomy term is one of Linkwell's own (republished canonically)."""
    if term.get("taxonomy") in (TAXONOMY_NAME, FACETS_TAXONOMY_NAME):
        return True
    code = str(term.get("code") or "")
    return code in tax.concepts or code in facet_codes(tax) or (
        bool(code) and str(term.get("id") or "") == term_id(code))


def foreign_term_ids(record: Mapping[str, Any], tax: Taxonomy) -> list[str]:
    """UUIDs of the record's terms from other vocabularies (a borough's tags), as published."""
    found = []
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if isinstance(term, dict) and not is_linkwell_term(term, tax) and is_uuid(term.get("id")):
            found.append(str(uuid.UUID(str(term["id"]))))
    return found


def modified_stamp(value: Any) -> str | None:
    """An ISO 8601 moment as UTC with milliseconds (``2025-03-01T09:30:00.000Z``), or None.

    One fixed width and precision, so text order is time order in SQLite and Elasticsearch
    (whose dates keep milliseconds) sorts and filters the same moments alike. A bare date is
    midnight UTC; a time without a zone is taken as UTC.
    """
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
