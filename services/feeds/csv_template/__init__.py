"""Linkwell's simple spreadsheet template: read its CSV rows and turn each into an HSDS 3.0 service.

Small groups and boroughs without a directory system keep one row per activity in Excel or
Google Sheets (see ``docs/csv-template.md``). :func:`read_rows` reads the saved CSV the way a
spreadsheet shows it, and :func:`convert_row` turns one row into a service in the nested shape
Open Referral UK 3.0 serves (organization, service_at_locations[].location, schedules, ...).

Cells are written by people, so parsing is forgiving about form ("tues", "10.30", "£3 (£1
concessions)", "12/06/2025") and strict about meaning: a cell that cannot be understood raises
:class:`CsvRowError` naming the spreadsheet row and column, so the person can fix that cell.

Every id is a UUID derived from the feed name and the row's own reference (or a slug of its
organisation and name), so converting the same sheet twice gives the same ids.

The parts: :mod:`.read` (the file), :mod:`.convert` (a row), :mod:`.cells` (simple cells),
:mod:`.days` (times and days), :mod:`.categories` (categories and audiences) and
:mod:`.common` (columns, errors, ids).
"""

from __future__ import annotations

from linkwell.feeds.csv_template.common import (
    COLUMNS,
    LINKWELL_FACETS_TAXONOMY,
    LINKWELL_TAXONOMY_BASE,
    CsvRowError,
    Geocoder,
    slug,
)
from linkwell.feeds.csv_template.convert import convert_file, convert_row
from linkwell.feeds.csv_template.read import read_rows

__all__ = [
    "COLUMNS",
    "LINKWELL_FACETS_TAXONOMY",
    "LINKWELL_TAXONOMY_BASE",
    "CsvRowError",
    "Geocoder",
    "convert_file",
    "convert_row",
    "read_rows",
    "slug",
]
