"""The built-in postcodes.io geocoder, for deployments that allow Linkwell to ask it.

Off unless ``POSTCODES_IO_URL`` (environment: ``LINKWELL_POSTCODES_IO_URL``) is set, e.g. to
``https://api.postcodes.io``: a postcode a person types then leaves the machine, which some
deployments must not allow. It is asked last (``trylast``), so the offline ONS table answers
whenever it can. Answers, and "unknown" (a 404), are kept for a day; a timeout or a server
error is not kept, so the next request asks again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import requests

from linkwell.geo import Geocoded
from linkwell.plugins.hookspecs import hookimpl

SOURCE = "postcodes.io"
log = logging.getLogger(__name__)


class AnswerCache:
    """A small thread-safe least-recently-used cache whose entries expire."""

    def __init__(self, size: int = 10_000, ttl: float = 86_400.0) -> None:
        self.size, self.ttl = size, ttl
        self._entries: OrderedDict[str, tuple[float, Geocoded | None]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bool, Geocoded | None]:
        """(found, answer): an answer may be None, meaning "postcodes.io does not know it"."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] < time.monotonic():
                return False, None
            self._entries.move_to_end(key)
            return True, entry[1]

    def put(self, key: str, answer: Geocoded | None) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + self.ttl, answer)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)


class PostcodesIoGeocoder:
    """Asks ``{POSTCODES_IO_URL}/postcodes/{postcode}`` when no other geocoder knows a postcode."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.base_url = str(config.get("POSTCODES_IO_URL") or "").rstrip("/")
        self.timeout = float(config.get("POSTCODES_IO_TIMEOUT") or 3.0)
        self.cache = AnswerCache()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "Linkwell (community directory)"

    @hookimpl(trylast=True)
    def linkwell_geocode(self, postcode: str) -> Geocoded | None:
        if not self.base_url:
            return None
        found, answer = self.cache.get(postcode)
        if found:
            return answer
        try:
            answer = self._ask(postcode)
        except _NoAnswer as exc:
            log.warning("postcodes.io gave no answer for %s: %s", postcode, exc)
            return None
        self.cache.put(postcode, answer)
        return answer

    def _ask(self, postcode: str) -> Geocoded | None:
        url = f"{self.base_url}/postcodes/{quote(postcode)}"
        try:
            response = self.session.get(url, timeout=self.timeout)
        except requests.RequestException as exc:
            raise _NoAnswer(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code == 404:
            return None  # postcodes.io does not know it: that is an answer too
        if response.status_code != 200:
            raise _NoAnswer(f"HTTP {response.status_code}")
        try:
            result = response.json()["result"]
            latitude, longitude = result["latitude"], result["longitude"]
        except (ValueError, KeyError, TypeError) as exc:
            raise _NoAnswer(f"unexpected answer: {response.text[:200]!r}") from exc
        if latitude is None or longitude is None:
            return None  # a postcode with no grid reference has no place to give
        return Geocoded(float(latitude), float(longitude), postcode=postcode, source=SOURCE)


class _NoAnswer(Exception):
    """postcodes.io could not be asked, or answered something that is not an answer."""
