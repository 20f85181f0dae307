"""Who a listing is for, read from its words: each limit and the phrase it came from.

The phrasings here are the project's own, written for this test (not copied from any judged
set), in the shapes borough feeds use.
"""

from __future__ import annotations

from typing import Any

import pytest

from linkwell.eligibility import audiences, limits


def read(name: str, description: str = "", eligibility: str = "",
         **fields: Any) -> dict[str, Any]:
    record = {"name": name, "description": description, "eligibility_description": eligibility,
              **fields}
    return {limit.kind: limit.value for limit in limits(record)}


@pytest.mark.parametrize(("name", "description", "eligibility", "expected"), [
    ("Peckham Ladies' Knit and Natter", "", "", {"gender": "women"}),
    ("Nunhead Mens Shed", "", "", {"gender": "men"}),
    ("Tuesday Swim", "A relaxed swim session for women only.", "", {"gender": "women"}),
    ("Çay ve sohbet", "Tea and chat for Turkish and Kurdish speaking women, Wednesdays.", "",
     {"gender": "women"}),
    ("Coffee Club", "Just for dads and their little ones.", "",
     {"gender": "men", "child_ages": [0, 4]}),
    ("Coffee Club", "Mainly dads come, with their little ones.", "", {}),
    ("Teen Drama", "Teenagers (13-17) welcome", "", {"min_age": 13, "max_age": 17}),
    ("Gym Sessions", "Adults only.", "", {"min_age": 18}),
    ("Choir", "We meet 2-4pm, 10 to 12 singers a week.", "", {}),
    ("Community Lunch", "Mums and dads welcome, with or without children.", "", {}),
    ("Walking Netball", "", "Over 50s only", {"min_age": 50}),
    ("Creative Writing", "", "Young people aged 16 to 25", {"min_age": 16, "max_age": 25}),
    ("Film Club 55+", "", "", {"min_age": 55}),
    # a name is all audience: its age word need not stand next to its band
    ("Young People's Art Drop-in (14-21)", "", "", {"min_age": 14, "max_age": 21}),
    ("Young at Heart Tea Dance 2-4pm", "", "", {}),
    ("Teatime Social", "Aimed at over 65s but anyone may come.", "",
     {"aimed_min_age": 65}),
    ("Sing and Sign", "For babies and their parents or carers.", "", {"child_ages": [0, 1]}),
    ("Homework Club", "", "For children aged 8 to 12 with a parent", {"child_ages": [8, 12]}),
    ("Open Studio", "Drop in any time between 10 to 12.", "", {}),
    ("Walworth Carers Support Group", "", "", {"carers": True}),
    ("Memory Cafe", "For people living with dementia and their carers.", "",
     {"situation": {"words": "dementia", "carers_welcome": True}}),
    ("After Loss Circle", "", "For anyone who has been bereaved", {"situation": "bereavement"}),
    ("Advice Line", "Open to Southwark residents only.", "", {"residents": "southwark"}),
    ("Benefits Help", "", "You must live in the London Borough of Lambeth",
     {"residents": "lambeth"}),
    ("English Conversation Morning", "", "", {"learners": True}),
    ("Somali Elders Lunch", "", "", {"community": {"word": "somali", "language": "so"}}),
    ("Rainbow Coffee for LGBTQ+ people", "", "",
     {"community": {"word": "lgbtq", "language": "lgbtq"}}),
    ("Bermondsey Book Club", "We read a novel a month and meet at the library.", "", {}),
])
def test_limits_are_read_from_the_words(name: str, description: str, eligibility: str,
                                        expected: dict[str, Any]) -> None:
    assert read(name, description, eligibility) == expected


def test_stated_age_fields_win_over_words() -> None:
    found = read("Over 60s Lunch", minimum_age=55)
    assert found["min_age"] == 55


def test_each_limit_keeps_where_it_came_from() -> None:
    found = limits({"name": "Quiet Club", "description": "A group for women only."})
    assert [(x.kind, x.source, x.phrase) for x in found] == [
        ("gender", "description", "for women")]


def test_limits_stand_for_the_taxonomy_audiences() -> None:
    found = limits({"name": "Dads' Club", "description": "For dads with babies."})
    assert audiences(found) == {"men_only", "families"}
