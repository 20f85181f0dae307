"""Linkwell plugin: demo community assets for Camden,
published as the simple spreadsheet (CSV) template.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

from pathlib import Path

from linkwell.plugins import Feed, hookimpl
from linkwell.plugins.area import area_files

AREA = "Camden"
DATA = Path(__file__).parent / "data"


# The venues' postcodes (data/postcodes.csv, made by scripts/make_demo_postcodes.py) and the
# neighbourhoods residents name (data/places.csv: approximate middles written for the demo; a
# deployment imports the ONS Index of Place Names or OS Open Names), so it needs no download.
linkwell_postcode_files, linkwell_place_files = area_files(DATA)


@hookimpl
def linkwell_feeds() -> list[Feed]:
    """The demo feed: Camden community groups spreadsheet."""
    return [Feed(name="camden", area=AREA, kind="csv", location=str(DATA / "assets.csv"),
                 title="Camden community groups spreadsheet (demo, CSV template)")]
