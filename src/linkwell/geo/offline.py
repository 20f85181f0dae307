"""The built-in offline geocoder: answers from the postcode table in the data directory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linkwell.geo import Geocoded
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

    @hookimpl(tryfirst=True)
    def linkwell_locate_area(self, area: str) -> tuple[float, float] | None:
        """The middle of a sector's or district's postcodes in the table (place names: no)."""
        found = self.store.centroid(area)
        return None if found is None else (found[0], found[1])

    @hookimpl(tryfirst=True)
    def linkwell_geocode(self, postcode: str) -> Geocoded | None:
        found = self.store.lookup(postcode)
        if found is None:
            return None
        return Geocoded(found.latitude, found.longitude, postcode=found.postcode, source=SOURCE,
                        terminated=found.terminated)
