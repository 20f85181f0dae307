"""Request ids across services, and log lines that carry nothing a person typed."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from flask import Flask

from linkwell.logs import JsonFormatter
from tests.conftest import load
from tests.factory import corpus


def test_request_id_passes_from_gateway_to_directory(app: Flask, tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    from linkwell.gateway import create_app

    load(app.test_client(), corpus())
    gateway = create_app({"DATA_DIR": str(tmp_path), "DIRECTORY_APP": app,
                          "MATCHER_URL": "http://127.0.0.1:9", "TESTING": True}).test_client()
    caplog.set_level(logging.INFO, logger="linkwell")
    caplog.clear()  # only the search below
    words = "my husband shouts at me and I am scared"
    response = gateway.get("/api/v1/services", query_string={"q": words},
                           headers={"X-Request-Id": "abc123def456"})
    assert response.headers["X-Request-Id"] == "abc123def456"
    requests_logged = [r for r in caplog.records if r.getMessage() == "request"]
    services = {r.name.split(".")[1] for r in requests_logged}
    assert services == {"gateway", "directory"}
    formatter = JsonFormatter("test")
    lines = [json.loads(formatter.format(r)) for r in caplog.records]
    assert all("husband" not in json.dumps(line) and "scared" not in json.dumps(line)
               for line in lines)
    # A background readiness probe may log a request of its own meanwhile: not this search's.
    request_lines = [line for line in lines if line["message"] == "request"
                     and line["path"] not in ("/readyz", "/healthz")]
    assert {line["service"] for line in request_lines} == {"gateway", "directory"}
    assert {line["path"] for line in request_lines} == {"/api/v1/services", "/services"}
    assert {line["request_id"] for line in request_lines} == {"abc123def456"}


def test_untrustworthy_request_ids_are_replaced(app: Flask) -> None:
    response = app.test_client().get("/healthz", headers={"X-Request-Id": "x" * 500})
    assert response.headers["X-Request-Id"] != "x" * 500
    assert len(response.headers["X-Request-Id"]) == 32
