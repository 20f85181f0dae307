"""One time budget per request, shared by its calls (linkwell.deadline)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask

from linkwell import deadline
from linkwell.client import ServiceClient, ServiceUnreachable


def test_a_call_waits_no_longer_than_the_request_has_left() -> None:
    assert deadline.timeout_for(5.0) == 5.0  # no request, no budget: the call's own
    with deadline.budget(0.5):
        assert 0.4 < deadline.timeout_for(5.0) <= 0.5
        assert deadline.timeout_for(0.1) == 0.1
        with deadline.budget(3.0):  # an inner budget never outlasts the outer one
            assert deadline.timeout_for(5.0) <= 0.5
        assert deadline.header()[deadline.BUDGET_HEADER].isdigit()
    assert deadline.remaining() is None


def test_a_spent_budget_fails_at_once() -> None:
    with deadline.budget(0.02):
        time.sleep(0.05)
        with pytest.raises(deadline.DeadlinePassed):
            deadline.timeout_for(5.0)
        began = time.monotonic()
        with pytest.raises(ServiceUnreachable):
            ServiceClient("http://127.0.0.1:9", timeout=5).get("/readyz")
        assert time.monotonic() - began < 0.5


def test_pooled_calls_keep_the_deadline() -> None:
    with deadline.budget(1.0), ThreadPoolExecutor(2) as pool:
        left = list(pool.map(deadline.carried(lambda _: deadline.remaining()), range(4)))
    assert all(x is not None and 0 < x <= 1.0 for x in left)


def test_a_caller_budget_header_shortens_the_services_own() -> None:
    app = Flask(__name__)
    deadline.init_app(app, 10.0)

    @app.get("/left")
    def left() -> dict[str, float | None]:
        return {"left": deadline.remaining()}

    client = app.test_client()
    own = client.get("/left").get_json()
    assert 9.0 < own["left"] <= 10.0
    asked = client.get("/left", headers={deadline.BUDGET_HEADER: "300"}).get_json()["left"]
    assert 0 < asked <= 0.3
    assert deadline.remaining() is None  # nothing leaks out of the request
