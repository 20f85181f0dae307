"""Mapping feeds' taxonomy terms (esd service types, OpenActive names, ad-hoc tags)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from linkwell.feeds.terms import LABEL_REFS, TermMapper, esd_id, own_match, ref_entries
from linkwell.plugins import Feed
from linkwell.plugins.manager import plugin_manager
from linkwell.taxonomy import FACETS_TAXONOMY_NAME, TAXONOMY_NAME, load_taxonomy, term_id


@pytest.mark.parametrize(("term", "expected"), [
    ({"taxonomy": "esdServiceTypes", "code": "1818", "name": "Food banks"},
     ["practical_help.food_support"]),
    ({"taxonomy": "LGA service types", "code": "641", "name": "?"}, ["moving_more.sport"]),
    ({"code": "esdServiceType:1284", "name": "Mental health support"},
     ["peer_support.mental_health"]),
    ({"code": "nature.gardening", "name": "anything"}, ["nature.gardening"]),
    ({"code": "audience:women_only"}, ["audience:women_only"]),
])
def test_terms_map_by_identifier(term: dict[str, str], expected: list[str]) -> None:
    assert own_match(term) == expected


def test_a_number_is_an_esd_id_only_in_an_esd_vocabulary() -> None:
    assert esd_id({"taxonomy": "esdServiceTypes", "code": "641"}) == "641"
    assert esd_id({"taxonomy": "Our tags", "code": "641"}) is None
    assert own_match({"taxonomy": "Our tags", "code": "641", "name": "Council tax"}) == []


@pytest.mark.parametrize(("name", "expected"), [
    ("Walking", ["moving_more.walking"]),  # an ad-hoc tag
    ("Walking Football", ["moving_more.sport"]),  # an OpenActive activity name
    ("Yoga", ["moving_more.gentle"]),
    ("Over 50s", ["audience:older_people"]),  # a facet value's synonym
    ("Women only", ["audience:women_only"]),
    ("Day centres", ["caring.break", "social.drop_in_chat"]),
    ("Singing for lung health", ["creative.singing_music"]),  # a synonym within the label
])
def test_terms_map_by_label_and_synonym(name: str, expected: list[str]) -> None:
    assert sorted(own_match({"taxonomy": "tags", "name": name})) == sorted(expected)


def test_one_broad_word_inside_a_label_is_not_a_match() -> None:
    # "park" is a synonym of the broad "nature": a parking permit is not about nature.
    assert own_match({"name": "Parking permits"}) == []
    assert own_match({"name": "Bangladeshi community"}) == []


def test_every_tag_and_reference_label_maps_back_to_its_concept() -> None:
    tax = load_taxonomy()
    for concept in tax.concepts.values():
        labels = list(concept.tags)
        for ref in LABEL_REFS:
            labels += [label for _, label in ref_entries(concept.refs.get(ref, ""))]
        for label in labels:
            assert concept.id in own_match({"name": label}), (concept.id, label)
    esd_refs = [entry for c in tax.concepts.values()
                for entry in ref_entries(c.refs.get("esd_service_type", ""))]
    assert esd_refs and all(number and number.isdigit() for number, _ in esd_refs)


def test_a_record_gets_its_mapped_terms_as_linkwell_attributes(tmp_path: Path) -> None:
    pm = plugin_manager(allow=[], config={"DATA_DIR": str(tmp_path)})
    mapper = TermMapper(pm, Feed(name="hackney", area="Hackney", kind="oruk3", location="x"))
    record = {"id": "hk-1", "name": "Tuesday Walk", "attributes": [
        {"id": "a1", "taxonomy_term": {"id": "t1", "taxonomy": "Hackney tags", "name": "Walking"}},
        {"id": "a2", "taxonomy_term": {"id": "t2", "taxonomy": "Hackney tags",
                                       "name": "Over 55s"}},
        {"id": "a3", "taxonomy_term": {"id": "t3", "taxonomy": "Hackney tags",
                                       "name": "Council tax"}},
        {"id": "a4", "taxonomy_term": {"id": term_id("moving_more.walking"),
                                       "taxonomy": TAXONOMY_NAME,
                                       "code": "moving_more.walking"}}]}
    unmapped = mapper.map_record(record)
    assert unmapped == [("Hackney tags", "", "Council tax")]
    added = record["attributes"][4:]
    assert [a["taxonomy_term"]["code"] for a in added] == ["audience:older_people"]
    assert added[0]["taxonomy_term"]["taxonomy"] == FACETS_TAXONOMY_NAME
    assert added[0]["taxonomy_term_id"] == term_id("audience:older_people")
    assert added[0]["link_id"] == "hk-1"
    again = copy.deepcopy(record)
    mapper.map_record(again)
    assert again == record  # nothing added twice; ids are stable
