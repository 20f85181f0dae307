"""A search over the in-memory columns: which assets match (the filters held in the columns,
the ones only the file holds, and the words), how each scores, the order, and the page's hits."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from typing import Any

import numpy as np

from linkwell import semantic
from linkwell.directory.backends.base import (
    DECAY_OFFSET_KM,
    DECAY_SCALE_KM,
    HIT_FIELDS,
    REMOTE_DELIVERY,
    STALE_FACTOR,
    Hit,
    SearchQuery,
)
from linkwell.directory.backends.sqlite import venues
from linkwell.directory.backends.sqlite.columns import Columns, Floats, Ints, Mask
from linkwell.directory.backends.sqlite.schema import chunks, in_list, loads


def decay(distance_km: Floats) -> Floats:
    """distance_decay over an array (1 where no distance)."""
    out: Floats = np.where(np.isfinite(distance_km), 0.5 ** (
        np.maximum(0.0, distance_km - DECAY_OFFSET_KM) / DECAY_SCALE_KM), 1.0)
    return out


class Selection:
    """A search's matches over a snapshot: positions, scores and distances."""

    def __init__(self, cols: Columns, hits: Ints, score: Floats, distance: Floats) -> None:
        self.cols, self.hits, self.score, self.distance = cols, hits, score, distance

    def similarity(self, picked: Ints, vector: Any) -> list[float | None]:
        """The cosine of each picked hit to ``vector`` (None without one, or no vector)."""
        pos = self.hits[picked]
        if vector is None:
            return [None] * len(pos)
        found = semantic.cosines(vector, self.cols.vec[pos], self.cols.vec_norm[pos])
        return [float(c) if n > 0 else None
                for c, n in zip(found, self.cols.vec_norm[pos], strict=True)]

    def top(self, sort: str, count: int) -> Ints:
        """Indexes into ``hits`` of the first ``count`` in the asked order (ties by name, then
        id, as the Elasticsearch sort breaks them)."""
        cols, hits = self.cols, self.hits
        if sort == "name":
            keys: list[Any] = [cols.rank[hits]]
        elif sort == "modified":
            keys = [cols.modified_rank()[hits]]
        elif sort == "distance":
            keys = [cols.rank[hits], -self.score, self.distance]
        else:
            keys = [cols.rank[hits], self.distance, -self.score]
        pick = np.arange(len(hits))
        if count * 4 < len(hits):  # only those that can be among the first
            primary = keys[-1]
            bound = np.partition(primary, count - 1)[count - 1]
            pick = np.flatnonzero(primary <= bound)
            keys = [k[pick] for k in keys]
        return pick[np.lexsort(keys)[:count]]


Words = Callable[[], tuple[Ints, Floats]]
# Ranked by meaning, the cosines of the rows left are worked out this many rows at a time.
GATHER_ROWS = 2048


def select(cols: Columns, q: SearchQuery, words: Words | None, restrict: list[Mask],
           measured: dict[Any, Any] | None = None) -> Selection:
    """The positions a search matches, with their scores and distances.

    ``words`` gives the positions and bm25 figures of the word matches; ``restrict`` holds masks
    the caller worked out from the file (the filters on ids that are not held here);
    ``measured`` keeps distances already measured over these columns (the searches of one
    batch near one point measure them once).
    """
    match = cols.shown(q.statuses, q.include_duplicates)
    for mask in restrict:
        match &= mask
    _filter(cols, q, match)
    distance = np.full(cols.n, np.inf)
    if q.near is not None:
        # Within a radius only venues in its box count, and remote options wherever they are
        # (their distance is still shown): measuring every venue cost a third of a search.
        remote = cols.has_any("delivery", REMOTE_DELIVERY) if q.include_remote else None
        distance = _distances(cols, q, remote is not None, {} if measured is None else measured)
        if q.within_km is not None:
            near = distance <= q.within_km
            if remote is not None:
                near |= remote
            match &= near
    base = np.ones(cols.n)
    if q.by_meaning:
        _nearest(cols, q, match, base)
    if words is not None:
        pos, bm25 = words()
        said = np.zeros(cols.n, bool)
        said[pos] = True
        match &= said
        base[pos] = -bm25
    hits = np.flatnonzero(match)
    score = base[hits] + _concept_weights(cols, q, hits)
    score *= np.where(cols.stale(q.stale_before)[hits], STALE_FACTOR, 1.0)
    if q.sort == "blended":
        score *= decay(distance[hits])
    return Selection(cols, hits, score, distance[hits])


def _distances(cols: Columns, q: SearchQuery, remote: bool, measured: dict[Any, Any]) -> Floats:
    """Each position's distance from the query's point (read only: batches share it)."""
    assert q.near is not None
    key = (q.near.lat, q.near.lon, q.within_km, remote)
    if key not in measured:
        if remote and q.within_km is not None:
            # The venues in the box (shared with the batch's other searches near this point)
            # and the remote options' own: the nearest of either, as if measured together.
            remote_venues = cols.venues_of("delivery", REMOTE_DELIVERY)
            measured[key] = np.minimum(_distances(cols, q, False, measured), venues.distances_at(
                cols, q.near.lat, q.near.lon, remote_venues))
        else:
            measured[key] = venues.distances(cols, q.near.lat, q.near.lon, q.within_km)
    found: Floats = measured[key]
    return found


def _nearest(cols: Columns, q: SearchQuery, match: Mask, base: Floats) -> None:
    """Matches that have a vector, scored (1 + cosine) / 2 as Elasticsearch scores cosine."""
    match &= cols.vec_norm > 0
    left = np.flatnonzero(match)
    # Each row's cosine is its own (exact integer dot products), so the rows left are taken a
    # slice at a time: never a copy of most of the matrix (at 500,000 assets 128 MB for every
    # such search), and never a pass over the rows the filters left out (over the whole
    # matrix it was 4.4 ms CPU at 50,000 assets, 1.6 ms for a quarter of them in slices).
    found = np.empty(len(left), np.float32)
    for start in range(0, len(left), GATHER_ROWS):
        part = left[start:start + GATHER_ROWS]
        found[start:start + len(part)] = semantic.cosines(q.vector, cols.vec[part],
                                                          cols.vec_norm[part])
    base[left] = (1.0 + found) / 2.0


def _filter(cols: Columns, q: SearchQuery, match: Mask) -> None:
    for field_name, values in (("concepts", q.concepts), ("cost", q.cost),
                               ("languages", q.languages), ("delivery", q.delivery),
                               ("audience", q.audience), ("areas", q.areas), ("feed", q.feeds)):
        if values:
            match &= cols.has_any(field_name, values)
    for feature in q.accessibility:
        match &= cols.has_any("accessibility", [feature])
    if q.modified_after is not None:
        match &= cols.modified_since(q.modified_after)
    if q.minimum_age_at_least is not None and q.minimum_age_at_least > 0:
        match &= cols.min_age >= q.minimum_age_at_least
    if q.maximum_age_at_most is not None:
        match &= cols.max_age <= q.maximum_age_at_most
    if q.age is not None:
        match &= ~(cols.min_age > q.age) & ~(cols.max_age < q.age)  # NaN: no bound
    if q.windows:
        match &= cols.meeting(q.windows, q.sessions_within)


def _concept_weights(cols: Columns, q: SearchQuery, hits: Ints) -> Floats:
    """The sum of the listed concepts' weights each hit has."""
    if not q.concept_weights or not len(hits):
        return np.zeros(len(hits))
    added = np.zeros(cols.n)
    for concept, weight in q.concept_weights.items():
        added[cols.postings(f"concepts={concept}")] += weight
    return added[hits]


def restrictions(conn: sqlite3.Connection, cols: Columns, q: SearchQuery) -> list[Any]:
    """Masks for the filters on values held in the file only (ids, Open Referral UK's term
    and service-at-location ids): each "any of these"; all must hold."""
    lookups = [("SELECT rid FROM assets WHERE {}", "id", q.ids)] if q.ids else []
    lookups += [("SELECT asset FROM asset_terms WHERE field = 'sal_ids' AND {}", "value",
                 q.sal_ids)] if q.sal_ids else []
    lookups += [("SELECT asset FROM asset_terms WHERE field = 'term_ids' AND {}", "value", g)
                for g in q.term_ids if g]
    masks = []
    for sql, column, values in lookups:
        rids: list[int] = []
        for chunk in chunks(list(values), 500):
            rids += [r for (r,) in conn.execute(sql.format(in_list(column, chunk)), chunk)]
        masks.append(cols.of_rids(rids))
    return masks


def page_hits(conn: sqlite3.Connection, query: SearchQuery, cols: Columns, found: Selection,
              picked: Any) -> list[Hit]:
    """The page's hits, with the summaries (and fields) read for them alone."""
    rids = [int(r) for r in cols.rid[found.hits[picked]]]
    if not rids:
        return []
    extra = "".join(f", {hit_column(f)}" for f in query.fields)
    summary = "summary" if query.with_summary else "'{}'"
    wide = {r[0]: r[1:] for r in conn.execute(
        f"SELECT rid, {summary}, id{extra} FROM assets WHERE {in_list('rid', rids)}", rids)}
    similarity = found.similarity(picked, query.vector)
    return [Hit(wide[rid][1], float(score), None if math.isinf(d) else float(d),
                loads(wide[rid][0]), hit_fields(query.fields, wide[rid][2:]), sim)
            for rid, score, d, sim in zip(rids, found.score[picked], found.distance[picked],
                                          similarity, strict=True)]


def hit_column(field_name: str) -> str:
    if field_name not in HIT_FIELDS:  # never interpolate anything but a known column
        raise ValueError(f"hits cannot carry {field_name!r}")
    return field_name


def hit_fields(names: list[str], values: tuple[Any, ...]) -> dict[str, Any]:
    return {n: v if n == "last_modified" else loads(v or "[]")
            for n, v in zip(names, values, strict=True)}
