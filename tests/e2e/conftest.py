"""The real thing: directory, matcher and gateway as separate gunicorn processes against the
real Elasticsearch node, the demo data loaded, and Debian's chromium driven by Playwright.

Run only these with ``pytest -m e2e``; ``scripts/test`` runs them with everything else.
"""

from __future__ import annotations

import email
import email.policy
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.conftest import elasticsearch_url
from tests.referrals.conftest import SmtpSink

CHROMIUM = os.environ.get("LINKWELL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-gpu"]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
# A 1×1 grey PNG: the partner test site's stand-in map tile.
TILE = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c"
                     "4944415408d763e8e8e8000003c801e14f5bdd9f0000000049454e44ae426082")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> None:
    """Outside CI a missing browser skips these tests; in CI it is a failure."""
    if os.environ.get("CI") == "true" or os.environ.get("LINKWELL_REQUIRE_E2E"):
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass
class Stack:
    gateway: str
    directory: str
    matcher: str
    partner: str
    data_dir: Path
    partner_key: str = ""
    postcodes: bool = False  # the demo postcodes are in the matcher's offline geocoder
    logs: dict[str, Path] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)
    inbox: Inbox | None = None  # the groups' mail server (referrals by email)

    def stop(self, name: str) -> None:
        """Stop one service as an operator would (SIGTERM, then wait)."""
        process = self.processes[name]
        process.terminate()
        process.wait(timeout=20)

    def start(self, name: str) -> None:
        """Start one service again on its port, appending to its log."""
        self.processes[name] = _gunicorn(name, self.ports[name], self.env, self.logs[name],
                                         append=True)
        _wait_for(f"http://127.0.0.1:{self.ports[name]}/healthz", self.processes[name],
                  self.logs[name])


class Inbox(SmtpSink):
    """A real SMTP server on loopback: the inbox of every group with an email."""

    def for_reference(self, reference: str) -> list[email.message.EmailMessage]:
        return [m for m in list(self.messages) if m["X-Linkwell-Reference"] == reference]


class _Partner(BaseHTTPRequestHandler):
    """A partner's website on another origin: one page with the widget, and map tiles."""

    page = b""

    def do_GET(self) -> None:
        if self.path.startswith("/tiles/"):
            self._send(200, "image/png", TILE)
        elif self.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", self.page)
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:  # keep the test output readable
        pass


def partner_page(gateway: str, key: str) -> bytes:
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Lewisham Community Hub</title>
<style>
  body {{ font-family: Georgia, serif; margin: 0; color: #222; }}
  header {{ background: #5a2d82; color: #fff; padding: 1rem 2rem; }}
  main {{ max-width: 48rem; margin: 0 auto; padding: 1rem 2rem; }}
  .linkwell-widget {{ --linkwell-accent: #5a2d82; --linkwell-font: Georgia, serif; }}
</style></head>
<body><header><p>Lewisham Community Hub</p></header>
<main><h1>Things to do near you</h1>
<p>Groups, clubs and advice across the borough, from Linkwell.</p>
<script src="{gateway}/widget.js" data-key="{key}" async></script>
</main></body></html>""".encode()


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f}s:\n{log.read_text()[-3000:]}")


def _gunicorn(app: str, port: int, env: dict[str, str], log: Path,
             append: bool = False) -> subprocess.Popen[bytes]:
    # Each service with the settings production uses (deploy/): the internal services with
    # two threaded worker processes here, the gateway threaded.
    config = "gunicorn_public.py" if app == "gateway" else "gunicorn_internal.py"
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / config),
               "-b", f"127.0.0.1:{port}", f"linkwell.{app}:create_app()"]
    env = {**env, "LINKWELL_WORKERS": "1" if app == "gateway" else "2"}
    handle = log.open("ab" if append else "wb")
    return subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT)


def _directory_app(env: dict[str, str]) -> Any:
    from linkwell.directory import create_app

    return create_app({"DATA_DIR": env["LINKWELL_DATA_DIR"], "SEARCH_BACKEND": "elasticsearch",
                       "ELASTICSEARCH_URL": env["ELASTICSEARCH_URL"],
                       "INDEX_PREFIX": env["LINKWELL_INDEX_PREFIX"],
                       "INGEST_TOKEN": env["LINKWELL_INGEST_TOKEN"],
                       "ELASTICSEARCH_TIMEOUT": 30.0})


def _load_demo(env: dict[str, str], directory: str) -> bool:
    """The demo boroughs' feeds, synced into the index the gunicorn directory serves."""
    from rich.console import Console

    from linkwell.cli.demo import load_demo
    from linkwell.directory.backends.base import SearchQuery
    from linkwell.hsds import STATUSES

    app = _directory_app(env)
    load_demo(app, Console(quiet=True))
    postcodes = _load_demo_postcodes(app.config)
    backend = app.extensions["linkwell.backend"]
    expected = backend.search(SearchQuery(per_page=1, facets=False,
                                          statuses=list(STATUSES))).total
    backend.close()
    assert expected > 100, "the demo feeds did not load"
    deadline = time.monotonic() + 30  # Elasticsearch makes writes searchable within a second
    while time.monotonic() < deadline:
        body = requests.get(f"{directory}/services", params={
            "per_page": 1, "status": ",".join(STATUSES)}, timeout=5).json()
        if body["total"] >= expected:
            return postcodes
        time.sleep(0.3)
    raise RuntimeError(f"the directory shows {body['total']} of {expected} demo assets")


def _load_demo_postcodes(config: Any) -> bool:
    """The demo venues' postcodes into the offline geocoder, as ``linkwell serve`` does."""
    try:
        from linkwell.geo.cli import load_plugin_postcodes_if_empty
    except ImportError:  # before the geocoder (issue 3) lands, matching has no postcodes
        return False
    from rich.console import Console

    load_plugin_postcodes_if_empty(config, Console(quiet=True))
    return True


def _drop_indices(env: dict[str, str]) -> None:
    backend = _directory_app(env).extensions["linkwell.backend"]
    backend.drop_all()
    backend.close()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The three services under gunicorn, the demo data in Elasticsearch, a partner site."""
    es = elasticsearch_url()
    data = tmp_path_factory.mktemp("e2e")
    ports = {name: _free_port() for name in ("directory", "matcher", "gateway", "partner")}
    urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    partner_origin = f"http://localhost:{ports['partner']}"  # another origin than the gateway
    env = {**os.environ, "LINKWELL_DATA_DIR": str(data / "var"),
           "LINKWELL_SEARCH_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": es,
           "LINKWELL_INDEX_PREFIX": f"e2e-{uuid.uuid4().hex[:10]}-",
           "LINKWELL_INGEST_TOKEN": "e2e-token", "LINKWELL_DIRECTORY_URL": urls["directory"],
           "LINKWELL_MATCHER_URL": urls["matcher"],
           "LINKWELL_MAP_TILES_URL": partner_origin + "/tiles/{z}/{x}/{y}.png",
           "LINKWELL_MAP_TILES_ATTRIBUTION": "Test tiles",
           # One browser is one visitor making hundreds of requests over the session (the
           # combobox asks as it types): the default 60 a minute would turn later tests' pages
           # into 429s. The limits themselves are tested in tests/gateway/test_limits.py.
           "LINKWELL_RATE_LIMITS": "anonymous=6000/minute, partner=6000/minute"}
    inbox = Inbox()
    inbox.start()
    env.update({"LINKWELL_SMTP_HOST": "127.0.0.1", "LINKWELL_SMTP_PORT": str(inbox.port),
                "LINKWELL_SMTP_FROM": "Linkwell <referrals@linkwell.example.org>",
                "LINKWELL_PUBLIC_URL": urls["gateway"]})
    processes: list[subprocess.Popen[bytes]] = []
    server = None
    logs = {name: data / f"{name}.log" for name in ("directory", "matcher", "gateway")}
    try:
        names = ["directory", "gateway", "matcher"]
        for name in names:
            processes.append(_gunicorn(name, ports[name], env, logs[name]))
        for name, process in zip(names, processes, strict=True):
            _wait_for(f"{urls[name]}/healthz", process, logs[name])
        postcodes = _load_demo(env, urls["directory"])
        from linkwell.gateway.keys import KeyStore

        _, secret = KeyStore(data / "var" / "gateway.sqlite3").create(
            "Lewisham Community Hub", "partner", origins=(partner_origin,))
        _Partner.page = partner_page(urls["gateway"], secret)
        server = ThreadingHTTPServer(("127.0.0.1", ports["partner"]), _Partner)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        stack = Stack(urls["gateway"], urls["directory"], urls["matcher"], partner_origin, data,
                      secret, postcodes, logs, dict(zip(names, processes, strict=True)), env,
                      ports, inbox)
        yield stack
        processes = list(stack.processes.values())  # a test may have restarted one
    finally:
        if server is not None:
            server.shutdown()
        inbox.stop()
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        _drop_indices(env)


@pytest.fixture
def page(browser: Any, stack: Stack) -> Iterator[Any]:
    """A fresh browser profile (empty localStorage) that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.requested = []
    tab.console_errors = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    tab.on("console", lambda message: message.type == "error"
           and tab.console_errors.append(message.text))
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def screenshot(page: Any, name: str, full_page: bool = False) -> None:
    """Saved to docs/screenshots/ when LINKWELL_SCREENSHOTS=1 (to refresh the README's)."""
    if os.environ.get("LINKWELL_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
