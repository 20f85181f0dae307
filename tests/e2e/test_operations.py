"""Operations end to end: a matcher that stops and comes back, and logs with no one's words.

Runs after test_browser.py (files run in order), on the same gunicorn-served stack.
"""

from __future__ import annotations

import time

import requests

from tests.e2e.conftest import Stack
from tests.e2e.test_browser import PERSON
from tests.e2e.test_join import JOINER_WORDS

REQUEST = {"about": "I'd like to meet people and do some gardening",
           "location": {"postcode": "SE6 4RU"}, "max_travel_km": 5}


def _match(stack: Stack) -> requests.Response:
    return requests.post(f"{stack.gateway}/api/v1/match", json=REQUEST, timeout=10)


def test_a_stopped_matcher_gives_503_fast_and_comes_back_by_itself(stack: Stack) -> None:
    assert _match(stack).status_code == 200
    gateway_pid = stack.processes["gateway"].pid
    stack.stop("matcher")
    try:
        for _ in range(5):  # each answer is prompt, breaker open or not
            started = time.monotonic()
            answer = _match(stack)
            assert answer.status_code == 503
            assert time.monotonic() - started < 2.0
            assert set(answer.json()) >= {"code", "status", "message"}
        search = requests.get(f"{stack.gateway}/api/v1/services", params={"q": "walk"},
                              timeout=10)
        assert search.status_code == 200 and search.json()["total"] > 0
    finally:
        stack.start("matcher")
    deadline = time.monotonic() + 30
    while _match(stack).status_code != 200:
        assert time.monotonic() < deadline, "matching did not recover"
        time.sleep(0.5)
    assert stack.processes["gateway"].pid == gateway_pid  # the gateway was never restarted


def test_no_log_line_holds_what_a_person_typed(stack: Stack) -> None:
    _match(stack)
    words = ["allotment", "wife died", "SE6 4RU", "SE64RU", "gardening", PERSON[:30],
             *JOINER_WORDS]
    lines = 0
    for name, path in stack.logs.items():
        for line in path.read_text(errors="replace").splitlines():
            lines += 1
            assert not any(w.lower() in line.lower() for w in words), (name, line[:200])
    assert lines > 10  # the services did log the run
