"""The SQLite file's tables, the columns added to older files, and the small helpers
that read and address its rows (JSON columns, ``IN`` lists)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import orjson

from linkwell.directory.backends.base import FACET_FIELDS

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
-- This file's own name for its column files (shared.py): files written for another
-- database beside the same path are never taken for this one's.
CREATE TABLE IF NOT EXISTS column_files (token TEXT NOT NULL);
INSERT INTO column_files (token) SELECT lower(hex(randomblob(16)))
    WHERE NOT EXISTS (SELECT 1 FROM column_files);
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


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    """A stored JSON column: orjson reads a page's summaries in a third of json's time."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # what only json writes and reads (NaN, say)
        return json.loads(text)


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def in_list(column: str, values: list[Any]) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"
