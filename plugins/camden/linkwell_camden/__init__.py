"""Linkwell plugin: demo community assets for Camden,
published as the simple spreadsheet (CSV) template.

The data in ``data/``, written for Linkwell's demo, reads like real listings but every
organisation, name, phone number and email address is invented.
"""

from pathlib import Path

AREA = "Camden"
DATA = Path(__file__).parent / "data"
