"""Shared fixtures: the directory app on each backend, against the real Elasticsearch node."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

BACKENDS = ("sqlite", "elasticsearch")


def elasticsearch_url() -> str:
    """The node CI starts (ELASTICSEARCH_URL); skipped with a reason only outside CI."""
    url = os.environ.get("ELASTICSEARCH_URL")
    reason = None
    if not url:
        reason = "ELASTICSEARCH_URL is not set (scripts/test starts a node and sets it)"
    else:
        import elasticsearch

        try:
            elasticsearch.Elasticsearch(url, request_timeout=5).cluster.health(timeout="5s")
        except Exception as exc:  # any failure to answer means no node to test against
            reason = f"no Elasticsearch answers at {url}: {type(exc).__name__}"
    if reason:
        if os.environ.get("LINKWELL_REQUIRE_ES"):
            pytest.fail(f"Elasticsearch is required here: {reason}")
        pytest.skip(reason)
    assert url is not None
    return url


def redis_url() -> str:
    """The Redis CI starts (LINKWELL_TEST_REDIS_URL); skipped with a reason only outside CI."""
    url = os.environ.get("LINKWELL_TEST_REDIS_URL")
    reason = None
    if not url:
        reason = "LINKWELL_TEST_REDIS_URL is not set (scripts/test starts a server and sets it)"
    else:
        import redis

        try:
            redis.Redis.from_url(url, socket_timeout=5).ping()
        except Exception as exc:  # any failure to answer means no server to test against
            reason = f"no Redis answers at {url}: {type(exc).__name__}"
    if reason:
        if os.environ.get("LINKWELL_REQUIRE_REDIS"):
            pytest.fail(f"Redis is required here: {reason}")
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
