"""Listing and organisation names found by the start of any of their words, for suggestions
as people type: the keys both backends index, and each backend's way of finding them.

A name is indexed under every word-start suffix of its folded form ("lewisham walking group",
"walking group", "group"), so a prefix search over those keys matches the start of any word,
and a prefix search over the first key alone matches the start of the name.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from linkwell.text import fold

MAX_KEY = 100  # characters: a prefix longer than any key a person types ends the matching
# Listings matched for one answer before ranking: enough for the page of suggestions, few
# enough that a one-letter prefix over 50,000 listings stays quick.
CANDIDATES = 40


@dataclass(frozen=True)
class Named:
    """A listing whose name or organisation's name starts a word with the typed prefix."""

    id: str
    name: str
    organization: str | None
    name_sort: str

    def starts_with(self, prefix: str) -> bool:
        return " ".join(self.name_sort.split()).startswith(prefix)


def suffixes(text: str | None) -> list[str]:
    """The folded text from each word's start to its end, longest first."""
    folded = fold(text or "")
    spaced = folded.split()
    return list(dict.fromkeys(" ".join(spaced[i:])[:MAX_KEY] for i in range(len(spaced))))


def name_start(summary: dict[str, Any]) -> list[str]:
    """The key of the name as a whole (none for a listing without a name)."""
    return suffixes(summary.get("name"))[:1]


def name_keys(summary: dict[str, Any]) -> list[str]:
    """Every key a listing is found under: its name's and its organisation's word starts."""
    keys = [*suffixes(summary.get("name")), *suffixes(summary.get("organization"))]
    return list(dict.fromkeys(keys))


def prefix_of(typed: str) -> str:
    """The typed words as a key prefix (folded, spaces squeezed); '' when nothing is left."""
    return " ".join(fold(typed).split())[:MAX_KEY]


def rank(found: list[Named], prefix: str, limit: int) -> list[Named]:
    """Names that start with the prefix first, then the rest, each by name."""
    unique = list({n.id: n for n in found}.values())
    unique.sort(key=lambda n: (not n.starts_with(prefix), n.name_sort, n.id))
    return unique[:limit]


# SQLite: one row per key; a prefix is a range over the key index, read in key order and
# stopped at the limit, so its cost does not grow with the number of listings matched.
SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS asset_names (key TEXT NOT NULL, asset INTEGER NOT NULL,
    whole INTEGER NOT NULL, PRIMARY KEY (key, asset)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS asset_names_by_asset ON asset_names (asset);
CREATE INDEX IF NOT EXISTS asset_names_whole ON asset_names (whole, key);
"""
_SQLITE_FIND = """
SELECT a.id, json_extract(a.summary, '$.name'), json_extract(a.summary, '$.organization'),
       a.name_sort
FROM asset_names n JOIN assets a ON a.rid = n.asset
WHERE {whole} n.key >= ? AND n.key < ? AND a.withdrawn = 0 AND a.duplicate_of IS NULL
  AND a.status = 'active'
ORDER BY n.key LIMIT ?
"""


def sqlite_write(conn: sqlite3.Connection, rid: int, summary: dict[str, Any]) -> None:
    """Index one listing's keys (its old keys are removed with its other rows)."""
    whole = name_start(summary)
    conn.executemany("INSERT OR IGNORE INTO asset_names (key, asset, whole) VALUES (?,?,?)",
                     [(k, rid, int(k in whole)) for k in name_keys(summary)])


def sqlite_backfill(conn: sqlite3.Connection) -> None:
    """Keys for listings written before this table existed (once; later writes keep it)."""
    if conn.execute("SELECT 1 FROM asset_names LIMIT 1").fetchone():
        return
    rows = conn.execute("SELECT rid, json_extract(summary, '$.name'),"
                        " json_extract(summary, '$.organization') FROM assets").fetchall()
    conn.execute("BEGIN IMMEDIATE")
    try:
        for rid, name, org in rows:
            sqlite_write(conn, rid, {"name": name, "organization": org})
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def sqlite_find(conn: sqlite3.Connection, prefix: str, limit: int) -> list[Named]:
    """Visible listings with a name word starting ``prefix``: whole-name matches first."""
    if not prefix:
        return []
    bounds = (prefix, prefix + "\U0010ffff")
    rows = conn.execute(_SQLITE_FIND.format(whole="n.whole = 1 AND"),
                        (*bounds, CANDIDATES)).fetchall()
    if len(rows) < CANDIDATES:
        rows += conn.execute(_SQLITE_FIND.format(whole=""), (*bounds, CANDIDATES)).fetchall()
    return rank([Named(r[0], r[1] or "", r[2], r[3] or "") for r in rows], prefix, limit)


# Elasticsearch: the completion suggester (in every distribution). Its keys are held in an
# automaton ordered by weight, so the first names for a prefix are found without visiting
# every listing the prefix matches (a prefix query sorted by name does, and "c" can match
# most of a directory: see docs/benchmarks.md for both, measured). A listing's whole
# name weighs more than its later words, and a context marks the listings searches show.
ES_FIELD = "name_suggest"
SHOWN = "shown"


def es_completion(source: dict[str, Any]) -> list[dict[str, Any]]:
    """The completion entries of a stored document (its summary, status and marks)."""
    summary = source.get("summary") or {}
    shown = not source.get("withdrawn") and not source.get("duplicate_of") and (
        source.get("status", "active") == "active")
    whole = name_start(summary)
    rest = [k for k in name_keys(summary) if k not in whole]
    return [{"input": keys, "weight": weight, "contexts": {SHOWN: ["yes" if shown else "no"]}}
            for keys, weight in ((whole, 2), (rest, 1)) if keys]


def es_body(prefix: str, size: int, field: str = ES_FIELD) -> dict[str, Any]:
    """The request for shown listings whose names have a word starting ``prefix``.

    The automaton gives whole names first, then by key, so ``size`` are enough for an
    answer of that many: every option read costs its whole stored document.
    """
    return {"size": 0, "_source": ["id", "summary.name", "summary.organization", "name_sort"],
            "suggest": {"names": {"prefix": prefix, "completion": {
                "field": field, "size": size, "contexts": {SHOWN: ["yes"]}}}}}


def es_found(result: dict[str, Any]) -> list[Named]:
    out = []
    for option in result["suggest"]["names"][0]["options"]:
        src = option.get("_source") or {}
        summary = src.get("summary") or {}
        out.append(Named(src["id"], summary.get("name") or "", summary.get("organization"),
                         src.get("name_sort") or ""))
    return out
