"""A real ``linkwell feeds sync`` process killed with SIGKILL half-way, then run again.

The rerun must leave the directory exactly as a sync that was never interrupted would: the
same asset ids, content hashes and withdrawn flags, on both backends.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from linkwell.feeds.state import SyncState
from tests.conftest import directory_config
from tests.factory import service
from tests.plugins.conftest import write_distribution
from tests.syncing import MemoryFeed, plugins, run_sync, snapshot

PLUGIN = """
    import json
    import os
    import time

    from linkwell.plugins import Feed, FetchedRecord, hookimpl

    @hookimpl
    def linkwell_feeds():
        return [Feed(name="slow", area="Lewisham", kind="slow",
                     location=os.environ["SLOWFEED_RECORDS"])]

    @hookimpl
    def linkwell_fetch(feed, modified_after):
        if feed.kind != "slow":
            return None
        return _read(json.loads(open(feed.location).read()))

    def _read(records):
        hold = os.environ.get("SLOWFEED_HOLD_AFTER")
        for index, record in enumerate(records):
            if hold and index == int(hold):
                with open(os.environ["SLOWFEED_MARKER"], "w") as marker:
                    marker.write(str(index))
                while True:  # hold here until the test kills this process
                    time.sleep(1)
            yield FetchedRecord(source_id=record["id"], record=record)
"""


def versions() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The feed, then the feed later: 25 changed, 15 gone, 10 new."""
    before = [service(f"kill-{i}", f"Kill Test Group {i}", concepts=("creative.art_craft",),
                      modified="2026-10-01T10:00:00Z") for i in range(40)]
    after = [dict(r, name=r["name"] + " (new day)", last_modified="2026-11-01T10:00:00Z")
             for r in before[:25]]
    after += [service(f"kill-new-{i}", f"New Kill Test Group {i}") for i in range(10)]
    return before, after


@pytest.fixture
def directories(backend_kind: str, tmp_path: Path) -> Iterator[dict[str, Flask]]:
    from linkwell.directory import create_app

    apps = {name: create_app(directory_config(backend_kind, tmp_path / name))
            for name in ("killed", "clean")}
    yield apps
    for app in apps.values():
        backend = app.extensions["linkwell.backend"]
        if backend_kind == "elasticsearch":
            backend.drop_all()
        backend.close()


def _environment(app: Flask, site: Path, records: Path) -> dict[str, str]:
    config = app.config
    env = dict(os.environ, LINKWELL_DATA_DIR=config["DATA_DIR"],
               LINKWELL_SEARCH_BACKEND=config["SEARCH_BACKEND"],
               LINKWELL_INGEST_TOKEN=config["INGEST_TOKEN"], LINKWELL_PLUGINS="slowfeed",
               SLOWFEED_RECORDS=str(records),
               PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    if config["SEARCH_BACKEND"] == "elasticsearch":
        env.update(ELASTICSEARCH_URL=config["ELASTICSEARCH_URL"],
                   LINKWELL_INDEX_PREFIX=config["INDEX_PREFIX"])
    env.pop("LINKWELL_DIRECTORY_URL", None)
    return env


SYNC = [sys.executable, "-m", "linkwell", "feeds", "sync", "slow", "--full", "--batch-size", "5"]


def _kill_half_way(env: dict[str, str], marker: Path) -> None:
    env = dict(env, SLOWFEED_HOLD_AFTER="23", SLOWFEED_MARKER=str(marker))
    process = subprocess.Popen(SYNC, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"the sync ended before it was killed:\n{output}")
            assert time.monotonic() < deadline, "the sync never got half-way"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
    assert process.returncode == -signal.SIGKILL


def test_a_sync_killed_half_way_then_run_again_ends_as_a_clean_sync(
        directories: dict[str, Flask], tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_distribution(site, "slowfeed", PLUGIN)
    before, after = versions()
    feed = MemoryFeed("slow", before)  # the same feed, in-process, for the earlier state
    for app in directories.values():
        assert run_sync(app, plugins(app, feed), feed.feed).counts["added"] == 40
    clean = directories["clean"]
    feed.records = after
    assert run_sync(clean, plugins(clean, feed), feed.feed).counts["withdrawn"] == 15

    killed = directories["killed"]
    records = tmp_path / "after.json"
    records.write_text(json.dumps(after))
    env = _environment(killed, site, records)
    _kill_half_way(env, tmp_path / "half-way")
    state = SyncState(killed.config["DATA_DIR"])
    halfway = state.last_run("slow")
    assert halfway is not None and halfway.status == "running"
    assert halfway.counts["updated"] >= 15  # batches written before the kill are kept
    assert snapshot(killed, "slow") != snapshot(clean, "slow")

    rerun = subprocess.run(SYNC, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert snapshot(killed, "slow") == snapshot(clean, "slow")
    last = state.last_run("slow")
    assert last is not None and last.status == "ok" and last.counts["withdrawn"] == 15
    assert last.counts["unchanged"] >= 15  # what the killed run wrote was not redone
