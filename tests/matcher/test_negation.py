"""What a person does not want, told apart from what they do; and the facts a person's own
words (or a link worker's note) give about them."""

from __future__ import annotations

from typing import Any

import pytest

from linkwell.matcher.negation import against_groups, clauses, refused_text, wanted_text
from linkwell.matcher.person import children_in, languages_in, person_in
from linkwell.matcher.understand import understand


@pytest.mark.parametrize(("text", "refused"), [
    ("I don't want some big group where everyone sits in a circle", True),
    ("I'm not one for gyms", True),
    ("nothing where I have to talk about feelings", True),
    ("he can't stand crowds", True),
    ("not a big group person", True),
    ("no groups please", True),
    # Saying what is missing is a need, not a refusal.
    ("No food in the house", False),
    ("I have no friends round here", False),
    ("I never go out", False),
    ("I can't face opening the post", False),
    ("I don't mind a group", False),
])
def test_a_refusal_is_read_from_the_head_of_its_clause(text: str, refused: bool) -> None:
    assert [c.refused for c in clauses(text)] == [refused]


def test_a_turn_of_the_sentence_starts_a_new_clause() -> None:
    text = "I'm not one for gyms, but I love swimming"
    assert wanted_text(text) == "I love swimming"
    assert refused_text(text) == "I'm not one for gyms"


@pytest.mark.parametrize(("text", "against"), [
    ("I don't want some big group", True), ("one-to-one would be better", True),
    ("a group would be nice", False), ("I hate crowds but love a small choir", True),
])
def test_a_stated_dislike_of_groups(text: str, against: bool) -> None:
    assert against_groups(text) is against


def profile_of(**body: Any) -> Any:
    return understand({"limit": 10, **body})


def test_refused_words_count_against_and_never_for() -> None:
    person = profile_of(about="I'm not one for gyms, but I'd love a swim")
    assert "moving_more.swimming" in person.interests
    assert "moving_more.gym_classes" not in person.interests
    assert "moving_more.gym_classes" in person.avoid
    assert "gym" not in person.terms
    assert person.prefer_group  # nothing said against groups
    assert not profile_of(about="please, no groups").prefer_group
    assert profile_of(about="no groups", prefer={"group": True}).prefer_group  # asked wins


def test_crisis_words_are_heard_even_inside_a_refusal() -> None:
    assert profile_of(about="I don't want to be here anymore").safety == ["feelings.urgent"]


@pytest.mark.parametrize(("text", "gender", "age"), [
    ("Mrs F, 84, lives alone since her husband died", "woman", 84),
    ("Mr A, 81, won't do groups", "man", 81),
    ("Pt is a 45 yo man with low mood", "man", 45),
    ("67F, recently bereaved", "woman", 67),
    ("I'm 72 and my knees are bad", None, 72),
    ("I'm in my 60s and lonely", None, 60),
    ("First-time dad here", "man", None),
    ("my son is 12 and I am worried about him", None, None),
    ("Since my wife passed I hardly see anyone", None, None),
])
def test_a_persons_gender_and_age_from_their_words(text: str, gender: str | None,
                                                   age: int | None) -> None:
    assert person_in(text) == (gender, age)


def test_stated_fields_win_over_words() -> None:
    person = profile_of(about="Mrs F, 84, lives alone", age=79, requirements={"gender": "man"})
    assert (person.gender, person.age) == ("man", 79)
    assert (profile_of(about="Mrs F, 84, lives alone").age) == 84


@pytest.mark.parametrize(("text", "ages"), [
    ("things to do with my 9-year-old in the holidays", [9]),
    ("our son is four months old", [0]),
    ("grandson, 6, and granddaughter aged 3", [3, 6]),
    ("I have two kids", []),
    ("I am 45 and live alone", None),
    ("I am 16 years old", None),
])
def test_the_children_a_person_speaks_of(text: str, ages: list[int] | None) -> None:
    assert children_in(text) == ages


@pytest.mark.parametrize(("text", "needed", "spoken"), [
    ("Needs a Somali interpreter", ["so"], ["so"]),
    ("He has no English, first language Turkish", ["tr"], ["tr"]),
    ("Mrs B speaks Bengali and a little English", [], ["bn"]),
    ("I am a Polish speaker", [], ["pl"]),
    ("I want to learn Spanish", [], []),
])
def test_the_languages_a_note_gives(text: str, needed: list[str], spoken: list[str]) -> None:
    assert languages_in(text) == (needed, spoken)


def test_a_needed_language_is_a_requirement_and_a_spoken_one_a_preference() -> None:
    assert profile_of(about="Needs a Somali interpreter, lonely").languages == ["so"]
    bengali = profile_of(about="Mrs B speaks Bengali, lonely since her husband died")
    assert bengali.languages == [] and bengali.spoken == ["bn"]
    assert profile_of(about="speaks Urdu", requirements={"languages": ["en"]}).languages == [
        "en"]


def test_not_a_big_group_is_a_refusal_of_groups() -> None:
    said = "I'd like to get a bit fitter but not a big group and nothing too energetic"
    assert refused_text(said) == "not a big group and nothing too energetic"
    assert against_groups(said)
    assert against_groups("happy to try anything, just not in a group")
    assert not against_groups("a big group of us go walking")
