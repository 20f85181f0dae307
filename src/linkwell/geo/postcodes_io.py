"""The built-in postcodes.io geocoder, for deployments that allow Linkwell to ask it.

Off unless ``POSTCODES_IO_URL`` (environment: ``LINKWELL_POSTCODES_IO_URL``) is set, e.g. to
``https://api.postcodes.io`` or a deployment's own copy of that service: a postcode a person
types then leaves the machine, which some deployments must not allow. It answers full
postcodes (``/postcodes/{postcode}``), districts (``/outcodes/{outcode}``) and place names
(``/places?q=``, OS Open Names' populated places), and is asked last (``trylast``), so the
offline tables answer whenever they can. It waits ``POSTCODES_IO_TIMEOUT`` seconds at most
(3 by default); on a timeout, a refused connection or a server error it answers nothing, and
the local path (the middle of a district from the postcodes loaded, or options without
distances) goes on. Answers, and "unknown" (a 404), are kept for a day; a failure is not
kept, so the next request asks again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

import requests

from linkwell.geo import Geocoded, Located
from linkwell.geo.gazetteer import OS_OPEN_NAMES, place_key, place_rank
from linkwell.geo.postcode import normalise_district
from linkwell.plugins.hookspecs import hookimpl

SOURCE = "postcodes.io"
log = logging.getLogger(__name__)


class AnswerCache:
    """A small thread-safe least-recently-used cache whose entries expire."""

    def __init__(self, size: int = 10_000, ttl: float = 86_400.0) -> None:
        self.size, self.ttl = size, ttl
        self._entries: OrderedDict[str, tuple[float, tuple[float, float] | None]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bool, tuple[float, float] | None]:
        """(found, answer): an answer may be None, meaning "postcodes.io does not know it"."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] < time.monotonic():
                return False, None
            self._entries.move_to_end(key)
            return True, entry[1]

    def put(self, key: str, answer: tuple[float, float] | None) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + self.ttl, answer)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)


class PostcodesIoGeocoder:
    """Asks ``{POSTCODES_IO_URL}/postcodes/{postcode}`` when no other geocoder knows a postcode."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.base_url = str(config.get("POSTCODES_IO_URL") or "").rstrip("/")
        self.timeout = _seconds(config.get("POSTCODES_IO_TIMEOUT"))
        self.cache = AnswerCache()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "Linkwell (community directory)"

    @hookimpl(trylast=True)
    def linkwell_geocode(self, postcode: str) -> Geocoded | None:
        if not self.base_url:
            return None
        answer = self._cached(postcode, lambda: self._postcode(postcode))
        return answer if isinstance(answer, Geocoded) else None

    @hookimpl(trylast=True)
    def linkwell_locate_area(self, area: str) -> tuple[float, float] | None:
        """A district's middle (``/outcodes/SE6``) or a place name's (``/places?q=``); a
        sector (``SE6 4``) has no endpoint, so the district answers for it."""
        if not self.base_url or (" " in area and any(ch.isdigit() for ch in area)):
            return None
        district = normalise_district(area)
        if district is not None:
            return self._cached(f"outcode:{district}", lambda: self._outcode(district))
        if not place_key(area):
            return None
        return self._cached(f"place:{place_key(area)}", lambda: self._place(area))

    def _cached(self, key: str, ask: Callable[[], tuple[float, float] | None]
                ) -> tuple[float, float] | None:
        found, answer = self.cache.get(key)
        if found:
            return answer
        try:
            answer = ask()
        except _NoAnswer as exc:
            # What was asked is a person's postcode or place: not written to the log.
            log.warning("postcodes.io gave no answer (the local path answers): %s", exc)
            return None
        self.cache.put(key, answer)
        return answer

    def _postcode(self, postcode: str) -> Geocoded | None:
        result = self._get(f"/postcodes/{quote(postcode)}")
        point = _point(result)
        if point is None:
            return None  # unknown, or a postcode with no grid reference: no place to give
        return Geocoded(*point, postcode=postcode, source=SOURCE)

    def _outcode(self, district: str) -> tuple[float, float] | None:
        point = _point(self._get(f"/outcodes/{quote(district)}"))
        return None if point is None else Located(*point, name=district, source=SOURCE)

    def _place(self, name: str) -> Located | None:
        """The populated place of exactly that name (spelling aside), the everyday kind first:
        "Kent" must not become Kentish Town."""
        results = self._get("/places", params={"q": name, "limit": 20})
        key = place_key(name)
        found = [r for r in results or [] if isinstance(r, dict)
                 and key in (place_key(str(r.get("name_1") or "")),
                             place_key(str(r.get("name_2") or "")))]
        found.sort(key=lambda r: place_rank(OS_OPEN_NAMES, str(r.get("local_type") or "")))
        for result in found:
            point = _point(result)
            if point is not None:
                matched = result["name_2"] if place_key(str(result.get("name_2") or "")) == key \
                    else result["name_1"]
                area = result.get("district_borough") or result.get("county_unitary")
                return Located(*point, name=str(matched), area=str(area) if area else None,
                               source=SOURCE)
        return None

    def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """The ``result`` of a GET, or None on a 404; :class:`_NoAnswer` on any failure."""
        try:
            response = self.session.get(f"{self.base_url}{path}", params=params,
                                        timeout=self.timeout)
        except requests.RequestException as exc:
            raise _NoAnswer(f"{type(exc).__name__}") from exc
        if response.status_code == 404:
            return None  # postcodes.io does not know it: that is an answer too
        if response.status_code != 200:
            raise _NoAnswer(f"HTTP {response.status_code}")
        try:
            return response.json()["result"]
        except (ValueError, KeyError, TypeError) as exc:
            raise _NoAnswer("an answer that is not postcodes.io's shape") from exc


def _seconds(value: Any, default: float = 3.0) -> float:
    """The timeout setting, between a tenth of a second and ten; a setting that is no number
    is the default, so a typo in the environment cannot make a person wait."""
    try:
        seconds = float(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        log.warning("POSTCODES_IO_TIMEOUT is not a number of seconds: using %s", default)
        return default
    return min(max(seconds, 0.1), 10.0) if seconds == seconds else default


def _point(result: Any) -> tuple[float, float] | None:
    try:
        latitude, longitude = result["latitude"], result["longitude"]
    except (KeyError, TypeError):
        return None
    if latitude is None or longitude is None:
        return None
    try:
        return float(latitude), float(longitude)
    except (TypeError, ValueError):
        return None


class _NoAnswer(Exception):
    """postcodes.io could not be asked, or answered something that is not an answer."""
