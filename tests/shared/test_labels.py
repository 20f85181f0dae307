"""Labels a person reads: one way to write a distance, and languages by their names."""

from __future__ import annotations

import pytest

from linkwell import vocab
from linkwell.distances import DISTANCE_TEXT, distance_text, unit


@pytest.mark.parametrize(("km", "text"), [
    (0.04, "Less than 100 m away"), (0.14, "140 m away"), (0.996, "1.0 km away"),
    (1.26, "1.3 km away"), (12.0, "12.0 km away")])
def test_one_way_to_write_a_distance(km: float, text: str) -> None:
    assert distance_text(km) == text
    assert DISTANCE_TEXT.match(text)


@pytest.mark.parametrize(("km", "text"), [
    (0.05, "Less than 0.1 miles away"), (0.2, "0.1 miles away"), (1.6, "1.0 miles away"),
    (1.26, "0.8 miles away"), (20.0, "12.4 miles away")])
def test_miles_where_a_deployment_says_so(km: float, text: str) -> None:
    assert distance_text(km, "miles") == text
    assert DISTANCE_TEXT.match(text)


def test_the_unit_setting_is_forgiving() -> None:
    assert [unit(v) for v in ("miles", " Miles", "mi", "km", "", None, "furlongs")] == [
        "miles", "miles", "miles", "km", "km", "km", "km"]


def test_languages_by_their_names_never_a_bare_code() -> None:
    assert vocab.label("bn") == "Bengali (বাংলা)"
    assert vocab.label("so") == "Somali (Soomaali)"
    assert vocab.label("en") == "English"
    assert vocab.english_name("tr") == "Turkish"
    assert vocab.label("xx") == "Language (xx)"
