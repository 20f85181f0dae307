"""A distance as a person reads it, the same everywhere an option is shown (the matcher's
reasons, the page, the printed sheet, the widget): in kilometres, metres under a kilometre,
then kilometres to one decimal; or, where a deployment sets ``LINKWELL_DISTANCE_UNIT=miles``,
in miles to one decimal."""

from __future__ import annotations

import re
from collections.abc import Callable

UNITS = ("km", "miles")
KM_PER_MILE = 1.609344
# What distance_text writes (in English), so that a page showing the distance apart can leave
# it out of the reasons (one distance per option).
DISTANCE_TEXT = re.compile(r"^(?:Less than 100 m|\d+ m|\d+(?:\.\d)? km|"
                           r"Less than 0\.1 miles|\d+(?:\.\d)? miles) away$")
# The words around the number, for a page that shows them in another language.
Words = Callable[[str, dict[str, str]], str]


def _english(key: str, numbers: dict[str, str]) -> str:
    return ENGLISH[key] % numbers


ENGLISH = {"near_m": "Less than 100 m away", "m": "%(n)s m away", "km": "%(n)s km away",
           "near_miles": "Less than 0.1 miles away", "miles": "%(n)s miles away"}


def unit(configured: object) -> str:
    """The configured unit, "km" unless it says miles (a typo must not break pages)."""
    return "miles" if str(configured or "").strip().lower() in ("miles", "mile", "mi") else "km"


def distance_text(km: float, unit_name: str = "km", words: Words = _english,
                  number: Callable[[float, int], str] | None = None) -> str:
    """``0.04`` -> "Less than 100 m away"; ``0.14`` -> "140 m away"; ``1.26`` -> "1.3 km away";
    in miles ``1.26`` -> "0.8 miles away". ``words`` and ``number`` let a page say it in the
    person's language (its catalog's sentence, its digits)."""
    number = number or (lambda value, places: f"{value:.{places}f}")
    if unit_name == "miles":
        miles = km / KM_PER_MILE
        if miles < 0.05:
            return words("near_miles", {})
        # One decimal, as kilometres have: "1.0 miles away", like "1.0 km away".
        return words("miles", {"n": number(round(miles, 1), 1)})
    if km < 0.1:
        return words("near_m", {})
    if km < 0.995:
        return words("m", {"n": number(round(km * 1000, -1), 0)})
    return words("km", {"n": number(km, 1)})
