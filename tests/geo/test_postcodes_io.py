"""The postcodes.io geocoder against a local server that answers like postcodes.io."""

from __future__ import annotations

from typing import Any

from linkwell.geo import Geocoded
from linkwell.geo.postcodes_io import AnswerCache, PostcodesIoGeocoder
from tests.geo.conftest import FakePostcodesIo


def client(postcodes_io: FakePostcodesIo, **settings: Any) -> PostcodesIoGeocoder:
    return PostcodesIoGeocoder({"POSTCODES_IO_URL": postcodes_io.url + "/", **settings})


def test_off_unless_a_url_is_set(postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.known["SE6 4RU"] = (51.445076, -0.020805)
    assert PostcodesIoGeocoder({}).linkwell_geocode("SE6 4RU") is None
    assert PostcodesIoGeocoder({"POSTCODES_IO_URL": ""}).linkwell_geocode("SE6 4RU") is None
    assert postcodes_io.requests == []


def test_an_answer_is_asked_once_then_cached(postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.known["SE6 4RU"] = (51.445076, -0.020805)
    geocoder = client(postcodes_io)
    first = geocoder.linkwell_geocode("SE6 4RU")
    assert first == (51.445076, -0.020805)
    assert isinstance(first, Geocoded) and first.source == "postcodes.io"
    assert geocoder.linkwell_geocode("SE6 4RU") == first
    assert postcodes_io.requests == ["/postcodes/SE6 4RU"]  # one request, the space encoded


def test_a_404_is_unknown_and_cached_too(postcodes_io: FakePostcodesIo) -> None:
    geocoder = client(postcodes_io)
    assert geocoder.linkwell_geocode("ZZ9 9ZZ") is None
    assert geocoder.linkwell_geocode("ZZ9 9ZZ") is None
    assert postcodes_io.asked_for("ZZ9 9ZZ") == 1


def test_a_postcode_without_coordinates_is_unknown(postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.known["GY1 1AA"] = (None, None)
    assert client(postcodes_io).linkwell_geocode("GY1 1AA") is None


def test_a_server_error_is_not_cached(postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.known["E1 0AA"] = (51.512497, -0.052098)
    postcodes_io.failing.add("E1 0AA")
    geocoder = client(postcodes_io)
    assert geocoder.linkwell_geocode("E1 0AA") is None
    postcodes_io.failing.clear()  # the service recovers: the next request asks again
    assert geocoder.linkwell_geocode("E1 0AA") == (51.512497, -0.052098)
    assert postcodes_io.asked_for("E1 0AA") == 2


def test_a_slow_answer_times_out_and_is_not_cached(postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.known["NW5 2AA"] = (51.550009, -0.140471)
    postcodes_io.slow.add("NW5 2AA")  # the server holds the answer until released
    geocoder = client(postcodes_io, POSTCODES_IO_TIMEOUT=0.2)
    assert geocoder.linkwell_geocode("NW5 2AA") is None
    postcodes_io.slow.clear()
    postcodes_io.release.set()
    assert geocoder.linkwell_geocode("NW5 2AA") == (51.550009, -0.140471)


def test_nothing_listening_is_no_answer() -> None:
    # A port nobody listens on: connection refused, answered None, not raised.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    geocoder = PostcodesIoGeocoder({"POSTCODES_IO_URL": f"http://127.0.0.1:{port}"})
    assert geocoder.linkwell_geocode("SE6 4RU") is None


def test_the_cache_forgets_the_least_recently_used_and_the_expired() -> None:
    cache = AnswerCache(size=2, ttl=60)
    a = Geocoded(51.0, 0.0, postcode="A1 1AA", source="test")
    cache.put("A1 1AA", a)
    cache.put("B1 1BB", None)
    assert cache.get("A1 1AA") == (True, a)  # A is now the most recently used
    cache.put("C1 1CC", None)
    assert cache.get("B1 1BB") == (False, None)
    assert cache.get("A1 1AA") == (True, a) and cache.get("C1 1CC") == (True, None)
    expired = AnswerCache(ttl=-1)
    expired.put("A1 1AA", a)
    assert expired.get("A1 1AA") == (False, None)
