"""The postcodes.io geocoder against a local server that answers like postcodes.io."""

from __future__ import annotations

from typing import Any

import pytest

from linkwell.geo import Geocoded, Located
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


KENTISH_TOWN = {"code": "osgb4000000074556009", "name_1": "Kentish Town", "name_1_lang": None,
                "name_2": None, "name_2_lang": None, "local_type": "Suburban Area",
                "district_borough": "Camden", "county_unitary": "Greater London",
                "latitude": 51.55035, "longitude": -0.14016}
KENTISH_TOWN_ROAD = {**KENTISH_TOWN, "code": "osgb4000000074556010", "local_type": "Named Road",
                     "name_1": "Kentish Town Road", "latitude": 51.545, "longitude": -0.142}
SWANSEA = {"code": "osgb4000000074556011", "name_1": "Swansea", "name_1_lang": "eng",
           "name_2": "Abertawe", "name_2_lang": "cym", "local_type": "City",
           "district_borough": None, "county_unitary": "Swansea",
           "latitude": 51.62, "longitude": -3.94}


def test_a_district_is_asked_of_outcodes(postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.outcodes["SE26"] = (51.4267, -0.0513)
    geocoder = client(postcodes_io)
    assert geocoder.linkwell_locate_area("SE26") == (51.4267, -0.0513)
    assert geocoder.linkwell_locate_area("SE26") == (51.4267, -0.0513)  # kept: asked once
    assert geocoder.linkwell_locate_area("ZZ9") is None
    assert geocoder.linkwell_locate_area("SE26 4") is None  # no sector endpoint: not asked
    assert postcodes_io.requests == ["/outcodes/SE26", "/outcodes/ZZ9"]


def test_a_place_name_is_the_populated_place_of_that_name(postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.places += [KENTISH_TOWN_ROAD, KENTISH_TOWN, SWANSEA]
    geocoder = client(postcodes_io)
    found = geocoder.linkwell_locate_area("kentish town")
    assert isinstance(found, Located) and found == (51.55035, -0.14016)
    assert found.described == "Kentish Town (Camden)" and found.source == "postcodes.io"
    assert geocoder.linkwell_locate_area("Kent") is None  # a prefix is not a place
    welsh = geocoder.linkwell_locate_area("Abertawe")  # the Welsh name of Swansea
    assert isinstance(welsh, Located) and welsh.described == "Abertawe (Swansea)"


def test_the_places_search_sends_the_name_as_a_query(postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.places.append(KENTISH_TOWN)
    client(postcodes_io).linkwell_locate_area("Kentish Town")
    assert postcodes_io.requests == ["/places?q=Kentish+Town&limit=20"]


def test_a_server_error_for_an_area_is_no_answer_and_asked_again(
        postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.outcodes["E20"] = (51.545, -0.008)
    postcodes_io.failing.add("E20")
    geocoder = client(postcodes_io)
    assert geocoder.linkwell_locate_area("E20") is None
    postcodes_io.failing.clear()
    assert geocoder.linkwell_locate_area("E20") == (51.545, -0.008)


def test_a_hung_server_is_given_up_on_and_the_local_path_answers(
        postcodes_io: FakePostcodesIo, geo_config: dict[str, Any]) -> None:
    import threading

    from linkwell.geo.importer import import_postcodes
    from linkwell.geo.places import place
    from linkwell.geo.store import PostcodeStore, store_path
    from linkwell.plugins.manager import plugin_manager
    from tests.geo.conftest import POSTCODES_CSV

    import_postcodes(PostcodeStore(store_path(geo_config)), POSTCODES_CSV)
    postcodes_io.hung = True  # takes every request and never answers
    pm = plugin_manager(config={**geo_config, "POSTCODES_IO_URL": postcodes_io.url,
                                "POSTCODES_IO_TIMEOUT": 0.3})
    answers: dict[str, Any] = {}

    def ask() -> None:
        answers["new estate"] = place(pm, "SE6 4ZZ")  # not known offline: asks, then sector
        answers["unknown"] = place(pm, "SE26")        # nobody answers: no distances
        answers["place"] = place(pm, "Kentish Town")

    worker = threading.Thread(target=ask, daemon=True)
    worker.start()
    worker.join(timeout=30)  # a guard against a hang, far above three 0.3 s timeouts
    assert not worker.is_alive(), "the geocoder waited on a server that never answers"
    assert answers["new estate"].precision == "sector"
    assert answers["unknown"].point is None and "not sorted by distance" in str(
        answers["unknown"].note)
    assert answers["place"].point is None
    assert len(postcodes_io.requests) == 3  # each was asked once, and each given up on


def test_postcodes_io_answers_what_the_local_tables_do_not(
        postcodes_io: FakePostcodesIo, geo_config: dict[str, Any]) -> None:
    from linkwell.geo.places import place
    from linkwell.plugins.manager import plugin_manager

    postcodes_io.outcodes["SE26"] = (51.4267, -0.0513)
    postcodes_io.places.append(KENTISH_TOWN)
    pm = plugin_manager(config={**geo_config, "POSTCODES_IO_URL": postcodes_io.url})
    district = place(pm, "se26")
    assert district.precision == "district" and district.point == (51.4267, -0.0513)
    kentish = place(pm, "kentish town")
    assert kentish.as_dict()["found"] == "Kentish Town (Camden)"
    assert kentish.as_dict()["source"] == "postcodes.io"
    off = plugin_manager(config=geo_config)  # no URL: nothing asked, nothing found
    before = len(postcodes_io.requests)
    assert place(off, "kentish town").point is None and len(postcodes_io.requests) == before


@pytest.mark.parametrize(("setting", "seconds"), [(None, 3.0), ("0.5", 0.5), ("soon", 3.0),
                                                  ("600", 10.0), ("0", 0.1), ("nan", 3.0)])
def test_the_timeout_setting_is_short_whatever_is_written(setting: str | None,
                                                          seconds: float) -> None:
    geocoder = PostcodesIoGeocoder({"POSTCODES_IO_URL": "http://127.0.0.1:9",
                                    "POSTCODES_IO_TIMEOUT": setting})
    assert geocoder.timeout == seconds
