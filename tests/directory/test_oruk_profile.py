"""Publishing a stored record as the ORUK 3.0 profile allows: fields, types, ids, defaults."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from linkwell.directory.oruk.profile import Scope, conform, scalar
from linkwell.directory.oruk.shapes import (
    LocationSchema,
    OrganizationSchema,
    ServiceBaseSchema,
    ServiceSchema,
)
from linkwell.openreferral import entity_id
from tests.oruk import bad_ids, nulls, schema_errors

ASSET = "5b7f3f2e-8f0c-4a57-9d55-1f6c0a1d2e3f"
SCOPE = Scope("tests", ASSET)


def publish(record: dict[str, Any]) -> dict[str, Any]:
    out = conform(record, ServiceSchema(), SCOPE, "", own_id=ASSET)
    assert out is not None
    return out


def messy_record() -> dict[str, Any]:
    """What feeds really send: ids that are not UUIDs, missing ids, nulls, HSDS-only fields."""
    return {
        "id": "svc-42", "name": " Tea and Chat ", "status": "Active",
        "alternate_name": "T&C", "eligibility_description": "Everyone", "phones": [
            {"id": "p1", "number": "020 8000 0000"}],
        "url": "www.teaandchat.example.org", "email": "mailto:hello@teaandchat.example.org",
        "minimum_age": "18", "maximum_age": None, "fees_description": "Free",
        "last_modified": "2025-03-01T10:00:00+01:00", "description": "",
        "organization_id": "org-7",
        "organization": {"id": "org-7", "name": "Tea Friends", "website": "not a website"},
        "service_at_locations": [
            {"id": "sal-1", "service_id": "svc-42", "location_id": "loc-1", "location": {
                "id": "loc-1", "name": "Hall", "latitude": 0, "longitude": 0,
                "transportation": "Bus 75",
                "addresses": [{"address_1": "1 High St", "city": "London",
                               "postal_code": "SE6 4RU", "region": "Lewisham",
                               "address_2": "Back door"},
                              {"id": "a2", "city": "London"}],
                "accessibility": [{"description": "Step-free"}]}},
            {"location": {"id": str(uuid.UUID(int=7)), "location_type": "VIRTUAL"}},
            "not an object",
        ],
        "schedules": [{"id": "S1", "freq": "weekly", "byday": "TU", "interval": "2",
                       "service_at_location_id": "sal-1", "wkst": "MO"}],
        "languages": [{"id": "l1", "name": "Bengali", "code": "bn", "phone_id": "p1"}],
        "service_areas": [{"name": "Lewisham", "description": "The borough"}],
        "attributes": [{"taxonomy_term": {"id": "t1", "name": "Tea", "code": "tea",
                                          "parent_id": "t0"}, "link_entity": "service",
                        "value": "x", "link_id": "svc-42"}],
    }


def test_published_record_validates_and_has_no_nulls_and_only_uuids() -> None:
    out = publish(messy_record())
    assert schema_errors("/services/{id}", out) == []
    assert nulls(out) == []
    assert bad_ids(out) == []


def test_fields_the_profile_drops_are_left_out() -> None:
    out = publish(messy_record())
    for dropped in ("alternate_name", "eligibility_description", "phones", "fees_description"):
        assert dropped not in out
    location = out["service_at_locations"][0]["location"]
    assert "transportation" not in location
    assert "address_2" not in location["addresses"][0]
    assert "wkst" not in out["schedules"][0]
    assert out["languages"] == [{"id": entity_id("l1", feed="tests", asset_id=ASSET,
                                                 kind="language", path="")}]  # no name or code
    assert set(out["attributes"][0]) == {"id", "link_id", "taxonomy_term_id", "taxonomy_term"}
    assert "code" not in out["attributes"][0]["taxonomy_term"]


def test_values_take_the_profiles_types_and_spellings() -> None:
    out = publish(messy_record())
    assert out["name"] == "Tea and Chat"
    assert out["status"] == "active"
    assert out["minimum_age"] == 18 and "maximum_age" not in out and "description" not in out
    assert out["url"] == "https://www.teaandchat.example.org"
    assert out["email"] == "hello@teaandchat.example.org"
    assert out["last_modified"] == "2025-03-01T09:00:00.000Z"
    assert out["fees"] == "Free"  # HSDS fees_description is ORUK's fees
    assert out["schedules"][0]["freq"] == "WEEKLY" and out["schedules"][0]["interval"] == 2
    assert out["service_areas"][0]["service_area"] == "The borough"
    assert out["service_at_locations"][1]["location"]["location_type"] == "virtual"
    assert "website" not in out["organization"]


def test_ids_are_stable_uuids_and_references_point_at_what_they_name() -> None:
    first, second = publish(messy_record()), publish(messy_record())
    assert first == second
    assert first["id"] == ASSET
    sal = first["service_at_locations"][0]
    assert sal["service_id"] == ASSET
    assert sal["location_id"] == sal["location"]["id"]
    assert sal["location"]["addresses"][0]["id"]  # derived from where it sits
    assert first["organization_id"] == first["organization"]["id"]
    # A reference by the source's own id lands on the same UUID as the object it names.
    assert first["schedules"][0]["service_at_location_id"] == sal["id"]
    attribute = first["attributes"][0]
    assert attribute["link_id"] == ASSET
    assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]
    assert attribute["taxonomy_term"]["parent_id"] == entity_id(
        "t0", feed="tests", asset_id=ASSET, kind="taxonomy_term", path="")
    # A UUID from the source is kept as it is.
    assert first["service_at_locations"][1]["location"]["id"] == str(uuid.UUID(int=7))


def test_another_feed_gets_other_ids_for_the_same_source_ids() -> None:
    other = conform(messy_record(), ServiceSchema(), Scope("camden", ASSET), "", own_id=ASSET)
    assert other is not None
    ours = publish(messy_record())
    assert other["service_at_locations"][0]["id"] != ours["service_at_locations"][0]["id"]


def test_required_fields_are_filled_or_the_object_is_left_out() -> None:
    out = publish(messy_record())
    addresses = out["service_at_locations"][0]["location"]["addresses"]
    assert len(addresses) == 1  # the second has no address_1 or postcode: not publishable
    assert addresses[0]["country"] == "GB"
    assert addresses[0]["state_province"] == "Lewisham"  # the region stands in
    assert addresses[0]["address_type"] == "physical"
    assert out["organization"]["description"] == "Tea Friends"  # its name stands in
    assert out["attributes"][0]["taxonomy_term"]["description"] == "Tea"
    assert len(out["service_at_locations"]) == 2  # the string is not a service_at_location
    nameless = conform({"id": "o", "description": "x"}, OrganizationSchema(), SCOPE, "org")
    assert nameless is None


def test_a_point_off_the_map_is_dropped_and_the_place_kept() -> None:
    location = publish(messy_record())["service_at_locations"][0]["location"]
    assert "latitude" not in location and "longitude" not in location
    assert location["name"] == "Hall"
    kept = conform({"id": "x", "latitude": "51.44", "longitude": -0.02}, LocationSchema(), SCOPE,
                   "loc")
    assert kept is not None and (kept["latitude"], kept["longitude"]) == (51.44, -0.02)


def test_list_shape_keeps_only_one_to_one_fields() -> None:
    out = conform(messy_record(), ServiceBaseSchema(), SCOPE, "", own_id=ASSET)
    assert out is not None
    assert not {"schedules", "service_at_locations", "attributes", "languages"} & set(out)
    assert set(out["organization"]) == {"id", "name", "description"}
    assert schema_errors("/services", {"contents": [out]}) == []


@pytest.mark.parametrize(("value", "field", "expected"), [
    ("mailto:a@b.org", "email", "a@b.org"),
    ("not-an-email", "email", None),
    ("http://x.org/a b", "url", None),
    ("ftp://x.org", "url", None),
    ("example.org/page", "url", "https://example.org/page"),
    (True, "minimum_age", None),
    ("twelve", "minimum_age", None),
    (float("nan"), "minimum_age", None),
    (12, "name", "12"),
    ({"a": 1}, "name", None),
    ("temporarily CLOSED", "status", "temporarily closed"),
    ("open", "status", None),
    ("2025-02-30", "last_modified", None),
    ("2025-02-03", "last_modified", "2025-02-03T00:00:00.000Z"),
])
def test_scalars(value: Any, field: str, expected: Any) -> None:
    assert scalar(value, ServiceBaseSchema().fields[field]) == expected
