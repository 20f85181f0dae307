"""The taxonomy in other languages (linkwell.translations): its packs, and how their words are
found in what people write."""

from __future__ import annotations

import pytest

from linkwell import translations, vocab
from linkwell.taxonomy import load_taxonomy
from linkwell.text import fold

LANGUAGES = ("bn", "so", "tr", "pl", "ar", "ur")
SAFETY = ("feelings.urgent", "safety_rights.safe_at_home", "safety_rights.worried_about_someone")


def test_each_pack_names_its_source_and_review_and_only_real_concepts() -> None:
    tax = load_taxonomy()
    packs = translations.packs()
    assert set(LANGUAGES) <= set(packs)
    for code in LANGUAGES:
        pack = packs[code]
        assert pack.meta["language"] == code and pack.meta["source"] and pack.meta["review"]
        assert set(pack.labels) <= set(tax.concepts), set(pack.labels) - set(tax.concepts)
        assert len(pack.labels) >= 50  # needs, activities, and the safety routes' labels
        assert set(SAFETY) <= set(pack.labels)
        assert {"urgent", "agents", "abuse", "negators", "topic"} <= set(pack.crisis)


def test_fold_keeps_bengali_vowel_signs_and_turkish_dotless_i() -> None:
    assert fold("আমি একা থাকি।") == "আমি একা থাকি"  # not "আম এক থ ক"
    assert fold("YALNIZIM yalnızım") == "yalnizim yalnizim"
    assert fold("Café") == "cafe"


@pytest.mark.parametrize(("phrase", "word", "found"), [
    ("samotny", "samotna", True), ("samotny", "samotność", True),  # endings
    ("yalnız", "yalnızım", True), ("বন্ধু", "বন্ধুদের", True),
    ("konut", "konusunda", False),  # five letters or fewer: the whole word
    ("is", "isboorti", False), ("koro", "korosu", True),
])
def test_a_phrase_word_finds_the_word_with_another_ending(phrase: str, word: str,
                                                          found: bool) -> None:
    assert translations.token_matches(fold(phrase), fold(word)) is found


def test_concepts_are_found_in_each_language() -> None:
    assert [c for c, _ in translations.concepts_in("আমি একা থাকি", "bn")] == [
        "connection.lonely"]
    assert "money.debt_bills" in dict(translations.concepts_in("Deyn ayaan leeyahay", "so"))
    assert "money.debt_bills" in dict(translations.concepts_in("والديون كثيرة", "ar"))  # "and the"
    assert translations.concepts_in("Mam długi", "xx") == []  # no such pack


def test_romanised_bengali_and_urdu_but_never_plain_english() -> None:
    english = {"i", "have", "sugar", "diabetes", "and", "am", "lonely"}
    found = translations.romanised_in("ami eka thaki", english)
    assert found is not None and found[0] == "bn"
    assert translations.romanised_in("I have sugar and diabetes", english) is None


def test_grammar_gives_gender_where_it_can() -> None:
    assert translations.gender_in("میں خواتین کے ساتھ ڈانس کرنا چاہتی ہوں", "ur") == "woman"
    assert translations.gender_in("Chciałbym poznać ludzi", "pl") == "man"
    assert translations.gender_in("আমি একা থাকি", "bn") is None


def test_a_listing_speaks_what_its_field_and_its_own_words_say() -> None:
    assert vocab.spoken_by({"name": "Somali Elders Tea", "languages": ["en"]}) == {
        "en", "so"}
    assert vocab.spoken_by({"name": "Tea", "description": "আড্ডা ও চা (বাংলা)"}) == {"bn"}
    assert vocab.spoken_by({"name": "Walking group"}) == set()
