"""Labels a person reads: one way to write a distance, and languages by their names."""

from __future__ import annotations

import pytest

from linkwell import languages
from linkwell.distances import DISTANCE_TEXT, distance_text


@pytest.mark.parametrize(("km", "text"), [
    (0.04, "Less than 100 m away"), (0.14, "140 m away"), (0.996, "1.0 km away"),
    (1.26, "1.3 km away"), (12.0, "12.0 km away")])
def test_one_way_to_write_a_distance(km: float, text: str) -> None:
    assert distance_text(km) == text
    assert DISTANCE_TEXT.match(text)


def test_languages_by_their_names_never_a_bare_code() -> None:
    assert languages.label("bn") == "Bengali (বাংলা)"
    assert languages.label("so") == "Somali (Soomaali)"
    assert languages.label("en") == "English"
    assert languages.english_name("tr") == "Turkish"
    assert languages.label("xx") == "Language (xx)"
