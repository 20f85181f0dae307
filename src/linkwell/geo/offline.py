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

    @hookimpl(tryfirst=True)
    def linkwell_locate_area(self, area: str) -> tuple[float, float] | None:
        """The middle of a sector's or district's postcodes in the table, or a place name's
        middle as the imported gazetteers give it (``linkwell geo import IPN_GB_2024.csv``)."""
        if any(ch.isdigit() for ch in area):  # SE6, SE6 4: no place name has a digit
            found = self.store.centroid(area)
            return None if found is None else (found[0], found[1])
        known = self.places.lookup(area, home=self.store.middle())
        if known is None:
            return None
        return Located(known.latitude, known.longitude, name=known.name, area=known.area,
                       source=known.source)

    @hookimpl(tryfirst=True)
    def linkwell_geocode(self, postcode: str) -> Geocoded | None:
        found = self.store.lookup(postcode)
        if found is None:
            return None
        return Geocoded(found.latitude, found.longitude, postcode=found.postcode, source=SOURCE,
                        terminated=found.terminated)
