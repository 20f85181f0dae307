"""Write each demo borough plugin's ``data/postcodes.csv`` from its own demo venues.

Each postcode's place is the mean of the coordinates of the demo venues that carry it, so the
demo geocodes what its own listings say, with no download. Run after changing demo data:

    python scripts/make_demo_postcodes.py
"""

from __future__ import annotations

import csv
import importlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from statistics import fmean
from typing import Any

from linkwell.cli.demo import DEMO_FEEDS
from linkwell.geo.postcode import normalise_postcode

# Demo feed -> the plugin package whose data folder gets the file.
PACKAGES = {"lewisham": "linkwell_lewisham", "tower-hamlets": "linkwell_tower_hamlets",
            "camden": "linkwell_camden"}


def venue_places(services: Iterable[dict[str, Any]]) -> dict[str, list[tuple[float, float]]]:
    """Postcode -> the (latitude, longitude) of every venue with that postcode."""
    places: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for service in services:
        for link in service.get("service_at_locations") or []:
            location = link.get("location") or {}
            if location.get("latitude") is None or location.get("longitude") is None:
                continue
            for address in location.get("addresses") or []:
                postcode = normalise_postcode(str(address.get("postal_code") or ""))
                if postcode:
                    places[postcode].append((float(location["latitude"]),
                                             float(location["longitude"])))
    return places


def write_postcodes(path: Path, places: dict[str, list[tuple[float, float]]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("postcode", "latitude", "longitude"))
        for postcode in sorted(places):
            spots = places[postcode]
            writer.writerow((postcode, round(fmean(p[0] for p in spots), 6),
                             round(fmean(p[1] for p in spots), 6)))


def main() -> None:
    for feed, _area, reader in DEMO_FEEDS:
        package = importlib.import_module(PACKAGES[feed])
        places = venue_places(reader())
        path = Path(package.DATA) / "postcodes.csv"
        write_postcodes(path, places)
        print(f"{path}: {len(places)} postcodes")


if __name__ == "__main__":
    main()
