"""Cluster tests: two Elasticsearch nodes of our own on loopback, started as one cluster with
``scripts/elasticsearch.sh cluster-start`` on LINKWELL_CLUSTER_ES_PORT (default 9240) and the
port after it, and stopped afterwards if this run started them. Outside CI, a cluster that
cannot be had skips these tests with the reason; in CI (CI=true) they are required.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.faults.conftest import SCRIPT, Node, _unavailable


@dataclass
class Cluster:
    """The first node is the only master-eligible one; the others hold data only."""

    nodes: list[Node]

    @property
    def urls(self) -> str:
        """For ELASTICSEARCH_URL: every node, comma-separated."""
        return ",".join(node.url for node in self.nodes)

    def run(self, command: str, timeout: float = 600) -> str:
        return self.nodes[0].run(command, timeout=timeout)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    port = int(os.environ.get("LINKWELL_CLUSTER_ES_PORT", "9240"))
    if port in (9199, 9200):
        pytest.fail("the cluster tests kill their nodes: never point them at the shared 9200")
    found = Cluster([Node(port), Node(port + 1)])
    started_here = any(
        subprocess.run(["bash", str(SCRIPT), "status"], capture_output=True,
                       env={**os.environ, "ES_PORT": str(node.port)}, check=False).returncode
        for node in found.nodes)
    try:
        found.run("cluster-start", timeout=900)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        _unavailable(f"no two-node Elasticsearch cluster of our own: {exc}")
    yield found
    if started_here:
        found.run("cluster-stop")
