"""UK postcodes as people type them, and as Linkwell stores them: ``SE6 4RU``."""

from __future__ import annotations

import re

# Outward code (area, district, optional sub-district letter) and inward code (sector digit,
# unit letters), written without the space. GIR 0AA is the one historic exception.
_COMPACT = re.compile(r"(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)")


def compact(text: str) -> str:
    """Upper case, every space gone: ``" se6  4ru "`` -> ``"SE64RU"``."""
    return "".join(text.split()).upper()


def normalise_postcode(text: str) -> str | None:
    """The postcode in its standard form (``se64ru`` -> ``SE6 4RU``), or None if it is not one.

    Accepts every way the ONS files and people write it: ``SE64RU``, ``SE6 4RU``, ``SE6  4RU``
    (the ONS seven-character form), lower case, with spaces around.
    """
    letters = compact(text)
    if not _COMPACT.fullmatch(letters):
        return None
    return f"{letters[:-3]} {letters[-3:]}"


_DISTRICT = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?")


def normalise_district(text: str) -> str | None:
    """A postcode district (the first half, ``se6`` -> ``SE6``), or None if it is not one."""
    letters = compact(text)
    return letters if _DISTRICT.fullmatch(letters) else None


def sector_of(postcode: str) -> str:
    """The sector of a postcode in standard form: ``SE6 4RU`` -> ``SE6 4``."""
    return postcode[:-2]


def district_of(postcode: str) -> str:
    """The district of a postcode in standard form: ``SE6 4RU`` -> ``SE6``."""
    return postcode.split(" ")[0]


def is_postcode(text: str) -> bool:
    """True for a full UK postcode in any of the forms :func:`normalise_postcode` accepts."""
    return normalise_postcode(text) is not None
