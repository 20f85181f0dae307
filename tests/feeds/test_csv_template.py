"""The spreadsheet template converter: broken rows, each kind of cell, and reading the file
(Camden's demo feed in that template is checked in test_csv_template_demo.py)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from linkwell.feeds.csv_template import (
    COLUMNS,
    CsvRowError,
    convert_file,
    convert_row,
    read_rows,
)
from tests.feeds.csv_template_data import (
    FEED,
    WITH_ERRORS,
    convert,
    row,
)

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
