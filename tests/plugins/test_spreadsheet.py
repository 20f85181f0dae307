"""The built-in spreadsheet (CSV template) reader: rows, row errors, and what a sync keeps."""

from __future__ import annotations

import csv
from pathlib import Path

from flask import Flask

from linkwell.feeds.csv_template import COLUMNS
from linkwell.feeds.readers import spreadsheet
from linkwell.plugins import Feed, FetchedRecord
from tests.syncing import plugins, run_sync, snapshot, visible

CAMDEN = Path(__file__).resolve().parents[2] / "plugins" / "camden" / "linkwell_camden" / "data"


def read(feed: Feed) -> list[FetchedRecord]:
    found = spreadsheet.linkwell_fetch(feed, None)
    assert found is not None
    return list(found)


def test_rows_that_cannot_be_read_are_named_by_row_and_column() -> None:
    feed = Feed(name="camden", area="Camden", kind="csv",
                location=str(CAMDEN / "assets-with-errors.csv"))
    records = read(feed)
    failed = [(r.source_id, r.field, r.error) for r in records if r.error]
    assert failed == [
        ("row 12", "start_time", "'25:99' is not a time (use HH:MM, e.g. 10:30)"),
        ("row 13", "name", "is empty; every row needs the activity's name")]
    assert sum(1 for r in records if r.record) == 10


def test_the_demo_sheet_reads_whole() -> None:
    records = read(Feed(name="camden", area="Camden", kind="csv",
                        location=str(CAMDEN / "assets.csv")))
    assert len(records) == 125 and all(r.record for r in records)
    assert records[0].source_id == "611cec94-3d84-5558-bd14-d129af8c37a9"


def _sheet(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in COLUMNS} for row in rows)


ROWS = [
    {"name": "Kilburn Knit and Natter", "organisation": "Kilburn Makers", "days": "Tuesday",
     "start_time": "10:00", "end_time": "12:00", "venue_name": "Kilburn Library",
     "postcode": "NW6 7PR", "cost": "Free"},
    {"name": "Queen's Park Walkers", "organisation": "Kilburn Makers", "days": "Friday",
     "start_time": "09:30", "end_time": "10:30", "venue_name": "Queen's Park",
     "postcode": "NW6 6RD"},
    {"id": "CAM-77", "name": "West Hampstead Choir", "days": "Monday", "start_time": "19:00",
     "end_time": "21:00", "venue_name": "St James' Hall",
     "postcode": "NW6 1QL"},
]


def test_a_row_broken_later_keeps_its_listing_instead_of_being_withdrawn(
        app: Flask, tmp_path: Path) -> None:
    sheet = tmp_path / "groups.csv"
    _sheet(sheet, ROWS)
    feed = Feed(name="kilburn", area="Camden", kind="csv", location=str(sheet))
    pm = plugins(app)
    first = run_sync(app, pm, feed)
    assert first.ok and first.counts["added"] == 3
    before = snapshot(app, "kilburn")
    broken = [dict(ROWS[0], start_time="half ten"), ROWS[1], dict(ROWS[2], days="Funday")]
    _sheet(sheet, broken)
    run = run_sync(app, pm, feed)
    assert run.ok and run.counts["rejected"] == 2 and run.counts["withdrawn"] == 0
    assert {(r.record_id, r.field) for r in run.rejects} == {("row 2", "start_time"),
                                                             ("row 4", "days")}
    assert snapshot(app, "kilburn") == before and len(visible(app, "kilburn")) == 3
    _sheet(sheet, ROWS[1:])
    assert run_sync(app, pm, feed).counts["withdrawn"] == 1  # a row really removed


def test_the_listed_id_of_a_broken_row_is_the_id_it_would_have() -> None:
    good = spreadsheet.convert(Feed("kilburn", "Camden", "csv", "x"),
                               {c: ROWS[0].get(c, "") for c in COLUMNS}, 2)
    broken = spreadsheet.convert(Feed("kilburn", "Camden", "csv", "x"),
                                 {c: dict(ROWS[0], start_time="soon").get(c, "")
                                  for c in COLUMNS}, 2)
    assert good.record and broken.record is None
    assert broken.listed_id == good.source_id == "kilburn-makers-kilburn-knit-and-natter"
