"""A hung Elasticsearch node (SIGSTOP: it accepts connections and never answers) under
concurrent searches through the gateway, then its recovery (issue 23, points 1, 4 and 5)."""

from __future__ import annotations

import os
import signal
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.factory import corpus
from tests.faults.conftest import Node
from tests.faults.stack import Stack, api_key, load, timed

pytestmark = pytest.mark.faults
SEARCH_BOUND = 2.5  # seconds: the gateway's 2 s search budget, and time to say so
# Seconds for /healthz and /readyz, whatever is hung: the typical answer within the issue's
# 100 ms, and none slow enough to have queued behind a search (they took 3.5-5 s before).
HEALTH_BOUND = 0.1
HEALTH_WORST = 1.0
# Seconds from SIGCONT until searches and matches answer 200: the 2 s, and 1 s for a
# 2-core machine that other jobs share (the match's breaker took 4 s more than search before).
RECOVERY_BOUND = 3.0
MATCH_BODY = {"about": "I would like to sing with other people", "interests": ["singing"]}


def health_times(stack: Stack) -> dict[str, list[float]]:
    """A few answers' times of each health endpoint, in seconds."""
    times: dict[str, list[float]] = {}
    for _ in range(3):
        for name in ("directory", "gateway"):
            for path in ("/healthz", "/readyz"):
                status, seconds, _ = timed("GET", stack.url(name) + path)
                assert status in (200, 503), f"{name}{path} gave {status}"
                times.setdefault(f"{name}{path}", []).append(seconds)
        time.sleep(0.2)
    return times


def until_ok(call: Any, within: float) -> float:
    """Seconds until ``call`` answered 200 (polled), failing after ``within`` + slack."""
    began = time.monotonic()
    while True:
        status, _, _ = call()
        if status == 200:
            return time.monotonic() - began
        assert time.monotonic() - began < within + 10, "never recovered"
        time.sleep(0.05)


def test_hung_node_answers_fast_and_recovers_fast(stack: Stack, node: Node) -> None:
    stack.start("directory", "matcher", "gateway")
    headers = api_key(stack)
    load(stack, corpus())
    gateway = stack.url("gateway")

    def search() -> tuple[int, float, Any]:
        return timed("GET", gateway + "/api/v1/services?q=choir", headers=headers)

    def match() -> tuple[int, float, Any]:
        return timed("POST", gateway + "/api/v1/match", json=MATCH_BODY, headers=headers)

    # warm up: a node just started can take longer than a search's budget at first
    until_ok(search, 60)
    until_ok(match, 60)
    # a healthy cluster's start-up says nothing about a backend not answering
    assert "not answering" not in stack.log("directory").read_text()

    pid = node.pid()
    os.kill(pid, signal.SIGSTOP)
    try:
        with ThreadPoolExecutor(max_workers=20) as pool:
            waves = []
            health: dict[str, list[float]] = {}
            for _ in range(2):  # the first meets the hang, the second an open breaker
                waves.append([pool.submit(search) for _ in range(20)])
                time.sleep(0.5)
                for key, seconds in health_times(stack).items():
                    health.setdefault(key, []).extend(seconds)
                time.sleep(1.0)
            answers = [f.result() for wave in waves for f in wave]
    finally:
        os.kill(pid, signal.SIGCONT)
    thawed = time.monotonic()
    slowest = max(seconds for _, seconds, _ in answers)
    assert slowest <= SEARCH_BOUND, f"slowest search took {slowest:.2f}s"
    assert {status for status, _, _ in answers} <= {200, 503}
    refused = [r for status, _, r in answers if status == 503]
    assert refused and all(r.headers.get("Retry-After", "").isdigit() for r in refused)
    for key, seconds in health.items():
        assert statistics.median(seconds) <= HEALTH_BOUND, (key, seconds)
        assert max(seconds) <= HEALTH_WORST, (key, seconds)

    recovered = max(until_ok(search, RECOVERY_BOUND), until_ok(match, RECOVERY_BOUND))
    assert time.monotonic() - thawed <= RECOVERY_BOUND, (
        f"searches and matches answered 200 {time.monotonic() - thawed:.2f}s after SIGCONT")
    assert recovered <= RECOVERY_BOUND
    worst = max(max(seconds) for seconds in health.values())
    print(f"hung node: slowest search {slowest:.2f}s, health worst {worst:.3f}s, "
          f"200 again {recovered:.2f}s after SIGCONT")
    with ThreadPoolExecutor(max_workers=10) as pool:
        after = list(pool.map(lambda call: call(), [search] * 6 + [match] * 3))
    assert [status for status, _, _ in after] == [200] * 9, [
        (status, r.text[:300] if r is not None else None) for status, _, r in after
        if status != 200]
