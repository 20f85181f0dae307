"""The directory's Elasticsearch reads are tried again after a failed connection, but only
while the request's budget lasts (issue 23: retries never stack on top of the budget)."""

from __future__ import annotations

import socket
import struct
import threading
import uuid
from collections.abc import Iterator
from contextlib import suppress
from urllib.parse import urlsplit

import pytest

from linkwell import deadline
from linkwell.directory.backends.base import BackendUnavailable, SearchQuery
from linkwell.directory.backends.elastic import ElasticsearchBackend
from tests.conftest import elasticsearch_url


class DroppingProxy:
    """A TCP proxy to the real node that resets its first ``drop`` connections."""

    def __init__(self, target: str, drop: int) -> None:
        parts = urlsplit(target)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 9200)
        self.drop = drop
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with suppress(OSError):
            while True:
                client, _ = self.listener.accept()
                self.connections += 1
                if self.connections <= self.drop:  # a reset, as a node going away gives
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    client.close()
                    continue
                upstream = socket.create_connection(self.target)
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=_pipe, args=(a, b), daemon=True).start()

    def close(self) -> None:
        self.listener.close()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    with suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)
    with suppress(OSError):
        sink.shutdown(socket.SHUT_WR)


@pytest.fixture
def prefix() -> Iterator[str]:
    name = f"retry-{uuid.uuid4().hex[:8]}-"
    owner = ElasticsearchBackend(elasticsearch_url(), name, timeout=10.0)
    owner.setup()
    yield name
    owner.drop_all()
    owner.close()


def reader(url: str, prefix: str) -> ElasticsearchBackend:
    return ElasticsearchBackend(url, prefix, timeout=1.5)


def test_a_reset_connection_is_tried_again_within_the_budget(prefix: str) -> None:
    proxy = DroppingProxy(elasticsearch_url(), drop=2)
    backend = reader(proxy.url, prefix)
    try:
        with deadline.budget(1.5):
            page = backend.search(SearchQuery())
        assert page.total == 0
        assert proxy.connections == 3  # two reset, the third answered
    finally:
        backend.close()
        proxy.close()


def test_no_try_again_when_the_budget_has_no_room(prefix: str) -> None:
    proxy = DroppingProxy(elasticsearch_url(), drop=2)
    backend = reader(proxy.url, prefix)
    try:
        with pytest.raises(BackendUnavailable), deadline.budget(0.1):
            backend.search(SearchQuery())
        assert proxy.connections == 1
    finally:
        backend.close()
        proxy.close()
