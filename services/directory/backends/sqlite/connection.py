"""Opening the SQLite file: one connection per thread and per process, with the settings every
reader and writer shares, and SQLite's math functions in Python where SQLite lacks them."""

from __future__ import annotations

import math
import os
import sqlite3
import threading
from pathlib import Path

_INHERITED: list[sqlite3.Connection] = []  # connections a forked process must not use or close

_MATH_FALLBACKS = (("asin", 1, math.asin), ("sqrt", 1, math.sqrt), ("sin", 1, math.sin),
                   ("cos", 1, math.cos), ("radians", 1, math.radians))


def this_threads(local: threading.local, path: str) -> sqlite3.Connection:
    """The calling thread's connection to ``path``, opened on first use (in this process)."""
    conn: sqlite3.Connection | None = getattr(local, "conn", None)
    if conn is not None and getattr(local, "pid", None) != os.getpid():
        # Opened before a fork (gunicorn forks its workers from the process that built the
        # app): SQLite's handles must not cross a fork. Kept referenced, never closed here,
        # so the parent's file locks and WAL state are left alone.
        _INHERITED.append(conn)
        conn = None
    if conn is None:
        conn = _open(path)
        local.conn, local.pid = conn, os.getpid()
    return conn


def _open(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA busy_timeout=30000")
    if not _has_math(conn):  # SQLite built without its math functions: in Python
        for name, arity, function in _MATH_FALLBACKS:
            conn.create_function(name, arity, function, deterministic=True)
    return conn


def _has_math(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT asin(sqrt(sin(radians(1)) * cos(radians(1))))").fetchone()
    except sqlite3.OperationalError:
        return False
    return True
