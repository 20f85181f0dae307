"""The embedded default: one SQLite file with FTS5 (bm25), WAL, and the same semantics as
the Elasticsearch backend for filters, facets and ordering."""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from linkwell.directory.backends.base import (
    EARTH_RADIUS_KM,
    FACET_FIELDS,
    HIT_FIELDS,
    REMOTE_DELIVERY,
    STALE_FACTOR,
    Hit,
    IndexItem,
    Member,
    Rederive,
    SearchPage,
    SearchQuery,
    StoredAsset,
    distance_decay,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS assets (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    hash TEXT NOT NULL,
    feed TEXT,
    status TEXT,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    name_sort TEXT,
    cost TEXT,
    min_age INTEGER,
    max_age INTEGER,
    last_confirmed TEXT,
    last_modified TEXT,
    sals TEXT,
    summary TEXT NOT NULL,
    record TEXT NOT NULL,
    provenance TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS asset_text USING fts5(
    name_terms, tag_terms, body_terms, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
CREATE TABLE IF NOT EXISTS asset_terms (
    field TEXT NOT NULL, value TEXT NOT NULL, asset INTEGER NOT NULL,
    PRIMARY KEY (field, value, asset)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS asset_terms_by_asset ON asset_terms (asset);
CREATE TABLE IF NOT EXISTS asset_places (asset INTEGER NOT NULL, lat REAL, lon REAL, x REAL,
    y REAL, z REAL);
CREATE INDEX IF NOT EXISTS asset_places_by_asset ON asset_places (asset);
CREATE TABLE IF NOT EXISTS asset_sessions (asset INTEGER NOT NULL, lo INTEGER, hi INTEGER);
CREATE INDEX IF NOT EXISTS asset_sessions_by_asset ON asset_sessions (asset);
"""
TERM_FIELDS = ("concepts", "delivery", "accessibility", "languages", "audience", "areas", "days",
               "feed", "cost", "term_ids", "sal_ids")
# Columns added since the first schema: older files get them (empty until a rebuild).
ADDED_COLUMNS = {"last_modified": "TEXT", "sals": "TEXT", "dup_key": "TEXT",
                 "duplicate_of": "TEXT", "facet_terms": "TEXT"}
# Each venue as a point on the unit sphere: distance is then arithmetic (see _distance_cte).
ADDED_PLACE_COLUMNS = {"x": "REAL", "y": "REAL", "z": "REAL"}
FACET_SEP = "\x1f"  # between "field=value" pairs in assets.facet_terms
AFTER_MIGRATION = """
CREATE INDEX IF NOT EXISTS assets_by_modified ON assets (last_modified, id);
CREATE INDEX IF NOT EXISTS assets_by_dup_key ON assets (dup_key);
UPDATE assets SET facet_terms = (SELECT group_concat(field || '=' || value, char(31))
    FROM asset_terms WHERE asset = assets.rid AND field IN ({facet_fields}))
    WHERE facet_terms IS NULL;
UPDATE asset_places SET x = cos(radians(lat)) * cos(radians(lon)),
    y = cos(radians(lat)) * sin(radians(lon)), z = sin(radians(lat)) WHERE x IS NULL;
DROP INDEX IF EXISTS asset_places_lat;
-- What searches filter and sort on, narrow: the wide rows (the whole record) are then read
-- only for the page shown.
DROP INDEX IF EXISTS assets_for_search;
CREATE INDEX IF NOT EXISTS assets_hits ON assets (rid, withdrawn, duplicate_of, status,
    min_age, max_age, last_confirmed, last_modified, name_sort, id, facet_terms);
CREATE INDEX IF NOT EXISTS asset_places_geo ON asset_places (lat, lon, x, y, z, asset);
"""
AFTER_MIGRATION = AFTER_MIGRATION.replace(
    "{facet_fields}", ", ".join(f"'{f}'" for f in FACET_FIELDS))
TEXT_WEIGHTS = (3.0, 2.0, 1.0)  # name, tags, body: the same boosts as the Elasticsearch query
KM_PER_DEGREE = 111.32
MAX_PROBED_VALUES = 3  # a term filter with more values is answered from the term index


class SQLiteBackend:
    """Search backend over one SQLite file; one connection per thread."""

    name = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False,
                                   isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA temp_store=MEMORY")
            conn.execute("PRAGMA busy_timeout=30000")
            if not _has_math(conn):  # SQLite built without its math functions: in Python
                for name, arity, function in _MATH_FALLBACKS:
                    conn.create_function(name, arity, function, deterministic=True)
            conn.create_function("decay", 1, distance_decay, deterministic=True)
            self._local.conn = conn
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Nothing to pause: each batch is one transaction already."""
        yield

    def setup(self) -> None:
        conn = self._conn()
        conn.executescript(SCHEMA)
        present = {row[1] for row in conn.execute("PRAGMA table_info(assets)")}
        places = {row[1] for row in conn.execute("PRAGMA table_info(asset_places)")}
        for table, added, found in (("assets", ADDED_COLUMNS, present),
                                    ("asset_places", ADDED_PLACE_COLUMNS, places)):
            for column, kind in added.items():
                if column not in found:
                    try:
                        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
                    except sqlite3.OperationalError as exc:  # another process added it first
                        if "duplicate column" not in str(exc):
                            raise
        conn.executescript(AFTER_MIGRATION)

    def ping(self) -> bool:
        try:
            self._conn().execute("SELECT 1 FROM assets LIMIT 1").fetchall()
        except sqlite3.Error:
            return False
        return True

    def fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[str, int, bool]]:
        out: dict[str, tuple[str, int, bool]] = {}
        id_list = list(ids)
        for chunk in _chunks(id_list, 500):
            marks = ",".join("?" * len(chunk))
            rows = self._conn().execute(
                f"SELECT id, hash, version, withdrawn FROM assets WHERE id IN ({marks})", chunk)
            out.update({r[0]: (r[1], r[2], bool(r[3])) for r in rows})
        return out

    def packer(self) -> None:
        return None  # rows are written from the items as they are

    def write(self, items: list[IndexItem], refresh: bool = True) -> dict[str, str]:
        refused: dict[str, str] = {}
        with self._transaction() as conn:
            for item in items:
                reason = self._write_one(conn, item)
                if reason:
                    refused[item.id] = reason
        return refused

    def _write_one(self, conn: sqlite3.Connection, item: IndexItem) -> str | None:
        row = conn.execute("SELECT rid, version FROM assets WHERE id = ?", (item.id,)).fetchone()
        if row and row[1] > item.version:
            return f"a newer version ({row[1]}) is stored than this one ({item.version})"
        if row:
            self._remove_rows(conn, row[0])
        doc = item.document
        cur = conn.execute(
            "INSERT INTO assets (rid, id, version, hash, feed, status, withdrawn, name_sort, cost,"
            " min_age, max_age, last_confirmed, last_modified, sals, summary, record, provenance,"
            " dup_key, facet_terms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (row[0] if row else None, item.id, item.version, item.hash, doc["feed"],
             doc["status"], int(item.withdrawn), doc["name_sort"], doc["cost"], doc["min_age"],
             doc["max_age"], doc["last_confirmed"], doc.get("last_modified"),
             _dump(doc.get("sals") or []), _dump(doc["summary"]), _dump(item.record),
             _dump(item.provenance), doc.get("dup_key"),
             FACET_SEP.join(f"{f}={v}" for f, v in _term_values(doc) if f in FACET_FIELDS)))
        rid = cur.lastrowid
        conn.execute("INSERT INTO asset_text (rowid, name_terms, tag_terms, body_terms)"
                     " VALUES (?,?,?,?)", (rid, doc["name_terms"], doc["tag_terms"],
                                           doc["body_terms"]))
        conn.executemany("INSERT OR IGNORE INTO asset_terms (field, value, asset) VALUES (?,?,?)",
                         [(f, str(v), rid) for f, v in _term_values(doc)])
        conn.executemany("INSERT INTO asset_places (asset, lat, lon, x, y, z) VALUES (?,?,?,?,?,?)",
                         [(rid, p["lat"], p["lon"], *unit_vector(p["lat"], p["lon"]))
                          for p in doc["locations"]])
        conn.executemany("INSERT INTO asset_sessions (asset, lo, hi) VALUES (?,?,?)",
                         [(rid, s["gte"], s["lte"]) for s in doc["sessions"]])
        return None

    @staticmethod
    def _remove_rows(conn: sqlite3.Connection, rid: int) -> None:
        for table in ("asset_terms", "asset_places", "asset_sessions"):
            conn.execute(f"DELETE FROM {table} WHERE asset = ?", (rid,))
        conn.execute("DELETE FROM asset_text WHERE rowid = ?", (rid,))
        conn.execute("DELETE FROM assets WHERE rid = ?", (rid,))

    def delete(self, ids: list[str], refresh: bool = True) -> int:
        deleted = 0
        with self._transaction() as conn:
            for asset_id in ids:
                row = conn.execute("SELECT rid FROM assets WHERE id = ?", (asset_id,)).fetchone()
                if row:
                    self._remove_rows(conn, row[0])
                    deleted += 1
        return deleted

    def withdraw(self, ids: list[str], refresh: bool = True) -> int:
        """Mark assets withdrawn; their rows stay, and every search skips them."""
        withdrawn = 0
        with self._transaction() as conn:
            for chunk in _chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                cur = conn.execute(f"UPDATE assets SET withdrawn = 1 WHERE withdrawn = 0 AND "
                                   f"id IN ({marks})", chunk)
                withdrawn += cur.rowcount
        return withdrawn

    def get(self, asset_id: str) -> StoredAsset | None:
        row = self._conn().execute(
            "SELECT id, version, hash, summary, record, provenance, withdrawn FROM assets"
            " WHERE id = ?", (asset_id,)).fetchone()
        return _stored(row) if row else None

    def dup_keys(self, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            out.update(self._conn().execute(
                f"SELECT id, dup_key FROM assets WHERE id IN ({marks}) AND dup_key IS NOT NULL",
                chunk).fetchall())
        return out

    def shared_dup_keys(self) -> set[str]:
        rows = self._conn().execute("SELECT dup_key FROM assets WHERE dup_key IS NOT NULL"
                                    " GROUP BY dup_key HAVING count(*) > 1")
        return {r[0] for r in rows}

    def duplicate_groups(self, keys: Iterable[str]) -> dict[str, list[Member]]:
        groups: dict[str, list[Member]] = {}
        for chunk in _chunks(sorted(keys), 500):
            marks = ",".join("?" * len(chunk))
            rows = self._conn().execute(
                "SELECT dup_key, id, json_extract(summary, '$.name'), feed, status, withdrawn,"
                f" last_confirmed, duplicate_of FROM assets WHERE dup_key IN ({marks})", chunk)
            for key, *member in rows:
                groups.setdefault(key, []).append(
                    Member(member[0], member[1] or "", member[2] or "", member[3] or "",
                           bool(member[4]), member[5], member[6]))
        return groups

    def mark_duplicates(self, marks: dict[str, tuple[str | None, list[dict[str, Any]]]]) -> None:
        with self._transaction() as conn:
            for asset_id, (repeats, also) in marks.items():
                conn.execute("UPDATE assets SET duplicate_of = ?, summary = CASE WHEN ? = '[]'"
                             " THEN json_remove(summary, '$.also_listed') ELSE json_set(summary,"
                             " '$.also_listed', json(?)) END WHERE id = ?",
                             (repeats, _dump(also), _dump(also), asset_id))

    def ids(self, feed: str | None = None) -> set[str]:
        sql: str = "SELECT id FROM assets"
        args: tuple[str, ...] = ()
        if feed is not None:
            sql, args = sql + " WHERE feed = ?", (feed,)
        return {r[0] for r in self._conn().execute(sql, args)}

    def search(self, query: SearchQuery) -> SearchPage:
        """Every match comes back as a narrow row (read from covering indexes), is ordered in
        Python, and only the page's wide rows (the summaries) are read."""
        conn = self._conn()
        sql, args = _hits_sql(query)
        rows = conn.execute(sql, args).fetchall()
        rows.sort()  # each row starts with its sort key (see _sort_columns)
        page = rows[query.offset:query.offset + query.per_page]
        at = _sort_columns(query.sort, "", "").index("-()")  # where the negated score is
        extra = "".join(f", {_hit_column(f)}" for f in query.fields)
        summary = "summary" if query.with_summary else "'{}'"
        wide = {r[0]: r[1:] for r in conn.execute(
            f"SELECT rid, {summary}{extra} FROM assets WHERE "
            f"{_in('rid', [h[HIT_RID] for h in page])}", [h[HIT_RID] for h in page])} \
            if page else {}
        hits = [Hit(h[HIT_ID], -float(h[at]), h[HIT_DIST], json.loads(wide[h[HIT_RID]][0]),
                    _hit_fields(query.fields, wide[h[HIT_RID]][1:])) for h in page]
        return SearchPage(len(rows), hits, _facets(rows) if query.facets else {})

    def rebuild(self, rederive: Rederive) -> int:
        """Re-derive every document, then write them in one transaction (WAL readers see the
        old snapshot until it commits).

        Deriving takes a while and writers are not held up meanwhile: an asset written or
        deleted by someone else since it was read is left as they left it (its writer derived
        it afresh), so a rebuild never brings back a deleted asset or an older version.
        """
        conn = self._conn()
        rows = conn.execute("SELECT id, version, hash, summary, record, provenance, withdrawn"
                            " FROM assets").fetchall()
        items = [rederive(_stored(r)) for r in rows]
        written = 0
        with self._transaction() as tx:
            now = {r[0]: r[1:] for r in tx.execute("SELECT id, version, hash, withdrawn"
                                                   " FROM assets")}
            for row, item in zip(rows, items, strict=True):
                if now.get(row[0]) == (row[1], row[2], row[6]):
                    self._write_one(tx, item)
                    written += 1
        return written

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


# A narrow hit row (see _hits_sql): five sort-key columns, then these.
HIT_RID, HIT_DIST, HIT_ID, HIT_FACETS = 5, 6, 7, 8


def _sort_columns(sort: str, score: str, dist: str) -> list[str]:
    """Five SQL expressions whose values order the hits as asked, so that Python sorts the
    rows natively (no key function). NULLs come first, as SQLite sorts them; the score is
    negated for "best first" and taken back from there for the answer."""
    name, rid = "COALESCE(a.name_sort, '')", "a.id"
    near = [f"({dist}) IS NULL", f"COALESCE({dist}, 0)"]
    if sort == "modified":  # undated first, as the Elasticsearch sort asks
        return ["a.last_modified IS NOT NULL", "COALESCE(a.last_modified, '')", rid,
                f"-({score})", "0"]
    if sort == "distance":
        return [*near, f"-({score})", name, rid]
    if sort == "name":
        return [name, rid, f"-({score})", "0", "0"]
    return [f"-({score})", *near, name, rid]


def _facets(rows: list[tuple[Any, ...]]) -> dict[str, dict[str, int]]:
    """Counted from one packed column per hit, joined and split once: several times faster
    than a GROUP BY over the term rows of thousands of hits, or than counting row by row."""
    packed = FACET_SEP.join(r[HIT_FACETS] for r in rows if r[HIT_FACETS])
    counts = Counter(packed.split(FACET_SEP)) if packed else Counter()
    out: dict[str, dict[str, int]] = {f: {} for f in FACET_FIELDS}
    for pair, count in counts.items():
        field_name, _, value = pair.partition("=")
        if field_name in out:
            out[field_name][value] = count
    return out


def _hit_column(field_name: str) -> str:
    if field_name not in HIT_FIELDS:  # never interpolate anything but a known column
        raise ValueError(f"hits cannot carry {field_name!r}")
    return field_name


def _hit_fields(names: list[str], values: tuple[Any, ...]) -> dict[str, Any]:
    return {n: v if n == "last_modified" else json.loads(v or "[]")
            for n, v in zip(names, values, strict=True)}


def unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    """A place as a point on the unit sphere."""
    p, q = math.radians(lat), math.radians(lon)
    return math.cos(p) * math.cos(q), math.cos(p) * math.sin(q), math.sin(p)


# The squared straight-line (chord) distance between a venue and the search point on the unit
# sphere: plain arithmetic for every venue in the box; only each asset's nearest is turned into
# the great-circle distance (2R·asin(chord/2), the same distance as haversine_km).
_CHORD2_SQL = "((x - ?) * (x - ?) + (y - ?) * (y - ?) + (z - ?) * (z - ?))"
_ARC_KM_SQL = f"(2 * {EARTH_RADIUS_KM} * asin(min(1.0, sqrt(MIN({_CHORD2_SQL})) / 2)))"
_MATH_FALLBACKS = (("asin", 1, math.asin), ("sqrt", 1, math.sqrt), ("sin", 1, math.sin),
                   ("cos", 1, math.cos), ("radians", 1, math.radians))


def _has_math(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT asin(sqrt(sin(radians(1)) * cos(radians(1))))").fetchone()
    except sqlite3.OperationalError:
        return False
    return True


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _stored(row: tuple[Any, ...]) -> StoredAsset:
    return StoredAsset(row[0], row[1], row[2], json.loads(row[3]), json.loads(row[4]),
                       json.loads(row[5]), bool(row[6]))


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _term_values(doc: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for field_name in TERM_FIELDS:
        value = doc.get(field_name)
        for v in value if isinstance(value, list) else [value]:
            if v is not None:
                yield field_name, v


def _fts_query(tokens: list[str]) -> str:
    return " OR ".join('"' + t.replace('"', "") + '"' for t in tokens)


def _hits_sql(q: SearchQuery) -> tuple[str, list[Any]]:
    """A narrow row for every matching asset: five sort-key columns (see _sort_columns),
    then rid, distance, id and the packed facet terms (see the HIT_* positions).

    The text match and the distances are materialised first: left to itself, SQLite's
    planner would run the FTS5 match once per candidate row.
    """
    ctes: list[str] = []
    joins: list[str] = []
    args: list[Any] = []
    score = "1.0"
    if q.tokens:
        ctes.append("t AS MATERIALIZED (SELECT rowid AS rid, bm25(asset_text, ?, ?, ?) AS bm"
                    " FROM asset_text WHERE asset_text MATCH ?)")
        args.extend([*TEXT_WEIGHTS, _fts_query(q.tokens)])
        joins.append("JOIN t ON t.rid = a.rid")
        score = "(-t.bm)"
    dist = "NULL"
    if q.near:
        cte, kind, cte_args = _distance_cte(q)
        ctes.append(cte)
        args.extend(cte_args)
        joins.append(f"{kind} g ON g.asset = a.rid")
        dist = "g.d"
    where = ["a.withdrawn = 0"]
    if not q.include_duplicates:
        where.append("a.duplicate_of IS NULL")
    filters, filter_args = _filters(q)
    where.extend(filters)
    weight_args: list[Any] = []
    if q.concept_weights:
        # One primary-key lookup per listed concept, for the rows the filters keep only.
        has = ("(CASE WHEN EXISTS (SELECT 1 FROM asset_terms WHERE field = 'concepts' AND "
               "value = ? AND asset = a.rid) THEN ? ELSE 0 END)")
        score = f"({score} + {' + '.join(has for _ in q.concept_weights)})"
        for concept, weight in q.concept_weights.items():
            weight_args.extend([concept, weight])
    stale = f"(CASE WHEN a.last_confirmed IS NULL OR a.last_confirmed < ? THEN {STALE_FACTOR}" \
            " ELSE 1.0 END)"
    score_expr = f"{score} * {stale}" + (" * decay(g.d)" if q.sort == "blended" else "")
    source = "assets a INDEXED BY assets_hits " + " ".join(joins)  # covering: never wide rows
    if q.tokens and q.near and joins[-1].startswith("JOIN"):
        # Words and a distance limit: match the words' hits to the venues in reach first, and
        # look up only those assets (the planner would look up every word hit).
        source = "t CROSS JOIN g CROSS JOIN assets a INDEXED BY assets_hits"
        where[:0] = ["g.asset = t.rid", "a.rid = t.rid"]
    sql = ((f"WITH {', '.join(ctes)} " if ctes else "")
           + f"SELECT {', '.join(_sort_columns(q.sort, score_expr, dist))}, a.rid, {dist}, "
           + "a.id, " + ("a.facet_terms" if q.facets else "NULL") + f" FROM {source}"
           + " WHERE " + " AND ".join(where))
    return sql, [*args, *weight_args, q.stale_before, *filter_args]


def _distance_cte(q: SearchQuery) -> tuple[str, str, list[Any]]:
    """The nearest venue's distance per asset (within the bounding box when filtering)."""
    assert q.near is not None
    lat, lon = q.near.lat, q.near.lon
    args: list[Any] = [c for c in unit_vector(lat, lon) for _ in (1, 2)]
    bbox = ""
    if q.within_km is not None and not q.include_remote:
        dlat = q.within_km / KM_PER_DEGREE
        dlon = q.within_km / (KM_PER_DEGREE * max(0.01, math.cos(math.radians(lat))))
        bbox = " WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
        args.extend([lat - dlat, lat + dlat, lon - dlon, lon + dlon])
    cte = (f"g AS MATERIALIZED (SELECT asset, {_ARC_KM_SQL} AS d FROM asset_places"
           f"{bbox} GROUP BY asset)")
    return cte, "JOIN" if bbox else "LEFT JOIN", args


def _in(column: str, values: list[Any]) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"


def _has_any(field_name: str, values: list[str]) -> tuple[str, list[Any]]:
    return (f"a.rid IN (SELECT asset FROM asset_terms WHERE field = ? AND "
            f"{_in('value', values)})", [field_name, *values])


def _term_groups(q: SearchQuery) -> list[tuple[str, list[str]]]:
    """(field, values) groups an asset must have one value of each, from the term filters."""
    groups = [(f, list(v)) for f, v in (
        ("concepts", q.concepts), ("cost", q.cost), ("languages", q.languages),
        ("delivery", q.delivery), ("audience", q.audience), ("areas", q.areas),
        ("feed", q.feeds), ("sal_ids", q.sal_ids)) if v]
    groups += [("accessibility", [feature]) for feature in q.accessibility]
    groups += [("term_ids", list(g)) for g in q.term_ids if g]
    return groups


def _filters(q: SearchQuery) -> tuple[list[str], list[Any]]:
    clauses: list[str] = [_in("a.status", q.statuses)]
    args: list[Any] = list(q.statuses)
    groups = _term_groups(q)
    # Words or a distance limit already narrow the search to the assets they match; the other
    # filters then check just those, one index lookup each. Without them, the filters find
    # the assets: the term index answers them all at once (INTERSECT), so only assets that
    # pass every one are read.
    # A lookup costs one probe per value, so a filter with many values (the matcher's dozen
    # concepts) is still answered from the term index.
    driven = bool(q.tokens) or (q.near is not None and q.within_km is not None
                                and not q.include_remote)
    probed = [g for g in groups if driven and len(g[1]) <= MAX_PROBED_VALUES]
    listed = [g for g in groups if g not in probed]
    for field_name, values in probed:
        clauses.append("EXISTS (SELECT 1 FROM asset_terms WHERE field = ? AND "
                       f"{_in('value', values)} AND asset = a.rid)")
        args.extend([field_name, *values])
    if listed:
        parts = [f"SELECT asset FROM asset_terms WHERE field = ? AND {_in('value', values)}"
                 for _, values in listed]
        clauses.append(f"a.rid IN ({' INTERSECT '.join(parts)})")
        for field_name, values in listed:
            args.extend([field_name, *values])
    if q.ids:
        clauses.append(_in("a.id", q.ids))
        args.extend(q.ids)
    oruk, oruk_args = _oruk_filters(q)
    clauses.extend(oruk)
    args.extend(oruk_args)
    if q.age is not None:
        clauses.append("(a.min_age IS NULL OR a.min_age <= ?) AND (a.max_age IS NULL OR "
                       "a.max_age >= ?)")
        args.extend([q.age, q.age])
    if q.windows:
        # lo/hi of a session against hi/lo of a window overlap; lo/hi against lo/hi: inside
        test = "(lo >= ? AND hi <= ?)" if q.sessions_within else "(lo <= ? AND hi >= ?)"
        tests = " OR ".join(test for _ in q.windows)
        # A word search's matches are checked one by one; for a distance limit's thousands
        # of venues, the list of assets meeting then is cheaper.
        per_asset = f"EXISTS (SELECT 1 FROM asset_sessions WHERE asset = a.rid AND ({tests}))"
        meeting = f"a.rid IN (SELECT asset FROM asset_sessions WHERE {tests})"
        clauses.append(per_asset if q.tokens else meeting)
        for lo, hi in q.windows:
            args.extend([lo, hi] if q.sessions_within else [hi, lo])
    if q.near and q.within_km is not None:
        near = "g.d <= ?"
        args.append(q.within_km)
        if q.include_remote:
            remote, remote_args = _has_any("delivery", list(REMOTE_DELIVERY))
            near = f"({near} OR {remote})"
            args.extend(remote_args)
        clauses.append(near)
    return clauses, args


def _oruk_filters(q: SearchQuery) -> tuple[list[str], list[Any]]:
    """Open Referral UK's filters: a change since a moment, and stated age bounds."""
    minimum = q.minimum_age_at_least if (q.minimum_age_at_least or 0) > 0 else None
    found = [(c, v) for c, v in (("a.last_modified >= ?", q.modified_after),
                                 ("a.min_age >= ?", minimum),
                                 ("a.max_age <= ?", q.maximum_age_at_most)) if v is not None]
    return [c for c, _ in found], [v for _, v in found]
