"""Calls between our services ignore the environment's proxy; a person's command obeys it."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from flask import Flask, jsonify

from linkwell.client import ServiceClient, service_client
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


def _sibling(name: str) -> Flask:
    app = Flask(name)
    app.add_url_rule("/who", "who", lambda: jsonify({"app": name}))
    return app


def test_one_constructor_chooses_http_or_the_sibling_in_this_process() -> None:
    """service_client is the one place that chooses: the URL when there is one, else the
    sibling already running, else the configured app, else one made (and kept) for it."""
    made: list[Flask] = []

    def embedded() -> Flask:
        made.append(_sibling("made"))
        return made[-1]

    with FeedServer(lambda path, query: (200, {"app": "http"})) as service:
        over_http = service_client("directory", {"DIRECTORY_URL": service.url}, embedded=embedded)
        assert over_http.get("/who") == {"app": "http"}
        given = service_client("directory", {}, url=service.url, embedded=embedded)
        assert given.get("/who") == {"app": "http"}
    assert made == []  # nothing is made when the service has a URL

    siblings: dict[str, Any] = {}
    configured = service_client("directory", {"DIRECTORY_APP": _sibling("configured")},
                                siblings=siblings, embedded=embedded)
    assert configured.get("/who") == {"app": "configured"}
    assert made == []
    again = service_client("directory", {}, siblings=siblings, embedded=embedded, token="t")
    assert again.get("/who") == {"app": "configured"}  # the sibling already running here
    assert again.headers == {"Authorization": "Bearer t"}

    fresh: dict[str, Any] = {}
    first = service_client("matcher", {}, siblings=fresh, embedded=embedded)
    assert first.get("/who") == {"app": "made"}
    assert service_client("matcher", {}, siblings=fresh, embedded=embedded).get("/who") == {
        "app": "made"}
    assert len(made) == 1 and fresh == {"matcher": made[0]}  # made once, then kept

    with pytest.raises(LookupError, match="MATCHER_URL"):
        service_client("matcher", {})


class _ClosesKeptConnections:
    """An HTTP server that answers the first request on each connection, keeps it open, and
    closes it without an answer when a second request arrives on it (as a server closing an
    idle kept connection just as the next call goes out on it)."""

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.answered = 0
        self.dropped = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        import threading

        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: Any) -> None:
        with conn:
            for turn in (1, 2):
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    data += chunk
                if turn == 2:
                    self.dropped += 1
                    return  # closed with no answer
                body = b'{"ok": true}'
                self.answered += 1  # counted before the client can read the answer
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\nConnection: keep-alive\r\n\r\n%s"
                             % (len(body), body))

    def close(self) -> None:
        self.sock.close()


def test_a_kept_connection_the_service_dropped_is_tried_once_more_for_a_read() -> None:
    """The gateway's searches after a directory worker closed an idle connection: a GET on a
    dropped kept connection goes again on a new one; a POST is never sent twice."""
    server = _ClosesKeptConnections()
    try:
        client = ServiceClient(server.url, timeout=2)
        assert client.get("/services") == {"ok": True}
        assert client.get("/services") == {"ok": True}  # its kept connection was dropped
        assert (server.dropped, server.answered) == (1, 2)
        with pytest.raises(requests.RequestException):
            client.post("/services/batch", {"searches": []})  # on the connection kept
        assert (server.dropped, server.answered) == (2, 2)
    finally:
        server.close()
