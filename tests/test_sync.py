"""Feed sync into the directory, on both backends: it loses nothing, and a rerun changes nothing."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from linkwell.client import ServiceClient
from linkwell.feeds.state import SyncState
from linkwell.feeds.sync import writes_refused_now
from linkwell.plugins import FetchedRecord
from tests.conftest import directory_config
from tests.factory import service
from tests.syncing import MemoryFeed, plugins, run_sync, snapshot, visible

OCTOBER = "2026-10-01T10:00:00Z"
NOVEMBER = "2026-11-01T10:00:00Z"


def records(count: int = 30, modified: str = OCTOBER) -> list[dict[str, Any]]:
    return [service(f"sync-{i}", f"Sync Test Group {i}", concepts=("social.drop_in_chat",),
                    modified=modified) for i in range(count)]


def changed(record: dict[str, Any], name: str) -> dict[str, Any]:
    return dict(copy.deepcopy(record), name=name, last_modified=NOVEMBER)


@pytest.fixture
def clean_app(backend_kind: str, tmp_path: Path) -> Iterator[Flask]:
    """A second directory on the same backend, for the sync a test compares against."""
    from linkwell.directory import create_app

    app = create_app(directory_config(backend_kind, tmp_path / "clean"))
    yield app
    backend = app.extensions["linkwell.backend"]
    if backend_kind == "elasticsearch":
        backend.drop_all()
    backend.close()


def test_a_rerun_changes_nothing(app: Flask) -> None:
    feed = MemoryFeed(records=records())
    pm = plugins(app, feed)
    first = run_sync(app, pm, feed.feed)
    assert first.ok and first.counts == {"added": 30, "updated": 0, "unchanged": 0,
                                         "rejected": 0, "withdrawn": 0}
    before = snapshot(app, "memory")
    second = run_sync(app, pm, feed.feed)
    assert second.counts == {"added": 0, "updated": 0, "unchanged": 30, "rejected": 0,
                             "withdrawn": 0}
    assert snapshot(app, "memory") == before


def test_asset_ids_are_stable_and_provenance_is_kept(app: Flask) -> None:
    kept = service("uuid-id", "Kept Id Walkers")
    derived = dict(service("text-id", "Derived Id Singers"), id="LEW-0042")
    feed = MemoryFeed("lewisham-test", [kept, derived])
    run = run_sync(app, plugins(app, feed), feed.feed)
    assert run.ok
    expected = str(uuid.uuid5(uuid.NAMESPACE_URL, "linkwell:lewisham-test:service:LEW-0042"))
    assert set(snapshot(app, "lewisham-test")) == {kept["id"], expected}
    answer = app.test_client().get(f"/services/{expected}").json
    assert answer["provenance"]["feed"] == "lewisham-test"
    assert answer["provenance"]["source_id"] == "LEW-0042"
    assert answer["provenance"]["fetched_at"].startswith(run.started[:10])


def test_changed_records_are_updated(app: Flask) -> None:
    original = records(5)
    feed = MemoryFeed(records=original)
    pm = plugins(app, feed)
    run_sync(app, pm, feed.feed)
    feed.records[2] = changed(original[2], "Sync Test Group Renamed")
    run = run_sync(app, pm, feed.feed)
    assert run.counts["updated"] == 1 and run.counts["unchanged"] == 4
    shown = app.test_client().get(f"/services/{original[2]['id']}").json
    assert shown["record"]["name"] == "Sync Test Group Renamed"


def test_records_gone_from_the_feed_are_withdrawn_then_come_back(app: Flask) -> None:
    everything = records(30)
    feed = MemoryFeed(records=everything)
    pm = plugins(app, feed)
    run_sync(app, pm, feed.feed)
    feed.records = everything[::2]  # the feed drops half its records
    run = run_sync(app, pm, feed.feed)
    gone = {r["id"] for r in everything[1::2]}
    assert run.ok and run.counts["withdrawn"] == 15 and run.counts["unchanged"] == 15
    assert visible(app, "memory") == {r["id"] for r in everything[::2]}
    backend = app.extensions["linkwell.backend"]
    for asset_id in gone:  # hidden, but kept for audit
        assert app.test_client().get(f"/services/{asset_id}").status_code == 404
        stored = backend.get(asset_id)
        assert stored is not None and stored.withdrawn
    assert run_sync(app, pm, feed.feed).counts["withdrawn"] == 0  # already withdrawn
    feed.records = everything
    back = run_sync(app, pm, feed.feed)
    assert back.counts["updated"] == 15 and back.counts["withdrawn"] == 0
    assert visible(app, "memory") == {r["id"] for r in everything}


def test_each_bad_record_is_rejected_with_its_reason_and_the_good_go_in(app: Flask) -> None:
    good = records(4)
    broken_schedule = service("bad-time", "Broken Schedule Club",
                              schedules=(("WEEKLY", "TU", "25:99", "12:00"),))
    no_name = {"id": "no-name-1", "status": "active"}
    duplicate = dict(copy.deepcopy(good[1]), name="A Second Listing")
    unreadable = FetchedRecord(source_id="row 7", error="not a time of day", field="start_time")
    feed = MemoryFeed(records=[good[0], broken_schedule, good[1], no_name, duplicate, good[2],
                               unreadable, good[3]])
    run = run_sync(app, plugins(app, feed), feed.feed)
    assert run.ok
    assert run.counts["added"] == 4 and run.counts["rejected"] == 4
    found = {(r.record_id, r.field): r.reason for r in run.rejects}
    assert found[(broken_schedule["id"], "schedules.0.opens_at")] == \
        "not a time of day: use HH:MM, e.g. 10:30"
    assert found[("no-name-1", "name")] == "Missing data for required field."
    assert found[(good[1]["id"], "id")] == (
        f"{good[1]['id']} is listed again later, as record 5 of the feed; that later record "
        "replaced this one (record 3)")
    assert found[("row 7", "start_time")] == "not a time of day"
    assert visible(app, "memory") == {r["id"] for r in good}
    assert app.test_client().get(f"/services/{good[1]['id']}").json["record"]["name"] == \
        "A Second Listing"  # the later listing won
    stored = SyncState(app.config["DATA_DIR"]).last_run("memory")
    assert stored is not None
    assert {(r.record_id, r.field, r.reason) for r in stored.rejects} == {
        (r.record_id, r.field, r.reason) for r in run.rejects}
    assert {r.record_id for r in stored.rejects} >= {"row 7", "no-name-1"}


def test_a_rejected_update_keeps_the_earlier_version_listed(app: Flask) -> None:
    good = records(3)
    feed = MemoryFeed(records=good)
    pm = plugins(app, feed)
    run_sync(app, pm, feed.feed)
    feed.records[0] = dict(changed(good[0], "Now Broken"), schedules=[
        {"id": "x", "freq": "WEEKLY", "byday": "FUNDAY", "opens_at": "10:00"}])
    run = run_sync(app, pm, feed.feed)
    assert run.counts["rejected"] == 1 and run.counts["withdrawn"] == 0
    assert app.test_client().get(f"/services/{good[0]['id']}").json["record"]["name"] == \
        good[0]["name"]


def test_a_feed_that_fails_half_way_keeps_what_it_wrote_and_withdraws_nothing(
        app: Flask, clean_app: Flask) -> None:
    before, after = _two_versions()
    feed = MemoryFeed(records=before)
    pm = plugins(app, feed)
    run_sync(app, pm, feed.feed, batch_size=5)
    feed.records, feed.fail_after = after, 13
    failed = run_sync(app, pm, feed.feed, batch_size=5)
    assert failed.status == "failed" and "502 Bad Gateway" in (failed.reason or "")
    assert failed.counts["withdrawn"] == 0
    assert failed.counts["updated"] == 13  # everything read before the failure went in
    assert all(not withdrawn for _, withdrawn in snapshot(app, "memory").values())
    feed.fail_after = None
    assert run_sync(app, pm, feed.feed, batch_size=5).ok
    assert snapshot(app, "memory") == _clean(clean_app, before, after)


def test_an_interrupted_sync_run_again_ends_as_a_clean_sync(app: Flask,
                                                             clean_app: Flask) -> None:
    before, after = _two_versions()
    feed = MemoryFeed(records=before)
    pm = plugins(app, feed)
    run_sync(app, pm, feed.feed, batch_size=4)
    feed.records, feed.stop_after = after, 17
    with pytest.raises(KeyboardInterrupt):  # the process is stopped mid-sync
        run_sync(app, pm, feed.feed, batch_size=4)
    state = SyncState(app.config["DATA_DIR"])
    halfway = state.last_run("memory")
    assert halfway is not None and halfway.status == "running"
    assert halfway.counts["updated"] == 16  # four batches of four were written
    half = snapshot(app, "memory")
    assert half != _clean(clean_app, before, after)
    feed.stop_after = None
    rerun = run_sync(app, pm, feed.feed, batch_size=4)
    assert rerun.ok and rerun.counts["withdrawn"] == 10
    assert snapshot(app, "memory") == snapshot(clean_app, "memory")
    runs = [state.last_run("memory")]
    assert runs[0] is not None and runs[0].status == "ok"


def _two_versions() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A feed, and the same feed later: every record changed, ten gone and five new."""
    before = records(30)
    after = [changed(r, r["name"] + " (new times)") for r in before[:20]]
    after += [service(f"new-{i}", f"New Group {i}", modified=NOVEMBER) for i in range(5)]
    return before, after


def _clean(app: Flask, before: list[dict[str, Any]],
           after: list[dict[str, Any]]) -> dict[str, tuple[str, bool]]:
    """The directory a sync that was never interrupted leaves (computed once per app)."""
    if not snapshot(app, "memory"):
        feed = MemoryFeed(records=before)
        pm = plugins(app, feed)
        assert run_sync(app, pm, feed.feed).ok
        feed.records = after
        assert run_sync(app, pm, feed.feed).ok
    return snapshot(app, "memory")


def test_incremental_runs_ask_for_changes_and_never_withdraw(app: Flask) -> None:
    everything = records(6)
    feed = MemoryFeed(records=everything)
    pm = plugins(app, feed)
    first = run_sync(app, pm, feed.feed, full=False)
    assert first.full and feed.asked == [None]  # no cursor yet: a whole read
    feed.records = [changed(everything[0], "Changed Since"), *everything[2:]]
    second = run_sync(app, pm, feed.feed, full=False)
    assert feed.asked[-1] == OCTOBER
    assert not second.full
    assert second.counts == {"added": 0, "updated": 1, "unchanged": 0, "rejected": 0,
                             "withdrawn": 0}
    assert SyncState(app.config["DATA_DIR"]).cursor("memory") == NOVEMBER
    assert everything[1]["id"] in visible(app, "memory")  # only a full run withdraws
    full = run_sync(app, pm, feed.feed, full=True)
    assert feed.asked[-1] is None and full.counts["withdrawn"] == 1


def test_a_feed_that_suddenly_lists_nothing_withdraws_nothing(app: Flask) -> None:
    feed = MemoryFeed(records=records(5))
    pm = plugins(app, feed)
    run_sync(app, pm, feed.feed)
    feed.records = []
    run = run_sync(app, pm, feed.feed)
    assert run.status == "failed" and "listed no records" in (run.reason or "")
    assert len(visible(app, "memory")) == 5


def test_no_reader_for_the_kind_is_a_failed_run_not_a_crash(app: Flask) -> None:
    feed = MemoryFeed()
    pm = plugins(app)  # the memory plugin is not registered
    run = run_sync(app, pm, feed.feed)
    assert run.status == "failed" and "kind 'memory'" in (run.reason or "")
    stored = SyncState(app.config["DATA_DIR"]).last_run("memory")
    assert stored is not None and stored.status == "failed"


class _Timestamps:
    """A plugin that leaves a Python datetime in one record: not something JSON can carry."""

    from linkwell.plugins import hookimpl

    @hookimpl
    def linkwell_adjust_record(self, feed: Any, record: dict[str, Any]) -> dict[str, Any] | None:
        from datetime import datetime

        if record["name"].endswith("1"):
            return {**record, "assured_date": datetime(2026, 1, 1)}
        return None


def test_a_record_a_plugin_leaves_unserialisable_is_rejected_alone(app: Flask) -> None:
    feed = MemoryFeed(records=records(3))
    run = run_sync(app, plugins(app, feed, _Timestamps()), feed.feed)
    assert run.ok and run.counts["added"] == 2 and run.counts["rejected"] == 1
    assert run.rejects[0].field == "_record" and "not JSON" in run.rejects[0].reason


def test_two_syncs_of_one_feed_never_run_at_once(app: Flask) -> None:
    feed = MemoryFeed(records=records(2))
    with SyncState(app.config["DATA_DIR"]).lock("memory"):
        run = run_sync(app, plugins(app, feed), feed.feed)
    assert run.status == "failed" and "another sync of feed memory is running" in (
        run.reason or "")
    assert visible(app, "memory") == set()
    assert run_sync(app, plugins(app, feed), feed.feed).ok  # the lock went with its holder


def test_a_directory_process_that_has_not_checked_yet_is_asked_again() -> None:
    """Each directory process checks its backend from its first request on; until then its
    ``/readyz`` says "not checked yet". A sync asked such a process first and read the answer
    as "can write", then reported "ok" from a read-only cluster (seen in CI)."""
    answers = [({"status": "unavailable", "reason": "not checked yet", "read": False,
                 "write": False}, 503)] * 2
    answers.append(({"status": "ready", "read": True, "write": False, "checked_ms_ago": 3,
                     "reason": "index read-only (read_only_allow_delete)"}, 200))
    asked: list[int] = []
    app = Flask("directory")

    @app.get("/readyz")
    def readyz() -> tuple[dict[str, Any], int]:
        asked.append(1)
        return answers[min(len(asked), len(answers)) - 1]

    reason = writes_refused_now(ServiceClient(app=app))
    assert reason is not None and "read_only_allow_delete" in reason
    assert len(asked) == 3
    asked.clear()
    answers[:] = [answers[0]]  # a process that never checks: the run goes on after `settle`
    assert writes_refused_now(ServiceClient(app=app), settle=0.3) is None
    assert len(asked) >= 2
