"""The geocode hook through the plugin manager: the offline ONS table first, postcodes.io last."""

from __future__ import annotations

from typing import Any

import pytest

from linkwell.geo import Geocoded, geocode, geocoder
from linkwell.geo.offline import OfflineGeocoder
from linkwell.geo.store import PostcodeStore
from linkwell.geo.store import store_path as store_path_of
from linkwell.plugins import hookimpl
from linkwell.plugins.manager import DEFAULT_PLUGINS, plugin_manager
from tests.geo.conftest import FakePostcodesIo

SE6_4RU = (51.445076, -0.020805)


@pytest.mark.usefixtures("loaded_store")
def test_hook_geocode_answers_from_the_ons_table(geo_config: dict[str, Any]) -> None:
    pm = plugin_manager(config=geo_config)
    answer = pm.hook.linkwell_geocode(postcode="SE6 4RU")
    assert answer == SE6_4RU
    assert isinstance(answer, Geocoded)
    assert (answer.postcode, answer.source, answer.terminated) == ("SE6 4RU", "ons", None)
    assert (answer.latitude, answer.longitude) == SE6_4RU


@pytest.mark.usefixtures("loaded_store")
@pytest.mark.parametrize("typed", ["se64ru", " SE6  4RU ", "Se6 4rU"])
def test_what_people_type_is_normalised_first(geo_config: dict[str, Any], typed: str) -> None:
    assert geocode(plugin_manager(config=geo_config), typed) == SE6_4RU


@pytest.mark.usefixtures("loaded_store")
def test_terminated_postcodes_are_answered_and_marked(geo_config: dict[str, Any]) -> None:
    answer = geocode(plugin_manager(config=geo_config), "ab10aa")
    assert answer == (57.101474, -2.242851)
    assert isinstance(answer, Geocoded) and answer.terminated == "199606"


@pytest.mark.usefixtures("loaded_store")
@pytest.mark.parametrize("typed", ["SE6 4RX", "GY1 1AA", "Catford", ""])
def test_unknown_postcodes_are_none(geo_config: dict[str, Any], typed: str) -> None:
    assert geocode(plugin_manager(config=geo_config), typed) is None


def test_no_table_yet_is_none_and_creates_nothing(geo_config: dict[str, Any]) -> None:
    assert geocode(plugin_manager(config=geo_config), "SE6 4RU") is None
    assert not OfflineGeocoder(geo_config).store.path.exists()


@pytest.mark.usefixtures("loaded_store")
@pytest.mark.parametrize("builtins", [DEFAULT_PLUGINS, tuple(reversed(DEFAULT_PLUGINS))])
def test_hook_geocode_the_offline_answer_wins_over_postcodes_io(geo_config: dict[str, Any],
                                                   postcodes_io: FakePostcodesIo,
                                                   builtins: tuple[str, ...]) -> None:
    postcodes_io.known["SE6 4RU"] = (51.0, 0.5)  # a different place: must not be used
    postcodes_io.known["SW1A 1AA"] = (51.501009, -0.141588)
    pm = plugin_manager(builtins=builtins, config={**geo_config,
                                                   "POSTCODES_IO_URL": postcodes_io.url})
    offline = geocode(pm, "SE6 4RU")
    assert offline == SE6_4RU and isinstance(offline, Geocoded) and offline.source == "ons"
    assert postcodes_io.asked_for("SE6 4RU") == 0
    online = geocode(pm, "sw1a1aa")
    assert online == (51.501009, -0.141588)
    assert isinstance(online, Geocoded) and online.source == "postcodes.io"


class Gazetteer:
    """A third-party geocoder, registered like an installed plugin."""

    @hookimpl
    def linkwell_geocode(self, postcode: str) -> tuple[float, float] | None:
        return (51.5, -0.1) if postcode in ("SE6 4RU", "N1C 4AA") else None


@pytest.mark.usefixtures("loaded_store")
def test_a_plugins_geocoder_comes_between_the_built_ins(geo_config: dict[str, Any],
                                                        postcodes_io: FakePostcodesIo) -> None:
    postcodes_io.known["N1C 4AA"] = (51.53, -0.12)
    pm = plugin_manager(config={**geo_config, "POSTCODES_IO_URL": postcodes_io.url})
    pm.register(Gazetteer(), name="gazetteer")
    assert geocode(pm, "SE6 4RU") == SE6_4RU          # the ONS table first
    assert geocode(pm, "N1C 4AA") == (51.5, -0.1)     # then the plugin
    assert postcodes_io.requests == []                # postcodes.io only when nobody knows


@pytest.mark.usefixtures("loaded_store")
def test_geocoder_is_the_callable_feed_converters_take(geo_config: dict[str, Any]) -> None:
    from linkwell.feeds.csv_template import convert_row

    row = {"name": "Catford Walkers", "organisation": "Catford Walkers", "venue_name":
           "Laurence House", "address": "1 Catford Road", "postcode": "se6 4ru",
           "days": "Tuesday", "start_time": "10:00", "end_time": "11:00"}
    service = convert_row(row, feed="tests", row_number=2,
                          geocoder=geocoder(plugin_manager(config=geo_config)))
    location = service["service_at_locations"][0]["location"]
    assert (location["latitude"], location["longitude"]) == SE6_4RU


def test_class_plugins_are_made_with_the_settings(geo_config: dict[str, Any]) -> None:
    pm = plugin_manager(config=geo_config)
    offline = pm.get_plugin("linkwell.geo.offline:OfflineGeocoder")
    assert isinstance(offline, OfflineGeocoder)
    assert offline.store.path == PostcodeStore(geo_config["DATA_DIR"] + "/postcodes.sqlite3").path
    # Two managers (two apps) never share a plugin instance.
    assert plugin_manager(config=geo_config).get_plugin(
        "linkwell.geo.offline:OfflineGeocoder") is not offline


def test_a_geocoded_answer_copies_and_pickles_whole() -> None:
    import copy
    import pickle

    answer = Geocoded(57.101474, -2.242851, postcode="AB1 0AA", source="ons",
                      terminated="199606")
    for twin in (copy.deepcopy(answer), pickle.loads(pickle.dumps(answer))):
        assert twin == answer and isinstance(twin, Geocoded)
        assert (twin.postcode, twin.source, twin.terminated) == ("AB1 0AA", "ons", "199606")


@pytest.mark.usefixtures("loaded_store")
def test_hook_locate_area_answers_the_middle_of_a_sector_or_district(
        geo_config: dict[str, Any]) -> None:
    """From the postcodes in the table: the mean of those in use there."""
    pm = plugin_manager(config=geo_config)
    store = PostcodeStore(store_path_of(geo_config))
    sector = [store.lookup(p) for p in ("SE6 4AA", "SE6 4EX", "SE6 4JB", "SE6 4QX", "SE6 4RU",
                                        "SE6 4SN", "SE6 4TA")]
    assert all(sector)
    middle = pm.hook.linkwell_locate_area(area="SE6 4")
    assert middle == pytest.approx((sum(p.latitude for p in sector if p) / len(sector),
                                    sum(p.longitude for p in sector if p) / len(sector)))
    district = pm.hook.linkwell_locate_area(area="SE6")
    assert district is not None and district != middle  # SE6 3RG counts too
    assert pm.hook.linkwell_locate_area(area="SE60") is None  # not SE6's postcodes
    assert pm.hook.linkwell_locate_area(area="Catford") is None  # no place names offline
