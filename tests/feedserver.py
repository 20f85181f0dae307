"""A tiny feed API on a real loopback socket, for testing the built-in readers over HTTP.

``FeedServer(answer)`` serves ``answer(path, query) -> (status, body)``: a body that is not
bytes is sent as JSON. Every request is recorded, so tests can check what a reader asked.
:func:`oruk3_api` answers like an Open Referral UK 3.0 API over a list of services.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

Answer = Callable[[str, dict[str, str]], tuple[int, Any]]
FULL_KEYS = ("service_at_locations", "schedules")


class FeedServer:
    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FeedServer:
        handler = self._handler()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(url.query).items()}
                path = unquote(url.path)
                server.requests.append((path, query))
                status, body = server.answer(path, query)
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: Any) -> None:
                pass

        return Handler


def oruk3_api(services: list[dict[str, Any]], *, partial: bool = True,
              fail_page: int | None = None, broken_page: int | None = None) -> Answer:
    """An ORUK 3.0 API: ``/services`` pages (partial items unless ``partial=False``),
    ``/services/{id}`` whole services, ``modified_after`` honoured. ``fail_page`` answers 500
    for that page; ``broken_page`` answers it with JSON cut off half-way."""
    by_id = {s["id"]: s for s in services}

    def answer(path: str, query: dict[str, str]) -> tuple[int, Any]:
        if path == "/services":
            page, per_page = int(query.get("page", 1)), int(query.get("per_page", 50))
            if page == fail_page:
                return 500, {"code": 500, "message": "database timeout"}
            listed = [s for s in services if s.get("last_modified", "") > query[
                "modified_after"]] if "modified_after" in query else services
            if page == broken_page:
                return 200, json.dumps(page_of(listed, page, per_page, partial)).encode()[:200]
            return 200, page_of(listed, page, per_page, partial)
        if path.startswith("/services/") and path[len("/services/"):] in by_id:
            return 200, by_id[path[len("/services/"):]]
        return 404, {"code": 404, "message": "Not Found"}

    return answer


def page_of(services: list[dict[str, Any]], page: int, per_page: int,
            partial: bool) -> dict[str, Any]:
    chunk = services[(page - 1) * per_page: page * per_page]
    items = [{k: v for k, v in s.items() if k not in FULL_KEYS} if partial else s
             for s in chunk]
    pages = max(1, -(-len(services) // per_page))
    return {"total_items": len(services), "total_pages": pages, "page_number": page,
            "size": len(items), "first_page": page == 1, "last_page": page >= pages,
            "empty": not items, "contents": items}
