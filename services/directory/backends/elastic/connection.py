"""The connection to the cluster: the client, made on first use in the process that uses it;
how a call fails (unreachable, or refused by an index block); reads tried again while the
request's budget has room."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import elasticsearch
from elasticsearch import Elasticsearch
from elasticsearch.serializer import OrjsonSerializer

from linkwell import deadline
from linkwell.directory.backends.base import BackendUnavailable
from linkwell.directory.backends.elastic import state

log = logging.getLogger(__name__)
DOWN = (elasticsearch.ConnectionError, elasticsearch.ConnectionTimeout)
READ_ATTEMPTS = 3  # tries of one read, at most, and only while its request has time for them
RETRY_PAUSE = 0.05  # seconds before a read is tried again (doubled each time)
WORTH_TRYING = 0.1  # seconds a try needs at least; with less left, the request fails now
TIMEOUT_STEP = 0.01  # a read's timeout is cut down to a multiple of this (see ``with_timeout``)


def node_urls(url: str) -> list[str]:
    """ELASTICSEARCH_URL's nodes: one URL, or several separated by commas."""
    return [part.strip() for part in url.split(",") if part.strip()]


class Connection:
    """One cluster's client and the alias its calls go through (ElasticsearchBackend's base)."""

    def __init__(self, url: str, alias: str, timeout: float, write_timeout: float) -> None:
        self.url = url
        self.alias = alias
        self.timeout = timeout
        self.write_timeout = write_timeout
        self._client: Elasticsearch | None = None
        # the client the kept timeout clients were made from, and those clients by timeout
        self._timed: tuple[Elasticsearch | None, dict[float, Elasticsearch]] = (None, {})

    @property
    def es(self) -> Elasticsearch:
        """The client, made on first use: after ``close`` (as before gunicorn forks its
        workers) the next call makes a new one, in the process that uses it."""
        if self._client is None:
            nodes = node_urls(self.url)
            # A node that refuses the connection (it died) costs nothing to pass over: try
            # the next one. A node that is slow is not retried, so waits never stack.
            self._client = Elasticsearch(nodes, request_timeout=self.timeout,
                                         max_retries=len(nodes) - 1, retry_on_timeout=False,
                                         # orjson: decoding search answers is a hot path
                                         serializer=OrjsonSerializer())
        return self._client

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DOWN as exc:
            raise BackendUnavailable(f"Elasticsearch did not answer: {exc}") from exc
        except elasticsearch.ApiError as exc:
            block = state.block_of(exc.body)
            if block is not None:
                raise state.refused_by_block(self.alias, block) from exc
            if exc.meta.status >= 500:
                raise BackendUnavailable(f"Elasticsearch failed: {exc}") from exc
            raise

    def with_timeout(self, seconds: float) -> Elasticsearch:
        """The client with its calls' timeout set to ``seconds``, cut down to a multiple of
        ``TIMEOUT_STEP`` (never longer than asked). ``options()`` builds a whole new client
        with every API namespace (about 1 ms of CPU), so each timeout's is made once and
        kept: a search asks one with what its request has left, a different figure each time.
        """
        steps = int(seconds / TIMEOUT_STEP)
        key = steps * TIMEOUT_STEP if steps else seconds
        client = self.es
        owner, timed = self._timed
        if owner is not client:  # a new client since (after ``close``): start again
            timed = {}
            self._timed = (client, timed)
        found = timed.get(key)
        if found is None:  # kept beside the client it was made from, never another's
            found = timed[key] = client.options(request_timeout=key)
        return found

    @property
    def _w(self) -> Elasticsearch:
        return self.with_timeout(self.write_timeout)

    @property
    def _r(self) -> Elasticsearch:
        """For a search: its timeout is what the request has left of its budget, so waits
        never stack (the client itself does not retry)."""
        try:
            return self.with_timeout(deadline.timeout_for(self.timeout))
        except deadline.DeadlinePassed as exc:
            raise BackendUnavailable(str(exc)) from exc

    def _read(self, call: Callable[[Elasticsearch], Any]) -> Any:
        """A read (idempotent, so safe to repeat), tried again when the connection failed or
        timed out, but only while the request's budget has room for another try: the client
        itself never retries, so retries cannot stack on top of the budget."""
        pause = RETRY_PAUSE
        for attempt in range(1, READ_ATTEMPTS + 1):
            try:
                return self._call(lambda: call(self._r))
            except BackendUnavailable as exc:
                cause = exc.__cause__
                left = deadline.remaining()
                if (attempt == READ_ATTEMPTS or not isinstance(cause, DOWN)
                        or (left is None and isinstance(cause, elasticsearch.ConnectionTimeout))
                        or (left is not None and left < pause + WORTH_TRYING)):
                    raise
                log.info("Elasticsearch read failed (%s), trying again", type(cause).__name__)
                time.sleep(pause)
                pause *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
