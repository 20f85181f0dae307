"""The embedded default: one SQLite file with FTS5 (bm25), WAL, and the same semantics as
the Elasticsearch backend for filters, facets and ordering (worked out over each process's
in-memory search columns: see columns.py and query.py). This module keeps the file: its
connections, transactions, writes and the change log the columns follow."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from linkwell.directory.backends import names
from linkwell.directory.backends import words as vocab
from linkwell.directory.backends.base import (
    FACET_FIELDS,
    BackendStatus,
    IndexItem,
    Member,
    Rederive,
    SearchPage,
    SearchQuery,
    StoredAsset,
)
from linkwell.directory.backends.sqlite import connection
from linkwell.directory.backends.sqlite.columns import FACET_SEP, Columns
from linkwell.directory.backends.sqlite.fts import word_matches
from linkwell.directory.backends.sqlite.query import page_hits, restrictions, select
from linkwell.directory.backends.sqlite.schema import (
    ADDED_COLUMNS,
    ADDED_PLACE_COLUMNS,
    AFTER_MIGRATION,
    SCHEMA,
    TERM_FIELDS,
    chunks,
    dump,
    in_list,
    loads,
)
from linkwell.directory.backends.sqlite.shared import ColumnFiles, load_shared
from linkwell.directory.backends.sqlite.venues import unit_vector

log = logging.getLogger(__name__)
LOG_KEPT = 100_000  # log entries kept; a process further behind loads its columns afresh


class SQLiteBackend:
    """Search backend over one SQLite file; one connection per thread."""

    name = "sqlite"

    def __init__(self, path: str | Path, shared_columns: bool = True) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._columns: Columns | None = None  # this process's search columns (see columns.py)
        self._columns_lock = threading.Lock()
        # Columns mapped from files every process on this machine shares (shared.py)
        self._column_files = ColumnFiles(self.path) \
            if shared_columns and self.path != ":memory:" else None

    def _conn(self) -> sqlite3.Connection:
        return connection.this_threads(self._local, self.path)

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
        for chunk in chunks(id_list, 500):
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
             dump(doc.get("sals") or []), dump(doc["summary"]), dump(item.record),
             dump(item.provenance), doc.get("dup_key"),
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
            for chunk in chunks(ids, 500):
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
        return self.get_many([asset_id]).get(asset_id)

    def get_many(self, ids: list[str]) -> dict[str, StoredAsset]:
        out: dict[str, StoredAsset] = {}
        for chunk in chunks(ids, 500):
            rows = self._conn().execute(f"{STORED_SQL} WHERE {in_list('id', chunk)}",
                                        chunk).fetchall()
            out.update((row[0], _stored(row)) for row in rows)
        return out

    def dup_keys(self, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in chunks(list(ids), 500):
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
        for chunk in chunks(sorted(keys), 500):
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
                listed = dump(also)
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
        words = partial(word_matches, conn, cols, query.tokens) if query.tokens else None
        found = select(cols, query, words, restrictions(conn, cols, query), measured)
        picked = found.top(query.sort, query.offset + query.per_page)[query.offset:]
        hits = page_hits(conn, query, cols, found, picked)
        facets = cols.counts(found.hits) if query.facets else {}
        return SearchPage(len(found.hits), hits, facets)

    def _caught_up(self, conn: sqlite3.Connection) -> Columns:
        """This process's columns as of the caller's transaction (or newer, where another
        thread caught up further): loaded on first use (from the files all workers share,
        see shared.py), then brought up to date from the change log (or loaded afresh when
        far behind)."""
        seq = _log_seq(conn)
        cols = self._columns
        if cols is not None and cols.seq >= seq:
            return cols
        with self._columns_lock:
            cols = self._columns
            if cols is not None and cols.seq >= seq:  # another thread caught up meanwhile
                return cols
            caught = None if cols is None else _catch_up(cols, conn, seq)
            self._columns = caught or self._load(conn, seq)
        return self._columns

    def _load(self, conn: sqlite3.Connection, seq: int) -> Columns:
        """The columns as of ``seq``, afresh: mapped from the shared files where they can
        be, else read into this process alone."""
        if self._column_files is not None:
            try:
                return load_shared(self._column_files, conn, seq, _catch_up)
            except (OSError, sqlite3.Error, ValueError) as exc:
                log.warning("search columns kept in this process alone: %s", exc)
        return Columns.load(conn, seq)

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

    def search_at(self, query: SearchQuery) -> tuple[str, SearchPage]:
        generation = self.generation()  # read first: the search sees this state or a newer one
        return generation, self.search(query)

    def rebuild(self, rederive: Rederive) -> int:
        """Re-derive every document, then write them in one transaction (WAL readers see the
        old snapshot until it commits).

        Deriving takes a while and writers are not held up meanwhile: an asset written or
        deleted by someone else since it was read is left as they left it (its writer derived
        it afresh), so a rebuild never brings back a deleted asset or an older version.
        """
        conn = self._conn()
        rows = conn.execute(STORED_SQL).fetchall()
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


def _catch_up(cols: Columns, conn: sqlite3.Connection, seq: int) -> Columns | None:
    """``cols`` brought up to ``seq`` from the change log; None when the log no longer
    reaches back to them, or a full load costs less."""
    floor = conn.execute("SELECT min(seq) FROM asset_log").fetchone()[0]
    if floor is None or floor > cols.seq + 1:
        return None
    changed = [r for (r,) in conn.execute(
        "SELECT DISTINCT rid FROM asset_log WHERE seq > ? AND seq <= ?", (cols.seq, seq))]
    if not changed or cols.behind(len(changed)):
        return None
    return cols.updated(conn, changed, seq)


def _log_seq(conn: sqlite3.Connection) -> int:
    """The last change this connection's snapshot holds."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM asset_log").fetchone()[0])


STORED_SQL = "SELECT id, version, hash, summary, record, provenance, withdrawn FROM assets"


def _stored(row: tuple[Any, ...]) -> StoredAsset:
    """A row of ``STORED_SQL``."""
    return StoredAsset(row[0], row[1], row[2], loads(row[3]), loads(row[4]), loads(row[5]),
                       bool(row[6]))


def _term_values(doc: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for field_name in TERM_FIELDS:
        value = doc.get(field_name)
        for v in value if isinstance(value, list) else [value]:
            if v is not None:
                yield field_name, v
