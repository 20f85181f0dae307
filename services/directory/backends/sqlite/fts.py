"""The words of a search, matched by SQLite's FTS5 index (``asset_text``) and scored with
bm25: everything else a search does is worked out over the in-memory columns (query.py).

FTS5 works bm25 out a row at a time (about 3 µs a matching row), so a common word costs in
proportion to the directory: at 500,000 assets "walking" matches 29,000 rows and took 90 ms.
bm25 of several words is the sum of each word's own figure (FTS5 adds the phrases' parts in
the order they are asked, and the sums here add them in the same order, so the figures are
the same to the last bit), so each word's matches are worked out once per snapshot of the
columns and kept (``WordMemo``); a search then adds a few arrays. A write makes a new
snapshot, and with it an empty memo, since every figure depends on the whole collection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from linkwell.directory.backends.sqlite.columns import Columns

TEXT_WEIGHTS = (3.0, 2.0, 1.0)  # name, tags, body: the same boosts as the Elasticsearch query
# Bytes of kept word matches a snapshot holds (12 a match: at 500,000 assets the commonest
# search words match 30,000-100,000 assets each, so this keeps a few dozen of them).
MEMO_BYTES = 32 * 2**20
SQL = "SELECT rowid, bm25(asset_text, ?, ?, ?) FROM asset_text WHERE asset_text MATCH ?"


def fts_query(tokens: list[str]) -> str:
    return " OR ".join(_phrase(t) for t in tokens)


def _phrase(token: str) -> str:
    return '"' + token.replace('"', "") + '"'


# positions in the columns (int32) and bm25 figures (float64, lower is better)
Matches = tuple[Any, Any]


class WordMemo:
    """Each word's matches in one snapshot, the most recently used kept within MEMO_BYTES."""

    def __init__(self, limit: int = MEMO_BYTES) -> None:
        self.limit = limit
        self.size = 0
        self.kept: OrderedDict[str, Matches] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection, cols: Columns, token: str) -> Matches:
        with self._lock:
            found = self.kept.get(token)
            if found is not None:
                self.kept.move_to_end(token)
                return found
        rows = conn.execute(SQL, (*TEXT_WEIGHTS, _phrase(token))).fetchall()
        pos = cols.positions(np.fromiter((r[0] for r in rows), np.int64, len(rows)))
        held = pos >= 0  # rows of this snapshot have positions; any other is not searched
        found = (pos[held].astype(np.int32),
                 np.fromiter((r[1] for r in rows), np.float64, len(rows))[held])
        size = 12 * len(found[0])
        if size <= self.limit:
            with self._lock:
                if token not in self.kept:
                    self.kept[token] = found
                    self.size += size
                while self.size > self.limit:
                    _, (dropped, _) = self.kept.popitem(last=False)
                    self.size -= 12 * len(dropped)
        return found


def word_matches(conn: sqlite3.Connection, cols: Columns, tokens: list[str]) -> Matches:
    """The positions and bm25 figures (lower is better) of the assets any of the words match,
    as ``SELECT bm25(...) ... MATCH '"a" OR "b"'`` gives them, from each word's kept matches.

    ``conn`` must read the same snapshot as ``cols`` (the caller's transaction).
    """
    memo: WordMemo = cols.memoised(("words",), WordMemo)
    parts = [memo.get(conn, cols, token) for token in tokens]
    if len(parts) == 1:
        return parts[0]
    # each asset's figures added in the order of the words, as FTS5 adds its phrases' parts
    total = np.zeros(cols.n)
    said = np.zeros(cols.n, bool)
    for pos, figures in parts:
        total[pos] += figures  # a word's positions are each there once
        said[pos] = True
    found = np.flatnonzero(said)
    return found, total[found]
