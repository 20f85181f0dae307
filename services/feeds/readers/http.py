"""HTTP for the built-in readers: a session per feed read, timeouts, and retried GETs.

Feed APIs are run by councils and small suppliers; they time out and return the odd 502.
A GET is retried with backoff on connection errors and 429/5xx answers; what still fails
becomes a :class:`FeedError` that names the URL, so the sync reports it and withdraws nothing.
"""

from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from linkwell.plugins.hookspecs import Feed, FeedError

DEFAULT_TIMEOUT = (5.0, 60.0)  # (connect, read) seconds
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 0.5
RETRY_STATUSES = (429, 500, 502, 503, 504)
USER_AGENT = "Linkwell feed sync (+https://linkwell.example.org)"


def is_url(location: str) -> bool:
    """Whether a feed's location is an http(s) URL rather than a file or folder."""
    return location.startswith(("http://", "https://"))


def session_for(feed: Feed) -> requests.Session:
    """A session whose GETs are retried as the feed's options say (``retries``, ``backoff``)."""
    retries = int(feed.options.get("retries", DEFAULT_RETRIES))
    retry = Retry(total=retries, connect=retries, read=retries, status=retries,
                  backoff_factor=float(feed.options.get("backoff", DEFAULT_BACKOFF)),
                  status_forcelist=RETRY_STATUSES, allowed_methods={"GET"},
                  raise_on_status=False, respect_retry_after_header=True)
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=8)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"Accept": "application/json", "User-Agent": USER_AGENT})
    return session


def timeout_for(feed: Feed) -> float | tuple[float, float]:
    value = feed.options.get("timeout")
    if value is None:
        return DEFAULT_TIMEOUT
    return float(value)


def get(session: requests.Session, url: str, feed: Feed,
        params: dict[str, Any] | None = None) -> requests.Response:
    """GET with the feed's timeout; a request that never got an answer is a FeedError."""
    try:
        return session.get(url, params=params, timeout=timeout_for(feed))
    except requests.RequestException as exc:
        raise FeedError(f"{url} did not answer: {type(exc).__name__}: {exc}") from exc


def get_json(session: requests.Session, url: str, feed: Feed,
             params: dict[str, Any] | None = None) -> Any:
    """The JSON body of a GET that must succeed, or a FeedError saying what went wrong."""
    response = get(session, url, feed, params)
    if response.status_code >= 400:
        raise FeedError(f"{response.url} answered {response.status_code} {response.reason}")
    return json_of(response)


def json_of(response: requests.Response) -> Any:
    try:
        return response.json()
    except (ValueError, requests.RequestException) as exc:
        raise FeedError(f"{response.url} did not return JSON ({exc})") from exc
