"""Who a listing is for, when only its words say so: on both backends, against listings with
no tags and no audience fields (as half of real feeds are). Each test also shows the listing
appearing for the person it is for, so a rule that stopped working would fail here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.conftest import BACKENDS, load
from tests.factory import WEEKLY, service
from tests.matcher.conftest import NEAR, match, matcher_over, names

WEEKLY_TUESDAY = ((WEEKLY, "TU", "10:00", "12:00"),)


def prose_corpus() -> list[dict[str, Any]]:
    """Untagged listings whose eligibility is only in their names and words."""
    def untagged(slug: str, name: str, description: str, **fields: Any) -> dict[str, Any]:
        return service(slug, name, description, schedules=WEEKLY_TUESDAY, **fields)

    return [
        untagged("w-widows", "Widows' Tea Circle",
                 "A weekly tea and a chat for women who have lost their husbands."),
        untagged("w-widowers", "Widowers' Coffee Club",
                 "Coffee and company for men whose wives have died. Just turn up."),
        untagged("w-dads", "Dads' Saturday Club", "Dads and their babies play together."),
        untagged("w-play", "Stay and Play", "For parents with toddlers: songs, toys and tea."),
        untagged("w-homework", "Homework Club", "For children aged 8 to 11 with a parent."),
        untagged("w-esol", "English Conversation Morning",
                 "Practise speaking English over tea with volunteers."),
        untagged("w-memory", "Memory Cafe",
                 "For people living with dementia and their carers: music and tea."),
        untagged("w-choir", "Tuesday Community Choir", "Everyone welcome to sing, no auditions."),
        untagged("w-over60", "Lunch and Chat", "A hot meal and company.",
                 eligibility="Over 60s only"),
        untagged("w-crisis", "Evening Crisis Cafe",
                 "A safe place to go in the evening if you are in crisis and struggling to cope. "
                 "Trained staff will listen."),
        untagged("w-art", "Art Afternoons", "Painting and drawing for all abilities."),
    ]


@pytest.fixture(scope="module", params=BACKENDS)
def matcher(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    def fill(client: FlaskClient) -> None:
        assert load(client, prose_corpus())["summary"]["rejected"] == 0

    yield from matcher_over(str(request.param), tmp_path_factory.mktemp("who"), fill)


def ask(client: FlaskClient, about: str, **body: Any) -> list[str]:
    return names(match(client, about=about, location=NEAR, max_travel_km=3, limit=20, **body))


def test_a_womens_group_named_only_in_words_never_reaches_a_man(matcher: FlaskClient) -> None:
    about = "since my spouse died I hardly see anyone, I'd like a cuppa and a chat"
    assert "Widows' Tea Circle" in ask(matcher, about, requirements={"gender": "woman"})
    for man in ({"requirements": {"gender": "man"}},
                {"about": "Mr B, 80, lives alone since his wife died, would like company"}):
        found = ask(matcher, **{"about": about, **man})
        assert "Widows' Tea Circle" not in found
        assert "Widowers' Coffee Club" in found


def test_a_link_workers_note_gives_age_and_gender(matcher: FlaskClient) -> None:
    note = "Mrs K, 58, lonely since retiring, would like lunch and company"
    assert "Lunch and Chat" not in ask(matcher, note)  # over 60s only, in words
    assert "Lunch and Chat" in ask(matcher, note.replace("58", "71"))


def test_a_family_activity_needs_a_child_of_its_ages(matcher: FlaskClient) -> None:
    assert "Homework Club" in ask(matcher, "help for my 9-year-old with school work")
    assert "Homework Club" not in ask(matcher, "help for my 14-year-old with school work")
    dad = ask(matcher, "first-time dad, our son is four months old, want to meet other dads",
              requirements={"gender": "man"})
    assert dad[0] == "Dads' Saturday Club"


def test_english_classes_are_for_people_learning_english(matcher: FlaskClient) -> None:
    assert "English Conversation Morning" in ask(matcher, "I want to improve my English")
    assert "English Conversation Morning" in ask(matcher, "I speak a little English and want "
                                                          "to meet people")
    assert "English Conversation Morning" not in ask(matcher, "somewhere to meet people and "
                                                               "talk over tea")


def test_a_group_for_a_condition_says_so_and_counts_less(matcher: FlaskClient) -> None:
    carer = match(matcher, about="I look after my mum who has dementia, I need a break and "
                                 "some music", location=NEAR, max_travel_km=3)
    assert names(carer)[0] == "Memory Cafe"
    other = match(matcher, about="I love music and singing", location=NEAR, max_travel_km=3)
    found = {r["name"]: r for r in other["results"]}
    assert names(other)[0] == "Tuesday Community Choir"
    if "Memory Cafe" in found:
        assert any("dementia" in c for c in found["Memory Cafe"]["cautions"])


def test_what_a_person_does_not_want_is_not_a_match(matcher: FlaskClient) -> None:
    answer = match(matcher, about="I don't want some big group sitting in a circle talking "
                                  "about feelings, I like painting", location=NEAR,
                   max_travel_km=3)
    assert names(answer)[0] == "Art Afternoons"
    assert not any("circle" in r.lower() or "feelings" in r.lower()
                   for x in answer["results"] for r in x["reasons"])


def test_in_a_crisis_only_crisis_help_follows_the_urgent_routes(matcher: FlaskClient) -> None:
    answer = match(matcher, about="I can't go on, everyone would be better off without me. "
                                  "I used to love painting and singing", location=NEAR,
                   max_travel_km=3)
    assert answer["safety"] is not None
    assert names(answer) == ["Evening Crisis Cafe"]
