"""The vocabulary alone: what it mends, what it never touches, and keeping it current."""

from __future__ import annotations

import pytest

from linkwell.spelling import Correction, Vocabulary, rewrite, slip_cost, taxonomy_words

COUNTS = {"choir": 12, "chair": 3, "sewing": 9, "sowing": 2, "pottery": 5, "poetry": 2,
          "wheelchair": 6, "wheel": 1, "football": 8, "walking": 30, "tai": 4, "chi": 4,
          "food": 40, "bank": 20, "foodbank": 2, "knit": 6, "natter": 5, "boxing": 3,
          "booking": 9, "knitting": 4, "sitting": 7, "meditation": 7}


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(COUNTS, base=["zumba", "befriending"])


@pytest.mark.parametrize(("typed", "meant"), [
    ("chior", "choir"), ("potery", "pottery"), ("pottery", "pottery"), ("fotball", "football"),
    ("meditaton", "meditation"), ("zumbba", "zumba"), ("befrending", "befriending"),
    ("taichi", "tai chi"), ("knitandnatter", "knit and natter"), ("wheel chair", "wheelchair"),
    ("nitting", "knitting"), ("bocksing", "boxing"), ("walkinf group", "walking group"),
])
def test_mends_each_kind_of_slip(vocab: Vocabulary, typed: str, meant: str) -> None:
    assert vocab.correct(typed).text == meant


@pytest.mark.parametrize("typed", ["sowing", "sewing", "chair", "food bank", "SE6 4RU", "se6",
                                   "E14", "walks", "the", "xyzzyq", "qi"])
def test_never_touches_known_words_postcodes_or_what_nothing_is_near(vocab: Vocabulary,
                                                                      typed: str) -> None:
    correction = vocab.correct(typed)
    assert not correction.changed
    assert correction.text == typed


def test_says_what_was_typed_and_each_change(vocab: Vocabulary) -> None:
    correction = vocab.correct("Chior on Tuesday")
    assert correction.as_dict() == {"typed": "Chior on Tuesday", "corrected": "choir on tuesday",
                                    "changes": [{"typed": "chior", "corrected": "choir"}]}
    assert rewrite("Chior, on Tuesday!", correction) == "Choir, on Tuesday!"


def test_rewrite_keeps_everything_but_the_mended_words() -> None:
    correction = Correction("I'd like a wheel chair & potery", "i d like a wheelchair pottery",
                            ())
    assert rewrite("kept as is", correction) == "kept as is"
    vocab = Vocabulary(COUNTS)
    typed = "I'd like a wheel  chair, and potery?"
    assert rewrite(typed, vocab.correct(typed)) == "I'd like a wheelchair, and pottery?"


def test_the_likelier_reading_wins_by_how_many_listings_use_it() -> None:
    assert Vocabulary({"bingo": 9, "bongo": 1}).correct("bngo").text == "bingo"
    assert Vocabulary({"bingo": 1, "bongo": 9}).correct("bngo").text == "bongo"


def test_update_adds_and_forgets_words() -> None:
    vocab = Vocabulary({"choir": 3})
    assert vocab.correct("zorbng").text == "zorbng"
    vocab.update({"choir": 3, "zorbing": 1})
    assert vocab.correct("zorbng").text == "zorbing"
    assert "zorbing" in vocab
    vocab.update({"choir": 3})
    assert vocab.correct("zorbng").text == "zorbng"
    assert vocab.known("zorbing") is False


def test_completions_most_used_first(vocab: Vocabulary) -> None:
    assert vocab.completions("Ch") == ["choir", "chi", "chair"]
    assert vocab.completions("") == []


def test_slip_costs_favour_double_letters_then_dropped_ones() -> None:
    assert slip_cost("potery", "pottery", 1) < slip_cost("potery", "poetry", 1)
    assert slip_cost("bigo", "bingo", 1) < slip_cost("bigo", "big", 1)
    assert slip_cost("abcd", "wxyz", 2) == 2


def test_taxonomy_words_hold_labels_and_synonyms() -> None:
    words = taxonomy_words()
    assert {"befriending", "lonely", "walking"} <= words
