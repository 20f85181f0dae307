"""Health probes have threads of their own (issue 23: /healthz and /readyz never queue behind
search workers): with the gateway's one request thread held by a search of a hung directory,
its /healthz and /readyz still answer at once."""

from __future__ import annotations

import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.faults.stack import Stack, api_key, timed

pytestmark = pytest.mark.faults
HEALTH_BOUND = 0.1  # seconds: the bound for a health answer


def test_probes_answer_while_every_request_thread_is_held(sqlite_stack: Stack) -> None:
    stack = sqlite_stack
    stack.env["LINKWELL_THREADS"] = "1"  # one request thread per process: easy to fill
    stack.start("directory", "gateway")
    headers = api_key(stack)
    gateway = stack.url("gateway")
    stack.signal("directory", signal.SIGSTOP)
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            held = [pool.submit(timed, "GET", gateway + "/api/v1/services?q=walking",
                                headers=headers) for _ in range(3)]
            time.sleep(0.3)  # the searches hold the thread (and queue for it)
            assert not any(f.done() for f in held)
            probes = [timed("GET", gateway + path) for path in ("/healthz", "/readyz") * 3]
            answers = [f.result() for f in held]
    finally:
        stack.signal("directory", signal.SIGCONT)
    assert {status for status, _, _ in answers} == {503}  # the searches did wait
    assert [status for status, _, _ in probes][::2] == [200] * 3
    assert {status for status, _, _ in probes} <= {200, 503}
    slowest = max(seconds for _, seconds, _ in probes)
    print(f"probes with every request thread held: slowest {slowest * 1000:.1f}ms")
    assert slowest <= HEALTH_BOUND, probes
