"""Linkwell plugin: demo community assets for Lewisham,
published as Open Referral UK 3.0 (HSDS 3.0) JSON.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

from pathlib import Path

from linkwell.plugins import Feed, hookimpl
from linkwell.plugins.area import area_files

AREA = "Lewisham"
DATA = Path(__file__).parent / "data"


# The venues' postcodes (data/postcodes.csv, made by scripts/make_demo_postcodes.py) and the
# neighbourhoods residents name (data/places.csv: approximate middles written for the demo; a
# deployment imports the ONS Index of Place Names or OS Open Names), so it needs no download.
linkwell_postcode_files, linkwell_place_files = area_files(DATA)


@hookimpl
def linkwell_feeds() -> list[Feed]:
    """The demo feed: Lewisham community directory."""
    return [Feed(name="lewisham", area=AREA, kind="oruk3", location=str(DATA / "services.json"),
                 title="Lewisham community directory (demo, Open Referral UK 3.0 file)")]
