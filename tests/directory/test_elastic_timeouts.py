"""The Elasticsearch backend keeps one client per call timeout (``options()`` builds a whole
client, about 1 ms of CPU a search), never longer than asked, and never one made from a
client it has closed."""

from __future__ import annotations

import uuid

from linkwell.directory.backends.elastic import ElasticsearchBackend
from tests.conftest import elasticsearch_url


def test_a_timeout_client_is_kept_and_never_longer_than_asked() -> None:
    backend = ElasticsearchBackend(elasticsearch_url(), f"timeouts-{uuid.uuid4().hex[:8]}-")
    try:
        kept = backend.with_timeout(1.2349)
        assert kept is backend.with_timeout(1.231)  # the same 10 ms step
        assert kept._request_timeout is not None and 1.22 < kept._request_timeout <= 1.2349
        assert backend.with_timeout(0.005)._request_timeout == 0.005  # under one step: as is
        assert backend.with_timeout(60.0)._request_timeout == 60.0
    finally:
        backend.close()


def test_after_close_the_timeout_clients_are_made_again() -> None:
    backend = ElasticsearchBackend(elasticsearch_url(), f"timeouts-{uuid.uuid4().hex[:8]}-")
    before = backend.with_timeout(1.0)
    assert before.cluster.health()["status"] in ("green", "yellow")
    backend.close()  # as before gunicorn forks
    after = backend.with_timeout(1.0)
    assert after is not before
    assert after.cluster.health()["status"] in ("green", "yellow")  # a live client
    backend.close()
