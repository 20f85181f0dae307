"""Feed administration through the gateway: scoped to a borough's own feeds."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.gateway.keys import KeyStore
from linkwell.plugins import Feed, FetchedRecord, hookimpl
from tests.factory import service


@pytest.fixture
def gateway(app: Flask, tmp_path: Path) -> FlaskClient:
    from linkwell.gateway import create_app

    gw = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                     "INGEST_TOKEN": "test-token", "MATCHER_URL": "http://127.0.0.1:9",
                     "TESTING": True})
    return gw.test_client()


def _key(tmp_path: Path, role: str, feeds: tuple[str, ...] = ()) -> dict[str, str]:
    _, secret = KeyStore(tmp_path / "gw" / "gateway.sqlite3").create("test", role, feeds)
    return {"Authorization": f"Bearer {secret}"}


def _wait_for_run(gateway: FlaskClient, name: str, headers: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while True:
        run = gateway.get(f"/api/v1/feeds/{name}", headers=headers).json["last_run"]
        if run and run["status"] != "running":
            return dict(run)
        assert time.monotonic() < deadline, "the sync did not finish"
        time.sleep(0.2)


def test_a_data_officer_sees_and_syncs_only_their_feeds(gateway: FlaskClient,
                                                        tmp_path: Path) -> None:
    officer = _key(tmp_path, "data_officer", ("lewisham",))
    listed = gateway.get("/api/v1/feeds", headers=officer).json["feeds"]
    assert [f["name"] for f in listed] == ["lewisham"]
    assert gateway.post("/api/v1/feeds/camden/sync", headers=officer).status_code == 403
    started = gateway.post("/api/v1/feeds/lewisham/sync?full=true", headers=officer)
    assert started.status_code == 202
    run = _wait_for_run(gateway, "lewisham", officer)
    assert run["status"] == "ok", run
    assert run["counts"]["added"] == 145 and run["rejects"] == []
    found = gateway.get("/api/v1/services?feed=lewisham&per_page=1").json
    assert found["total"] > 100


def test_admins_see_every_feed_and_others_are_refused(gateway: FlaskClient,
                                                      tmp_path: Path) -> None:
    admin = _key(tmp_path, "admin")
    names = {f["name"] for f in gateway.get("/api/v1/feeds", headers=admin).json["feeds"]}
    assert {"lewisham", "camden", "tower-hamlets"} <= names
    assert gateway.get("/api/v1/feeds").status_code == 401
    partner = _key(tmp_path, "partner")
    assert gateway.get("/api/v1/feeds", headers=partner).status_code == 403
    assert gateway.get("/api/v1/feeds/nowhere", headers=admin).status_code == 404


class HeldFeed:
    """A feed whose reading waits until the test lets it go."""

    def __init__(self) -> None:
        self.go = threading.Event()

    @hookimpl
    def linkwell_feeds(self) -> list[Feed]:
        return [Feed(name="held", area="Lewisham", kind="held", location="memory://held")]

    @hookimpl
    def linkwell_fetch(self, feed: Feed, modified_after: str | None
                       ) -> Iterator[FetchedRecord] | None:
        if feed.kind != "held":
            return None
        return self._read()

    def _read(self) -> Iterator[FetchedRecord]:
        assert self.go.wait(120)
        record = service("held-1", "Held Feed Group")
        yield FetchedRecord(source_id=record["id"], record=record)


def test_of_eight_syncs_asked_for_at_once_one_starts_and_the_others_hear_409(
        gateway: FlaskClient, tmp_path: Path) -> None:
    held = HeldFeed()
    app = gateway.application
    app.extensions["linkwell.feed_plugins"].register(held)
    admin = _key(tmp_path, "admin")
    start = threading.Barrier(8)

    def ask() -> tuple[int, dict[str, Any]]:
        client = app.test_client()
        start.wait()
        response = client.post("/api/v1/feeds/held/sync", headers=admin)
        return response.status_code, response.json

    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(lambda _: ask(), range(8)))
    finally:
        held.go.set()
    assert sorted(code for code, _ in answers) == [202] + [409] * 7
    for code, body in answers:
        if code == 409:
            assert body["message"] == "A sync of this feed is already running."
            assert body["status"] == "Conflict"
    run = _wait_for_run(gateway, "held", admin)
    assert run["status"] == "ok" and run["counts"]["added"] == 1
    again = gateway.post("/api/v1/feeds/held/sync", headers=admin)  # the lock was let go
    assert again.status_code == 202
    _wait_for_run(gateway, "held", admin)
