"""The postcode table: one SQLite file in the data directory, ``postcodes.sqlite3``.

It is written by ``linkwell geo import`` (and by ``linkwell serve`` from the borough plugins'
small postcode files when it is empty) and read by the offline geocoder. Readers open it
read-only, one connection per thread and process, so gunicorn's threads and forked workers
never share a connection; WAL mode lets them keep answering while an import runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linkwell.geo import tables

FILE_NAME = "postcodes.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS postcodes (
    postcode   TEXT PRIMARY KEY,  -- standard form: 'SE6 4RU'
    latitude   REAL NOT NULL,
    longitude  REAL NOT NULL,
    terminated TEXT,              -- 'YYYYMM' the postcode went out of use; NULL while in use
    district   TEXT               -- local authority code, e.g. 'E09000023', where the file says
) WITHOUT ROWID
"""
_UPSERT = "INSERT OR REPLACE INTO postcodes VALUES (?, ?, ?, ?, ?)"

#: One row of the table: (postcode, latitude, longitude, terminated, district).
Row = tuple[str, float, float, str | None, str | None]


@dataclass(frozen=True)
class Postcode:
    """A postcode's entry: where it is, and whether it is still in use."""

    postcode: str
    latitude: float
    longitude: float
    terminated: str | None = None
    district: str | None = None


def store_path(config: Mapping[str, Any]) -> Path:
    """Where the postcode table lives for these settings (``DATA_DIR/postcodes.sqlite3``)."""
    return Path(config["DATA_DIR"]) / FILE_NAME


class PostcodeStore:
    """Reads and writes the postcode table at ``path``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._readers = tables.Readers(self.path)
        self._middle: tuple[float, float] | None = None

    def lookup(self, postcode: str) -> Postcode | None:
        """The entry for a postcode in standard form (``SE6 4RU``), or None."""
        connection = self._reader()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT * FROM postcodes WHERE postcode = ?",
                                     (postcode,)).fetchone()
        except sqlite3.OperationalError:  # a file that holds no table yet knows no postcode
            return None
        return Postcode(*row) if row else None

    def centroid(self, area: str) -> tuple[float, float, int] | None:
        """The middle of the postcodes in use in a sector (``SE6 4``) or district (``SE6``),
        and how many there are; None when the table has none there."""
        connection = self._reader()
        if connection is None:
            return None
        # A range on the primary key: "SE6 " to "SE6!" holds SE6's postcodes and no SE60's.
        low = area if " " in area else f"{area} "
        high = low[:-1] + chr(ord(low[-1]) + 1)
        try:
            row = connection.execute(
                "SELECT avg(latitude), avg(longitude), count(*) FROM postcodes"
                " WHERE postcode >= ? AND postcode < ? AND terminated IS NULL",
                (low, high)).fetchone()
        except sqlite3.OperationalError:
            return None
        return (float(row[0]), float(row[1]), int(row[2])) if row and row[2] else None

    def middle(self) -> tuple[float, float] | None:
        """The middle of every postcode in use in the table, worked out once per process: it
        tells which of several places of one name is the deployment's own."""
        if self._middle is None:
            connection = self._reader()
            row = None
            if connection is not None:
                try:
                    row = connection.execute("SELECT avg(latitude), avg(longitude) FROM postcodes"
                                             " WHERE terminated IS NULL").fetchone()
                except sqlite3.OperationalError:
                    row = None
            self._middle = (float(row[0]), float(row[1])) if row and row[0] is not None else None
        return self._middle

    def count(self) -> int:
        """How many postcodes the table holds (0 when there is no table yet)."""
        connection = self._reader()
        if connection is None:
            return 0
        try:
            return int(connection.execute("SELECT count(*) FROM postcodes").fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def writer(self, *, replace: bool = False) -> AbstractContextManager[sqlite3.Connection]:
        """A connection inside one transaction: committed on success, rolled back on error.

        ``replace`` empties the table first, in the same transaction, so readers see the old
        table or the new one and never a half-loaded one.
        """
        # One commit at the end: NORMAL syncs then, and a big page cache keeps the
        # primary-key B-tree in memory while millions of rows go in.
        return tables.writing(self.path, [_SCHEMA], "postcodes", replace=replace,
                              pragmas=["PRAGMA synchronous = NORMAL",
                                       "PRAGMA cache_size = -131072"])

    @staticmethod
    def write(connection: sqlite3.Connection, rows: Iterable[Row]) -> None:
        """Insert or replace rows inside a :meth:`writer` transaction."""
        connection.executemany(_UPSERT, rows)

    def _reader(self) -> sqlite3.Connection | None:
        return self._readers.get()
