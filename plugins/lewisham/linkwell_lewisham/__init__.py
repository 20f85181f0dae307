"""Linkwell plugin: demo community assets for Lewisham,
published as Open Referral UK 3.0 (HSDS 3.0) JSON.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

from pathlib import Path

from linkwell.plugins import Feed, hookimpl

AREA = "Lewisham"
DATA = Path(__file__).parent / "data"


@hookimpl
def linkwell_postcode_files() -> list[Path]:
    """The demo venues' postcodes (made by scripts/make_demo_postcodes.py): no download."""
    return [DATA / "postcodes.csv"]


@hookimpl
def linkwell_place_files() -> list[Path]:
    """The neighbourhoods residents name ("Catford", "Bow", "Kentish Town"): approximate
    middles written for the demo, so a place name works with no download. A deployment
    imports the ONS Index of Place Names or OS Open Names for the real ones."""
    return [DATA / "places.csv"]


@hookimpl
def linkwell_feeds() -> list[Feed]:
    """The demo feed: Lewisham community directory."""
    return [Feed(name="lewisham", area=AREA, kind="oruk3", location=str(DATA / "services.json"),
                 title="Lewisham community directory (demo, Open Referral UK 3.0 file)")]
