"""Camden's demo feed written in the spreadsheet template, and the template and guide in docs/
(the converter's cell-by-cell tests are in test_csv_template.py)."""

from __future__ import annotations

import csv
import io
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import FormatChecker
from jsonschema.protocols import Validator

from linkwell.feeds.csv_template import (
    COLUMNS,
    convert_file,
    read_rows,
)
from tests import schemas
from tests.feeds import demo_data
from tests.feeds.csv_template_data import (
    ASSETS,
    DATA,
    FEED,
    GUIDE,
    SCHEMAS,
    TAXONOMY,
    TEMPLATE,
    WITH_ERRORS,
    schema_errors,
    walk,
)


@pytest.fixture(scope="module")
def validators() -> dict[str, Validator]:
    return {name: schemas.validator(path, FormatChecker()) for name, path in SCHEMAS.items()}


@pytest.fixture(scope="module")
def services() -> list[dict[str, Any]]:
    converted, errors = convert_file(ASSETS, feed=FEED)
    assert errors == []
    return converted


# ----------------------------------------------------------------------- the demo feed


def test_every_demo_row_converts_and_validates(
    services: list[dict[str, Any]], validators: dict[str, Validator]
) -> None:
    assert len(services) >= 100
    problems = {s["name"]: schema_errors(validators, s) for s in services}
    assert {name: errs for name, errs in problems.items() if errs} == {}


def test_demo_rows_have_unique_uuid_ids(services: list[dict[str, Any]]) -> None:
    ids = [s["id"] for s in services]
    assert len(set(ids)) == len(ids)
    for path, value in (item for s in services for item in walk(s)):
        if path.endswith((".id", "_id")) and not path.endswith("_source_id"):
            assert str(uuid.UUID(value)) == value, path


def test_ids_are_stable_across_runs(services: list[dict[str, Any]]) -> None:
    again, _ = convert_file(ASSETS, feed=FEED)
    assert again == services


def test_row_uuid_is_kept_and_other_ids_derive_from_the_feed(
    services: list[dict[str, Any]],
) -> None:
    sheet = dict(read_rows(ASSETS))
    blank = 0
    for number, service in zip(sheet, services, strict=True):
        own = sheet[number]["id"]
        if own:
            assert service["id"] == own
            assert service["_source_id"] == own
        else:
            blank += 1
            source = service["_source_id"]
            expected = uuid.uuid5(uuid.NAMESPACE_URL, f"linkwell:camden:service:{source}")
            assert service["id"] == str(expected)
            assert source == source.lower() and " " not in source
    assert blank >= 1  # the optional id column is really optional in the demo data


def test_optional_fields_are_omitted_never_null(services: list[dict[str, Any]]) -> None:
    empty = [(s["name"], path) for s in services for path, value in walk(s)
             if value is None or value == "" or value == [] or value == {}]
    assert empty == []


def sheet_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_demo_sheets_are_written_the_one_way() -> None:
    """Edited by hand or saved from a spreadsheet, the files keep the template's columns and a
    layout a diff reviews well (csv's own quoting, "\\n" line ends, UTF-8)."""
    for path in (ASSETS, WITH_ERRORS):
        rows = sheet_rows(path)
        assert list(rows[0]) == list(COLUMNS)
        written = io.StringIO()
        writer = csv.DictWriter(written, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        assert path.read_text(encoding="utf-8") == written.getvalue(), path.name


def test_the_sheet_with_errors_is_the_first_ten_rows_and_two_broken_ones() -> None:
    rows, broken = sheet_rows(ASSETS), sheet_rows(WITH_ERRORS)
    assert broken == [*rows[:10], {**rows[10], "start_time": "25:99"}, {**rows[11], "name": ""}]


def test_demo_rows_read_like_a_real_directory_and_invent_no_real_contact() -> None:
    problems: list[str] = []
    for number, cells in enumerate(sheet_rows(ASSETS), start=2):
        sentences = len(re.findall(r"[.!?](\s|$)", cells["description"]))
        if not 2 <= sentences <= 5:
            problems.append(f"row {number}: description has {sentences} sentences")
        if cells["contact_phone"] and not demo_data.DRAMA_PHONE.fullmatch(cells["contact_phone"]):
            problems.append(f"row {number}: phone outside Ofcom's drama range")
        if cells["contact_email"] and not demo_data.is_example_email(cells["contact_email"]):
            problems.append(f"row {number}: email not at example.org")
        if cells["website"] and ".example.org" not in cells["website"]:
            problems.append(f"row {number}: website not at example.org")
    assert problems == []


def cross_border() -> str:
    return (DATA / "CROSS_BORDER.md").read_text(encoding="utf-8")


def test_cross_border_md_names_the_rows_it_says() -> None:
    rows = sheet_rows(ASSETS)
    listed = demo_data.markdown_table(cross_border(), "Row")
    venues = [r for r in listed if len(r) == 5]
    for number, name, venue, postcode, _borough in venues:
        cells = rows[int(number) - 2]
        assert (cells["name"], cells["venue_name"], cells["postcode"]) == (name, venue, postcode)
    assert 8 <= len(venues) <= 12
    shared = demo_data.markdown_table(cross_border().split("## Groups", 1)[1], "Row")
    assert [(rows[int(r[0]) - 2]["name"], r[2]) for r in shared] == [
        ("Grief Cafe Online", "Lewisham"), ("Carers Online Cuppa", "Tower Hamlets")]


def test_demo_categories_reach_one_to_three_linkwell_activity_types(
    services: list[dict[str, Any]],
) -> None:
    data = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    concepts: set[str] = set()
    words: dict[str, set[str]] = {}
    for domain in data["activity_types"]:
        for child in domain["children"]:
            concepts.add(child["id"])
            for word in [child["label"], *child.get("synonyms", [])]:
                words.setdefault(word.lower(), set()).add(child["id"])
    for service in services:
        reached: set[str] = set()
        for attribute in service["attributes"]:
            term = attribute["taxonomy_term"]
            if term["taxonomy"] == "linkwell-facets":
                continue
            if term["taxonomy"] == "linkwell":
                assert term["code"] in concepts
                reached.add(term["code"])
            else:
                reached |= words.get(term["name"].lower(), set())
        assert 1 <= len(reached) <= 3, (service["name"], reached)


def test_demo_feed_reads_like_a_real_directory(services: list[dict[str, Any]]) -> None:
    total = len(services)
    located = [s for s in services if s.get("service_at_locations")]
    remote = [s for s in services if not s.get("service_at_locations")
              and any(sc.get("attending_type") in ("Online (video)", "By phone")
                      for sc in s.get("schedules", []))]
    monthly = [s for s in services
               if any(sc.get("freq") == "MONTHLY" for sc in s.get("schedules", []))]
    stale = [s for s in services if s["assured_date"] < "2025-11-21"]
    inactive = [s for s in services if s["status"] != "active"]
    other_language = [s for s in services if any(lang.get("code") != "en"
                                                 for lang in s.get("languages", []))]
    free = [s for s in services if all(c.get("amount") == 0 for c in s["cost_options"])]
    outside = [r for r in demo_data.markdown_table(cross_border(), "Row") if len(r) == 5]
    assert len(remote) >= 8
    assert 8 <= len(outside) <= 12
    assert 0.10 <= len(monthly) / total <= 0.25
    assert 0.05 <= len(stale) / total <= 0.12
    assert 0.01 <= len(inactive) / total <= 0.06
    assert 0.10 <= len(other_language) / total <= 0.25
    assert len(free) / total >= 0.5
    for service in located:
        location = service["service_at_locations"][0]["location"]
        assert location["addresses"][0]["postal_code"]
        if "latitude" in location:  # central and north-west London, with the border venues
            assert 51.50 <= location["latitude"] <= 51.59, service["name"]
            assert -0.22 <= location["longitude"] <= -0.10, service["name"]


def test_shared_groups_match_the_other_boroughs_listings(services: list[dict[str, Any]]) -> None:
    by_name = {s["name"]: s for s in services}
    grief, cuppa = by_name["Grief Cafe Online"], by_name["Carers Online Cuppa"]
    assert [(sc["freq"], sc["byday"], sc["opens_at"], sc["closes_at"])
            for sc in grief["schedules"]] == [("MONTHLY", "-1TH", "19:00", "20:30")]
    assert grief["minimum_age"] == 18
    assert [(sc["freq"], sc["byday"], sc["opens_at"], sc["closes_at"])
            for sc in cuppa["schedules"]] == [("WEEKLY", "WE", "11:00", "12:00")]
    for service in (grief, cuppa):
        assert "service_at_locations" not in service
        assert [c["amount"] for c in service["cost_options"]] == [0]
        assert service["schedules"][0]["attending_type"] == "Online (video)"


# -------------------------------------------------------------- the template and its guide


def test_template_files_use_the_template_columns() -> None:
    for path in (TEMPLATE, ASSETS, WITH_ERRORS):
        with path.open(encoding="utf-8", newline="") as handle:
            assert tuple(next(csv.reader(handle))) == COLUMNS, path
    guide = GUIDE.read_text(encoding="utf-8")
    assert [c for c in COLUMNS if f"`{c}`" not in guide] == []


def test_template_example_rows_convert_and_validate(
    validators: dict[str, Validator],
) -> None:
    examples, errors = convert_file(TEMPLATE, feed="example")
    assert errors == []
    assert len(examples) == 2
    for service in examples:
        assert schema_errors(validators, service) == []
    walk_group, carers = examples
    assert walk_group["_source_id"] == "WALK-01"
    assert walk_group["url"] == "https://www.leighton-walkers.example.org"
    assert carers["_source_id"] == "marchmont-carers-group-carers-coffee-morning"
    assert "latitude" not in carers["service_at_locations"][0]["location"]
