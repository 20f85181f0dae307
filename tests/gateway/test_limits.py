"""Rate limits: one budget per client across processes and machines, and room for ORUK readers."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests
from flask import Flask, jsonify, request

from linkwell.gateway.keys import KeyStore
from tests.conftest import load, redis_url
from tests.e2e.conftest import _wait_for
from tests.factory import corpus

ROOT = Path(__file__).resolve().parents[2]
DEAD = "http://127.0.0.1:9"  # nothing listens on the discard port


def gateway(tmp_path: Path, **config: Any) -> Flask:
    from linkwell.gateway import create_app

    return create_app({"DATA_DIR": str(tmp_path / "gw"), "MATCHER_URL": DEAD,
                       "DIRECTORY_URL": DEAD, "TESTING": True, **config})


def test_two_gateways_on_one_redis_hold_a_client_to_one_budget(tmp_path: Path) -> None:
    shared = {"RATE_LIMIT_STORAGE": redis_url(), "RATE_LIMIT_PREFIX": uuid.uuid4().hex,
              "RATE_LIMITS": "anonymous=5/minute"}
    first = gateway(tmp_path / "a", **shared).test_client()
    second = gateway(tmp_path / "b", **shared).test_client()
    codes = [(first if i % 2 else second).get("/api/v1/taxonomy").status_code
             for i in range(12)]
    assert codes.count(200) == 5 and codes[5:] == [429] * 7
    limited = first.get("/api/v1/taxonomy")
    assert limited.json["code"] == 429 and 1 <= int(limited.headers["Retry-After"]) <= 60
    other = first.get("/api/v1/taxonomy", environ_base={"REMOTE_ADDR": "10.9.8.7"})
    assert other.status_code == 200  # another address has its own budget


def test_the_referral_forms_limits_are_shared_too_and_kept_apart_by_prefix(
        tmp_path: Path) -> None:
    prefix = uuid.uuid4().hex
    apps = [gateway(tmp_path / name, RATE_LIMIT_STORAGE=redis_url(), RATE_LIMIT_PREFIX=p)
            for name, p in (("a", prefix), ("b", prefix), ("c", uuid.uuid4().hex))]
    first, second, elsewhere = (app.extensions["linkwell.limiter"] for app in apps)
    assert [first.hit("referral:x", 2), second.hit("referral:x", 2)] == [None, None]
    wait = second.hit("referral:x", 2)
    assert wait is not None and 0 < wait <= 60
    assert elsewhere.hit("referral:x", 2) is None  # another deployment on the same Redis


def test_with_redis_down_requests_are_answered_and_each_process_counts_alone(
        tmp_path: Path) -> None:
    app = gateway(tmp_path, RATE_LIMIT_STORAGE="redis://127.0.0.1:9/0",
                  RATE_LIMITS="anonymous=2/minute")
    client = app.test_client()
    assert [client.get("/api/v1/taxonomy").status_code for _ in range(3)] == [200, 200, 429]


def test_behind_a_trusted_proxy_each_visitor_has_their_own_budget(tmp_path: Path) -> None:
    def codes(app: Flask, forwarded_for: str) -> list[int]:
        client = app.test_client()
        return [client.get("/api/v1/taxonomy", headers={"X-Forwarded-For": forwarded_for},
                           environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code
                for _ in range(3)]

    behind = gateway(tmp_path / "a", PROXY_HOPS=1, RATE_LIMITS="anonymous=2/minute")
    assert codes(behind, "203.0.113.1") == [200, 200, 429]
    assert codes(behind, "203.0.113.2") == [200, 200, 429]  # another visitor, not the proxy
    # With no proxy to trust, the header is the client's own say: ignored.
    direct = gateway(tmp_path / "b", RATE_LIMITS="anonymous=2/minute")
    assert codes(direct, "203.0.113.1") == [200, 200, 429]
    assert codes(direct, "203.0.113.2") == [429, 429, 429]


def test_four_gunicorn_workers_hold_one_client_to_its_limit(tmp_path: Path) -> None:
    limit, sent = 30, 240
    port = _free_port()
    log, access = tmp_path / "gunicorn.log", tmp_path / "access.log"
    env = {**_environ(), "LINKWELL_DATA_DIR": str(tmp_path / "var"),
           "LINKWELL_DIRECTORY_URL": DEAD, "LINKWELL_MATCHER_URL": DEAD,
           "LINKWELL_RATE_LIMIT_STORAGE": redis_url(),
           "LINKWELL_RATE_LIMIT_PREFIX": uuid.uuid4().hex,
           "LINKWELL_RATE_LIMITS": f"anonymous={limit}/minute", "LINKWELL_WORKERS": "4",
           "LINKWELL_THREADS": "1"}  # gunicorn would make threaded "sync" workers gthread
    # Sync workers take one request at a time, so concurrent clients spread over all four.
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn_public.py"),
               "--worker-class", "sync", "-b", f"127.0.0.1:{port}",
               "--access-logfile", str(access), "--access-logformat", "%(p)s %(s)s %(U)s",
               "linkwell.gateway:create_app()"]
    with log.open("wb") as handle:
        process = subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT,
                                   cwd=ROOT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", process, log)
        _wait_for_workers(f"http://127.0.0.1:{port}/healthz", access, 4)

        def ask(_: int) -> int:
            return requests.get(f"http://127.0.0.1:{port}/api/v1/taxonomy", timeout=30).status_code

        with ThreadPoolExecutor(8) as pool:
            codes = Counter(pool.map(ask, range(sent)))
    finally:
        process.terminate()
        process.wait(30)
    workers = _workers(access, "/api/v1/taxonomy")
    assert sum(workers.values()) == sent
    # Were each worker counting alone, every worker past the first would let more through.
    assert len(workers) >= 2, f"one worker served every request: {workers}"
    assert codes == {200: limit, 429: sent - limit}, (codes, workers)


def test_a_validator_walk_gets_no_429_at_the_anonymous_budget(tmp_path: Path) -> None:
    from linkwell.directory import create_app as directory_app

    directory = directory_app({"TESTING": True, "DATA_DIR": str(tmp_path / "dir"),
                               "SEARCH_BACKEND": "sqlite", "INGEST_TOKEN": "test-token"})
    load(directory.test_client(), corpus())
    client = gateway(tmp_path, DIRECTORY_URL=None, DIRECTORY_APP=directory).test_client()
    # Twice, as someone does who runs the validator again after a fix.
    codes = _validator_walk(client) + _validator_walk(client)
    assert len(codes) >= 60 and set(codes) == {200}, Counter(codes)
    # The walk spent the ORUK budget only: the API's own (60 a minute) is untouched.
    assert client.get("/api/v1/taxonomy").status_code == 200


def _validator_walk(client: Any) -> list[int]:
    """What the ORUK validator asks for: /, the first, a middle and the last page of each
    list, then each id on those pages (a small per_page makes the test corpus many pages).
    Returns the status of every request."""
    codes = [client.get("/openreferral/").status_code]
    for endpoint in ("services", "service_at_locations", "taxonomies", "taxonomy_terms"):
        base = f"/openreferral/{endpoint}?per_page=3"
        first = client.get(f"{base}&page=1")
        last = first.json["total_pages"]
        pages = [first] + [client.get(f"{base}&page={page}")
                           for page in sorted({(last + 1) // 2, last} - {1})]
        codes += [listing.status_code for listing in pages]
        for item in (item for listing in pages for item in listing.json["contents"]):
            codes.append(client.get(f"/openreferral/{endpoint}/{item['id']}").status_code)
    return codes


SERVICES = 20_000
PER_PAGE = 100


def _synthetic_directory() -> Flask:
    """An ORUK 3.0 API of 20,000 services whose list items are partial (as Linkwell's are)."""
    app = Flask("synthetic-directory")
    ids = [str(uuid.UUID(int=i + 1)) for i in range(SERVICES)]

    @app.get("/openreferral/services")
    def services() -> Any:
        page = int(request.args.get("page", 1))
        contents = [{"id": i, "name": f"Group {i[-5:]}", "status": "active"}
                    for i in ids[(page - 1) * PER_PAGE:page * PER_PAGE]]
        pages = SERVICES // PER_PAGE
        return jsonify({"total_items": SERVICES, "total_pages": pages, "page_number": page,
                        "size": len(contents), "first_page": page == 1,
                        "last_page": page == pages, "empty": not contents,
                        "contents": contents})

    @app.get("/openreferral/services/<service_id>")
    def one(service_id: str) -> Any:
        return jsonify({"id": service_id, "name": "A group", "status": "active",
                        "service_at_locations": [], "schedules": []})

    return app


def _sync(client: Any, headers: dict[str, str]) -> Counter[int]:
    """Every page of /services, then every service by its id, as a sync of partial lists."""
    codes: Counter[int] = Counter()
    for page in range(1, SERVICES // PER_PAGE + 1):
        listing = client.get(f"/openreferral/services?page={page}&per_page={PER_PAGE}",
                             headers=headers)
        codes[listing.status_code] += 1
        if listing.status_code != 200:
            return codes
        for item in listing.json["contents"]:
            codes[client.get(f"/openreferral/services/{item['id']}",
                             headers=headers).status_code] += 1
    return codes


def test_a_20000_service_oruk_read_with_a_reader_key_gets_no_429(tmp_path: Path) -> None:
    app = gateway(tmp_path, DIRECTORY_URL=None, DIRECTORY_APP=_synthetic_directory())
    _, secret = KeyStore(tmp_path / "gw" / "gateway.sqlite3").create(
        "Another directory", "oruk_reader")
    codes = _sync(app.test_client(), {"X-API-Key": secret})
    assert codes == {200: SERVICES + SERVICES // PER_PAGE}, codes
    # Without the key the same read is held to the anonymous ORUK budget.
    anonymous = _sync(app.test_client(), {})
    assert anonymous[200] == 600 and anonymous[429] >= 1, anonymous


def _workers(access_log: Path, path: str) -> Counter[str]:
    """How many requests for ``path`` each worker process served (from the access log)."""
    lines = access_log.read_text().splitlines() if access_log.exists() else []
    return Counter(line.split()[0] for line in lines if line.endswith(" " + path))


def _wait_for_workers(url: str, access_log: Path, count: int, seconds: float = 90) -> None:
    """Until ``count`` workers have answered (each boots the app on its own, some later)."""
    import time

    deadline = time.monotonic() + seconds
    while len(_workers(access_log, "/healthz")) < count:
        assert time.monotonic() < deadline, f"fewer than {count} workers answered"
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda _: requests.get(url, timeout=10), range(16)))


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not re.match(r"LINKWELL_|ELASTICSEARCH_", k)}


def test_the_headers_read_in_the_same_trip_as_the_count_say_what_is_left(
        tmp_path: Path) -> None:
    """One round trip counts a request and reads its window (OneTripRedis): the headers
    still say what is left of the one budget two gateways share, request by request."""
    from linkwell.gateway.limits import OneTripRedis

    shared = {"RATE_LIMIT_STORAGE": redis_url(), "RATE_LIMIT_PREFIX": uuid.uuid4().hex,
              "RATE_LIMITS": "anonymous=4/minute"}
    apps = [gateway(tmp_path / name, **shared) for name in ("a", "b")]
    assert all(isinstance(limiter.storage, OneTripRedis)
               for app in apps for limiter in app.extensions["limiter"])
    clients = [app.test_client() for app in apps]
    answers = [clients[i % 2].get("/api/v1/taxonomy") for i in range(6)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429, 429]
    assert [a.headers["X-RateLimit-Remaining"] for a in answers] == ["3", "2", "1", "0", "0", "0"]
    assert {a.headers["X-RateLimit-Limit"] for a in answers} == {"4"}


def test_a_request_costs_one_round_trip_to_redis(monkeypatch: Any) -> None:
    """Counting a request and reading its window go to Redis together (the real Redis,
    each packet sent counted on the way)."""
    import redis.connection

    from linkwell.gateway.limits import OneTripRedis

    storage = OneTripRedis(OneTripRedis.SCHEME_PREFIX + redis_url(),
                           key_prefix=uuid.uuid4().hex)
    storage.acquire_entry("client", 100, 60)  # Redis learns the scripts (once)
    sent = Counter[str]()
    real = redis.connection.Connection.send_packed_command

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        sent["packets"] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(redis.connection.Connection, "send_packed_command", counted)
    for expected_left in (98, 97, 96):
        assert storage.acquire_entry("client", 100, 60)
        start, count = storage.get_moving_window("client", 100, 60)
        assert 100 - count == expected_left and start > 0
    assert sent["packets"] == 3
