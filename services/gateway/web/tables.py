"""A table of the gateway's own SQLite file (beside its API keys): made on first use, then
read and written through short connections, one writer at a time in a process."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar


@dataclass
class GatewayTable:
    path: Path
    _lock: threading.Lock = field(default_factory=threading.Lock)
    SCHEMA: ClassVar[str] = ""

    def __post_init__(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(self.SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.row_factory = sqlite3.Row
        return conn
