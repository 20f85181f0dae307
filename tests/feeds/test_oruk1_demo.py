"""The Tower Hamlets demo feed (ORUK 1.0): its pages, data files, crosswalk, taxonomy terms and
shared groups, as test_oruk1.py's converter reads them."""

from __future__ import annotations

import importlib.util
import json
from typing import Any

from linkwell.feeds.oruk1 import convert_service
from tests import schemas
from tests.feeds import demo_data
from tests.feeds.oruk1_data import (
    DATA,
    DISTRICT_CENTRES,
    FEED,
    REPO,
    V1_SPELLING,
    converted,
    is_uuid,
    pages,
    v1_by_name,
    v1_services,
)

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
