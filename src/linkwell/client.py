"""A small JSON client for the Linkwell services, over HTTP or in-process.

Calls between our own services go over a urllib3 connection pool: they need none of what
``requests`` adds (proxies and .netrc from the environment, cookies, hooks), and skipping it
saves about half a millisecond a call, which the gateway and the matcher pay on every search.
A person's command pointed at a URL goes through ``requests``, the way their environment says.
In the embedded default the sibling app runs in the same process: requests are handed to its
WSGI callable, so both paths serialise the same JSON. ``service_client`` is the one place that
chooses between the two for a service.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Protocol
from urllib.parse import urlencode, urlsplit

import orjson
import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry
from werkzeug.test import EnvironBuilder, run_wsgi_app

from linkwell import deadline
from linkwell.logs import REQUEST_ID_HEADER, current_request_id

IN_PROCESS_BASE = "http://in-process.linkwell"
POOL_SIZE = 16  # connections kept per service: the matcher's parallel searches share them


class ServiceError(RuntimeError):
    """A service answered with an error; ``body`` is its JSON error (the shared shape)."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status}: {body.get('message', body)}")
        self.status = status
        self.body = body


class ServiceUnreachable(requests.ConnectionError):
    """A service did not answer (refused, reset or timed out), whichever way it was called."""


class Transport(Protocol):
    def send(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
             timeout: float, retry: bool = True) -> tuple[int, bytes]:
        """(status, body) of one call; raises a ``requests.RequestException`` when none came."""

    def close(self) -> None:
        """Release connections."""


def _retry() -> Retry:
    # Idempotent calls are retried only when the connection was refused, which fails at once:
    # never after a read timed out, and never on a 5xx answer, since a service that says 503
    # is already out of time or its own dependency is down, and retrying on top of a timeout
    # is how one hung service made every caller wait three times over.
    return Retry(total=2, connect=2, read=0, status=0, other=0, backoff_factor=0.05,
                 allowed_methods={"GET", "HEAD"}, raise_on_status=False)


IDEMPOTENT = frozenset({"GET", "HEAD"})


def _dropped(exc: urllib3.exceptions.HTTPError) -> bool:
    """Whether a call failed because the service closed a kept connection as it was reused
    (a server closes idle connections after a few seconds, and may do so just as the next
    call goes out on one): the connection was dropped, no answer began, and it failed at
    once, like a refused connection. Never a timeout: retrying one stacks waits."""
    reason = exc.reason if isinstance(exc, urllib3.exceptions.MaxRetryError) else exc
    return isinstance(reason, urllib3.exceptions.ProtocolError)


class DirectHTTP:
    """Straight to the service: no proxy or .netrc lookups from the environment."""

    def __init__(self) -> None:
        self.pool = urllib3.PoolManager(maxsize=POOL_SIZE, retries=_retry())

    def send(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
             timeout: float, retry: bool = True) -> tuple[int, bytes]:
        for attempt in (1, 2):
            try:
                # total: one bound on the whole call, not on each read of the socket
                response = self.pool.request(method, url, body=body, headers=headers,
                                             timeout=urllib3.Timeout(total=timeout),
                                             redirect=False, retries=None if retry else False)
            except urllib3.exceptions.HTTPError as exc:
                if attempt == 1 and retry and method in IDEMPOTENT and _dropped(exc):
                    continue
                raise ServiceUnreachable(f"{type(exc).__name__}: {exc}") from exc
            return response.status, response.data
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        self.pool.clear()


class EnvironmentHTTP:
    """As the person's environment says: its proxy, certificates and .netrc."""

    def __init__(self) -> None:
        self.session = requests.Session()
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, HTTPAdapter(max_retries=_retry(), pool_maxsize=POOL_SIZE))

    def send(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
             timeout: float, retry: bool = True) -> tuple[int, bytes]:
        response = self.session.request(method, url, data=body, headers=headers,
                                        timeout=timeout)
        return response.status_code, response.content

    def close(self) -> None:
        self.session.close()


class InProcess:
    """Hands each call to a sibling app's WSGI callable."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def send(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
             timeout: float, retry: bool = True) -> tuple[int, bytes]:
        parts = urlsplit(url)
        builder = EnvironBuilder(path=parts.path, query_string=parts.query, method=method,
                                 headers=list(headers.items()), data=body or b"")
        try:
            app_iter, status, _ = run_wsgi_app(self.app, builder.get_environ())
            return int(status.split()[0]), b"".join(app_iter)
        finally:
            builder.close()

    def close(self) -> None:
        pass


class ServiceClient:
    """JSON calls to one service: pooled connections, timeouts, retries for idempotent calls."""

    def __init__(self, base_url: str | None = None, *, app: Any = None, token: str | None = None,
                 timeout: float = 10.0, trust_env: bool = False) -> None:
        if (base_url is None) == (app is None):
            raise ValueError("give a base_url or an in-process app, not both")
        self.base_url = (base_url or IN_PROCESS_BASE).rstrip("/")
        self.timeout = timeout
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.transport: Transport = (InProcess(app) if app is not None
                                     else EnvironmentHTTP() if trust_env else DirectHTTP())

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                json: Any = None, timeout: float | None = None, retry: bool = True) -> Any:
        """The service's JSON answer; ``ServiceError`` when it answered 400 or more."""
        status, content = self.send(method, path, params=params, json=json, timeout=timeout,
                                    retry=retry)
        answer = parse(content)
        if status >= 400:
            raise ServiceError(status, answer)
        return answer

    def send(self, method: str, path: str, *, params: dict[str, Any] | None = None,
             json: Any = None, timeout: float | None = None,
             retry: bool = True) -> tuple[int, bytes]:
        """(status, body) of one call as the service sent them, unparsed, whatever the status:
        for a caller that hands the answer on as it came (the gateway relaying a search)."""
        url = self.base_url + path
        kept = {k: v for k, v in (params or {}).items() if v is not None}
        if kept:
            url += "?" + urlencode(kept, doseq=True)
        headers = dict(self.headers)
        try:  # the caller's request budget, if it has one, bounds this call
            wait = deadline.timeout_for(self.timeout if timeout is None else timeout)
        except deadline.DeadlinePassed as exc:
            raise ServiceUnreachable(str(exc)) from exc
        headers.update(deadline.header())
        request_id = current_request_id()
        if request_id:
            headers[REQUEST_ID_HEADER] = request_id
        body = None
        if json is not None:
            body = _dumps(json)
            headers["Content-Type"] = "application/json"
        return self.transport.send(method, url, body, headers, wait, retry)

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params)

    def post(self, path: str, payload: Any) -> Any:
        return self.request("POST", path, json=payload)

    def close(self) -> None:
        self.transport.close()


SIBLINGS = "linkwell.siblings"  # app.extensions key: the sibling apps running in a process


def service_client(name: str, config: Mapping[str, Any], *, url: str | None = None,
                   siblings: dict[str, Any] | None = None,
                   embedded: Callable[[], Any] | None = None, token: str | None = None,
                   timeout: float = 10.0, trust_env: bool = False) -> ServiceClient:
    """A client of the service ``name`` ("directory", "matcher"): HTTP to ``url`` or the
    config's ``<NAME>_URL`` when there is one, else the sibling app in this process.

    The sibling is the one already running here (``siblings[name]``; a Flask app keeps them in
    ``app.extensions[SIBLINGS]``), else the config's ``<NAME>_APP``, else what ``embedded()``
    makes; it is kept in ``siblings``, so the app's other clients reach the same one.
    """
    url = url or config.get(f"{name.upper()}_URL")
    if url:
        return ServiceClient(str(url), token=token, timeout=timeout, trust_env=trust_env)
    running = {} if siblings is None else siblings
    sibling = running.get(name)
    if sibling is None:
        sibling = config.get(f"{name.upper()}_APP")
    if sibling is None:
        if embedded is None:
            raise LookupError(f"no {name.upper()}_URL and no {name} app in this process")
        sibling = embedded()
    running[name] = sibling
    return ServiceClient(app=sibling, token=token, timeout=timeout)


def parse(content: bytes) -> Any:
    """A service's answer as JSON (what is not JSON, as the shared error shape's message)."""
    try:
        return orjson.loads(content)  # much faster than json for big pages
    except ValueError:
        return {"message": content[:200].decode("utf-8", "replace")}


# Dates, times and dataclasses are refused as json refuses them: a value JSON cannot carry is
# the caller's to find (a feed sync then rejects that record alone).
_STRICT = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def _dumps(payload: Any) -> bytes:
    try:
        return orjson.dumps(payload, option=_STRICT)
    except TypeError:  # what orjson refuses but json writes (integers past 64 bits, say)
        return json.dumps(payload).encode()
