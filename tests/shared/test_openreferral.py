"""What the ORUK output and the search document agree on: ids, terms, moments."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from linkwell.document import Provenance, build_document
from linkwell.openreferral import (
    entity_id,
    is_linkwell_term,
    modified_stamp,
    service_at_locations,
    service_codes,
    taxonomy_id,
)
from linkwell.taxonomy import load_taxonomy, term_id
from tests.factory import service

ASSET = str(uuid.UUID(int=1))


def test_entity_ids_keep_uuids_and_derive_the_rest_stably() -> None:
    kept = str(uuid.uuid4())
    assert entity_id(kept.upper(), feed="a", asset_id=ASSET, kind="location", path="x") == kept
    by_id = entity_id("L1", feed="lewisham", asset_id=ASSET, kind="location", path="x")
    assert by_id == entity_id("L1", feed="lewisham", asset_id=str(uuid.UUID(int=2)),
                              kind="location", path="y")  # shared within a feed
    assert by_id != entity_id("L1", feed="camden", asset_id=ASSET, kind="location", path="x")
    assert by_id != entity_id("L1", feed="lewisham", asset_id=ASSET, kind="schedule", path="x")
    by_place = entity_id(None, feed="lewisham", asset_id=ASSET, kind="address", path="a.0")
    assert by_place != entity_id("", feed="lewisham", asset_id=ASSET, kind="address", path="a.1")
    assert uuid.UUID(by_place) and uuid.UUID(by_id)
    assert taxonomy_id("linkwell") != taxonomy_id("linkwell-facets")


@pytest.mark.parametrize(("value", "stamp"), [
    ("2025-03-01T10:00:00+01:00", "2025-03-01T09:00:00.000Z"),
    ("2025-03-01T09:00:00.123456Z", "2025-03-01T09:00:00.123Z"),
    ("2025-03-01T09:00:00", "2025-03-01T09:00:00.000Z"),
    ("2025-03-01", "2025-03-01T00:00:00.000Z"),
    (date(2025, 3, 1), "2025-03-01T00:00:00.000Z"),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_modified_stamps_sort_as_text_in_time_order(value: object, stamp: str | None) -> None:
    assert modified_stamp(value) == stamp


def test_service_codes_prefer_a_cost_tag_to_the_band_and_drop_unknown_codes() -> None:
    tax = load_taxonomy()
    codes = service_codes(["moving_more.walking", "moving_more", "no.such"], cost_band="low",
                          delivery=["in_person"], audience=["women_only"],
                          accessibility=["step_free"], tagged=["intensity:gentle"], tax=tax)
    assert codes == ["moving_more.walking", "moving_more", "accessibility:step_free",
                     "audience:women_only", "cost:low_cost", "delivery:in_person",
                     "intensity:gentle"]
    tagged = service_codes([], cost_band="low", tagged=["cost:pay_what_you_can"], tax=tax)
    assert tagged == ["cost:pay_what_you_can"]
    assert service_codes([], cost_band="unknown", tax=tax) == []


def test_linkwell_terms_are_told_from_a_boroughs_own() -> None:
    tax = load_taxonomy()
    assert is_linkwell_term({"taxonomy": "linkwell-facets", "code": "x"}, tax)
    assert is_linkwell_term({"code": "moving_more.walking"}, tax)
    assert is_linkwell_term({"id": term_id("custom"), "code": "custom"}, tax)
    assert not is_linkwell_term({"taxonomy": "esdServiceTypes", "code": "298"}, tax)


def test_the_search_document_carries_what_the_oruk_api_filters_on() -> None:
    record = service("walk", "Ladywell Walk", concepts=("moving_more.walking",),
                     facets=("audience:women_only",), modified="2025-05-01T12:00:00Z")
    record["attributes"].append({"id": str(uuid.uuid4()), "taxonomy_term": {
        "id": str(uuid.UUID(int=99)), "name": "Walking", "taxonomy": "esdServiceTypes"}})
    doc = build_document(record["id"], record, Provenance("tests", record["id"]),
                         date(2026, 1, 1))
    assert doc["last_modified"] == "2025-05-01T12:00:00.000Z"
    assert {term_id("moving_more.walking"), term_id("moving_more"),
            term_id("audience:women_only"), term_id("cost:free"),
            str(uuid.UUID(int=99))} <= set(doc["term_ids"])
    [(_, sal_id, _)] = service_at_locations(record, "tests", record["id"])
    assert doc["sal_ids"] == [sal_id]
    assert doc["sals"] == [{"id": sal_id, "lat": 51.4452, "lon": -0.0209}]


def test_an_undated_record_counts_as_changed_when_it_was_fetched() -> None:
    record = service("undated", "Undated Group", modified=None)
    doc = build_document(record["id"], record, Provenance("tests", "x", "2026-02-01T08:00:00Z"),
                         date(2026, 3, 1))
    assert doc["last_modified"] == "2026-02-01T08:00:00.000Z"
    bare = build_document(record["id"], record, Provenance("tests", "x"), date(2026, 3, 1))
    assert bare["last_modified"] is None
