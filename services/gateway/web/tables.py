"""Tables of the gateway's own SQLite file (beside its API keys).

Two kinds: a :class:`GatewayTable` opens short connections of its own; an
:class:`AccountsTable` shares the accounts' connection and clock (the stores whose rows
belong to an account's work: proposals, confirmation rounds). Each is made on first use and
written one writer at a time in a process.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Self

from flask import Flask, current_app


class _Installed:
    """A store the app keeps in ``app.extensions`` under its class's EXTENSION."""

    EXTENSION: ClassVar[str] = ""

    @classmethod
    def current(cls) -> Self:
        """The store of the app handling this request."""
        found: Self = current_app.extensions[cls.EXTENSION]
        return found


@dataclass
class GatewayTable(_Installed):
    path: Path
    _lock: threading.Lock = field(default_factory=threading.Lock)
    SCHEMA: ClassVar[str] = ""

    @classmethod
    def install(cls, app: Flask) -> None:
        """Open the store in the app's data directory."""
        app.extensions[cls.EXTENSION] = cls(Path(app.config["DATA_DIR"]) / "gateway.sqlite3")

    def __post_init__(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(self.SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.row_factory = sqlite3.Row
        return conn

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The rows ``sql`` selects, each as a dict of its columns."""
        with self._connect() as conn:
            return [dict(row) for row in conn.execute(sql, params).fetchall()]

    def _insert(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """One new row of ``values`` (their keys are its columns) with a fresh id and the
        time it was made; the row as stored."""
        row = {"id": uuid.uuid4().hex, **values,
               "created": datetime.now(UTC).isoformat(timespec="seconds")}
        columns = ", ".join(row)
        marks = ", ".join(f":{column}" for column in row)
        with self._lock, self._connect() as conn:
            conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", row)
        return row


class AccountsTable(_Installed):
    """Tables in the accounts' connection, on the accounts' clock (so tests move both)."""

    SCHEMA: ClassVar[str] = ""

    def __init__(self, connect: Callable[[], sqlite3.Connection],
                 clock: Callable[[], float] = time.time) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self.clock = clock
        with self._connect() as conn:
            conn.executescript(self.SCHEMA)

    @classmethod
    def install(cls, app: Flask) -> None:
        """Open the store beside the app's accounts (``linkwell.gateway.accounts`` first)."""
        accounts = app.extensions["linkwell.accounts"]
        app.extensions[cls.EXTENSION] = cls(accounts.connect, clock=lambda: accounts.clock())
