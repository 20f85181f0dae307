"""The gateway's guards on its calls: breaker, bulkhead, and one probe at a time."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from flask import Flask

from linkwell.client import ServiceClient
from linkwell.gateway.upstream import Breaker, Bulkhead, Refused, Upstream


def test_breaker_opens_on_calls_in_flight_that_are_slow() -> None:
    breaker = Breaker(slow_calls=3, slow_after=0.05)
    tickets = [breaker.start() for _ in range(3)]
    assert not breaker.is_open  # slow is not yet failed: a hung service fails nothing
    time.sleep(0.08)
    with pytest.raises(Refused):
        breaker.start()
    assert breaker.is_open
    for ticket in tickets:
        breaker.finish(ticket, ok=False)
    breaker.close()
    assert not breaker.is_open and breaker.start()


def test_breaker_opens_after_failures_in_a_row() -> None:
    breaker = Breaker(threshold=3)
    for ok in (False, False, True, False, False):
        breaker.finish(breaker.start(), ok)
    assert not breaker.is_open  # a success between resets the count
    breaker.finish(breaker.start(), ok=False)
    assert breaker.is_open


def test_bulkhead_refuses_rather_than_queues() -> None:
    bulkhead = Bulkhead(2)
    bulkhead.enter()
    bulkhead.enter()
    with pytest.raises(Refused):
        bulkhead.enter()
    bulkhead.leave()
    bulkhead.enter()


def flaky_service() -> tuple[Flask, dict[str, Any]]:
    """A service whose /readyz answers 503 until ``state['up']``, counting concurrent probes."""
    state: dict[str, Any] = {"up": False, "now": 0, "most": 0, "calls": 0}
    lock = threading.Lock()
    app = Flask(__name__)

    @app.get("/readyz")
    def readyz() -> tuple[dict[str, bool], int]:
        with lock:
            state["now"] += 1
            state["calls"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(0.02)
        with lock:
            state["now"] -= 1
        return {"ok": state["up"]}, 200 if state["up"] else 503

    @app.get("/thing")
    def thing() -> dict[str, bool]:
        return {"ok": True}

    return app, state


def test_one_probe_at_a_time_and_calls_flow_within_a_second_of_recovery() -> None:
    app, state = flaky_service()
    upstream = Upstream("flaky", ServiceClient(app=app, timeout=1.0), Breaker(threshold=1))
    upstream.breaker.finish(upstream.breaker.start(), ok=False)
    assert upstream.breaker.is_open and not upstream.ready()

    def call(_: int) -> str:
        try:
            upstream.call("GET", "/thing")
        except Refused:
            return "refused"
        return "ok"

    with ThreadPoolExecutor(20) as pool:  # a crowd of calls while it is down: no herd
        assert set(pool.map(call, range(200))) == {"refused"}
    time.sleep(0.3)
    assert state["calls"] >= 1 and state["most"] == 1
    state["up"] = True
    recovered = time.monotonic()
    while call(0) != "ok":
        assert time.monotonic() - recovered < 1.0, "calls did not flow within a second"
        time.sleep(0.02)
    assert upstream.ready()
