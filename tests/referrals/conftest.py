"""Referral fixtures: real SMTP and webhook receivers on loopback, stores on SQLite and
PostgreSQL, and a gateway in front of a real directory."""

from __future__ import annotations

import asyncio
import email
import email.message
import email.policy
import json
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.gateway.keys import KeyStore
from linkwell.gateway.referrals.crypto import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    verify_webhook,
)
from tests.conftest import directory_config, load
from tests.factory import service

DEAD = "http://127.0.0.1:9"
WEBHOOK_SECRET = "test-webhook-secret"
PARTNER_ORIGIN = "https://lewisham.example.org"
STORES = ("sqlite", "postgresql")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- PostgreSQL ------------------------------------------------------------------------


def postgres_url() -> str:
    """The server scripts/test starts (LINKWELL_TEST_POSTGRES_URL): required in CI."""
    url = os.environ.get("LINKWELL_TEST_POSTGRES_URL")
    reason = None
    if not url:
        reason = "LINKWELL_TEST_POSTGRES_URL is not set (scripts/test starts a server and sets it)"
    else:
        import psycopg

        try:
            psycopg.connect(url, connect_timeout=5).close()
        except psycopg.Error as exc:
            reason = f"no PostgreSQL answers at {url}: {type(exc).__name__}"
    if reason:
        if os.environ.get("LINKWELL_REQUIRE_POSTGRES") or os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required here: {reason}")
        print(f"skipping PostgreSQL tests: {reason}")
        pytest.skip(reason)
    assert url is not None
    return url


@pytest.fixture
def postgres_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose tables land in a schema of this test's own, dropped after."""
    import psycopg

    url = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    yield f"{url}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=STORES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A referral database URL on each backend (SQLite file, PostgreSQL schema)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'referrals.sqlite3'}"
    url: str = request.getfixturevalue("postgres_schema_url")
    return url


def raw_contents(url: str) -> bytes:
    """Every byte a referral store wrote: the SQLite files (with the WAL), or each value of
    each PostgreSQL row (bytea as its bytes, so sealed text is not hidden by hex)."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        files = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
        return b"".join(p.read_bytes() for p in files)
    import psycopg

    out = []
    with psycopg.connect(url) as conn:
        for table in ("referrals", "outbox", "referral_notes", "referral_wellbeing",
                      "wellbeing_erased", "referral_views"):
            for row in conn.execute(f"SELECT * FROM {table}").fetchall():
                out += [bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode()
                        for v in row]
    return b"\n".join(out)


# --- receivers -------------------------------------------------------------------------


class SmtpSink:
    """A real SMTP server (aiosmtpd) on loopback that can be down, then up."""

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[email.message.EmailMessage] = []
        self._controller: Any = None
        self.hold: threading.Event | None = None  # until set, a message waits for its 250
        self.arrived = 0  # messages whose content has arrived, held or not

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.arrived += 1
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        if self.hold is None:
            self.messages.append(parsed)  # type: ignore[arg-type]
            return "250 Message accepted"
        # A slow mail server: the sender waits for the answer, and the message is accepted
        # once the hold ends whether or not the sender is still there to hear it (RFC 1047's
        # duplicate). Shielded: aiosmtpd cancels this handler when it sees the sender's
        # connection close, and whether it sees that before the hold ends was a race.
        waiting = asyncio.get_running_loop().run_in_executor(None, self.hold.wait, 30)
        waiting.add_done_callback(lambda _: self.messages.append(parsed))  # type: ignore[arg-type]
        await asyncio.shield(waiting)
        return "250 Message accepted"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def message_ids(self) -> list[str]:
        return [str(m["Message-ID"]) for m in self.messages]


@dataclass
class WebhookSink:
    """A real HTTP receiver that checks signatures and counts referrals by idempotency key."""

    port: int = field(default_factory=free_port)
    fail_next: int = 0  # answer 503 to this many requests first
    received: list[dict[str, Any]] = field(default_factory=list)
    rejected: int = 0
    seen_keys: set[str] = field(default_factory=set)
    hold: threading.Event | None = None  # until set, requests wait (a hung receiver)
    requests: int = 0  # every POST, retries and duplicates included
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/referrals"

    def start(self) -> None:
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with sink._lock:
                    sink.requests += 1
                if sink.hold is not None:
                    sink.hold.wait(30)
                with sink._lock:
                    status = self._receive(body)
                self._answer(status)

            def _receive(self, body: bytes) -> int:
                if sink.fail_next > 0:
                    sink.fail_next -= 1
                    return 503
                if not verify_webhook(WEBHOOK_SECRET, self.headers.get(TIMESTAMP_HEADER, ""),
                                      body, self.headers.get(SIGNATURE_HEADER, "")):
                    sink.rejected += 1
                    return 401
                key = self.headers.get(IDEMPOTENCY_HEADER, "")
                if key in sink.seen_keys:  # what a careful receiver does with a retry
                    return 200
                sink.seen_keys.add(key)
                sink.received.append(json.loads(body))
                return 200

            def _answer(self, status: int) -> None:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    yield sink
    if sink.hold is not None:
        sink.hold.set()
    sink.stop()


@pytest.fixture
def webhook() -> Iterator[WebhookSink]:
    sink = WebhookSink()
    yield sink
    if sink.hold is not None:
        sink.hold.set()
    sink.stop()


# --- listings, a directory and a gateway ------------------------------------------------


def listings() -> list[dict[str, Any]]:
    """A group with a published email, one routed to a webhook, one with no way to reach."""
    walk = service("ref-walk", "Ladywell Walkers", "Gentle walks.")
    walk["email"] = "walks@ladywell-walkers.example.org"
    choir = service("ref-choir", "Catford Community Choir", "All voices welcome.")
    quiet = service("ref-quiet", "Quiet Reading Group", "No email given.")
    closed = service("ref-closed", "Closed Lunch Club", status="inactive")
    closed["email"] = "lunch@example.org"
    return [walk, choir, quiet, closed]


WALK, CHOIR, QUIET, CLOSED = (r["id"] for r in listings())


def gateway_config(tmp_path: Path, directory: Flask, smtp_port: int, webhook_url: str,
                   **extra: Any) -> dict[str, Any]:
    config = {"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": directory, "MATCHER_URL": DEAD,
              "TESTING": True, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp_port,
              "SMTP_FROM": "Linkwell <referrals@linkwell.example.org>",
              "REFERRALS_ROUTES": {"assets": {CHOIR: {"webhook": webhook_url,
                                                      "secret": WEBHOOK_SECRET}}},
              "REFERRALS_RETRY_BASE_SECONDS": 10.0, "REFERRALS_MAX_ATTEMPTS": 5,
              "REFERRALS_DELIVERY_TIMEOUT": 5.0, "PUBLIC_URL": "https://linkwell.example.org"}
    config.update(extra)
    return config


@dataclass
class Gateway:
    app: Flask
    client: FlaskClient
    partner: dict[str, str]
    link_worker: dict[str, str]
    admin: dict[str, str]

    @property
    def referrals(self) -> Any:
        return self.app.extensions["linkwell.referrals"]


def make_gateway(config: dict[str, Any]) -> Gateway:
    from linkwell.gateway import create_app

    app = create_app(config)
    keys = KeyStore(Path(config["DATA_DIR"]) / "gateway.sqlite3")
    _, partner = keys.create("Lewisham Council website", "partner", origins=(PARTNER_ORIGIN,))
    _, worker = keys.create("Catford Surgery link workers", "link_worker")
    _, admin = keys.create("Linkwell admins", "admin")
    return Gateway(app, app.test_client(),
                   {"X-API-Key": partner, "Origin": PARTNER_ORIGIN},
                   {"X-API-Key": worker}, {"X-API-Key": admin})


@pytest.fixture
def sqlite_directory(tmp_path: Path) -> Flask:
    from linkwell.directory import create_app

    app = create_app(directory_config("sqlite", tmp_path))
    load(app.test_client(), listings())
    return app


@pytest.fixture
def gateway(sqlite_directory: Flask, tmp_path: Path, smtp: SmtpSink,
            webhook: WebhookSink) -> Gateway:
    """A gateway on a SQLite directory, with an SMTP server and a webhook (both down)."""
    return make_gateway(gateway_config(tmp_path, sqlite_directory, smtp.port, webhook.url))


def referral(asset_id: str = WALK, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"asset_id": asset_id, "name": "Bernadette Okonkwo-Smith",
                            "contact_method": "phone", "phone": "07700 900461",
                            "email": "b.okonkwo.smith@mailbox.example.net",
                            "good_time": "Weekday mornings after ten",
                            "message": "I have not been out much since my hip operation.",
                            "consent_share": True, "consent_follow_up": True,
                            "aged_16_or_over": True}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}
