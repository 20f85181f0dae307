"""Cluster tests: two Elasticsearch nodes of our own on loopback, started as one cluster with
``scripts/elasticsearch.sh cluster-start`` on LINKWELL_CLUSTER_ES_PORT (default 9240) and the
port after it, and stopped afterwards if this run started them. Outside CI, a cluster that
cannot be had skips these tests with the reason; in CI (CI=true) they are required.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.faults.conftest import Node, own_nodes


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
    with own_nodes(found.nodes, "cluster-start", "cluster-stop", 900,
                   "no two-node Elasticsearch cluster of our own"):
        yield found
