"""``linkwell serve`` on Elasticsearch, as an operator would run it: the demo loads into an
empty index, gunicorn forks its workers, and every worker answers searches, matches and the
Open Referral UK API from the real node (each worker opens its own client after the fork)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import elasticsearch_url

pytestmark = pytest.mark.elasticsearch


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    es, port = elasticsearch_url(), _free_port()
    prefix = f"serve-{uuid.uuid4().hex[:10]}-"
    env = {**os.environ, "LINKWELL_SEARCH_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": es,
           "LINKWELL_INDEX_PREFIX": prefix,
           "LINKWELL_DATA_DIR": str(tmp_path_factory.mktemp("serve") / "var")}
    log = tmp_path_factory.mktemp("log") / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "linkwell", "serve", "--port", str(port), "--workers", "2"],
            env=env, stdout=out, stderr=subprocess.STDOUT)
    root = f"http://127.0.0.1:{port}"
    try:
        _wait_until_searchable(root, process, log)
        yield root
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        from linkwell.directory.backends.elastic import ElasticsearchBackend

        ElasticsearchBackend(es, prefix, timeout=30).drop_all()


def _wait_until_searchable(root: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 240  # the demo's three boroughs load first
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"linkwell serve stopped: {log.read_text()[-3000:]}")
        try:
            if requests.get(f"{root}/api/v1/services?q=walking", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(1)
    pytest.fail(f"linkwell serve did not answer in time: {log.read_text()[-3000:]}")


def test_every_worker_searches_the_node_after_the_fork(served: str) -> None:
    # Enough requests that both workers answer some (gunicorn hands them out in turn).
    answers = [requests.get(f"{served}/api/v1/services", params={"q": "choir"}, timeout=10)
               for _ in range(12)]
    assert {a.status_code for a in answers} == {200}
    assert all(a.json()["total"] > 0 for a in answers)


def test_matches_and_the_open_referral_api_answer_too(served: str) -> None:
    matched = requests.post(f"{served}/api/v1/match", timeout=20, json={
        "about": "I'd like to sing with other people", "location": {"postcode": "SE6 4RU"}})
    assert matched.status_code == 200, matched.text
    assert matched.json()["results"]
    page = requests.get(f"{served}/openreferral/services", params={"per_page": 5}, timeout=10)
    assert page.status_code == 200 and page.json()["total_items"] > 0
