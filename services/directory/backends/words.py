"""Each backend's count of the words its listings use (the spelling vocabulary's source).

Every document carries ``words`` (linkwell.document): its distinct words as written. SQLite
keeps them in an FTS5 table read through ``fts5vocab``; Elasticsearch keeps them as a keyword
field read by a composite aggregation. Both count the listings (withdrawn ones left out) that
use each word, and both have a cheap stamp that changes whenever a listing changes, so the
directory re-reads the words only then (see linkwell.directory.spelling).
"""

from __future__ import annotations

import sqlite3
from typing import Any

PAGE = 10_000  # words per composite-aggregation page

SQLITE_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS asset_words USING fts5(words, detail = none,
    tokenize = "unicode61 remove_diacritics 0");
CREATE VIRTUAL TABLE IF NOT EXISTS asset_words_vocab USING fts5vocab(asset_words, row);
"""


def sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Listings using each word, as of the caller's snapshot."""
    return dict(conn.execute("SELECT term, doc FROM asset_words_vocab").fetchall())


def sqlite_write(conn: sqlite3.Connection, rid: int, words: list[str], withdrawn: bool) -> None:
    conn.execute("DELETE FROM asset_words WHERE rowid = ?", (rid,))
    if words and not withdrawn:
        conn.execute("INSERT INTO asset_words (rowid, words) VALUES (?, ?)",
                     (rid, " ".join(words)))


def elastic_stamp(es: Any, alias: str) -> tuple[Any, ...]:
    """How many documents, and when the last was written: any write, withdrawal or delete
    changes one of them (the answer is served from Elasticsearch's request cache until the
    index refreshes, so asking is cheap)."""
    found = es.search(index=alias, size=0, track_total_hits=True, request_cache=True,
                      aggs={"last": {"max": {"field": "indexed_at"}}})
    return (found["hits"]["total"]["value"], found["aggregations"]["last"]["value"])


def elastic_counts(es: Any, alias: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    after: dict[str, Any] | None = None
    while True:
        composite: dict[str, Any] = {"size": PAGE, "sources": [{"w": {"terms": {
            "field": "words"}}}]}
        if after:
            composite["after"] = after
        found = es.search(index=alias, size=0, query={"bool": {"must_not": {"term": {
            "withdrawn": True}}}}, aggs={"words": {"composite": composite}})
        agg = found["aggregations"]["words"]
        counts.update((b["key"]["w"], b["doc_count"]) for b in agg["buckets"])
        after = agg.get("after_key")
        if not after or len(agg["buckets"]) < PAGE:
            return counts
