"""Language detection on short requests (tests/shared/data/language_detection.yaml, written
before any detector ran on it): what the matcher reads a request's language with."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from linkwell.langid import DEFAULT_LANGUAGES, Detector, declared, detector, script_of

DATA = Path(__file__).parent / "data" / "language_detection.yaml"
MIN_PER_LANGUAGE = 0.9  # docs/benchmarks.md has the figures: 27-32 of 30-32 per language


def requests() -> dict[str, list[str]]:
    data: dict[str, list[str]] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data


def test_the_set_has_thirty_requests_a_language_and_short_english() -> None:
    data = requests()
    assert set(data) == set(DEFAULT_LANGUAGES)
    assert all(len(texts) >= 30 for texts in data.values())
    assert sum(len(t.split()) <= 2 for t in data["en"]) >= 10  # one- and two-word English


@pytest.mark.parametrize("language", DEFAULT_LANGUAGES)
def test_each_language_is_read_right(language: str) -> None:
    texts = requests()[language]
    wrong = [(t, found) for t in texts if (found := detector().detect(t).language) != language]
    assert 1 - len(wrong) / len(texts) >= MIN_PER_LANGUAGE, wrong


def test_english_is_never_read_as_another_language() -> None:
    """One-word English and misspellings included: a person typing "choir" stays in English."""
    wrong = [t for t in requests()["en"] if detector().detect(t).language != "en"]
    assert not wrong


def test_only_declared_languages_are_answered() -> None:
    somali_only = Detector(("en", "so"))
    for texts in requests().values():
        for text in texts[:10]:
            assert somali_only.detect(text).language in ("en", "so"), text


def test_short_and_unsure_text_falls_back_to_english() -> None:
    for text in ("yoga", "lonley", "food bank", "ok", ""):
        found = detector().detect(text)
        assert found.language == "en", (text, found)
    assert detector().detect("jestem samotna").language == "pl"  # two sure words
    assert detector().detect("chór").language in ("pl", "en")


def test_script_decides_bengali_and_arabic_script_goes_to_the_model() -> None:
    assert script_of("আমি একা থাকি") == "Bengali"
    assert script_of("میں اکیلا ہوں") == "Arabic"
    assert detector().detect("আমি একা থাকি").how == "script"
    assert detector().detect("میں اکیلا ہوں").language == "ur"
    assert detector().detect("أشعر بالوحدة").language == "ar"


def test_declared_languages_are_read_from_a_setting() -> None:
    assert declared("en, bn,SO") == ("en", "bn", "so")
    assert declared(None) == DEFAULT_LANGUAGES
    assert declared(["tr"]) == ("tr",)
