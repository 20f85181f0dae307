"""Fault tests: a node of our own (never the shared one) that the tests freeze, kill and
block, and the services run by gunicorn as deploy/ runs them.

The node is started with scripts/elasticsearch.sh on LINKWELL_FAULTS_ES_PORT (default 9220)
and stopped afterwards if this run started it. Outside CI, a node that cannot be had skips
these tests with the reason; in CI (CI=true) they are required.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.faults.stack import ROOT, TOKEN, Stack

SCRIPT = ROOT / "scripts" / "elasticsearch.sh"

pytestmark = pytest.mark.faults


@dataclass
class Node:
    """Our own Elasticsearch node, driven through the project's script."""

    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def run(self, command: str, timeout: float = 300) -> str:
        done = subprocess.run(["bash", str(SCRIPT), command], capture_output=True, text=True,
                              env={**os.environ, "ES_PORT": str(self.port)}, timeout=timeout,
                              check=False)
        if done.returncode != 0:
            raise RuntimeError(f"elasticsearch.sh {command}: {done.stdout}{done.stderr}")
        return done.stdout.strip()

    def pid(self) -> int:
        return int(self.run("pid").splitlines()[-1])


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true" or os.environ.get("LINKWELL_REQUIRE_FAULTS"):
        pytest.fail(reason)
    pytest.skip(reason)


@contextmanager
def own_nodes(nodes: list[Node], start: str, stop: str, timeout: float,
              missing: str) -> Iterator[None]:
    """For a session fixture: ``nodes`` started by their first one's ``start`` command, and
    stopped after the session by ``stop`` if this run started any of them."""
    started_here = any(
        subprocess.run(["bash", str(SCRIPT), "status"], capture_output=True,
                       env={**os.environ, "ES_PORT": str(node.port)}, check=False).returncode
        for node in nodes)
    try:
        nodes[0].run(start, timeout=timeout)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        _unavailable(f"{missing}: {exc}")
    yield
    if started_here:
        nodes[0].run(stop)


@pytest.fixture(scope="session")
def node() -> Iterator[Node]:
    found = Node(int(os.environ.get("LINKWELL_FAULTS_ES_PORT", "9220")))
    if found.port == 9200:
        pytest.fail("the fault tests break their node: never point them at the shared 9200")
    with own_nodes([found], "start", "stop", 600,
                   "no Elasticsearch node of our own for the fault tests"):
        yield found


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LINKWELL_") and k != "ELASTICSEARCH_URL"}
    env.update(LINKWELL_DATA_DIR=str(tmp_path / "var"), LINKWELL_INGEST_TOKEN=TOKEN,
               LINKWELL_SEARCH_BACKEND="sqlite")
    return env


@pytest.fixture
def stack(tmp_path: Path, node: Node) -> Iterator[Stack]:
    """The services on our own Elasticsearch node, under an index prefix of their own."""
    env = _env(tmp_path)
    prefix = f"faults-{uuid.uuid4().hex[:8]}-"
    env.update(LINKWELL_SEARCH_BACKEND="elasticsearch", ELASTICSEARCH_URL=node.url,
               LINKWELL_INDEX_PREFIX=prefix)
    running = Stack(env, tmp_path)
    yield running
    running.stop()
    drop_indices(node, prefix)


def drop_indices(node: Node, prefix: str) -> None:
    """Remove a test's indices: a node that kept every run's would recover them all at each
    restart, which on a busy machine outlasts the script's wait."""
    try:
        found = requests.get(f"{node.url}/_cat/indices/{prefix}*?h=index", timeout=30)
        names = found.text.split() if found.ok else []
        if names:
            requests.delete(f"{node.url}/{','.join(names)}", timeout=60)
    except requests.RequestException:
        pass  # a node the test left dead keeps them


@pytest.fixture
def sqlite_stack(tmp_path: Path) -> Iterator[Stack]:
    """The services on the embedded SQLite backend (no node needed)."""
    running = Stack(_env(tmp_path), tmp_path)
    yield running
    running.stop()
