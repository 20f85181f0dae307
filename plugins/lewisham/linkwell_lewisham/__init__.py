"""Linkwell plugin: demo community assets for Lewisham,
published as Open Referral UK 3.0 (HSDS 3.0) JSON.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

from pathlib import Path

from linkwell.plugins import Feed
from linkwell.plugins.area import borough_hooks

AREA = "Lewisham"
DATA = Path(__file__).parent / "data"

linkwell_feeds, linkwell_postcode_files, linkwell_place_files = borough_hooks(
    DATA, Feed(name="lewisham", area=AREA, kind="oruk3", location=str(DATA / "services.json"),
               title="Lewisham community directory (demo, Open Referral UK 3.0 file)"))
