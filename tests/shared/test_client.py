"""Calls between our services ignore the environment's proxy; a person's command obeys it."""

from __future__ import annotations

import pytest
import requests

from linkwell.client import ServiceClient
from tests.feedserver import FeedServer


def test_service_calls_go_straight_to_the_service(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    with FeedServer(lambda path, query: (200, {"ok": True})) as service:
        assert ServiceClient(service.url, timeout=2).get("/readyz") == {"ok": True}
        with pytest.raises(requests.RequestException):  # a person's command takes the proxy
            ServiceClient(service.url, timeout=2, trust_env=True).get("/readyz")
        assert service.paths() == ["/readyz"]  # only the direct call arrived
