"""What every part of the template reader shares: its columns, errors, ids and small helpers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from linkwell.taxonomy import FACETS_TAXONOMY_NAME, TERM_NAMESPACE

#: The template's columns, in the order ``docs/csv-template.csv`` lists them.
COLUMNS: tuple[str, ...] = (
    "id", "name", "organisation", "description", "categories",
    "venue_name", "address", "postcode", "latitude", "longitude",
    "days", "start_time", "end_time", "cost", "min_age", "max_age", "who_for",
    "languages", "accessibility", "how_to_join", "delivery",
    "contact_phone", "contact_email", "website", "status", "last_checked",
)

#: Term ids of Linkwell's own taxonomy are uuid5(NAMESPACE_URL, this + concept id).
LINKWELL_TAXONOMY_BASE = TERM_NAMESPACE
#: The taxonomy name of Linkwell's facet tags (``delivery:online``, ``audience:carers``).
LINKWELL_FACETS_TAXONOMY = FACETS_TAXONOMY_NAME

#: Looks a postcode up: (latitude, longitude), or None when it is unknown.
Geocoder = Callable[[str], tuple[float, float] | None]


class CsvRowError(ValueError):
    """A cell that cannot be understood: says which spreadsheet row and column, and why."""

    def __init__(self, row_number: int, column: str, reason: str) -> None:
        self.row_number = row_number
        self.column = column
        self.reason = reason
        super().__init__(f"row {row_number}, {column}: {reason}")


class _CellError(ValueError):
    """Raised by the cell parsers, which do not know the row; convert_row adds it."""

    def __init__(self, column: str, reason: str) -> None:
        self.column = column
        self.reason = reason
        super().__init__(f"{column}: {reason}")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "St Mary's Café" -> "st-marys-cafe"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\u2019]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    """Set an optional field only when it has a value: ORUK omits fields, it never nulls them."""
    if value not in (None, "", [], {}):
        target[key] = value


def _ordered(mapping: dict[str, Any], first: Iterable[str]) -> dict[str, Any]:
    keys = list(first)
    return {**{k: mapping[k] for k in keys}, **{k: v for k, v in mapping.items() if k not in keys}}


def _plain_dashes(text: str) -> str:
    """En and em dashes and the minus sign, which spreadsheets autocorrect to, as hyphens."""
    return text.translate({0x2013: "-", 0x2014: "-", 0x2212: "-"})


def _split_list(cell: str, extra: str = "") -> list[str]:
    """Items of a list cell: split on semicolons or new lines, or on commas if there are none."""
    separators = r"[;\n]" if re.search(r"[;\n]", cell) else r","
    if extra:
        separators = f"{separators}|{extra}"
    return [item.strip(" .") for item in re.split(separators, cell) if item.strip(" .")]


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:] if words else ""
