"""Search columns shared by every worker on one machine: written to files beside the SQLite
file once, and mapped by each process.

Every gunicorn worker held its own copy of the columns (columns.py): at 500,000 assets about
300 MB each, most of it the same in all of them. Now a full load is done by one process,
which writes the arrays to ``<database>.columns/<seq>/`` (one ``.npy`` file each, with room
to grow) and maps them back; the others map the same files. Mapped copy-on-write, the pages
read are the page cache's, one copy for all; what a worker appends when it catches up from
the change log goes into the room past the end, in pages of its own.

A set of files is the columns as of one entry of the change log (``seq``). A process that
needs a full load takes the newest set, checks that it belongs to this database (a token
the file keeps, and the log entry it was written at), and catches it up from the log as it
would its own columns; only when that costs more than a full load (or the log no longer
reaches back) does it read the database and write a new set. A lock file keeps two
processes from building at once. Where the files cannot be written (a read-only folder, a
full disk), each process keeps its own columns, as before.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from linkwell.directory.backends.sqlite.columns import MIN_RELOAD, RELOAD_FRACTION, Columns

log = logging.getLogger(__name__)

# The arrays a set holds; those that grow as assets are appended get room past their end.
GROWING = ("rid", "duplicate", "status", "min_age", "max_age", "confirmed", "modified",
           "dated", "key_end", "key_blob", "vec", "vec_norm", "f_ptr", "f_code", "f_pos",
           "v_pos", "v_lat", "v_lon", "v_xyz", "s_pos", "s_lo", "s_hi")
FIXED = ("live", "pos_of", "order", "rank", "by_code", "code_start")
TOKEN_SQL = "SELECT min(token) FROM column_files"
Catch = Callable[[Columns, sqlite3.Connection, int], Columns | None]


class ColumnFiles:
    """The sets of column files beside one SQLite file."""

    def __init__(self, database: str) -> None:
        self.root = Path(database + ".columns")

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Held while a process looks for a set and, finding none it can use, writes one."""
        self.root.mkdir(exist_ok=True)
        with (self.root / "lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def newest(self, conn: sqlite3.Connection, seq: int) -> Columns | None:
        """The newest set written for this database at or before ``seq`` (mapped)."""
        token = conn.execute(TOKEN_SQL).fetchone()[0]
        for found in sorted((p for p in self.root.iterdir() if p.name.isdigit()),
                            key=lambda p: int(p.name), reverse=True):
            meta = json.loads((found / "meta.json").read_text())
            if int(found.name) > seq or meta["token"] != token:
                continue
            logged = conn.execute("SELECT rid FROM asset_log WHERE seq = ?",
                                  (meta["seq"],)).fetchone()
            if meta["seq"] and (logged is None or logged[0] != meta["last_rid"]):
                continue  # pruned from the log, or another file's history
            return _open(found, meta)
        return None

    def save(self, conn: sqlite3.Connection, cols: Columns) -> Columns:
        """Write a fully loaded snapshot as a new set, drop the older ones, and map it."""
        meta = _meta(cols)
        meta["token"] = conn.execute(TOKEN_SQL).fetchone()[0]
        logged = conn.execute("SELECT rid FROM asset_log WHERE seq = ?", (cols.seq,)).fetchone()
        meta["last_rid"] = logged[0] if logged else None
        spare = max(MIN_RELOAD, cols.n // RELOAD_FRACTION) + 1  # what a catch-up may append
        building = self.root / f"building-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        building.mkdir()
        try:
            for name in GROWING + FIXED:
                array = getattr(cols, name)
                room = 0
                if name in GROWING:
                    room = spare if len(array) <= cols.n + 1 else \
                        len(array) * spare // max(cols.n, 1) + 64
                _write(building / f"{name}.npy", array, max(room, 1))  # never an empty map
            (building / "meta.json").write_text(json.dumps(meta))
            final = self.root / str(cols.seq)
            shutil.rmtree(final, ignore_errors=True)
            building.rename(final)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        for older in self.root.iterdir():  # mapped elsewhere, they stay until unmapped
            if older.name.isdigit() and int(older.name) < cols.seq:
                shutil.rmtree(older, ignore_errors=True)
        return _open(final, meta)


def load_shared(files: ColumnFiles, conn: sqlite3.Connection, seq: int,
                catch_up: Catch) -> Columns:
    """The columns as of ``seq`` (the caller's snapshot): a set of files caught up, or,
    when none can be, read from the database and written as a new set."""
    with files.locked():
        found = files.newest(conn, seq)
        if found is not None:
            cols = found if found.seq == seq else catch_up(found, conn, seq)
            if cols is not None:
                return cols
        return files.save(conn, Columns.load(conn, seq))


def _meta(cols: Columns) -> dict[str, Any]:
    return {"seq": cols.seq, "n": cols.n, "dead": cols.dead, "grouped": cols.grouped,
            "statuses": list(cols.statuses.items()), "names": cols.names,
            "lengths": {name: len(getattr(cols, name)) for name in GROWING + FIXED}}


def _write(path: Path, array: npt.NDArray[Any], room: int) -> None:
    """``array`` with ``room`` rows of zeros after it (left as holes in the file)."""
    shape = (len(array) + room, *array.shape[1:])
    out = np.lib.format.open_memmap(path, mode="w+", dtype=array.dtype, shape=shape)
    out[:len(array)] = array
    out.flush()
    del out


def _open(folder: Path, meta: dict[str, Any]) -> Columns:
    """A set's columns, each a view of its file mapped copy-on-write (the rows past the
    end are room for the snapshot to grow into)."""
    cols = Columns(meta["seq"])
    cols.n, cols.dead, cols.grouped = meta["n"], meta["dead"], meta["grouped"]
    cols.statuses = {status: code for status, code in meta["statuses"]}
    cols.names = list(meta["names"])
    cols.values = {name: code for code, name in enumerate(cols.names)}
    for name in GROWING + FIXED:
        # a plain array over the map (which it keeps open): numpy's memmap subclass only
        # slows each operation on it down
        mapped = np.asarray(np.load(folder / f"{name}.npy", mmap_mode="c"))
        setattr(cols, name, mapped[:meta["lengths"][name]])
        if name in GROWING:
            cols._buffers[name] = mapped
    return cols
