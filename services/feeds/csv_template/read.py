"""Reading a saved template CSV the way a spreadsheet shows it: encoding, delimiter, headings."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from linkwell.feeds.csv_template.common import COLUMNS

# Headings people actually type, mapped to the template's column names.
_HEADER_ALIASES = {
    "ref": "id", "reference": "id", "your_reference": "id",
    "activity": "name", "activity_name": "name", "group": "name", "group_name": "name",
    "service": "name", "service_name": "name", "title": "name",
    "organization": "organisation", "org": "organisation", "run_by": "organisation",
    "category": "categories", "tags": "categories", "type": "categories",
    "venue": "venue_name", "place": "venue_name", "where": "venue_name",
    "street": "address", "address_line_1": "address", "post_code": "postcode",
    "lat": "latitude", "lng": "longitude", "lon": "longitude", "long": "longitude",
    "day": "days", "when": "days", "start": "start_time", "starts": "start_time",
    "from": "start_time", "end": "end_time", "finish": "end_time", "ends": "end_time",
    "until": "end_time", "to": "end_time", "price": "cost", "fee": "cost", "fees": "cost",
    "minimum_age": "min_age", "age_from": "min_age", "maximum_age": "max_age",
    "age_to": "max_age", "who_it_is_for": "who_for", "who_is_it_for": "who_for",
    "audience": "who_for", "language": "languages", "access": "accessibility",
    "how_to_get_involved": "how_to_join", "joining": "how_to_join",
    "phone": "contact_phone", "telephone": "contact_phone", "tel": "contact_phone",
    "email": "contact_email", "e_mail": "contact_email", "url": "website", "web": "website",
    "web_site": "website", "running": "status", "last_updated": "last_checked",
    "checked": "last_checked", "date_checked": "last_checked", "last_confirmed": "last_checked",
}

# --------------------------------------------------------------------------- reading the file


def read_rows(path: str | Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(row number as the spreadsheet shows it, row)`` for each non-empty data row.

    The heading row is row 1. Tolerates what Excel and Google Sheets write: a UTF-8 byte-order
    mark, Windows-1252 or UTF-16 text, a ``sep=;`` first line, semicolon or tab separators,
    headings in any case or spacing ("Start time (HH:MM)"), short rows and blank rows (skipped,
    but still counted so row numbers match the sheet). Every template column is present in
    each row dict (empty when the sheet lacks it); unknown columns are kept as they are.
    """
    text = _decode(Path(path).read_bytes())
    lines = text.splitlines(keepends=True)
    delimiter = None
    if lines and re.match(r"^\s*sep=(.)\s*$", lines[0]):
        delimiter = lines[0].strip()[4]
        text = "".join(lines[1:])  # Excel's hint line is not a row of the sheet
    records = csv.reader(io.StringIO(text, newline=""),
                         delimiter=delimiter or _sniff_delimiter(text))
    header: list[str] | None = None
    for number, record in enumerate(records, start=1):
        cells = [_clean_cell(cell) for cell in record]
        if header is None:
            if any(cells):
                header = [_normalise_heading(cell) for cell in cells]
            continue
        if any(cells):
            yield number, _row_dict(header, cells)


def _decode(raw: bytes) -> str:
    """Text of the file: UTF-16 when it says so, else UTF-8, else Windows-1252 (old Excel)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _sniff_delimiter(text: str) -> str:
    """Comma unless the heading line clearly uses semicolons or tabs (European Excel, TSV)."""
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def _clean_cell(value: str) -> str:
    """Trim a cell and undo spreadsheet escapes such as ``="0207..."`` and a leading quote."""
    value = value.replace("\u00a0", " ").strip()
    match = re.fullmatch(r'="(.*)"', value)
    if match:
        value = match.group(1).strip()
    if value.startswith("'") and value[1:2].isdigit():
        value = value[1:]
    return value


def _normalise_heading(heading: str) -> str:
    """``"Start time (HH:MM)"`` -> ``"start_time"``; known synonyms map to template names."""
    heading = re.sub(r"\(.*?\)", "", heading).strip().lower()
    key = re.sub(r"[^a-z0-9]+", "_", heading).strip("_")
    return _HEADER_ALIASES.get(key, key)


def _row_dict(header: list[str], cells: list[str]) -> dict[str, str]:
    """The row keyed by column name; a repeated column keeps its first non-empty cell."""
    row = dict.fromkeys(COLUMNS, "")
    padded = cells + [""] * (len(header) - len(cells))
    for key, value in zip(header, padded, strict=False):
        if key and not row.get(key):
            row[key] = value
    return row
