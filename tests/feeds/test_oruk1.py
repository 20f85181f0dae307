"""The ORUK 1.0 -> HSDS 3.0 converter, run over the Tower Hamlets demo feed and on edge cases
(the demo feed's own checks are in test_oruk1_demo.py)."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import pytest
from jsonschema import FormatChecker

from linkwell.feeds.oruk1 import convert_service, derive_id, iter_page_services
from tests import schemas
from tests.feeds.demo_data import walk
from tests.feeds.oruk1_data import (
    FEED,
    converted,
    is_uuid,
    pages,
    v1_by_name,
    v1_services,
)

# --- converting the whole feed ---------------------------------------------------------------


def test_every_converted_service_validates_against_oruk_3_and_hsds_3() -> None:
    checker = FormatChecker()
    for label, folder in (("ORUK 3.0", "oruk-3.0"), ("HSDS 3.0", "hsds-3.0")):
        validator = schemas.validator(f"{folder}/schema/compiled/service.json", checker)
        for source_id, service in converted().items():
            record = {k: v for k, v in service.items() if not k.startswith("_")}
            errors = [f"{'/'.join(map(str, e.path))}: {e.message}"
                      for e in validator.iter_errors(record)]
            assert errors == [], f"{label} {source_id}: {errors[:3]}"


def test_converted_services_omit_empty_fields_and_keep_only_the_source_id_private() -> None:
    for source_id, service in converted().items():
        assert service["_source_id"] == source_id
        assert [k for k in service if k.startswith("_")] == ["_source_id"]
        for path, value in walk(service):
            assert value is not None, path
            assert value not in ("", [], {}), path


def test_every_id_in_the_output_is_a_uuid() -> None:
    for service in converted().values():
        for path, value in walk(service):
            key = path.rsplit(".", 1)[-1]
            if key == "id" or (key.endswith("_id") and key != "_source_id"):
                assert is_uuid(value), f"{path} = {value!r}"


def test_conversion_is_stable_across_runs() -> None:
    again = {s["id"]: convert_service(s, feed=FEED) for s in v1_services()}
    assert again == converted()
    assert json.dumps(again, sort_keys=True) == json.dumps(converted(), sort_keys=True)


def test_a_legacy_id_becomes_the_same_derived_uuid_every_time() -> None:
    legacy = next(s for s in v1_services() if not is_uuid(s["id"]))
    expected = str(uuid.uuid5(uuid.NAMESPACE_URL, f"linkwell:{FEED}:service:{legacy['id']}"))
    assert convert_service(legacy, feed=FEED)["id"] == expected
    assert convert_service(copy.deepcopy(legacy), feed=FEED)["id"] == expected
    assert derive_id(FEED, "service", legacy["id"]) == expected
    # the same source id in another feed is another asset
    assert convert_service(legacy, feed="another-feed")["id"] != expected


def test_a_uuid_source_id_is_kept() -> None:
    modern = next(s for s in v1_services() if is_uuid(s["id"]))
    out = convert_service(modern, feed=FEED)
    assert out["id"] == modern["id"]
    assert out["organization"]["id"] == modern["organization"]["id"]
    upper = {**modern, "id": modern["id"].upper()}
    assert convert_service(upper, feed=FEED)["id"] == modern["id"]


def test_a_venue_shared_by_services_gets_one_location_id() -> None:
    by_location: dict[str, set[str]] = {}
    for service in converted().values():
        for sal in service.get("service_at_locations", []):
            loc = sal["location"]
            by_location.setdefault(loc["addresses"][0]["postal_code"] + loc["name"],
                                   set()).add(loc["id"])
    assert by_location
    assert all(len(ids) == 1 for ids in by_location.values())
    assert any(len(services) > 1 for services in _services_per_location().values())


def _services_per_location() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for service in converted().values():
        for sal in service.get("service_at_locations", []):
            found.setdefault(sal["location_id"], set()).add(service["id"])
    return found


# --- schedules -------------------------------------------------------------------------------


def test_monthly_rules_survive() -> None:
    quiz = convert_service(v1_by_name("Chrisp Street Afternoon Quiz"), feed=FEED)
    (rule,) = quiz["schedules"]
    assert (rule["freq"], rule["byday"]) == ("MONTHLY", "2TU")
    assert (rule["opens_at"], rule["closes_at"]) == ("14:00", "15:30")
    assert rule["description"] == "Second Tuesday of the month, 14:00 to 15:30"
    dance = convert_service(v1_by_name("Spitalfields Tea Dance"), feed=FEED)
    assert [(r["freq"], r["byday"]) for r in dance["schedules"]] == [("MONTHLY", "-1FR")]
    monthly = [s for s in converted().values()
               if any(r.get("freq") == "MONTHLY" for r in s.get("schedules", []))]
    assert len(monthly) >= 10
    assert all(r["byday"][0] in "-12345" for s in monthly for r in s["schedules"])


def test_fortnightly_rules_keep_interval_and_start() -> None:
    group = convert_service(v1_by_name("Mile End Green Hands"), feed=FEED)
    (rule,) = group["schedules"]
    assert (rule["freq"], rule["interval"], rule["byday"]) == ("WEEKLY", 2, "TH")
    assert rule["dtstart"] == "2026-01-08"


def test_weekly_rules_and_venue_links() -> None:
    bank = convert_service(v1_by_name("East End Food Bank"), feed=FEED)
    rules = [(r["byday"], r["opens_at"], r["service_at_location_id"]) for r in bank["schedules"]]
    sal_ids = [sal["id"] for sal in bank["service_at_locations"]]
    assert rules == [("TU", "12:00", sal_ids[0]), ("FR", "12:00", sal_ids[0]),
                     ("WE", "12:00", sal_ids[1])]
    assert all(r["attending_type"] == "venue" for r in bank["schedules"])
    assert bank["alert"] == "Closed from 2026-12-24 to 2027-01-02."


def test_weekday_alone_means_every_week_from_monday_as_1() -> None:
    v1 = v1_by_name("Bow Health Walk")
    for rule in v1["regular_schedules"]:
        del rule["byday"], rule["freq"]
        rule["opens_at"] += ":00"
    (rule,) = convert_service(v1, feed=FEED)["schedules"]
    assert (rule["freq"], rule["byday"], rule["opens_at"]) == ("WEEKLY", "TU", "10:30")
    v1["regular_schedules"][0]["weekday"] = 7
    assert convert_service(v1, feed=FEED)["schedules"][0]["byday"] == "SU"


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("opens_at", "25:99", "regular_schedules[0].opens_at"),
        ("opens_at", "ten o'clock", "regular_schedules[0].opens_at"),
        ("closes_at", 1130, "regular_schedules[0].closes_at"),
        ("byday", "1XX", "regular_schedules[0].byday"),
        ("freq", "DAILY", "regular_schedules[0].freq"),
        ("interval", "often", "regular_schedules[0].interval"),
        ("dtstart", "31/02/2026", "regular_schedules[0].dtstart"),
    ],
)
def test_a_broken_schedule_raises_value_error_naming_the_field(field: str, value: Any,
                                                               named: str) -> None:
    v1 = v1_by_name("Bow Health Walk")
    v1["regular_schedules"][0][field] = value
    with pytest.raises(ValueError, match=named.replace("[", r"\[").replace("]", r"\]")) as err:
        convert_service(v1, feed=FEED)
    assert v1["id"] in str(err.value)


def test_an_ordinal_day_needs_a_monthly_rule() -> None:
    v1 = v1_by_name("Chrisp Street Afternoon Quiz")
    del v1["regular_schedules"][0]["freq"]  # left out: "2TU" can only mean monthly
    assert convert_service(v1, feed=FEED)["schedules"][0]["freq"] == "MONTHLY"
    v1["regular_schedules"][0]["freq"] = "WEEKLY"
    with pytest.raises(ValueError, match=r"regular_schedules\[0\]\.byday.*MONTHLY"):
        convert_service(v1, feed=FEED)


def test_a_bad_weekday_raises() -> None:
    v1 = v1_by_name("Bow Health Walk")
    del v1["regular_schedules"][0]["byday"]
    v1["regular_schedules"][0]["weekday"] = "Funday"
    with pytest.raises(ValueError, match=r"regular_schedules\[0\]\.weekday"):
        convert_service(v1, feed=FEED)


# --- eligibility, ages, languages, costs -----------------------------------------------------


def test_ages_come_from_eligibilitys() -> None:
    lunch = convert_service(v1_by_name("Wapping Wednesday Lunch Club"), feed=FEED)
    assert lunch["minimum_age"] == 60
    assert "maximum_age" not in lunch  # v1's 120 means no upper limit
    assert lunch["eligibility_description"] == "Adults aged 60 and over"
    carers = convert_service(v1_by_name("Young Carers' Club"), feed=FEED)
    assert (carers["minimum_age"], carers["maximum_age"]) == (11, 17)
    assert carers["eligibility_description"] == "Aged 11 to 17"
    walk_ = convert_service(v1_by_name("Thames Side Strollers"), feed=FEED)
    assert "minimum_age" not in walk_ and "maximum_age" not in walk_
    women = convert_service(v1_by_name("Women-only Swim and Splash"), feed=FEED)
    assert women["eligibility_description"] == "Women aged 18 and over"
    codes = {a["taxonomy_term"]["code"] for a in women["attributes"]
             if a["taxonomy_term"]["taxonomy"] == "linkwell-facets"}
    assert codes == {"audience:women_only", "delivery:in_person", "access_route:drop_in"}


def test_the_widest_age_range_wins_and_the_old_spelling_is_read() -> None:
    v1 = v1_by_name("Young Carers' Club")
    entries = v1.pop("eligibilitys")
    entries.append({"id": "extra", "minimum_age": 8, "maximum_age": 12})
    v1["eligibilities"] = entries
    out = convert_service(v1, feed=FEED)
    assert (out["minimum_age"], out["maximum_age"]) == (8, 17)


def test_an_impossible_age_range_raises() -> None:
    v1 = v1_by_name("Young Carers' Club")
    v1["eligibilitys"][0]["minimum_age"] = 30
    with pytest.raises(ValueError, match=r"eligibilitys\[0\]\.maximum_age"):
        convert_service(v1, feed=FEED)


def test_languages_get_names_and_codes() -> None:
    out = convert_service(v1_by_name("Immigration and Citizenship Advice Clinic"), feed=FEED)
    assert [(x["code"], x["name"]) for x in out["languages"]] == [
        ("en", "English"), ("bn", "Bengali"), ("so", "Somali"), ("ar", "Arabic"),
        ("ti", "Tigrinya")]
    v1 = v1_by_name("Somali Elders Tea Afternoon")
    v1["languages"] = [{"id": "l1", "language": "Somali"}, {"id": "l2", "language": "Klingon"}]
    langs = convert_service(v1, feed=FEED)["languages"]
    assert [(x.get("code"), x.get("name")) for x in langs] == [("so", "Somali"),
                                                               (None, "Klingon")]


def test_costs_and_fees() -> None:
    yoga = convert_service(v1_by_name("Chair Yoga at Canary Wharf"), feed=FEED)
    assert [(c["option"], c["amount"], c["currency"]) for c in yoga["cost_options"]] == [
        ("Per class", 3.0, "GBP"), ("Concession", 1.5, "GBP")]
    assert yoga["fees_description"] == yoga["fees"] == "£3 a class; £1.50 concessions"
    supper = convert_service(v1_by_name("Poplar Community Supper"), feed=FEED)
    (option,) = supper["cost_options"]
    assert "amount" not in option and option["option"] == "Pay what you can"
    v1 = v1_by_name("Chair Yoga at Canary Wharf")
    v1["cost_options"][0]["amount"] = "three pounds"
    with pytest.raises(ValueError, match=r"cost_options\[0\]\.amount"):
        convert_service(v1, feed=FEED)


# --- locations, contacts, status, dates ------------------------------------------------------


def test_locations_addresses_and_accessibility() -> None:
    v1 = v1_by_name("Wapping Wednesday Lunch Club")
    out = convert_service(v1, feed=FEED)
    (sal,) = out["service_at_locations"]
    loc = sal["location"]
    v1_loc = v1["service_at_locations"][0]["location"]
    assert loc["location_type"] == "physical"
    assert (loc["latitude"], loc["longitude"]) == (v1_loc["latitude"], v1_loc["longitude"])
    (address,) = loc["addresses"]
    assert (address["postal_code"], address["country"], address["address_type"]) == (
        "E1W 2RW", "GB", "physical")
    assert address["location_id"] == loc["id"] == sal["location_id"]
    assert [a["description"] for a in loc["accessibility"]] == ["Not step-free"]
    assert "basement" in loc["accessibility"][0]["details"]


def test_online_and_phone_services_have_no_location() -> None:
    for name in ("Carers Online Cuppa", "Friendly Call London"):
        out = convert_service(v1_by_name(name), feed=FEED)
        assert "service_at_locations" not in out
        assert out["service_areas"][0]["name"] == "Greater London"
    cuppa = convert_service(v1_by_name("Carers Online Cuppa"), feed=FEED)
    assert cuppa["schedules"][0]["attending_type"] == "online"


def test_phones_move_from_contacts_to_the_service() -> None:
    out = convert_service(v1_by_name("Money Worries Helpline"), feed=FEED)
    (contact,) = out["contacts"]
    (phone,) = out["phones"]
    assert phone["contact_id"] == contact["id"]
    assert phone["number"].startswith("020 7946 0")


def test_status_and_assured_date() -> None:
    statuses = {s["status"] for s in converted().values()}
    assert {"active", "inactive", "defunct", "temporarily closed"} <= statuses
    assert all(len(s["assured_date"]) == 10 for s in converted().values())
    v1 = v1_by_name("Bow Health Walk")
    v1["assured_date"] = "2026-03-04T09:30:00"
    v1.pop("status")
    out = convert_service(v1, feed=FEED)
    assert (out["assured_date"], out["status"]) == ("2026-03-04", "active")
    v1["last_modified"] = "2026-03-04T09:30:00"
    assert convert_service(v1, feed=FEED)["last_modified"] == "2026-03-04T09:30:00+00:00"
    v1["status"] = "open"
    with pytest.raises(ValueError, match="field status"):
        convert_service(v1, feed=FEED)


def test_records_missing_required_fields_raise() -> None:
    v1 = v1_by_name("Bow Health Walk")
    v1["name"] = "  "
    with pytest.raises(ValueError, match="field name"):
        convert_service(v1, feed=FEED)
    v1 = v1_by_name("Bow Health Walk")
    v1["service_at_locations"][0]["location"]["latitude"] = "north"
    with pytest.raises(ValueError, match=r"service_at_locations\[0\]\.location\.latitude"):
        convert_service(v1, feed=FEED)
    with pytest.raises(ValueError, match="field id"):
        convert_service({"name": "No id"}, feed=FEED)


def test_iter_page_services_reads_content() -> None:
    page = pages()[0]
    assert iter_page_services(page) == page["content"]
    with pytest.raises(ValueError, match="content"):
        iter_page_services({"totalElements": 0})
    with pytest.raises(ValueError, match=r"content\[0\]"):
        iter_page_services({"content": ["not a service"]})
