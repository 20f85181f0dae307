"""Linkwell plugin: demo community assets for Camden,
published as the simple spreadsheet (CSV) template.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

from pathlib import Path

from linkwell.plugins import Feed
from linkwell.plugins.area import borough_hooks

AREA = "Camden"
DATA = Path(__file__).parent / "data"

linkwell_feeds, linkwell_postcode_files, linkwell_place_files = borough_hooks(
    DATA, Feed(name="camden", area=AREA, kind="csv", location=str(DATA / "assets.csv"),
               title="Camden community groups spreadsheet (demo, CSV template)"))
