"""Postcodes as people type them, in Linkwell's standard form."""

from __future__ import annotations

import pytest

from linkwell.geo import is_postcode, normalise_postcode


@pytest.mark.parametrize(("typed", "standard"), [
    ("se64ru", "SE6 4RU"),
    ("SE6 4RU", "SE6 4RU"),
    ("  se6  4ru ", "SE6 4RU"),
    ("E1  0AA", "E1 0AA"),        # the ONS seven-character form (pcd / pcd7)
    ("SE186FG", "SE18 6FG"),      # seven characters with no space at all
    ("nw52aa", "NW5 2AA"),
    ("WC1A 2SA", "WC1A 2SA"),     # a sub-district letter in the outward code
    ("ec3n1ab", "EC3N 1AB"),
    ("gir0aa", "GIR 0AA"),
])
def test_normalise_postcode(typed: str, standard: str) -> None:
    assert normalise_postcode(typed) == standard
    assert is_postcode(typed)


@pytest.mark.parametrize("typed", ["", "SE6", "NW5 2A", "Catford", "SE6 4RUX", "123 4AB",
                                   "SE6 ARU", "51.44,-0.02"])
def test_what_is_not_a_full_postcode_is_none(typed: str) -> None:
    assert normalise_postcode(typed) is None
    assert not is_postcode(typed)
