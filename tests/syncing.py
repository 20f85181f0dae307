"""Helpers for sync tests: a feed plugin held in memory, a sync runner and directory snapshots."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pluggy
from flask import Flask

from linkwell.client import ServiceClient
from linkwell.feeds.state import SyncState
from linkwell.feeds.sync import FeedRun, FeedSync
from linkwell.plugins import Feed, FeedError, FetchedRecord, hookimpl
from linkwell.plugins.manager import plugin_manager

TOKEN = "test-token"


class MemoryFeed:
    """A feed plugin whose records a test sets; it can fail or stop after some records."""

    def __init__(self, name: str = "memory", records: list[Any] | None = None,
                 area: str = "Lewisham") -> None:
        self.feed = Feed(name=name, area=area, kind="memory", location=f"memory://{name}")
        self.records: list[Any] = list(records or [])  # services, or FetchedRecords
        self.fail_after: int | None = None  # raise a FeedError when this many were read
        self.stop_after: int | None = None  # raise KeyboardInterrupt (a killed run) instead
        self.asked: list[str | None] = []  # modified_after of each read

    @hookimpl
    def linkwell_feeds(self) -> list[Feed]:
        return [self.feed]

    @hookimpl
    def linkwell_fetch(self, feed: Feed, modified_after: str | None
                       ) -> Iterator[FetchedRecord] | None:
        if feed.kind != "memory" or feed.name != self.feed.name:
            return None
        self.asked.append(modified_after)
        return self._read(modified_after)

    def _read(self, modified_after: str | None) -> Iterator[FetchedRecord]:
        for index, record in enumerate(self.records):
            if isinstance(record, FetchedRecord):  # as a reader reports one it cannot read
                yield record
                continue
            if index == self.fail_after:
                raise FeedError(f"page {index // 10 + 1} could not be read: 502 Bad Gateway")
            if index == self.stop_after:
                raise KeyboardInterrupt
            if modified_after and record.get("last_modified", "") <= modified_after:
                continue
            yield FetchedRecord(source_id=str(record.get("id")), record=copy.deepcopy(record),
                                modified=record.get("last_modified"))


def plugins(app: Flask, *extra: object) -> pluggy.PluginManager:
    """The built-ins (no installed plugins) plus the test's own."""
    pm = plugin_manager(allow=[], config=app.config)
    for plugin in extra:
        pm.register(plugin)
    return pm


def run_sync(app: Flask, pm: pluggy.PluginManager, feed: Feed, *, full: bool = True,
             batch_size: int = 500) -> FeedRun:
    client = ServiceClient(app=app, token=TOKEN)
    return FeedSync(pm, client, SyncState(app.config["DATA_DIR"]), feed, full=full,
                    batch_size=batch_size).run()


def snapshot(app: Flask, feed: str) -> dict[str, tuple[str, bool]]:
    """Every asset of a feed in the directory: id -> (content hash, withdrawn)."""
    backend = app.extensions["linkwell.backend"]
    out = {}
    for asset_id in sorted(backend.ids(feed)):
        stored = backend.get(asset_id)
        out[asset_id] = (stored.hash, stored.withdrawn)
    return out


def visible(app: Flask, feed: str) -> set[str]:
    """Ids a search finds (any status): withdrawn assets must not be among them."""
    response = app.test_client().get(
        f"/services?feed={feed}&per_page=100&status=active,inactive,defunct")
    assert response.status_code == 200, response.json
    return {r["id"] for r in response.json["results"]}
