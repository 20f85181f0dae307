"""A sync killed with SIGKILL at random points, then run again, ends as a clean sync would.

Each kill point is a statement number: the sync runs in a forked process whose SQLite
connections (the directory's and the sync state's) count the statements they run and
SIGKILL the process as the chosen one starts, which lands inside transactions, between a
write and the duplicate marks it changes, between a withdrawal and its regrouping, and so on.
The points are drawn with a fixed seed from every statement a whole sync runs. After each,
the sync is run again, and the directory must hold the clean sync's ids, versions, content,
withdrawn flags and duplicate groups (which listing is shown, which repeat it, and what the
shown one says is also listed).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from linkwell.directory import create_app
from tests.conftest import directory_config
from tests.factory import service
from tests.syncing import MemoryFeed, plugins, run_sync

KILL_POINTS = 24
SEED = 20261207
BATCH = 3
OLD, NEW = "2026-10-01T10:00:00Z", "2026-11-01T10:00:00Z"


def _group(slug: str, name: str, assured: str, modified: str = OLD) -> dict[str, Any]:
    return service(slug, name, concepts=("creative.art_craft",), assured=assured,
                   modified=modified)


def feeds() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Camden's feed, then the slow feed before and after a day of changes to its groups."""
    camden = [_group(f"cd-{i}", f"Craft Group {i}", "2026-08-01") for i in range(14)]
    before = [_group(f"sl-{i}", f"Craft Group {i}", "2026-09-01") for i in range(12)]
    before += [_group(f"sl-solo-{i}", f"Solo Craft {i}", "2026-09-01") for i in range(4)]
    after = [_group(f"sl-{i}", f"Elsewhere Craft {i}", "2026-09-01", NEW)
             for i in range(4)]  # leave their groups: Camden's listing shows instead
    after += before[4:8]  # unchanged
    after += [_group(f"sl-{i}", f"Craft Group {i}", "2026-07-01", NEW)
              for i in (8, 9)]  # now confirmed before Camden's: Camden's is shown
    # sl-10 and sl-11 are gone (withdrawn): Camden's listings show again
    after += [_group("sl-solo-0", "Craft Group 12", "2026-10-01", NEW),
              _group("sl-solo-1", "Craft Group 13", "2026-10-01", NEW)]  # join groups
    after += before[14:16]
    after += [_group("sl-new-0", "Craft Group 4", "2026-10-15", NEW),  # a third listing
              _group("sl-new-1", "New Craft", "2026-10-15", NEW)]
    return camden, before, after


def state_of(data_dir: Path) -> list[tuple[Any, ...]]:
    """Every asset: id, version, content hash, withdrawn, which it repeats, also listed."""
    with sqlite3.connect(data_dir / "directory.sqlite3") as db:
        return db.execute(
            "SELECT id, version, hash, withdrawn, duplicate_of,"
            " json_extract(summary, '$.also_listed') FROM assets ORDER BY id").fetchall()


def _sync(data_dir: Path, records: list[dict[str, Any]], name: str = "slow") -> None:
    app = create_app(dict(directory_config("sqlite", data_dir.parent), DATA_DIR=str(data_dir)))
    feed = MemoryFeed(name, records)
    try:
        run = run_sync(app, plugins(app, feed), feed.feed, batch_size=BATCH)
        assert run.ok, run.reason
    finally:
        app.extensions["linkwell.backend"].close()


def _counting(on_statement: Callable[[], None]) -> None:
    """Make every SQLite connection this process opens from now call ``on_statement``."""
    connect = sqlite3.connect

    def counted(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(lambda _sql: on_statement())
        return conn

    sqlite3.connect = counted  # type: ignore[assignment]


def _in_child(work: Callable[[], int]) -> int:
    """Run ``work`` in a forked process; its exit status (negative: the signal that ended it)."""
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        code = 1
        try:
            code = work()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _statements_of_a_sync(data_dir: Path, records: list[dict[str, Any]], out: Path) -> int:
    def work() -> int:
        seen = [0]

        def count() -> None:
            seen[0] += 1

        _counting(count)
        _sync(data_dir, records)
        out.write_text(str(seen[0]))
        return 0

    assert _in_child(work) == 0
    return int(out.read_text())


def _killed_at(data_dir: Path, records: list[dict[str, Any]], point: int) -> int:
    def work() -> int:
        seen = [0]

        def count() -> None:
            seen[0] += 1
            if seen[0] == point:
                os.kill(os.getpid(), signal.SIGKILL)

        _counting(count)
        _sync(data_dir, records)
        return 3  # finished without reaching the point

    return _in_child(work)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_sync_killed_at_random_points_then_rerun_ends_as_a_clean_sync(
        tmp_path: Path) -> None:
    camden, before, after = feeds()
    template = tmp_path / "template" / "var"
    _sync(template, camden, "camden")
    _sync(template, before)
    clean = tmp_path / "clean" / "var"
    shutil.copytree(template, clean)
    statements = _statements_of_a_sync(clean, after, tmp_path / "count")
    expected = state_of(clean)
    assert any(row[4] for row in expected) and any(row[5] for row in expected)
    assert any(row[3] for row in expected)  # withdrawn ones too
    assert state_of(template) != expected

    points = sorted(random.Random(SEED).sample(range(1, statements + 1), KILL_POINTS))
    differing = []
    for point in points:
        killed = tmp_path / f"killed-{point}" / "var"
        shutil.copytree(template, killed)
        assert _killed_at(killed, after, point) == -signal.SIGKILL, point
        _sync(killed, after)
        if state_of(killed) != expected:
            differing.append(point)
        shutil.rmtree(killed.parent)
    assert differing == [], f"of {statements} statements, killed at these: {differing}"
