"""Built-in reader for the spreadsheet (CSV) template (``kind = "csv"``).

``location`` is a CSV file saved from the template (``docs/csv-template.md``), or a folder of
them. Each row becomes a service through :func:`linkwell.feeds.csv_template.convert_row`; a
cell that cannot be understood rejects that row only, named by its row number and column.
Coordinates missing from a row are filled in by the sync, through the geocoding hook.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linkwell.feeds.csv_template import CsvRowError, convert_row, read_rows

# The template's own slug, so an unreadable row's id matches what convert_row would derive.
from linkwell.feeds.csv_template import slug as template_slug
from linkwell.feeds.readers.files import feed_files
from linkwell.plugins.hookspecs import Feed, FeedError, FetchedRecord, hookimpl

KIND = "csv"


@hookimpl
def linkwell_fetch(feed: Feed, modified_after: str | None) -> Iterator[FetchedRecord] | None:
    """Read a spreadsheet-template feed: every row, converted, or why a row could not be."""
    if feed.kind != KIND:
        return None
    return _rows(feed)


def _rows(feed: Feed) -> Iterator[FetchedRecord]:
    paths = feed_files(feed, (".csv", ".tsv", ".txt"))
    for path in paths:
        prefix = f"{path.name} " if len(paths) > 1 else ""
        try:
            rows = list(read_rows(path))
        except OSError as exc:
            raise FeedError(f"{path} could not be read: {exc}") from exc
        for number, row in rows:
            yield convert(feed, row, number, prefix)


def convert(feed: Feed, row: dict[str, str], number: int, prefix: str = "") -> FetchedRecord:
    """One row as a FetchedRecord: a service, or the row number, column and reason."""
    try:
        record = convert_row(row, feed=feed.name, row_number=number)
    except CsvRowError as exc:
        return FetchedRecord(source_id=f"{prefix}row {number}", error=exc.reason,
                             field=exc.column, listed_id=listed_id(row))
    return FetchedRecord(source_id=str(record.get("_source_id") or f"{prefix}row {number}"),
                         record=record)


def listed_id(row: dict[str, Any]) -> str | None:
    """The id a row has even when a cell is wrong: its own reference, else the name's slug."""
    name = " ".join(str(row.get("name") or "").split())
    if not name:
        return None
    own = " ".join(str(row.get("id") or "").split())
    organisation = " ".join(str(row.get("organisation") or "").split())
    return own or template_slug(f"{organisation} {name}")
