"""Linkwell plugin: demo community assets for Lewisham,
published as Open Referral UK 3.0 (HSDS 3.0) JSON.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

from pathlib import Path

AREA = "Lewisham"
DATA = Path(__file__).parent / "data"
