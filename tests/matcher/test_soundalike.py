"""A real word typed for the crisis verb it sounds like, read as that verb only where the
sentence leaves no other reading (the phrasings here are the project's own)."""

from __future__ import annotations

import pytest

from linkwell.matcher.crisis import _english, detect, vocabulary
from linkwell.matcher.soundalike import read_clause_end


def read(words: str) -> list[str]:
    return read_clause_end(words.split(), vocabulary(), _english())


@pytest.mark.parametrize(("typed", "read_as"), [
    ("i just want to dye", "i just want to die"),
    ("sometimes i think i should dye", "sometimes i think i should die"),
])
def test_a_soundalike_last_after_a_bare_verb_is_the_crisis_verb(typed: str,
                                                                read_as: str) -> None:
    assert " ".join(read(typed)) == read_as


@pytest.mark.parametrize("typed", [
    "i want to dye my hair",       # an object follows: dyeing, as typed
    "the dye ran in the wash",     # not after a bare-verb word
    "i want to heat",              # sounds like "hit", but "hit" is not that much commoner
    "we are going to dine",        # one letter from "die" and "done", sounding like neither
])
def test_other_readings_stay_as_typed(typed: str) -> None:
    assert read(typed) == typed.split()


def test_the_detector_reads_it_only_at_a_clause_end() -> None:
    assert "feelings.urgent" in detect("honestly i just want to dye")
    assert detect("i want to dye my hair purple for the party") == []
