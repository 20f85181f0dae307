"""A process forked after the embedded backend was used (gunicorn forks its workers from the
process that built the app) opens its own SQLite connection: a handle must not cross a fork."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linkwell.directory.backends.sqlite import SQLiteBackend


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_process_opens_its_own_connection(tmp_path: Path) -> None:
    from tests.directory.test_backend_upgrades import _item

    backend = SQLiteBackend(tmp_path / "d.sqlite3")
    backend.setup()
    assert backend.write([_item("before-fork")]) == {}
    parents = backend._conn()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answers 1 only if it reads through a connection of its own
        try:
            mine = backend._conn()
            ok = mine is not parents and mine is backend._conn() and len(backend.ids()) == 1
            os.write(write, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(write)
    said = os.read(read, 1)
    os.waitpid(pid, 0)
    assert said == b"1"
    # the parent's own connection is untouched and still answers
    assert backend._conn() is parents and len(backend.ids()) == 1
