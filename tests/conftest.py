"""Shared fixtures: the directory app on each backend, against the real Elasticsearch node."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

BACKENDS = ("sqlite", "elasticsearch")


def elasticsearch_url() -> str:
    """The node CI starts (ELASTICSEARCH_URL); skipped with a reason only outside CI."""
    def health(url: str) -> None:
        import elasticsearch

        elasticsearch.Elasticsearch(url, request_timeout=5).cluster.health(timeout="5s")

    return _server_url("Elasticsearch", "ELASTICSEARCH_URL", "a node", "LINKWELL_REQUIRE_ES",
                       health)


def redis_url() -> str:
    """The Redis CI starts (LINKWELL_TEST_REDIS_URL); skipped with a reason only outside CI."""
    def ping(url: str) -> None:
        import redis

        redis.Redis.from_url(url, socket_timeout=5).ping()

    return _server_url("Redis", "LINKWELL_TEST_REDIS_URL", "a server", "LINKWELL_REQUIRE_REDIS",
                       ping)


def _server_url(name: str, variable: str, started: str, required: str,
                answers: Callable[[str], None]) -> str:
    """A server's URL from the environment, once it answers; else a failure where the
    ``required`` variable is set (CI), and a skip with the reason elsewhere."""
    url = os.environ.get(variable)
    reason = None
    if not url:
        reason = f"{variable} is not set (scripts/test starts {started} and sets it)"
    else:
        try:
            answers(url)
        except Exception as exc:  # any failure to answer means nothing to test against
            reason = f"no {name} answers at {url}: {type(exc).__name__}"
    if reason:
        if os.environ.get(required):
            pytest.fail(f"{name} is required here: {reason}")
        pytest.skip(reason)
    assert url is not None
    return url


def directory_config(kind: str, tmp_path: Path) -> dict[str, Any]:
    config: dict[str, Any] = {"TESTING": True, "DATA_DIR": str(tmp_path / "var"),
                              "SEARCH_BACKEND": kind, "INGEST_TOKEN": "test-token"}
    if kind == "elasticsearch":
        config.update(ELASTICSEARCH_URL=elasticsearch_url(),
                      INDEX_PREFIX=f"test-{uuid.uuid4().hex[:10]}-",
                      ELASTICSEARCH_TIMEOUT=10.0)
    return config


@pytest.fixture(params=BACKENDS)
def backend_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def app(backend_kind: str, tmp_path: Path) -> Iterator[Flask]:
    from linkwell.directory import create_app

    app = create_app(directory_config(backend_kind, tmp_path))
    yield app
    backend = app.extensions["linkwell.backend"]
    if backend_kind == "elasticsearch":
        backend.drop_all()
    backend.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


AUTH = {"Authorization": "Bearer test-token"}


def load(client: FlaskClient, records: list[dict[str, Any]], feed: str = "tests",
         **extra: Any) -> dict[str, Any]:
    """Upsert records through the API; returns its answer (summary and per-record results)."""
    response = client.post("/assets", json={"feed": feed, "records": records, **extra},
                           headers=AUTH)
    assert response.status_code == 200, response.json
    body: dict[str, Any] = response.json
    return body


def search(client: FlaskClient, query: str = "", status: int = 200) -> dict[str, Any]:
    response = client.get("/services" + (f"?{query}" if query else ""))
    assert response.status_code == status, response.json
    body: dict[str, Any] = response.json
    return body


def names(body: dict[str, Any]) -> list[str]:
    return [r["name"] for r in body["results"]]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, driven by Playwright: one for the whole run, because Playwright's
    sync API cannot be started again in a process where it is running (tests/e2e and the
    browser tests elsewhere share it)."""
    import shutil

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, _unavailable

    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        _unavailable(f"no chromium at {CHROMIUM} (scripts/test installs Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (scripts/test installs it)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
