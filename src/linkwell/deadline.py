"""One time budget per request, shared by every call it makes to another service or to the
search backend.

Timeouts stacked on retries stacked on queues are how a hung dependency held searches for
15 s: each call had its own timeout, and nothing knew how long the request had already
waited. Here a request gets a deadline when it arrives (its service's budget, or less if the
caller said so in ``X-Linkwell-Budget``), every call takes its timeout from what is left, and
a call that finds nothing left fails at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, copy_context
from typing import Any, TypeVar

from flask import Flask, g, request

BUDGET_HEADER = "X-Linkwell-Budget"  # milliseconds the caller will still wait for an answer
_current: ContextVar[float | None] = ContextVar("linkwell_deadline", default=None)
T = TypeVar("T")


class DeadlinePassed(TimeoutError):
    """The request's time is spent: no call is worth starting."""


def remaining() -> float | None:
    """Seconds left for the current request, or None outside a request with a budget."""
    deadline = _current.get()
    return None if deadline is None else deadline - time.monotonic()


def timeout_for(default: float) -> float:
    """A call's timeout: its own, cut to what the request has left; raises when none is."""
    left = remaining()
    if left is None:
        return default
    if left <= 0.01:
        raise DeadlinePassed("the request's time budget is spent")
    return min(default, left)


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Run a block with at most ``seconds`` (never more than an enclosing budget allows)."""
    deadline = time.monotonic() + seconds
    outer = _current.get()
    token = _current.set(deadline if outer is None else min(outer, deadline))
    try:
        yield
    finally:
        _current.reset(token)


def carried(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn`` run in a copy of this context, so a thread pool's calls keep the deadline."""
    context = copy_context()

    def run(*args: Any, **kwargs: Any) -> T:
        return context.copy().run(fn, *args, **kwargs)

    return run


def header() -> dict[str, str]:
    """The header that tells the next service how long this request will still wait."""
    left = remaining()
    return {} if left is None else {BUDGET_HEADER: str(max(0, int(left * 1000)))}


def init_app(app: Flask, seconds: float) -> None:
    """Give each request of ``app`` a budget of ``seconds``, or less if its caller says so."""

    @app.before_request
    def start_budget() -> None:
        allowed = seconds
        asked = request.headers.get(BUDGET_HEADER, "")
        if asked.isdigit():
            allowed = min(allowed, int(asked) / 1000)
        outer = _current.get()  # a sibling app called in-process runs inside its caller
        deadline = time.monotonic() + allowed
        g.linkwell_deadline = _current.set(deadline if outer is None else min(outer, deadline))

    @app.teardown_request
    def end_budget(_exc: BaseException | None) -> None:
        token = g.pop("linkwell_deadline", None)
        if token is not None:
            try:
                _current.reset(token)
            except ValueError:  # torn down in another context than it began: just forget it
                _current.set(None)
