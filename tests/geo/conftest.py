"""Fixtures for geocoding: the small postcode file, and a local server that answers like
postcodes.io (a real HTTP server on 127.0.0.1, started per test: no network, no mocks)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from linkwell.geo.importer import import_postcodes
from linkwell.geo.store import PostcodeStore, store_path

#: Real postcodes in the ONS Postcode Directory layout: 30 in London, one terminated
#: (AB1 0AA, from the ONSPD), one with the ONSPD's "no grid reference" coordinates (GY1 1AA).
#: The London coordinates are OS Code-Point Open grid references converted to WGS84 with the
#: OSGB36 Helmert transformation the ONS uses (it reproduces ONSPD rows to 1e-6 degrees).
POSTCODES_CSV = Path(__file__).resolve().parents[1] / "data" / "postcodes.csv"


class FakePostcodesIo:
    """What the local server knows and what it was asked."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[float | None, float | None]] = {}
        self.outcodes: dict[str, tuple[float, float]] = {}
        self.places: list[dict[str, Any]] = []  # as /places answers: name_1, local_type, ...
        self.hung = False  # take the request and never answer
        self.failing: set[str] = set()
        self.slow: set[str] = set()
        self.requests: list[str] = []
        self.release = threading.Event()
        self.url = ""

    def asked_for(self, postcode: str) -> int:
        return self.requests.count(f"/postcodes/{postcode}")


def _handler(fake: FakePostcodesIo) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = unquote(self.path)
            fake.requests.append(path)
            if fake.hung:
                fake.release.wait(30)
                return
            asked = urlsplit(path)
            # What is asked about: the postcode, the outcode, or the place name searched for.
            postcode = (parse_qs(asked.query).get("q") or [""])[0] if asked.path == "/places" \
                else asked.path.rsplit("/", 1)[-1]
            if postcode in fake.slow:
                fake.release.wait(10)
            if postcode in fake.failing:
                self._answer(500, {"status": 500, "error": "Internal server error"})
            elif asked.path == "/places":
                self._answer(200, {"status": 200, "result": [
                    p for p in fake.places if any(postcode.lower() in str(p.get(n)).lower()
                                                  for n in ("name_1", "name_2"))]})
            elif asked.path.startswith("/outcodes/") and postcode in fake.outcodes:
                lat, lon = fake.outcodes[postcode]
                self._answer(200, {"status": 200, "result": {
                    "outcode": postcode, "latitude": lat, "longitude": lon}})
            elif asked.path.startswith("/outcodes/"):
                self._answer(404, {"status": 404, "error": "Outcode not found"})
            elif postcode in fake.known:
                lat, lon = fake.known[postcode]
                self._answer(200, {"status": 200, "result": {
                    "postcode": postcode, "latitude": lat, "longitude": lon,
                    "admin_district": "Somewhere"}})
            else:
                self._answer(404, {"status": 404, "error": "Postcode not found"})

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the timeout test)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def postcodes_io() -> Iterator[FakePostcodesIo]:
    fake = FakePostcodesIo()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield fake
    fake.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def geo_config(tmp_path: Path) -> dict[str, Any]:
    """Settings with a data directory of the test's own."""
    return {"DATA_DIR": str(tmp_path / "var")}


@pytest.fixture
def loaded_store(geo_config: dict[str, Any]) -> PostcodeStore:
    """The postcode table with tests/data/postcodes.csv loaded."""
    store = PostcodeStore(store_path(geo_config))
    import_postcodes(store, POSTCODES_CSV)
    return store
