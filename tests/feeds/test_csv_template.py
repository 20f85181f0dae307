"""The spreadsheet template converter, and Camden's demo feed written in that template."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import FormatChecker
from jsonschema.protocols import Validator

from linkwell.feeds.csv_template import (
    COLUMNS,
    CsvRowError,
    convert_file,
    convert_row,
    read_rows,
)
from tests import schemas
from tests.feeds import demo_data

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "plugins" / "camden" / "linkwell_camden" / "data"
ASSETS = DATA / "assets.csv"
WITH_ERRORS = DATA / "assets-with-errors.csv"
TEMPLATE = REPO / "docs" / "csv-template.csv"
GUIDE = REPO / "docs" / "csv-template.md"
SCHEMAS = {"ORUK 3.0": "oruk-3.0/schema/compiled/service.json",
           "HSDS 3.0": "hsds-3.0/schema/compiled/service.json"}
TAXONOMY = REPO / "src" / "linkwell" / "taxonomy" / "taxonomy.yaml"  # the concepts Linkwell uses
FEED = "camden"


def row(**cells: str) -> dict[str, str]:
    """A template row with every column empty except those given."""
    return {**dict.fromkeys(COLUMNS, ""), **cells}


def convert(**cells: str) -> dict[str, Any]:
    return convert_row(row(**cells), feed=FEED, row_number=2)


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, value) in a nested JSON value."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


@pytest.fixture(scope="module")
def validators() -> dict[str, Validator]:
    return {name: schemas.validator(path, FormatChecker()) for name, path in SCHEMAS.items()}


@pytest.fixture(scope="module")
def services() -> list[dict[str, Any]]:
    converted, errors = convert_file(ASSETS, feed=FEED)
    assert errors == []
    return converted


def schema_errors(
    validators: dict[str, Validator], service: dict[str, Any]
) -> list[str]:
    return [f"{name} {'/'.join(map(str, e.path))}: {e.message}"
            for name, validator in validators.items() for e in validator.iter_errors(service)]


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


# ---------------------------------------------------------------------- broken rows


def test_broken_rows_name_their_row_and_column() -> None:
    outcomes: dict[int, Any] = {}
    for number, cells in read_rows(WITH_ERRORS):
        try:
            outcomes[number] = convert_row(cells, feed=FEED, row_number=number)
        except CsvRowError as error:
            outcomes[number] = error
    good = [n for n, o in outcomes.items() if isinstance(o, dict)]
    assert good == list(range(2, 12))
    time_error, name_error = outcomes[12], outcomes[13]
    assert isinstance(time_error, CsvRowError) and isinstance(name_error, CsvRowError)
    assert (time_error.row_number, time_error.column) == (12, "start_time")
    assert str(time_error) == "row 12, start_time: '25:99' is not a time (use HH:MM, e.g. 10:30)"
    assert (name_error.row_number, name_error.column) == (13, "name")
    assert str(name_error).startswith("row 13, name: ")
    assert isinstance(time_error, ValueError)


def test_convert_file_keeps_going_after_a_bad_row() -> None:
    converted, errors = convert_file(WITH_ERRORS, feed=FEED)
    assert len(converted) == 10
    assert [(e.row_number, e.column) for e in errors] == [(12, "start_time"), (13, "name")]


@pytest.mark.parametrize(("cells", "column", "reason"), [
    ({"postcode": "NW5 2A"}, "postcode", "'NW5 2A' is not a UK postcode (e.g. NW5 2AA)"),
    ({"days": "Tusday"}, "days", "'Tusday' is not a day"),
    ({"days": "Mon; 1st"}, "days", "'1st' needs a day after it, e.g. 1st Wednesday"),
    ({"days": "Monday 10"}, "days", "'10' is not a day; put times in start_time"),
    ({"start_time": "10:00"}, "days", "is empty but a time is given"),
    ({"days": "Monday", "start_time": "14:00", "end_time": "12:00"}, "end_time",
     "'12:00' is not after start_time '14:00'"),
    ({"contact_email": "hello at example.org"}, "contact_email", "is not an email address"),
    ({"latitude": "51.55"}, "longitude", "is empty; give both latitude and longitude"),
    ({"latitude": "-0.14", "longitude": "51.55"}, "latitude", "look swapped"),
    ({"status": "Maybe"}, "status", "'Maybe' is not a status (use Running, Paused or Ended)"),
    ({"min_age": "adults"}, "min_age", "'adults' is not an age in years"),
    ({"min_age": "60", "max_age": "18"}, "max_age", "18 is below min_age 60"),
    ({"last_checked": "31/02/2025"}, "last_checked", "'31/02/2025' is not a date"),
    ({"cost": "£ask"}, "cost", "'£ask' is not a price"),
    ({"delivery": "carrier pigeon"}, "delivery", "'carrier pigeon' is not a way of taking part"),
    ({"delivery": "In person"}, "venue_name", "is empty but delivery is in person"),
    ({"contact_phone": "ring Sam"}, "contact_phone", "is not a phone number"),
])
def test_bad_cells_raise_with_row_column_and_reason(
    cells: dict[str, str], column: str, reason: str
) -> None:
    with pytest.raises(CsvRowError) as caught:
        convert_row(row(name="Coffee morning", **cells), feed=FEED, row_number=14)
    assert (caught.value.row_number, caught.value.column) == (14, column)
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"row 14, {column}: ")


# --------------------------------------------------------------------------- cells


@pytest.mark.parametrize(("days", "freq", "byday", "words"), [
    ("1st Wednesday", "MONTHLY", "1WE", "First Wednesday of the month"),
    ("first wednesday of the month", "MONTHLY", "1WE", "First Wednesday of the month"),
    ("last Friday", "MONTHLY", "-1FR", "Last Friday of the month"),
    ("2nd and 4th Monday", "MONTHLY", "2MO,4MO", "Second and fourth Monday of the month"),
    ("Tuesday", "WEEKLY", "TU", "Every Tuesday"),
    ("tues", "WEEKLY", "TU", "Every Tuesday"),
    ("Mon; Thu", "WEEKLY", "MO,TH", "Every Monday and Thursday"),
    ("Thu & Mon", "WEEKLY", "MO,TH", "Every Monday and Thursday"),
    ("Mon-Fri", "WEEKLY", "MO,TU,WE,TH,FR", "Monday to Friday"),
    ("Monday to Friday", "WEEKLY", "MO,TU,WE,TH,FR", "Monday to Friday"),
    ("Saturday mornings", "WEEKLY", "SA", "Every Saturday"),
])
def test_days_become_hsds_schedules(days: str, freq: str, byday: str, words: str) -> None:
    service = convert(name="Group", days=days, start_time="10:00", end_time="12:00")
    [schedule] = service["schedules"]
    assert (schedule["freq"], schedule["byday"]) == (freq, byday)
    assert (schedule["opens_at"], schedule["closes_at"]) == ("10:00", "12:00")
    assert schedule["description"] == f"{words}, 10:00 to 12:00"


def test_mixed_days_and_per_day_times_make_separate_schedules() -> None:
    mixed = convert(name="Group", days="Tuesday; 1st Saturday", start_time="10:00")
    assert [(s["freq"], s["byday"], s["opens_at"]) for s in mixed["schedules"]] == [
        ("WEEKLY", "TU", "10:00"), ("MONTHLY", "1SA", "10:00")]
    split = convert(name="Group", days="Mon 10:00-12:00; Thu 6pm-8pm; Sat 9-5")
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in split["schedules"]] == [
        ("MO", "10:00", "12:00"), ("TH", "18:00", "20:00"), ("SA", "09:00", "17:00")]
    fortnightly = convert(name="Group", days="fortnightly Tuesday")
    assert fortnightly["schedules"][0]["interval"] == 2
    appointment = convert(name="Advice", days="By appointment", delivery="Phone")
    assert appointment["schedules"][0] == {
        "id": appointment["schedules"][0]["id"], "service_id": appointment["id"],
        "description": "By appointment", "attending_type": "By phone"}


@pytest.mark.parametrize(("typed", "expected"), [
    ("10:30", "10:30"), ("10.30", "10:30"), ("9:05", "09:05"), ("10:30:00", "10:30"),
    ("1030", "10:30"), ("2pm", "14:00"), ("2:30 pm", "14:30"), ("12pm", "12:00"),
    ("noon", "12:00"),
])
def test_times_are_read_as_people_type_them(typed: str, expected: str) -> None:
    service = convert(name="Group", days="Monday", start_time=typed)
    assert service["schedules"][0]["opens_at"] == expected


def test_concessions_give_two_cost_options() -> None:
    service = convert(name="Choir", cost="£3 (£1 concessions)")
    assert [(c["option"], c["amount"], c["currency"]) for c in service["cost_options"]] == [
        ("Standard", 3, "GBP"), ("Concessions", 1, "GBP")]
    assert len({c["id"] for c in service["cost_options"]}) == 2


@pytest.mark.parametrize(("typed", "expected"), [
    ("Free", [("Free", 0, None)]),
    ("free", [("Free", 0, None)]),
    ("£2", [("Standard", 2, None)]),
    ("£2.50", [("Standard", 2.5, None)]),
    ("Donation", [("Pay what you can", 0, "Donations welcome")]),
    ("£40 for 8 weeks", [("Standard", 40, "for 8 weeks")]),
    ("£2 (includes tea)", [("Standard", 2, "includes tea")]),
    ("£5 per class, first class free", [("Standard", 5, "per class"),
                                        ("First class free", 0, None)]),
])
def test_costs_become_cost_options(typed: str, expected: list[tuple[Any, ...]]) -> None:
    service = convert(name="Group", cost=typed)
    assert [(c["option"], c["amount"], c.get("amount_description"))
            for c in service["cost_options"]] == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("14/06/2025", "2025-06-14"), ("4/6/25", "2025-06-04"), ("2025-06-14", "2025-06-14"),
    ("14.06.2025", "2025-06-14"), ("2025-06-14 00:00:00", "2025-06-14"),
    ("14 June 2025", "2025-06-14"),
])
def test_uk_dates_become_assured_dates(typed: str, expected: str) -> None:
    assert convert(name="Group", last_checked=typed)["assured_date"] == expected


def test_status_words_map_to_hsds_statuses() -> None:
    assert [convert(name="G", status=s)["status"] for s in ("Running", "", "Paused", "Ended")] == [
        "active", "active", "inactive", "defunct"]


def test_languages_get_iso_codes() -> None:
    service = convert(name="Group", languages="English; Bengali; BSL; pt; Kriolu")
    assert [(lang["name"], lang.get("code")) for lang in service["languages"]] == [
        ("English", "en"), ("Bengali", "bn"), ("British Sign Language", "bfi"),
        ("Portuguese", "pt"), ("Kriolu", None)]


def test_categories_become_attributes_with_nested_terms() -> None:
    service = convert(name="Walk", categories="Walking Group; moving_more.walking")
    plain, concept = (a["taxonomy_term"] for a in service["attributes"])
    assert plain == {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "linkwell:camden:category:walking group")),
        "name": "Walking Group",
        "description": "'Walking Group', a category used in the camden feed",
        "taxonomy": "camden-categories",
    }
    assert concept["id"] == str(uuid.uuid5(
        uuid.NAMESPACE_URL, "https://linkwell.example.org/taxonomy/moving_more.walking"))
    assert (concept["code"], concept["taxonomy"]) == ("moving_more.walking", "linkwell")
    for attribute in service["attributes"]:
        assert attribute["link_id"] == service["id"]
        assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]


def facet_codes(service: dict[str, Any]) -> list[str]:
    return [a["taxonomy_term"]["code"] for a in service["attributes"]
            if a["taxonomy_term"]["taxonomy"] == "linkwell-facets"]


@pytest.mark.parametrize(("cells", "codes"), [
    ({"delivery": "Online"}, ["delivery:online"]),
    ({"delivery": "Hybrid", "postcode": "NW5 2AA", "address": "Kentish Town Road"},
     ["delivery:in_person", "delivery:online"]),
    ({"delivery": "Home visits", "who_for": "Over 60s"},
     ["delivery:home_visit", "audience:older_people"]),
    ({"venue_name": "Castlehaven Community Centre", "who_for": "Men only"},
     ["delivery:in_person", "audience:men_only"]),
    ({"delivery": "Phone", "who_for": "Men and women 50+"},
     ["delivery:phone", "audience:older_people"]),
    ({"delivery": "Online", "who_for": "LGBTQ+ young people 16-25"},
     ["delivery:online", "audience:lgbtq", "audience:young_people"]),
    ({"delivery": "Online", "who_for": "Unpaid carers"}, ["delivery:online", "audience:carers"]),
    ({"delivery": "Online", "who_for": "People who have had a stroke, and family or carers"},
     ["delivery:online"]),
    ({"delivery": "Online", "who_for": "Dads and male carers with under 5s"},
     ["delivery:online", "audience:men_only", "audience:families"]),
])
def test_delivery_and_who_for_become_linkwell_facet_tags(
    cells: dict[str, str], codes: list[str]
) -> None:
    service = convert(name="Group", **cells)
    assert facet_codes(service) == codes
    for attribute in service["attributes"]:
        term = attribute["taxonomy_term"]
        assert term["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL,
                                            "https://linkwell.example.org/taxonomy/"
                                            + term["code"]))


def test_venue_becomes_a_location_with_address_and_accessibility() -> None:
    service = convert(name="Walk", venue_name="Kentish Town Library",
                      address="262-266 Kentish Town Road, London NW5 2AA",
                      latitude="51.55", longitude="-0.1405",
                      accessibility="Step-free; hearing loop")
    [link] = service["service_at_locations"]
    location = link["location"]
    assert link["location_id"] == location["id"]
    assert (location["latitude"], location["longitude"]) == (51.55, -0.1405)
    [address] = location["addresses"]
    assert (address["address_1"], address["postal_code"], address["country"]) == (
        "262-266 Kentish Town Road", "NW5 2AA", "GB")
    assert [a["description"] for a in location["accessibility"]] == ["Step-free",
                                                                    "Hearing loop"]


def test_same_venue_gives_the_same_location_id() -> None:
    first = convert(name="Walk", venue_name="Kentish Town Library", postcode="nw52aa")
    second = convert(name="Choir", venue_name="Kentish Town Library", postcode="NW5 2AA")
    assert (first["service_at_locations"][0]["location_id"]
            == second["service_at_locations"][0]["location_id"])
    assert first["id"] != second["id"]


def test_geocoder_fills_missing_coordinates() -> None:
    asked: list[str] = []

    def geocode(postcode: str) -> tuple[float, float] | None:
        asked.append(postcode)
        return 51.5254, -0.1247

    service = convert_row(row(name="Table tennis", venue_name="Marchmont Community Centre",
                              postcode="wc1n 1ab"), feed=FEED, row_number=5, geocoder=geocode)
    location = service["service_at_locations"][0]["location"]
    assert asked == ["WC1N 1AB"]
    assert (location["latitude"], location["longitude"]) == (51.5254, -0.1247)


def test_online_activity_has_no_location_and_keeps_access_notes() -> None:
    service = convert(name="Grief cafe", description="A monthly group on video.",
                      delivery="Online", days="last Thursday",
                      accessibility="Captions on; cameras optional")
    assert "service_at_locations" not in service
    assert service["description"] == ("A monthly group on video.\n\n"
                                      "Access: Captions on; cameras optional.")
    assert service["schedules"][0]["attending_type"] == "Online (video)"


def test_ages_come_from_the_age_columns_or_from_who_for() -> None:
    assert convert(name="G", min_age="11", max_age="16")["minimum_age"] == 11
    assert (convert(name="G", who_for="Men 50+").get("minimum_age"),
            convert(name="G", who_for="Men 50+").get("maximum_age")) == (50, None)
    young = convert(name="G", who_for="Young people aged 11-25")
    assert (young["minimum_age"], young["maximum_age"]) == (11, 25)
    assert "minimum_age" not in convert(name="G", who_for="Families with children 0-5")
    assert "minimum_age" not in convert(name="G", who_for="Families with children aged 3 to 8")


def test_contact_cells_are_tidied() -> None:
    service = convert(name="G", contact_phone="2079460123", website="www.example.org",
                      contact_email="mailto:hello@group.example.org")
    assert service["phones"][0]["number"] == "020 7946 0123"
    assert service["url"] == "https://www.example.org"
    assert service["email"] == "hello@group.example.org"


# ------------------------------------------------------------------ reading the file


def test_read_rows_tolerates_excel_quirks(tmp_path: Path) -> None:
    text = ("sep=;\r\n"
            "Name;Start time (HH:MM);Post code;Phone;Cost;Notes\r\n"
            "Coffee morning;10:00;NW5 4QE;=\"020 7946 0101\";£2;our own column\r\n"
            ";;;;;\r\n"
            "\"Choir; all welcome\";19:00;;;Free\r\n")
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    rows = list(read_rows(path))
    assert [number for number, _ in rows] == [2, 4]
    first, second = rows[0][1], rows[1][1]
    assert (first["name"], first["start_time"], first["postcode"]) == (
        "Coffee morning", "10:00", "NW5 4QE")
    assert first["contact_phone"] == "020 7946 0101"
    assert first["notes"] == "our own column"
    assert set(COLUMNS) <= set(first)
    assert (second["name"], second["cost"], second["postcode"]) == (
        "Choir; all welcome", "Free", "")


def test_read_rows_reads_windows_1252_and_utf16(tmp_path: Path) -> None:
    text = "name,cost\r\nChoir,£3\r\n"
    old_excel = tmp_path / "old.csv"
    old_excel.write_bytes(text.encode("cp1252"))
    assert [r["cost"] for _, r in read_rows(old_excel)] == ["£3"]
    unicode_text = tmp_path / "unicode.txt"
    unicode_text.write_bytes(text.replace(",", "\t").encode("utf-16"))
    assert [r["cost"] for _, r in read_rows(unicode_text)] == ["£3"]


def test_read_rows_counts_multi_line_cells_as_one_row(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text('name,description\nWalk,"Line one.\nLine two."\nChoir,Sing\n',
                    encoding="utf-8")
    rows = list(read_rows(path))
    assert [(n, r["name"]) for n, r in rows] == [(2, "Walk"), (3, "Choir")]
    assert rows[0][1]["description"] == "Line one.\nLine two."
