"""The built-in offline geocoder: answers from the postcode table in the data directory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linkwell.geo import Geocoded, Located
from linkwell.geo.placestore import PlaceStore
from linkwell.geo.store import PostcodeStore, store_path
from linkwell.plugins.hookspecs import hookimpl

SOURCE = "ons"


class OfflineGeocoder:
    """Looks postcodes up in ``DATA_DIR/postcodes.sqlite3`` (``linkwell geo import FILE``).

    Asked first (``tryfirst``): the ONS Postcode Directory is the most trusted answer, and it
    costs no network call. Terminated postcodes are answered, marked ``terminated``.
    """

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.store = PostcodeStore(store_path(config))
        self.places = PlaceStore(store_path(config))
        self.config = config
        self._areas: tuple[str, ...] | None = None

    @hookimpl(tryfirst=True)
    def linkwell_locate_area(self, area: str) -> tuple[float, float] | None:
        """The middle of a sector's or district's postcodes in the table, or a place name's
        middle as the imported gazetteers give it (``linkwell geo import IPN_GB_2024.csv``)."""
        if any(ch.isdigit() for ch in area):  # SE6, SE6 4: no place name has a digit
            found = self.store.centroid(area)
            return None if found is None else (found[0], found[1])
        # The middle of the postcodes is an average over the whole table (2.7 million rows
        # with the ONSPD): worked out only if namesakes in the same boroughs are left.
        known = self.places.lookup(area, home=self.store.middle, areas=self.home_areas())
        if known is None:
            return None
        return Located(known.latitude, known.longitude, name=known.name, area=known.area,
                       source=known.source)

    def home_areas(self) -> tuple[str, ...]:
        """The deployment's own boroughs: ``PLACE_AREAS`` (``LINKWELL_PLACE_AREAS``, comma-
        separated), else the areas of the installed plugins' feeds; worked out once."""
        if self._areas is None:
            setting = self.config.get("PLACE_AREAS")
            if setting:
                names = str(setting).split(",") if isinstance(setting, str) else list(setting)
            else:
                names = _feed_areas(self.config)
            self._areas = tuple(n.strip() for n in names if n.strip())
        return self._areas

    @hookimpl(tryfirst=True)
    def linkwell_geocode(self, postcode: str) -> Geocoded | None:
        found = self.store.lookup(postcode)
        if found is None:
            return None
        return Geocoded(found.latitude, found.longitude, postcode=found.postcode, source=SOURCE,
                        terminated=found.terminated)


def _feed_areas(config: Mapping[str, Any]) -> list[str]:
    """The areas the installed feeds cover ("Lewisham"): a place of one of these names wins
    over its namesakes elsewhere. Asked of a plugin manager of its own, once, at first use."""
    from linkwell.plugins.manager import PluginError, feeds, plugin_manager

    try:
        return [feed.area for feed in feeds(plugin_manager(config=config)).values()]
    except PluginError:  # the app's own plugin manager reports it; no areas then
        return []
