"""Someone close telling of the person: their worry is not the person's need, what they
report is. "Daughter worried he has stopped going out" is about him going out, not about worry
he feels. Each case failed before ``without_reporters``."""

from __future__ import annotations

from typing import Any

import pytest

from linkwell.matcher.person import without_reporters
from linkwell.matcher.understand import understand


def profile_of(**body: Any) -> Any:
    return understand({"limit": 10, **body})


@pytest.mark.parametrize(("said", "meant"), [
    ("Daughter worried he has stopped going out.", " he has stopped going out."),
    ("Son says dad is struggling", " dad is struggling"),
    ("Her son is very concerned that she is not eating", " she is not eating"),
    ("Mr K, 81. His daughter thinks he is lonely.", "Mr K, 81. he is lonely."),
    ("My wife says I'm under her feet", " I'm under her feet"),
])
def test_the_reporter_and_their_feeling_are_left_out(said: str, meant: str) -> None:
    assert without_reporters(said) == meant


@pytest.mark.parametrize("said", ["I am worried about my son", "I worry about money",
                                  "my wife has dementia and im struggling",
                                  "Mum is 88 and housebound"])
def test_the_persons_own_worry_and_words_about_family_stay(said: str) -> None:
    assert without_reporters(said) == said


def test_a_relatives_worry_in_a_note_is_not_the_persons_need() -> None:
    note = profile_of(about="Mr K, 81, widower. Daughter worried he has stopped going out.")
    assert "feelings.worry_stress" not in note.needs
    assert "life_changes.bereavement" in note.needs
    son = profile_of(about="Son says dad is anxious about money since the stroke")
    assert "feelings.worry_stress" in son.needs  # what the son reports of dad still counts
    own = profile_of(about="I'm so worried about the bills")
    assert "feelings.worry_stress" in own.needs


@pytest.mark.parametrize("said", ["Mrs F, 84, lives alone", "I live alone and rarely go out",
                                  "living alone since her husband died",
                                  "no family nearby"])
def test_living_alone_and_having_no_one_near_read_as_isolation(said: str) -> None:
    assert "connection.lonely" in profile_of(about=said).needs


@pytest.mark.parametrize("said", ["She lives in Eastwick Vale", "I live with my family",
                                  "my family live nearby"])
def test_where_someone_lives_is_not_isolation(said: str) -> None:
    assert "connection.lonely" not in profile_of(about=said).needs
