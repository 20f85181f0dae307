"""The words of a search, matched by SQLite's FTS5 index (``asset_text``) and scored with
bm25: everything else a search does is worked out over the in-memory columns (query.py)."""

from __future__ import annotations

import sqlite3
from typing import Any

import numpy as np
import orjson

TEXT_WEIGHTS = (3.0, 2.0, 1.0)  # name, tags, body: the same boosts as the Elasticsearch query


def fts_query(tokens: list[str]) -> str:
    return " OR ".join('"' + t.replace('"', "") + '"' for t in tokens)


def word_matches(conn: sqlite3.Connection, tokens: list[str], among: Any = None,
                 scored: bool = True) -> tuple[Any, Any]:
    """The rids and bm25 figures (lower is better) of the assets the words match, of those
    ``among`` the given rids when given: bm25 is then worked out for those alone.

    Without ``scored``, the rids alone (the figures are zeros): FTS5's bm25 is most of the
    cost of a word match (22 ms of 26 for 13,000 matches at 50,000 assets), and a search
    ordered by distance or name needs it only for the hits that can make its page.
    """
    figure = "bm25(asset_text, ?, ?, ?)" if scored else "0.0"
    sql = f"SELECT rowid, {figure} FROM asset_text WHERE asset_text MATCH ?"
    args: list[Any] = [*(TEXT_WEIGHTS if scored else ()), fts_query(tokens)]
    if among is not None:
        # "+rowid": checked on each match, not handed to FTS5 as one lookup per rid
        sql += " AND +rowid IN (SELECT value FROM json_each(?))"
        args.append(orjson.dumps(among, option=orjson.OPT_SERIALIZE_NUMPY).decode())
    rows = conn.execute(sql, args).fetchall()
    return (np.fromiter((r[0] for r in rows), np.int64, len(rows)),
            np.fromiter((r[1] for r in rows), np.float64, len(rows)))
