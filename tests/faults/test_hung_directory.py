"""A hung directory (SIGSTOP: connections accepted, never answered) under 50 concurrent
searches through the gateway, then its recovery (issue 14, point 1, and point 8's /readyz
that said ready while the breaker still refused)."""

from __future__ import annotations

import signal
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.factory import corpus
from tests.faults.stack import Stack, api_key, load, timed

pytestmark = pytest.mark.faults
SEARCH_BOUND = 2.5  # seconds for the 503 of a search whose directory hangs
# Seconds for the gateway's /healthz with every search in flight: the typical answer within
# the 100 ms, and none slow enough to have waited on the directory (14 s before).
HEALTH_BOUND = 0.1
HEALTH_WORST = 1.0
RECOVERY_BOUND = 5.0  # seconds from SIGCONT until searches answer 200 again


def test_hung_directory_is_refused_fast_and_found_again(sqlite_stack: Stack) -> None:
    stack = sqlite_stack
    stack.start("directory", "matcher", "gateway")
    headers = api_key(stack)
    load(stack, corpus())
    gateway = stack.url("gateway")

    def search(_: Any = None) -> tuple[int, float, Any]:
        return timed("GET", gateway + "/api/v1/services?q=walking", headers=headers)

    assert search()[0] == 200
    stack.signal("directory", signal.SIGSTOP)
    try:
        with ThreadPoolExecutor(max_workers=50) as pool:
            in_flight = [pool.submit(search) for _ in range(50)]
            time.sleep(0.3)
            health = [timed("GET", gateway + "/healthz") for _ in range(5)]
            ready = timed("GET", gateway + "/readyz")
            answers = [f.result() for f in in_flight]
        # while it still hangs, the breaker is open and readiness says so
        readiness_while_hung = timed("GET", gateway + "/readyz")
    finally:
        stack.signal("directory", signal.SIGCONT)
    thawed = time.monotonic()

    slowest = max(seconds for _, seconds, _ in answers)
    assert {status for status, _, _ in answers} == {503}
    assert slowest <= SEARCH_BOUND, f"slowest search took {slowest:.2f}s"
    assert all(r.headers.get("Retry-After", "").isdigit() for _, _, r in answers)
    assert [status for status, _, _ in health] == [200] * 5
    assert statistics.median(seconds for _, seconds, _ in health) <= HEALTH_BOUND, health
    assert max(seconds for _, seconds, _ in health) <= HEALTH_WORST, health
    assert ready[1] <= HEALTH_WORST and ready[0] in (200, 503)
    assert readiness_while_hung[0] == 503

    # readiness agrees with the breaker: once it says ready, searches go through
    while timed("GET", gateway + "/readyz")[0] != 200:
        assert time.monotonic() - thawed <= RECOVERY_BOUND, "readiness did not come back"
        time.sleep(0.05)
    assert search()[0] == 200
    assert time.monotonic() - thawed <= RECOVERY_BOUND
    print(f"hung directory: slowest search {slowest:.2f}s, /healthz "
          f"{max(seconds for _, seconds, _ in health):.3f}s, "
          f"recovered {time.monotonic() - thawed:.2f}s after SIGCONT")
    with ThreadPoolExecutor(max_workers=10) as pool:
        assert [status for status, _, _ in pool.map(search, range(20))] == [200] * 20
