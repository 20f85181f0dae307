"""Needs a person names of someone else ("my daughter's asthma", "he has dementia") are not
their own: they count a little, and suggest no activities meant for the one who has them."""

from __future__ import annotations

from datetime import date
from typing import Any

from linkwell.matcher.person import own_and_others
from linkwell.matcher.score import score_all
from linkwell.matcher.understand import understand
from linkwell.matcher.weights import WEIGHTS


def profile_of(about: str, **body: Any) -> Any:
    return understand({"limit": 10, "about": about, **body})


def test_words_about_someone_else_are_told_apart() -> None:
    mine, theirs = own_and_others("I look after my husband, he has dementia. I'm worn out.")
    assert "look after my husband" in mine and "worn out" in mine
    assert theirs == "he has dementia"
    mine, theirs = own_and_others("I care for my son who has complex needs.")
    assert mine == "i care for my son" and theirs == "who has complex needs"
    assert own_and_others("My daughter's asthma is getting worse")[1]
    # The speaker's own clause, though it names someone: "since my wife passed I ...".
    assert own_and_others("Since my wife passed I hardly see anyone")[1] == ""
    assert own_and_others("My husband has Alzheimer's and I am exhausted")[1] == ""


def test_a_note_about_the_person_is_theirs_save_what_it_says_of_family() -> None:
    mine, theirs = own_and_others("Mrs F, 84, lives alone, has COPD. She is lonely. Her "
                                  "daughter has MS.")
    assert "copd" in mine and "she is lonely" in mine
    assert theirs == "her daughter has ms"


def test_a_need_of_someone_else_suggests_nothing() -> None:
    parent = profile_of("My flat is full of damp. My daughter's asthma is getting worse.")
    wanted = {w.concept: w for w in parent.wanted}
    assert wanted["body.long_term_condition"].weight == WEIGHTS.someone_elses
    assert not [w for w in parent.wanted if w.via == "body.long_term_condition"]
    assert "home.problems" in parent.needs  # their own need is whole
    own = profile_of("I have asthma and it is getting worse.")
    assert {w.concept: w for w in own.wanted}["body.long_term_condition"].weight == 1.0
    assert [w for w in own.wanted if w.via == "body.long_term_condition"]


def test_a_loss_named_through_someone_stays_the_persons_own() -> None:
    widower = profile_of("Since my wife passed I hardly see anyone.")
    weights = {w.concept: w.weight for w in widower.wanted}
    assert weights["life_changes.bereavement"] == 1.0
    assert weights["connection.lonely"] == 1.0


def listing(uid: str, name: str, concepts: list[str], description: str) -> dict[str, Any]:
    return {"id": uid, "name": name, "status": "active", "feed": "lewisham",
            "delivery": ["in_person"], "places": [{"lat": 51.45, "lon": -0.02}],
            "distance_km": 0.5, "description": description, "cost": {"band": "free"},
            "concepts": [{"id": c} for c in concepts]}


def test_a_carer_is_offered_carers_support_before_what_suits_the_one_they_care_for() -> None:
    carer = profile_of("I look after my husband, he has dementia. I'm worn out.")
    carer.point = (51.45, -0.02)
    museum = listing("m", "Object Handling", ["creative.heritage_museums"],
                     "Handle objects from the collection and share stories.")
    carers = listing("c", "Carers' Coffee Morning", ["peer_support.carers"],
                     "Time out and a cuppa with other carers.")
    ranked = score_all([museum, carers], carer, date(2026, 11, 21))
    assert [i.id for i in ranked] == ["c", "m"]
    assert not ranked[1].matches  # a museum is a suggestion for memory, his not hers


def test_speaking_of_a_grown_up_s_condition_makes_a_carer() -> None:
    # Carers' groups are only for carers: someone who says their wife has dementia, and not
    # the word "carer", is one; a parent speaking of a child's asthma is not read as one.
    assert profile_of("my wife has dementia and im struggling, need to talk to others").carer
    assert profile_of("My husband has Parkinson's. I never get a break.").carer
    assert not profile_of("My flat is damp. My daughter's asthma is getting worse.").carer
    assert not profile_of("My daughter keeps saying I should get out more").carer
    assert profile_of("my wife has dementia", carer=False).carer is False
