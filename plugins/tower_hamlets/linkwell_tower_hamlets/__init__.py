"""Linkwell plugin: demo community assets for Tower Hamlets,
published as a legacy Open Referral UK 1.0 API feed.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

from pathlib import Path

AREA = "Tower Hamlets"
DATA = Path(__file__).parent / "data"
