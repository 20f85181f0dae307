"""The embedded default: one SQLite file with FTS5 (bm25), WAL, and the same semantics as
the Elasticsearch backend for filters, facets and ordering (worked out over each process's
in-memory search columns: see columns.py)."""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from linkwell.directory.backends import names
from linkwell.directory.backends import words as vocab
from linkwell.directory.backends.base import (
    FACET_FIELDS,
    HIT_FIELDS,
    BackendStatus,
    Hit,
    IndexItem,
    Member,
    Rederive,
    SearchPage,
    SearchQuery,
    StoredAsset,
)
from linkwell.directory.backends.columns import FACET_SEP, Columns, Selection, select, unit_vector

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
-- Each asset's meaning (linkwell.semantic): 256 signed bytes, and the model that made them.
CREATE TABLE IF NOT EXISTS asset_vectors (asset INTEGER PRIMARY KEY, model TEXT NOT NULL,
    vec BLOB NOT NULL);
-- Every write logs the assets it touched: each process's search columns catch up from here.
CREATE TABLE IF NOT EXISTS asset_log (seq INTEGER PRIMARY KEY AUTOINCREMENT,
    rid INTEGER NOT NULL);
"""
TERM_FIELDS = ("concepts", "delivery", "accessibility", "languages", "audience", "areas", "days",
               "feed", "cost", "term_ids", "sal_ids")
# Columns added since the first schema: older files get them (empty until a rebuild).
ADDED_COLUMNS = {"last_modified": "TEXT", "sals": "TEXT", "dup_key": "TEXT",
                 "duplicate_of": "TEXT", "facet_terms": "TEXT"}
# Each venue as a point on the unit sphere: distance is then arithmetic (see columns.py).
ADDED_PLACE_COLUMNS = {"x": "REAL", "y": "REAL", "z": "REAL"}
AFTER_MIGRATION = """
CREATE INDEX IF NOT EXISTS assets_by_dup_key ON assets (dup_key);
UPDATE assets SET facet_terms = (SELECT group_concat(field || '=' || value, char(31))
    FROM asset_terms WHERE asset = assets.rid AND field IN ({facet_fields}))
    WHERE facet_terms IS NULL;
UPDATE asset_places SET x = cos(radians(lat)) * cos(radians(lon)),
    y = cos(radians(lat)) * sin(radians(lon)), z = sin(radians(lat)) WHERE x IS NULL;
-- Searches filter, sort and count over in-memory columns (see columns.py): the indexes
-- earlier versions searched with only slowed writes down.
DROP INDEX IF EXISTS asset_places_lat;
DROP INDEX IF EXISTS assets_for_search;
DROP INDEX IF EXISTS asset_places_geo;
DROP INDEX IF EXISTS assets_by_modified;
-- What the columns are read from, narrow: the wide rows (the whole record) are read only
-- for the page shown.
CREATE INDEX IF NOT EXISTS assets_hits ON assets (rid, withdrawn, duplicate_of, status,
    min_age, max_age, last_confirmed, last_modified, name_sort, id, facet_terms);
"""
AFTER_MIGRATION = AFTER_MIGRATION.replace(
    "{facet_fields}", ", ".join(f"'{f}'" for f in FACET_FIELDS))
TEXT_WEIGHTS = (3.0, 2.0, 1.0)  # name, tags, body: the same boosts as the Elasticsearch query
LOG_KEPT = 100_000  # log entries kept; a process further behind loads its columns afresh


class SQLiteBackend:
    """Search backend over one SQLite file; one connection per thread."""

    name = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._columns: Columns | None = None  # this process's search columns (see columns.py)
        self._columns_lock = threading.Lock()

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
            self._local.conn = conn
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; one opened inside another joins it (see ``atomic``)."""
        conn = self._conn()
        if getattr(self._local, "in_transaction", False):
            yield conn
            return
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            self._local.in_transaction = True
            try:
                yield conn
                conn.execute("DELETE FROM asset_log WHERE seq <= (SELECT max(seq) FROM asset_log)"
                             " - ?", (LOG_KEPT,))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            finally:
                self._local.in_transaction = False
            conn.execute("COMMIT")

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Writes and the duplicate marks they change, committed together or not at all."""
        with self._transaction():
            yield

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Nothing to pause: each batch is one transaction already."""
        yield

    def setup(self) -> None:
        conn = self._conn()
        conn.executescript(SCHEMA)
        conn.executescript(vocab.SQLITE_SCHEMA)
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
        conn.executescript(names.SQLITE_SCHEMA)
        names.sqlite_backfill(conn)

    def ping(self) -> bool:
        try:
            self._conn().execute("SELECT 1 FROM assets LIMIT 1").fetchall()
        except sqlite3.Error:
            return False
        return True

    def status(self) -> BackendStatus:
        ok = self.ping()
        return BackendStatus(ok, ok, None if ok else "the SQLite database could not be read")

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
        if doc.get("vector"):
            conn.execute("INSERT INTO asset_vectors (asset, model, vec) VALUES (?,?,?)",
                         (rid, doc["vector_model"], np.asarray(doc["vector"], np.int8).tobytes()))
        assert rid is not None  # an INSERT always sets it
        vocab.sqlite_write(conn, rid, doc.get("words") or [], item.withdrawn)
        names.sqlite_write(conn, rid, doc["summary"])
        conn.execute("INSERT INTO asset_log (rid) VALUES (?)", (rid,))
        return None

    @staticmethod
    def _remove_rows(conn: sqlite3.Connection, rid: int) -> None:
        for table in ("asset_terms", "asset_places", "asset_sessions", "asset_vectors",
                      "asset_names"):
            conn.execute(f"DELETE FROM {table} WHERE asset = ?", (rid,))
        conn.execute("DELETE FROM asset_text WHERE rowid = ?", (rid,))
        conn.execute("DELETE FROM asset_words WHERE rowid = ?", (rid,))
        conn.execute("DELETE FROM assets WHERE rid = ?", (rid,))
        conn.execute("INSERT INTO asset_log (rid) VALUES (?)", (rid,))

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
                conn.execute("INSERT INTO asset_log (rid) SELECT rid FROM assets WHERE withdrawn"
                             f" = 0 AND id IN ({marks})", chunk)
                conn.execute("DELETE FROM asset_words WHERE rowid IN (SELECT rid FROM assets"
                             f" WHERE withdrawn = 0 AND id IN ({marks}))", chunk)
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

    def marked_dup_keys(self) -> set[str]:
        rows = self._conn().execute(
            "SELECT DISTINCT dup_key FROM assets WHERE dup_key IS NOT NULL AND (duplicate_of IS"
            " NOT NULL OR json_extract(summary, '$.also_listed') IS NOT NULL)")
        return {r[0] for r in rows}

    def mark_duplicates(self, marks: dict[str, tuple[str | None, list[dict[str, Any]]]]) -> None:
        """Only rows whose marks change are written (and logged for the search columns)."""
        with self._transaction() as conn:
            for asset_id, (repeats, also) in marks.items():
                listed = _dump(also)
                cur = conn.execute(
                    "UPDATE assets SET duplicate_of = ?, summary = CASE WHEN ? = '[]'"
                    " THEN json_remove(summary, '$.also_listed') ELSE json_set(summary,"
                    " '$.also_listed', json(?)) END WHERE id = ? AND (duplicate_of IS NOT ? OR"
                    " coalesce(json_extract(summary, '$.also_listed'), '[]') IS NOT json(?))",
                    (repeats, listed, listed, asset_id, repeats, listed))
                if cur.rowcount:
                    conn.execute("INSERT INTO asset_log (rid) SELECT rid FROM assets WHERE id = ?",
                                 (asset_id,))

    def ids(self, feed: str | None = None) -> set[str]:
        sql: str = "SELECT id FROM assets"
        args: tuple[str, ...] = ()
        if feed is not None:
            sql, args = sql + " WHERE feed = ?", (feed,)
        return {r[0] for r in self._conn().execute(sql, args)}

    def search(self, query: SearchQuery) -> SearchPage:
        """The words are matched by FTS5 (bm25); filters, scores, order and facets are worked
        out over the search columns; only the page's summaries are read from the file."""
        return self.search_many([query])[0]

    def search_many(self, queries: list[SearchQuery]) -> list[SearchPage]:
        """Several searches over one snapshot: the columns are caught up once, and searches
        near the same point with the same radius measure the distances once."""
        conn = self._conn()
        conn.execute("BEGIN")  # one snapshot for the columns, the word matches and the pages
        try:
            cols = self._caught_up(conn)
            for _ in range(5):
                # Another thread may have brought the shared columns past this snapshot:
                # then read a newer snapshot, as new as they are, so every hit's row is there.
                if cols.seq <= _log_seq(conn):
                    break
                conn.execute("COMMIT")
                conn.execute("BEGIN")
                cols = self._caught_up(conn)
            measured: dict[Any, Any] = {}
            pages = [self._search_in(conn, cols, q, measured) for q in queries]
        finally:
            conn.execute("COMMIT")
        return pages

    def _search_in(self, conn: sqlite3.Connection, cols: Columns, query: SearchQuery,
                   measured: dict[Any, Any]) -> SearchPage:
        words = partial(_word_matches, conn, query.tokens) if query.tokens else None
        found = select(cols, query, words, _restrictions(conn, cols, query), measured)
        picked = found.top(query.sort, query.offset + query.per_page)[query.offset:]
        hits = self._hits(conn, query, cols, found, picked)
        facets = cols.counts(found.hits) if query.facets else {}
        return SearchPage(len(found.hits), hits, facets)

    @staticmethod
    def _hits(conn: sqlite3.Connection, query: SearchQuery, cols: Columns, found: Selection,
              picked: Any) -> list[Hit]:
        """The page's hits, with the summaries (and fields) read for them alone."""
        rids = [int(r) for r in cols.rid[found.hits[picked]]]
        if not rids:
            return []
        extra = "".join(f", {_hit_column(f)}" for f in query.fields)
        summary = "summary" if query.with_summary else "'{}'"
        wide = {r[0]: r[1:] for r in conn.execute(
            f"SELECT rid, {summary}, id{extra} FROM assets WHERE {_in('rid', rids)}", rids)}
        similarity = found.similarity(picked, query.vector)
        return [Hit(wide[rid][1], float(score), None if math.isinf(d) else float(d),
                    _loads(wide[rid][0]), _hit_fields(query.fields, wide[rid][2:]), sim)
                for rid, score, d, sim in zip(rids, found.score[picked], found.distance[picked],
                                              similarity, strict=True)]

    def _caught_up(self, conn: sqlite3.Connection) -> Columns:
        """This process's columns as of the caller's transaction (or newer, where another
        thread caught up further): loaded on first use, then brought up to date from the
        change log (or loaded afresh when far behind)."""
        seq = _log_seq(conn)
        cols = self._columns
        if cols is not None and cols.seq >= seq:
            return cols
        with self._columns_lock:
            cols = self._columns
            if cols is not None and cols.seq >= seq:  # another thread caught up meanwhile
                return cols
            floor = conn.execute("SELECT min(seq) FROM asset_log").fetchone()[0]
            changed: list[int] = []
            if cols is not None and floor is not None and floor <= cols.seq + 1:
                changed = [r for (r,) in conn.execute(
                    "SELECT DISTINCT rid FROM asset_log WHERE seq > ? AND seq <= ?",
                    (cols.seq, seq))]
            if cols is None or not changed or cols.behind(len(changed)):
                cols = Columns.load(conn, seq)
            else:
                cols = cols.updated(conn, changed, seq)
            self._columns = cols
        return cols

    def vocabulary_stamp(self) -> int:
        """Changes whenever a listing does (the change log's last entry)."""
        return _log_seq(self._conn())

    def vocabulary(self) -> tuple[int, dict[str, int]]:
        """The stamp, and how many listings use each word, read in one snapshot."""
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            return _log_seq(conn), vocab.sqlite_counts(conn)
        finally:
            conn.execute("COMMIT")

    def suggest_names(self, prefix: str, limit: int) -> list[names.Named]:
        return names.sqlite_find(self._conn(), prefix, limit)

    def generation(self) -> str:
        """Every write, withdrawal and mark logs a change: the last one names this state."""
        return str(_log_seq(self._conn()))

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


def _log_seq(conn: sqlite3.Connection) -> int:
    """The last change this connection's snapshot holds."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM asset_log").fetchone()[0])


def _hit_column(field_name: str) -> str:
    if field_name not in HIT_FIELDS:  # never interpolate anything but a known column
        raise ValueError(f"hits cannot carry {field_name!r}")
    return field_name


def _hit_fields(names: list[str], values: tuple[Any, ...]) -> dict[str, Any]:
    return {n: v if n == "last_modified" else _loads(v or "[]")
            for n, v in zip(names, values, strict=True)}


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
    return StoredAsset(row[0], row[1], row[2], _loads(row[3]), _loads(row[4]), _loads(row[5]),
                       bool(row[6]))


def _loads(text: str) -> Any:
    """A stored JSON column: orjson reads a page's summaries in a third of json's time."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # what only json writes and reads (NaN, say)
        return json.loads(text)


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


def _in(column: str, values: list[Any]) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"


def _word_matches(conn: sqlite3.Connection, tokens: list[str], among: Any = None
                  ) -> tuple[Any, Any]:
    """The rids and bm25 figures (lower is better) of the assets the words match, of those
    ``among`` the given rids when given: bm25 is then worked out for those alone."""
    sql = ("SELECT rowid, bm25(asset_text, ?, ?, ?) FROM asset_text WHERE asset_text MATCH ?")
    args: list[Any] = [*TEXT_WEIGHTS, _fts_query(tokens)]
    if among is not None:
        # "+rowid": checked on each match, not handed to FTS5 as one lookup per rid
        sql += " AND +rowid IN (SELECT value FROM json_each(?))"
        args.append(orjson.dumps(among, option=orjson.OPT_SERIALIZE_NUMPY).decode())
    rows = conn.execute(sql, args).fetchall()
    return (np.fromiter((r[0] for r in rows), np.int64, len(rows)),
            np.fromiter((r[1] for r in rows), np.float64, len(rows)))


def _restrictions(conn: sqlite3.Connection, cols: Columns, q: SearchQuery) -> list[Any]:
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
        for chunk in _chunks(list(values), 500):
            rids += [r for (r,) in conn.execute(sql.format(_in(column, chunk)), chunk)]
        masks.append(cols.of_rids(rids))
    return masks
