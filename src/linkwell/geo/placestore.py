"""The place table: the gazetteers' place names, beside the postcodes in ``postcodes.sqlite3``.

Written by ``linkwell geo import`` (an ONS Index of Place Names or OS Open Names file) and by
``linkwell serve`` from the borough plugins' own place files when it is empty; read by the
offline geocoder's ``linkwell_locate_area``. The same file keeps one thing to copy and back up.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from linkwell.geo import tables
from linkwell.geo.gazetteer import PlaceRow, place_key

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS places (
        source    TEXT NOT NULL,  -- which gazetteer: 'ONS Index of Place Names'
        ident     TEXT NOT NULL,  -- its own identifier, so a new edition replaces the old
        key       TEXT NOT NULL,  -- place_key(name): 'kentishtown'
        name      TEXT NOT NULL,  -- as the gazetteer writes it: 'Kentish Town'
        kind      TEXT NOT NULL,  -- the gazetteer's kind: 'LOC', 'Suburban Area'
        rank      INTEGER NOT NULL,  -- 1 for a neighbourhood ... 5 for a county
        area      TEXT,           -- the local authority: 'Camden'
        latitude  REAL NOT NULL,
        longitude REAL NOT NULL,
        PRIMARY KEY (source, ident)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS places_by_key ON places (key, rank)",
)
_UPSERT = "INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"


@dataclass(frozen=True)
class KnownPlace:
    """A place a gazetteer names: where its middle is, and which one it is."""

    name: str
    area: str | None
    kind: str
    source: str
    latitude: float
    longitude: float


class PlaceStore:
    """Reads and writes the place table in the SQLite file at ``path``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._readers = tables.Readers(self.path)

    def lookup(self, text: str,
               home: tuple[float, float] | Callable[[], tuple[float, float] | None] | None = None,
               areas: Iterable[str] = ()) -> KnownPlace | None:
        """The place a person most likely means by ``text``, or None.

        Several places share a name (there are many a Newtown): the everyday kind wins (a
        locality before a ward, a ward before a borough), then one in the deployment's own
        ``areas`` (its boroughs, as the gazetteers name local authorities), then the one
        nearest ``home`` (the middle of the deployment's postcodes, or a function that works it
        out: asked only when places of one name are left to choose between), then the first.
        """
        key = place_key(text)
        connection = self._reader()
        if not key or connection is None:
            return None
        try:
            rows = connection.execute(
                "SELECT name, area, kind, source, latitude, longitude FROM places"
                " WHERE key = ? AND rank = (SELECT min(rank) FROM places WHERE key = ?)"
                " ORDER BY source, ident", (key, key)).fetchall()
        except sqlite3.OperationalError:  # no place file imported yet
            return None
        if not rows:
            return None
        candidates = [KnownPlace(*row) for row in rows]
        own = {area.casefold() for area in areas}
        ours = [p for p in candidates if (p.area or "").casefold() in own] or candidates
        if len(ours) > 1 and callable(home):
            home = home()
        if len(ours) > 1 and isinstance(home, tuple):
            point = home
            ours.sort(key=lambda p: _far(point, (p.latitude, p.longitude)))
        return ours[0]

    def count(self) -> int:
        connection = self._reader()
        if connection is None:
            return 0
        try:
            return int(connection.execute("SELECT count(*) FROM places").fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def writer(self, *, replace: bool = False) -> AbstractContextManager[sqlite3.Connection]:
        """A connection inside one transaction: committed on success, rolled back on error;
        ``replace`` empties the table first, in the same transaction."""
        return tables.writing(self.path, _SCHEMA, "places", replace=replace)

    @staticmethod
    def write(connection: sqlite3.Connection, rows: Iterable[PlaceRow]) -> None:
        connection.executemany(_UPSERT, rows)

    def _reader(self) -> sqlite3.Connection | None:
        return self._readers.get()


def _far(a: tuple[float, float], b: tuple[float, float]) -> float:
    """A distance good enough to order places by (equirectangular, in degrees)."""
    dx = (a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(a[0] - b[0], dx)
