"""The spelling step does not turn text-speak or English contractions into directory words:
"wiv" is "with" (never "hiv"), "ppl" is "people" (never "pal"), "arent" is "aren't" (never
"parent"). Each case failed before the guard."""

from __future__ import annotations

import pytest

from linkwell.matcher.spelling import spoken_forms
from linkwell.spelling import Vocabulary, english_words, plausible_slip

# Words a directory's listings could well hold, sensitive and rare ones among them.
COUNTS = {"hiv": 2, "pal": 1, "parent": 9, "want": 20, "with": 40, "choir": 12, "bingo": 9,
          "people": 30, "football": 8, "ms": 3}


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(COUNTS)


@pytest.mark.parametrize("typed", ["wiv", "ppl", "thx", "tbh"])
def test_a_short_spoken_form_is_not_mended_into_another_word(vocab: Vocabulary,
                                                              typed: str) -> None:
    assert not vocab.correct(typed).changed


@pytest.mark.parametrize("typed", ["arent", "wasnt", "isnt", "doesnt"])
def test_a_contraction_typed_without_its_apostrophe_is_english(vocab: Vocabulary,
                                                               typed: str) -> None:
    assert typed in english_words()
    assert not vocab.correct(f"my knees {typed} good", keep=english_words()).changed


def test_slips_of_longer_words_and_short_ones_that_keep_their_first_letter_are_mended(
        vocab: Vocabulary) -> None:
    assert vocab.correct("chior").text == "choir"
    assert vocab.correct("bngo").text == "bingo"
    assert vocab.correct("fotball").text == "football"
    assert plausible_slip("bngo", "bingo") and not plausible_slip("wiv", "hiv")


def test_text_speak_reads_as_the_words_it_stands_for() -> None:
    text, changes = spoken_forms("just want sumthing 2 do wiv ppl my age, into football n music")
    assert text == "just want something 2 do with people my age, into football and music"
    assert {"typed": "wiv", "corrected": "with"} in changes
    assert {"typed": "ppl", "corrected": "people"} in changes


@pytest.mark.parametrize("typed", ["Mrs R, 74, lives alone", "R&B night", "sewing circle",
                                   "I can't", "a u-turn"])
def test_names_initials_and_words_that_contain_a_form_are_left_alone(typed: str) -> None:
    assert spoken_forms(typed) == (typed, [])
