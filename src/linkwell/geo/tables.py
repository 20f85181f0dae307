"""The SQLite plumbing both offline tables share (postcodes, places): one writer transaction
at a time, and a read-only connection per thread and process for lookups.

Readers never share a connection (a forked worker opens its own); WAL mode lets them keep
answering while an import runs.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def writing(path: Path, schema: Sequence[str], table: str, *, replace: bool = False,
            pragmas: Sequence[str] = ()) -> Iterator[sqlite3.Connection]:
    """A connection inside one transaction: committed on success, rolled back on error;
    ``replace`` empties ``table`` first, in the same transaction."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        for statement in [*pragmas, *schema]:
            connection.execute(statement)
        connection.execute("BEGIN IMMEDIATE")
        if replace:
            connection.execute(f"DELETE FROM {table}")
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


class Readers:
    """This thread's read-only connection to the file (opened again in a forked process)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def get(self) -> sqlite3.Connection | None:
        """The connection, or None while the file does not exist (no import yet: look again
        next time rather than create the file)."""
        local = self._local
        if getattr(local, "pid", None) == os.getpid() and local.connection is not None:
            return local.connection
        if not self.path.exists():
            return None
        local.connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                           check_same_thread=False)
        local.pid = os.getpid()
        return local.connection
