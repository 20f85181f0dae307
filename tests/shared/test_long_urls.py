"""An over-long address is answered 414 in the one JSON error shape: by the app, under the
project's own gunicorn settings (gunicorn's own refusal would be an HTML page)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from flask import Flask

from linkwell.errors import MAX_URL_CHARS

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def directory_url(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = dict(os.environ, LINKWELL_DATA_DIR=str(tmp_path), LINKWELL_SEARCH_BACKEND="sqlite",
               LINKWELL_WORKERS="1")
    log = (tmp_path / "gunicorn.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn_internal.py"),
         "-b", f"127.0.0.1:{port}", "linkwell.directory:create_app()"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()
            try:
                requests.get(f"{url}/healthz", timeout=10)
                break
            except requests.RequestException:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _assert_json_414(status: int, body: dict[str, object]) -> None:
    assert status == 414
    assert body["code"] == 414 and body["status"] == "Request-URI Too Long"
    assert f"{MAX_URL_CHARS:,}" in str(body["message"])


def test_a_long_address_through_gunicorn_gets_the_json_414(directory_url: str) -> None:
    long_query = "q=" + "walking+" * 2_000  # 16,002 characters: past gunicorn's own 8,190
    response = requests.get(f"{directory_url}/services?{long_query}", timeout=30)
    assert response.headers["Content-Type"].startswith("application/json"), response.text
    _assert_json_414(response.status_code, response.json())
    fine = requests.get(f"{directory_url}/services?q=walking", timeout=30)
    assert fine.status_code == 200


@pytest.mark.parametrize("path", ["/no-such-page/", "/api/v1/services?q=", "/services?q="])
def test_the_gateway_refuses_a_long_address_before_anything_else(
        app: Flask, tmp_path: Path, path: str) -> None:
    from linkwell.gateway import create_app

    gateway = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                          "INGEST_TOKEN": "test-token", "MATCHER_URL": "http://127.0.0.1:9",
                          "TESTING": True})
    response = gateway.test_client().get(path + "x" * MAX_URL_CHARS)
    _assert_json_414(response.status_code, response.json)
