"""A distance as a person reads it, the same everywhere an option is shown (the matcher's
reasons, the page, the printed sheet, the widget): metres under a kilometre, then kilometres
to one decimal."""

from __future__ import annotations

import re

# What distance_text writes, so that a page showing the distance apart can leave it out of
# the reasons (one distance per option).
DISTANCE_TEXT = re.compile(r"^(?:Less than 100 m|\d+ m|\d+(?:\.\d)? km) away$")


def distance_text(km: float) -> str:
    """``0.04`` -> "Less than 100 m away"; ``0.14`` -> "140 m away"; ``1.26`` -> "1.3 km away"."""
    if km < 0.1:
        return "Less than 100 m away"
    if km < 0.995:
        return f"{round(km * 1000, -1):.0f} m away"
    return f"{km:.1f} km away"
