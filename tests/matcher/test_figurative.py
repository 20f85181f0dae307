"""Sayings whose words are an activity's name ("in the same boat", "run out of money",
"spends all day in bed") name no activity; the same words meant literally still do, and the
rest of the saying's sentence is still read ("run out of money" still says money)."""

from __future__ import annotations

import pytest

from linkwell.matcher.figurative import without_sayings
from linkwell.matcher.understand import understand

# (what the person said, a concept it must not name, a concept it must still name or None)
FIGURATIVE = [
    ("We're all in the same boat, us carers", "nature.water", None),
    ("I don't want to rock the boat at home", "nature.water", None),
    ("Feel like I missed the boat with making friends", "nature.water", None),
    ("It's sink or swim since my husband died", "moving_more.swimming", None),
    ("I've run out of money before the end of the month", "moving_more.running_cycling",
     None),
    ("Feeling really run down and tired all the time", "moving_more.running_cycling", None),
    ("Always running late for everything, so stressed", "moving_more.running_cycling", None),
    ("Keep running into debt with the catalogue", "moving_more.running_cycling",
     "money.debt_bills"),
    ("Running on empty looking after mum", "moving_more.running_cycling", None),
    ("He spends all day in bed since the stroke", "money.managing", None),
    ("She spends hours on her phone and never goes out", "money.managing", None),
    ("Being a carer is no walk in the park", "nature", None),
    ("I have to face the music about the rent arrears", "creative", "home"),
    ("Painting a grim picture of how I've been", "creative.arts_crafts", None),
]
LITERAL = [
    ("I'd love to go running again", "moving_more.running_cycling"),
    ("We used to go boating on the canal", "nature.water"),
    ("I spend too much money and can't budget", "money.managing"),
    ("A walk in the park on a Sunday would be lovely", "nature"),
    ("I used to sing in a choir and miss the music", "creative"),
    ("I want to learn to swim", "moving_more.swimming"),
]


def named(text: str) -> set[str]:
    profile = understand({"about": text, "limit": 10})
    found = {*profile.needs, *profile.interests}
    return found | {c.rsplit(".", 1)[0] for c in found}  # a child names its family too


@pytest.mark.parametrize(("said", "absent", "present"), FIGURATIVE)
def test_a_saying_names_no_activity(said: str, absent: str, present: str | None) -> None:
    found = named(said)
    assert absent not in found, (said, found)
    if present:
        assert present in found, (said, found)


@pytest.mark.parametrize(("said", "present"), LITERAL)
def test_the_same_words_meant_literally_still_name_it(said: str, present: str) -> None:
    assert without_sayings(said) == said
    assert present in named(said), said


def test_only_the_figurative_words_go() -> None:
    assert without_sayings("I've run out of money") == "I've  money"
    assert without_sayings("He spends all day in bed") == "He  all day in bed"
    assert without_sayings("it isnt a walk in the park") == "it isnt a "
