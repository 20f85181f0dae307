"""Referral benchmark: how long taking a referral takes (stored and committed before the
answer), and how fast the outbox delivers to a local webhook and a local SMTP server.

    python bench/referrals.py [--count 300] [--postgres postgresql://...]

Everything runs on this machine: the gateway in-process, a SQLite directory, the referral
store on SQLite (and PostgreSQL when --postgres or LINKWELL_TEST_POSTGRES_URL is given).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from harness import free_port

SECRET = "bench-secret"


def webhook_server() -> tuple[ThreadingHTTPServer, list[int]]:
    got: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            got.append(1)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, got


def smtp_server() -> tuple[Any, list[int]]:
    from aiosmtpd.controller import Controller

    got: list[int] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            got.append(1)
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, got


def listing(slug: str, name: str, email: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, slug)), "name": name,
                              "status": "active", "description": f"{name}: come along."}
    if email:
        record["email"] = email
    return record


def run(store_url: str | None, count: int, label: str) -> None:
    from linkwell.directory import create_app as directory_app
    from linkwell.gateway import create_app as gateway_app
    from linkwell.gateway.keys import KeyStore
    from linkwell.gateway.referrals import Referrals

    tmp = Path(tempfile.mkdtemp(prefix="linkwell-bench-referrals-"))
    hook, hook_got = webhook_server()
    smtp, smtp_got = smtp_server()
    walk = listing("bench/walk", "Bench Walkers", "walks@example.org")
    choir = listing("bench/choir", "Bench Choir", None)
    directory = directory_app({"DATA_DIR": str(tmp / "dir"), "SEARCH_BACKEND": "sqlite",
                               "INGEST_TOKEN": "t", "TESTING": True})
    directory.test_client().post("/assets", json={"feed": "bench", "records": [walk, choir]},
                                 headers={"Authorization": "Bearer t"})
    config: dict[str, Any] = {
        "DATA_DIR": str(tmp / "gw"), "DIRECTORY_APP": directory, "MATCHER_URL": "http://127.0.0.1:9",
        "TESTING": True, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp.port,
        "REFERRALS_LINK_WORKER_RATE_LIMIT": 10 * count,
        "REFERRALS_ROUTES": {"assets": {choir["id"]: {
            "webhook": f"http://127.0.0.1:{hook.server_address[1]}/in", "secret": SECRET}}}}
    if store_url:
        config["REFERRALS_DATABASE_URL"] = store_url
    gateway = gateway_app(config)
    _, key = KeyStore(tmp / "gw" / "gateway.sqlite3").create("bench", "link_worker")
    client = gateway.test_client()
    timings = []
    for i in range(count):
        body = {"asset_id": (walk if i % 2 else choir)["id"], "name": f"Person {i}",
                "contact_method": "phone", "phone": "07700 900123", "consent_share": True,
                "aged_16_or_over": True, "good_time": "mornings"}
        started = time.perf_counter()
        response = client.post("/api/v1/referrals", json=body, headers={"X-API-Key": key})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 201, response.json
    timings.sort()
    print(f"{label}: POST /api/v1/referrals x{count}: p50 {statistics.median(timings):.1f} ms, "
          f"p95 {timings[int(0.95 * len(timings)) - 1]:.1f} ms (stored and committed)")
    worker = Referrals(config)
    started = time.perf_counter()
    delivered = worker.outbox().run_once(limit=10 * count)
    elapsed = time.perf_counter() - started
    print(f"{label}: delivered {delivered} ({len(hook_got)} webhooks, {len(smtp_got)} emails) "
          f"in {elapsed:.2f} s: {delivered / elapsed:.0f} referrals/s from one worker")
    hook.shutdown()
    smtp.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--postgres", default=os.environ.get("LINKWELL_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    run(None, args.count, "SQLite")
    if args.postgres:
        run(args.postgres, args.count, "PostgreSQL")
    else:
        print("PostgreSQL: skipped (no --postgres or LINKWELL_TEST_POSTGRES_URL)", file=sys.stderr)


if __name__ == "__main__":
    main()
