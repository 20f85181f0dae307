"""A hung Elasticsearch node (SIGSTOP: it accepts connections and never answers) under
concurrent searches through the gateway, then its recovery (issue 23, points 1, 4 and 5)."""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.factory import corpus
from tests.faults.conftest import Node
from tests.faults.stack import ROOT, Stack, api_key, load, timed

pytestmark = pytest.mark.faults
SEARCH_BOUND = 2.5  # seconds: the gateway's 2 s search budget, and time to say so
# Seconds for every /healthz and /readyz of the directory and the gateway while the node
# hangs (they took 3.5-5 s before): they answer from kept state on threads of their own.
HEALTH_BOUND = 0.1
RECOVERY_BOUND = 2.0  # seconds from SIGCONT until every search and match answers 200
MATCH_BODY = {"about": "I would like to sing with other people", "interests": ["singing"]}
HEALTH_ENDPOINTS = [(name, path) for name in ("directory", "gateway")
                    for path in ("/healthz", "/readyz")]


class HealthSampler:
    """Times every answer of each health endpoint, over and over, while the node hangs (not
    a few picked moments), from a process of its own (see ``health_sampler``)."""

    def __init__(self, stack: Stack) -> None:
        self.urls = {stack.url(name) + path: f"{name}{path}" for name, path in HEALTH_ENDPOINTS}
        self.times: dict[str, list[float]] = {}
        self.statuses: set[int] = set()

    def __enter__(self) -> HealthSampler:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.health_sampler", *self.urls],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        return self

    def __exit__(self, *_: Any) -> None:
        out, _ = self.process.communicate(timeout=60)
        found = json.loads(out)
        self.times = {self.urls[url]: times for url, times in found["times"].items()}
        self.statuses = set(found["statuses"])


def first_ok(call: Any, since: float, within: float) -> float:
    """Seconds from ``since`` until ``call`` first answered 200 (polled); fails after
    ``within`` + slack."""
    while True:
        status, _, _ = call()
        if status == 200:
            return time.monotonic() - since
        assert time.monotonic() - since < within + 10, "never recovered"
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
    first_ok(search, time.monotonic(), 60)
    first_ok(match, time.monotonic(), 60)
    # a healthy cluster's start-up says nothing about a backend not answering
    assert "not answering" not in stack.log("directory").read_text()

    pid = node.pid()
    os.kill(pid, signal.SIGSTOP)
    try:
        with ThreadPoolExecutor(max_workers=20) as pool, HealthSampler(stack) as sampler:
            waves = []
            for _ in range(2):  # the first meets the hang, the second an open breaker
                waves.append([pool.submit(search) for _ in range(20)])
                time.sleep(1.5)
            answers = [f.result() for wave in waves for f in wave]
    finally:
        os.kill(pid, signal.SIGCONT)
    thawed = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        recovery = [pool.submit(first_ok, call, thawed, RECOVERY_BOUND)
                    for call in (search, match)]
        search_back, match_back = (f.result() for f in recovery)
    with ThreadPoolExecutor(max_workers=10) as pool:
        after = list(pool.map(lambda call: call(), [search] * 6 + [match] * 3))

    slowest = max(seconds for _, seconds, _ in answers)
    health = sampler.times
    samples = sorted(seconds for times in health.values() for seconds in times)
    print(f"hung node: slowest search {slowest:.2f}s; health {len(samples)} answers, "
          f"p50 {statistics.median(samples) * 1000:.1f}ms, max {samples[-1] * 1000:.1f}ms; "
          f"200 again {search_back:.2f}s (search), {match_back:.2f}s (match) after SIGCONT")
    assert slowest <= SEARCH_BOUND, f"slowest search took {slowest:.2f}s"
    assert {status for status, _, _ in answers} <= {200, 503}
    assert sampler.statuses <= {200, 503}, sampler.statuses
    refused = [r for status, _, r in answers if status == 503]
    assert refused and all(r.headers.get("Retry-After", "").isdigit() for r in refused)
    assert {key for key, times in health.items() if len(times) >= 5} == {
        f"{name}{path}" for name, path in HEALTH_ENDPOINTS}
    for key, seconds in health.items():
        assert max(seconds) <= HEALTH_BOUND, (key, sorted(seconds)[-5:])
    assert search_back <= RECOVERY_BOUND and match_back <= RECOVERY_BOUND
    # Every one of them, strictly. The one miss seen (a full run on a loaded machine) was a
    # directory search that spent the gateway's whole 2 s budget on a node answering each
    # search in about 1 s; a miss is listed with its time, and the services' logs in the
    # test's directory say which refused.
    assert [status for status, _, _ in after] == [200] * 9, [
        (status, round(seconds, 2), r.text[:300] if r is not None else None)
        for status, seconds, r in after if status != 200]
