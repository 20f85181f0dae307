"""A small JSON client for the Linkwell services, over HTTP or in-process.

In the embedded default the sibling app runs in the same process: requests are handed to its
WSGI callable through a ``requests`` adapter, so both paths serialise the same JSON.
"""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urlsplit

import orjson
import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.util.retry import Retry
from werkzeug.test import EnvironBuilder, run_wsgi_app

from linkwell.logs import REQUEST_ID_HEADER, current_request_id

IN_PROCESS_BASE = "http://in-process.linkwell"


class ServiceError(RuntimeError):
    """A service answered with an error; ``body`` is its JSON error (the shared shape)."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status}: {body.get('message', body)}")
        self.status = status
        self.body = body


class WSGIAdapter(BaseAdapter):
    """Sends a ``requests`` request straight to a WSGI app and returns its response."""

    def __init__(self, app: Any) -> None:
        super().__init__()
        self.app = app

    def send(self, request: requests.PreparedRequest, **_: Any) -> requests.Response:  # type: ignore[override]
        url = urlsplit(request.url or "")
        body = request.body.encode() if isinstance(request.body, str) else request.body
        builder = EnvironBuilder(path=url.path, query_string=url.query,
                                 method=request.method or "GET",
                                 headers=list(request.headers.items()), data=body or b"")
        try:
            app_iter, status, headers = run_wsgi_app(self.app, builder.get_environ())
            content = b"".join(app_iter)
        finally:
            builder.close()
        response = requests.Response()
        response.status_code = int(status.split()[0])
        response.headers.update(dict(headers))
        response.raw = io.BytesIO(content)
        response._content = content
        response.url = request.url or ""
        response.request = request
        return response

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
        self.session = requests.Session()
        # Calls between our own services go straight to them: no proxy or .netrc from the
        # environment (looking those up cost about half a millisecond a call, too). A person's
        # command pointed at a URL (trust_env=True) goes the way their environment says.
        self.session.trust_env = trust_env
        if app is not None:
            self.session.mount(IN_PROCESS_BASE, WSGIAdapter(app))
        else:
            retry = Retry(total=2, backoff_factor=0.2, allowed_methods={"GET", "HEAD"},
                          status_forcelist=(502, 503, 504))
            self.session.mount("http://", HTTPAdapter(max_retries=retry, pool_maxsize=16))
            self.session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=16))
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", self.timeout)
        request_id = current_request_id()
        if request_id:
            kwargs["headers"] = {**kwargs.get("headers", {}), REQUEST_ID_HEADER: request_id}
        response = self.session.request(method, self.base_url + path, **kwargs)
        try:
            body = orjson.loads(response.content)  # much faster than json for big pages
        except ValueError:
            body = {"message": response.text[:200]}
        if response.status_code >= 400:
            raise ServiceError(response.status_code, body)
        return body

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params)

    def post(self, path: str, payload: Any) -> Any:
        return self.request("POST", path, json=payload)

    def close(self) -> None:
        self.session.close()
