"""The search body one query becomes (words, filters, the relevance and distance blend, the
sort), and the page read back from the answer."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from linkwell import semantic
from linkwell.directory.backends.base import (
    DECAY_OFFSET_KM,
    DECAY_SCALE_KM,
    FACET_FIELDS,
    MAX_RESULT_WINDOW,
    REMOTE_DELIVERY,
    STALE_FACTOR,
    Hit,
    SearchPage,
    SearchQuery,
)

TEXT_FIELDS = ["name_terms^3", "tag_terms^2", "body_terms"]
# Where the geo distance sits in a hit's sort values, by sort (see _sort).
_DISTANCE_SORT_POSITION = {"distance": 0, "name": 2, "modified": 2}


# The index's state, asked beside a search (see ``generation_of``)
GENERATION = "linkwell_generation"
GENERATION_AGGS = {GENERATION: {"global": {}, "aggs": {"latest": {"max": {"field": "indexed_at"}}}}}


def generation_of(result: Any) -> str:
    """How many listings the index holds, and when the latest was written, from an answer
    to a request with ``GENERATION_AGGS``: any write, withdrawal or deletion, once
    refreshed, changes one or the other. A global aggregation counts the whole index
    whatever the request's query, on the same snapshot as the request's hits."""
    found = result["aggregations"][GENERATION]
    return f"{found['doc_count']}:{found['latest'].get('value_as_string')}"


def page(result: Any, query: SearchQuery) -> SearchPage:
    hits = [_hit(h, query) for h in result["hits"]["hits"]]
    facets = {name: {str(b["key"]): b["doc_count"] for b in agg["buckets"]}
              for name, agg in result.get("aggregations", {}).items() if name != GENERATION}
    return SearchPage(result["hits"]["total"]["value"], hits, facets)


def _hit(hit: dict[str, Any], q: SearchQuery) -> Hit:
    distance = None
    if q.near is not None:
        value = hit["sort"][_DISTANCE_SORT_POSITION.get(q.sort, 1)]
        distance = None if value in ("Infinity", None) or math.isinf(float(value)) else value
    source = hit.get("_source") or {}
    return Hit(hit["_id"], float(hit.get("_score") or 0.0), distance, source.get("summary", {}),
               {f: source.get(f) for f in q.fields}, _similarity(source, q))


def _similarity(source: dict[str, Any], q: SearchQuery) -> float | None:
    """The hit's cosine to the query's vector (worked out here: the node has no scripts)."""
    if q.vector is None or source.get("vector_model") != semantic.MODEL or not source.get(
            "vector"):
        return None
    row = np.asarray([source["vector"]], np.int8)
    return float(semantic.cosines(q.vector, row)[0])


def search_body(q: SearchQuery) -> dict[str, Any]:
    """The Elasticsearch request for a search query (also used by the benchmark)."""
    body: dict[str, Any] = {
        "query": _scored(q),
        "sort": _sort(q),
        "from": q.offset,
        "size": q.per_page,
        "track_total_hits": True,
        "track_scores": True,
        "_source": [*(["summary"] if q.with_summary else []), *q.fields,
                    *(["vector", "vector_model"] if q.vector is not None else [])] or False,
    }
    if q.facets:
        body["aggs"] = {f: {"terms": {"field": f, "size": 500 if f == "concepts" else 100}}
                        for f in FACET_FIELDS}
    return body


def _scored(q: SearchQuery) -> dict[str, Any]:
    must: dict[str, Any] = ({"multi_match": {"query": " ".join(q.tokens), "fields": TEXT_FIELDS,
                                             "type": "most_fields", "operator": "or"}}
                            if q.tokens else _nearest(q) if q.by_meaning else {"match_all": {}})
    stale = {"bool": {"should": [{"range": {"last_confirmed": {"lt": q.stale_before}}},
                                 {"bool": {"must_not": {"exists": {"field": "last_confirmed"}}}}]}}
    functions: list[dict[str, Any]] = [{"filter": stale, "weight": STALE_FACTOR}]
    if q.sort == "blended" and q.near:
        functions.append({"exp": {"locations": {
            "origin": {"lat": q.near.lat, "lon": q.near.lon}, "scale": f"{DECAY_SCALE_KM}km",
            "offset": f"{DECAY_OFFSET_KM}km", "decay": 0.5}, "multi_value_mode": "min"}})
    weighted = [{"constant_score": {"filter": {"term": {"concepts": c}}, "boost": w}}
                for c, w in q.concept_weights.items()]
    return {"function_score": {
        "query": {"bool": {"must": [must], "filter": _filters(q),
                           **({"should": weighted} if weighted else {})}},
        "functions": functions, "score_mode": "multiply", "boost_mode": "multiply"}}


def _nearest(q: SearchQuery) -> dict[str, Any]:
    """Every filtered asset with a vector, nearest in meaning first: an exact k-nearest search
    (the vectors are stored flat) with k as large as a page can reach.

    The score is Elasticsearch's for cosine, (1 + cosine) / 2, as the embedded backend's.
    """
    return {"knn": {"field": "vector", "query_vector": q.vector.tolist(),
                    "k": MAX_RESULT_WINDOW, "num_candidates": MAX_RESULT_WINDOW, "filter": [
                        *_filters(q), {"term": {"vector_model": semantic.MODEL}}]}}


def _filters(q: SearchQuery) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"term": {"withdrawn": False}},
                                 *([] if q.include_duplicates else
                                   [{"bool": {"must_not": {"exists": {"field": "duplicate_of"}}}}]),
                                 {"terms": {"status": q.statuses}}]
    for field_name, values in (("concepts", q.concepts), ("cost", q.cost),
                               ("languages", q.languages), ("delivery", q.delivery),
                               ("audience", q.audience), ("areas", q.areas), ("feed", q.feeds),
                               ("id", q.ids), ("sal_ids", q.sal_ids), *(
                                   ("term_ids", group) for group in q.term_ids)):
        if values:
            out.append({"terms": {field_name: values}})
    out.extend(_oruk_filters(q))
    out.extend({"term": {"accessibility": f}} for f in q.accessibility)
    if q.age is not None:
        out.append(_open_bound("min_age", "lte", q.age))
        out.append(_open_bound("max_age", "gte", q.age))
    if q.windows:
        relation = "within" if q.sessions_within else "intersects"
        out.append({"bool": {"minimum_should_match": 1, "should": [
            {"range": {"sessions": {"gte": lo, "lte": hi, "relation": relation}}}
            for lo, hi in q.windows]}})
    if q.near and q.within_km is not None:
        near: dict[str, Any] = {"geo_distance": {
            "distance": f"{q.within_km}km", "distance_type": "arc",
            "locations": {"lat": q.near.lat, "lon": q.near.lon}}}
        if q.include_remote:
            near = {"bool": {"minimum_should_match": 1, "should": [
                near, {"terms": {"delivery": list(REMOTE_DELIVERY)}}]}}
        out.append(near)
    return out


def _oruk_filters(q: SearchQuery) -> list[dict[str, Any]]:
    """Open Referral UK's filters: a change since a moment, and stated age bounds."""
    out: list[dict[str, Any]] = []
    if q.modified_after is not None:
        out.append({"range": {"last_modified": {"gte": q.modified_after}}})
    if q.minimum_age_at_least is not None and q.minimum_age_at_least > 0:
        out.append({"range": {"min_age": {"gte": q.minimum_age_at_least}}})
    if q.maximum_age_at_most is not None:
        out.append({"range": {"max_age": {"lte": q.maximum_age_at_most}}})
    return out


def _open_bound(field_name: str, op: str, value: int) -> dict[str, Any]:
    return {"bool": {"minimum_should_match": 1, "should": [
        {"range": {field_name: {op: value}}},
        {"bool": {"must_not": {"exists": {"field": field_name}}}}]}}


def _sort(q: SearchQuery) -> list[Any]:
    ties: list[Any] = [{"name_sort": "asc"}, {"id": "asc"}]
    keyed: list[Any] | None = {
        "name": ties,
        # undated first, as SQLite sorts NULLs
        "modified": [{"last_modified": {"order": "asc", "missing": "_first"}}, {"id": "asc"}],
    }.get(q.sort)
    if q.near is None:
        return keyed or ["_score", *ties]
    geo = {"_geo_distance": {"locations": {"lat": q.near.lat, "lon": q.near.lon}, "order": "asc",
                             "unit": "km", "mode": "min", "distance_type": "arc",
                             "ignore_unmapped": True}}
    if keyed:
        return [*keyed, geo]  # after the unique id it orders nothing, but gives the distance
    if q.sort == "distance":
        return [geo, "_score", *ties]
    return ["_score", geo, *ties]
