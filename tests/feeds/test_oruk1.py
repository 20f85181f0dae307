"""The ORUK 1.0 -> HSDS 3.0 converter, run over the Tower Hamlets demo feed and on edge cases."""

from __future__ import annotations

import copy
import importlib.util
import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import FormatChecker

from linkwell.feeds.oruk1 import convert_service, derive_id, iter_page_services
from tests import schemas
from tests.feeds import demo_data
from tests.feeds.demo_data import walk

REPO = Path(__file__).parents[2]
DATA = REPO / "plugins" / "tower_hamlets" / "linkwell_tower_hamlets" / "data"
FEED = "tower-hamlets"
V1_SPELLING = {"eligibilitys": "eligibilities", "service_taxonomys": "service_taxonomies"}
# Rough centres of the postcode districts the feed uses, to catch a point in the wrong place.
DISTRICT_CENTRES = {
    "E1": (51.517, -0.059), "E1W": (51.507, -0.058), "E2": (51.529, -0.060),
    "E3": (51.527, -0.025), "E14": (51.502, -0.017), "E8": (51.543, -0.065),
    "E16": (51.510, 0.025), "E20": (51.543, -0.013), "EC3N": (51.511, -0.076),
}


@cache
def pages() -> tuple[dict[str, Any], ...]:
    files = sorted(DATA.glob("services-page-*.json"), key=lambda p: int(p.stem.split("-")[-1]))
    return tuple(json.loads(p.read_text(encoding="utf-8")) for p in files)


def v1_services() -> list[dict[str, Any]]:
    return [s for page in pages() for s in iter_page_services(page)]


@cache
def converted() -> dict[str, dict[str, Any]]:
    """Every demo service converted, keyed by its v1 id."""
    return {s["id"]: convert_service(s, feed=FEED) for s in v1_services()}


def v1_by_name(name: str) -> dict[str, Any]:
    return copy.deepcopy(next(s for s in v1_services() if s["name"] == name))


def is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


# --- the demo feed ---------------------------------------------------------------------------


def test_feed_pages_are_v1_pages_with_at_least_100_services() -> None:
    assert len(pages()) >= 2
    total = pages()[0]["totalElements"]
    assert total >= 100
    assert len(v1_services()) == total
    for number, page in enumerate(pages(), start=1):
        assert page["number"] == number
        assert page["size"] == 50
        assert page["totalPages"] == len(pages())
        assert page["first"] is (number == 1)
        assert page["last"] is (number == len(pages()))
    assert len({s["id"] for s in v1_services()}) == total


def test_feed_mixes_legacy_and_uuid_ids() -> None:
    ids = [s["id"] for s in v1_services()]
    legacy = [i for i in ids if not is_uuid(i)]
    assert 0.3 < len(legacy) / len(ids) < 0.7
    assert all(i.startswith("thc-") for i in legacy)


def test_feed_validates_against_the_oruk_1_validator_schema() -> None:
    validator = schemas.validator("oruk-1.0/validator-schemas/service_list.json")
    for page in pages():
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(page)]
        assert errors == []


def test_every_service_validates_against_the_oruk_1_service_schema() -> None:
    validator = schemas.validator("oruk-1.0/schemas/service.schema.verbose.json")
    for service in v1_services():
        # The v1 schema spells these as plurals; live v1 APIs (the Porism reference
        # implementation) emit "eligibilitys" and "service_taxonomys", as this feed does.
        renamed = {V1_SPELLING.get(key, key): value for key, value in service.items()}
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}"
                  for e in validator.iter_errors(renamed)]
        assert errors == [], f"{service['id']}: {errors[:3]}"


def test_the_data_files_are_written_the_one_way() -> None:
    """Edited by hand, each JSON file keeps the layout a diff reviews well."""
    for path in [*DATA.glob("services-page-*.json"), DATA / "crosswalk.json",
                 DATA / "expected_activity_types.json"]:
        text = path.read_text(encoding="utf-8")
        assert demo_data.canonical_json(json.loads(text)) == text, path.name


def test_expected_activity_types_is_what_the_crosswalk_makes_of_the_feed() -> None:
    script = REPO / "scripts" / "demo_expected_activity_types.py"
    spec = importlib.util.spec_from_file_location("demo_expected_activity_types", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    derived = module.expected(DATA)
    assert derived == module.expected(DATA)  # deterministic
    assert (DATA / "expected_activity_types.json").read_text(encoding="utf-8") == derived, (
        "expected_activity_types.json is out of date: run scripts/demo_expected_activity_types.py")
    assert set(json.loads(derived)["services"]) == {s["id"] for s in v1_services()}


def test_the_crosswalk_names_every_term_the_feed_uses_and_only_linkwell_concepts() -> None:
    crosswalk = json.loads((DATA / "crosswalk.json").read_text(encoding="utf-8"))
    assert crosswalk["feed"] == FEED
    vocabularies = crosswalk["vocabularies"]
    concepts = demo_data.activity_labels()
    for service in v1_services():
        for link in service["service_taxonomys"]:
            term = link["taxonomy"]
            entry = vocabularies[term["vocabulary"]][term["id"]]
            assert entry["name"] == term["name"], term
            if "parent_id" in term:
                assert term["parent_id"] == entry["parent_id"]
    groups = crosswalk["groups"]["Tower Hamlets Connect tags"]
    for vocabulary, terms in vocabularies.items():
        for term_id, entry in terms.items():
            assert set(entry["activity_types"]) <= set(concepts), term_id
            if vocabulary == "Tower Hamlets Connect tags":
                assert entry["parent_id"] in groups, term_id
            else:
                assert isinstance(entry["esd_id_checked"], bool), term_id
    expected = json.loads((DATA / "expected_activity_types.json").read_text(encoding="utf-8"))
    for entry in expected["services"].values():
        assert 1 <= len(entry["activity_types"]) <= 3, entry


def test_feed_content_reads_like_a_real_directory_and_invents_no_real_contact() -> None:
    problems: list[str] = []
    for service in v1_services():
        name, description = service["name"], service["description"]
        if not 2 <= description.count(". ") + 1 <= 6:
            problems.append(f"{name}: description should be 2-5 sentences")
        banned = demo_data.BANNED_WORDS.search(description)
        if banned:
            problems.append(f"{name}: avoid the words {banned.group(0)!r}")
        for value in (service.get("email", ""), service["organization"]["email"]):
            if not demo_data.is_example_email(value):
                problems.append(f"{name}: email {value} is not at example.org")
    phones = [p["number"] for s in v1_services() for c in s["contacts"] for p in c["phones"]]
    assert len(set(phones)) == len(phones), "duplicate phone numbers"
    problems += [f"phone {n} is outside Ofcom's drama range" for n in phones
                 if not demo_data.DRAMA_PHONE.fullmatch(n)]
    assert problems == []


def test_each_venue_is_one_location_near_its_postcode() -> None:
    by_id: dict[str, dict[str, Any]] = {}
    for service in v1_services():
        for sal in service["service_at_locations"]:
            location = sal["location"]
            # one venue, one location: edit a venue and every service at it must agree
            assert by_id.setdefault(location["id"], location) == location, location["id"]
    assert len({(loc["name"], loc["physical_addresses"][0]["postal_code"])
                for loc in by_id.values()}) == len(by_id)
    for location in by_id.values():
        postcode = location["physical_addresses"][0]["postal_code"]
        match = demo_data.POSTCODE.fullmatch(postcode)
        assert match and match.group(1) in DISTRICT_CENTRES, postcode
        point = (location["latitude"], location["longitude"])
        assert demo_data.km(DISTRICT_CENTRES[match.group(1)], point) <= 3.0, location["name"]


def test_cross_border_md_lists_the_venues_over_the_border_and_the_shared_groups() -> None:
    text = (DATA / "CROSS_BORDER.md").read_text(encoding="utf-8")
    by_id = {s["id"]: s for s in v1_services()}
    listed = set()
    for name, service_id, venue, postcode, borough in demo_data.markdown_table(text, "Service"):
        service = by_id[service_id.strip("`")]
        assert service["name"] == name
        addresses = [(sal["location"]["name"], a["postal_code"], a["region"])
                     for sal in service["service_at_locations"]
                     for a in sal["location"]["physical_addresses"]]
        assert (venue.split(", ")[0], postcode, borough) in addresses, name
        listed.add(service["id"])
    over_the_border = {s["id"] for s in v1_services() for sal in s["service_at_locations"]
                       if sal["location"]["physical_addresses"][0]["region"] != "Tower Hamlets"}
    assert listed == over_the_border
    shared = demo_data.markdown_table(text, "Label")
    assert [(row[1], row[3]) for row in shared] == [
        ("Friendly Call London", "Lewisham"), ("Carers Online Cuppa", "Camden"),
        ("Thames Side Strollers", "Lewisham")]
    assert all(by_id[row[2].strip("`")]["name"] == row[1] for row in shared)


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


# --- taxonomy --------------------------------------------------------------------------------


def test_v1_taxonomies_become_attributes_with_vocabulary_and_code() -> None:
    v1 = v1_by_name("Digital Drop-in at Idea Store Canary Wharf")
    out = convert_service(v1, feed=FEED)
    terms = [a["taxonomy_term"] for a in out["attributes"]]
    pairs = [(t["taxonomy"], t["code"], t["name"]) for t in terms]
    for link in v1["service_taxonomys"]:
        tax = link["taxonomy"]
        assert (tax["vocabulary"], tax["id"], tax["name"]) in pairs
    assert ("linkwell-facets", "delivery:in_person", "In person") in pairs
    assert ("linkwell-facets", "access_route:drop_in", "Just turn up") in pairs
    for attribute in out["attributes"]:
        assert attribute["link_id"] == out["id"]
        assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]


def test_the_same_term_gets_the_same_id_in_every_service() -> None:
    ids: dict[tuple[str, str], set[str]] = {}
    for service in converted().values():
        for attribute in service.get("attributes", []):
            term = attribute["taxonomy_term"]
            ids.setdefault((term["taxonomy"], term["code"]), set()).add(term["id"])
    assert all(len(found) == 1 for found in ids.values())
    assert len({next(iter(v)) for v in ids.values()}) == len(ids)


def test_the_crosswalk_gives_each_service_its_expected_activity_types() -> None:
    crosswalk = json.loads((DATA / "crosswalk.json").read_text(encoding="utf-8"))
    expected = json.loads((DATA / "expected_activity_types.json").read_text(encoding="utf-8"))
    vocabularies = crosswalk["vocabularies"]
    seen_unmapped = set()
    for source_id, service in converted().items():
        found: list[str] = []
        for attribute in service.get("attributes", []):
            term = attribute["taxonomy_term"]
            entry = vocabularies.get(term["taxonomy"], {}).get(term["code"])
            if entry is None:
                assert term["taxonomy"] == "linkwell-facets"  # from v1's enumerations
                continue
            found += [a for a in entry["activity_types"] if a not in found]
            if not entry["activity_types"] and not entry.get("audience"):
                seen_unmapped.add(term["name"])
        assert found == expected["services"][source_id]["activity_types"], source_id
        assert 1 <= len(found) <= 3
    assert {"Council tax", "Parking permits"} <= seen_unmapped


def test_half_the_services_use_esd_service_types() -> None:
    esd = [s for s in v1_services()
           if any(t["taxonomy"]["vocabulary"] == "esdServiceTypes" for t in s["service_taxonomys"])]
    share = len(esd) / len(v1_services())
    assert 0.35 < share < 0.65


# --- the shared groups -----------------------------------------------------------------------


def test_shared_groups_are_listed_as_described() -> None:
    call = convert_service(v1_by_name("Friendly Call London"), feed=FEED)
    assert call["minimum_age"] == 60 and "schedules" not in call
    assert call["cost_options"][0]["amount"] == 0
    cuppa = convert_service(v1_by_name("Carers Online Cuppa"), feed=FEED)
    assert [(r["byday"], r["opens_at"], r["closes_at"]) for r in cuppa["schedules"]] == [
        ("WE", "11:00", "12:00")]
    strollers = convert_service(v1_by_name("Thames Side Strollers"), feed=FEED)
    (sal,) = strollers["service_at_locations"]
    assert sal["location"]["addresses"][0]["postal_code"] == "E14 3EF"
    assert (sal["location"]["latitude"], sal["location"]["longitude"]) == (51.4873, -0.0100)
    assert [(r["byday"], r["opens_at"], r["closes_at"]) for r in strollers["schedules"]] == [
        ("SA", "10:00", "11:00")]


def test_v1_enumerations_become_linkwell_facet_codes() -> None:
    from linkwell.taxonomy import term_id

    def facets(name: str) -> set[str]:
        out = convert_service(v1_by_name(name), feed=FEED)
        return {a["taxonomy_term"]["code"] for a in out.get("attributes", [])
                if a["taxonomy_term"]["taxonomy"] == "linkwell-facets"}

    assert facets("Bondhu Phone Friends") == {"delivery:phone", "access_route:referral_form"}
    assert facets("Carers Online Cuppa") == {"delivery:online", "access_route:drop_in"}
    assert facets("Handy Hands Home Repairs") == {"delivery:home_visit",
                                                  "access_route:book_self"}
    assert facets("East End Men Talk") == {"delivery:in_person", "access_route:drop_in",
                                           "audience:men_only"}
    assert facets("Riverside Community Minibus") == {"access_route:book_self"}
    out = convert_service(v1_by_name("Stepney Shed"), feed=FEED)
    for attribute in out["attributes"]:
        term = attribute["taxonomy_term"]
        if term["taxonomy"] == "linkwell-facets":
            assert term["id"] == term_id(term["code"])  # the ids Linkwell's own output uses
