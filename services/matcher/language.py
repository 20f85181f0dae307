"""The language a person wrote in, and what their words name in it.

The language is the one chosen on the form (``language``), else the one detected among the
languages the deployment declares (``LINKWELL_LANGUAGES``; linkwell.langid), else English.
Text in Latin letters read as English may still be Bengali or Urdu typed in Latin letters
("ami eka thaki"): the language packs' romanised phrases say so, when a word they match is not
an English word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from linkwell import translations, vocab
from linkwell.langid import DEFAULT_LANGUAGES, ENGLISH, detector, script_of
from linkwell.taxonomy import Taxonomy


@dataclass
class Reading:
    """The person's language, how it was found, and the concepts their words name in it."""

    code: str = ENGLISH
    how: str = "default"  # "chosen", "detected", "romanised" or "default"
    concepts: list[tuple[str, str]] = field(default_factory=list)  # (concept id, their words)
    audiences: set[str] = field(default_factory=set)
    gender: str | None = None  # from the grammar of what they wrote about themself


def read(body: dict[str, Any], declared: tuple[str, ...] = DEFAULT_LANGUAGES) -> Reading:
    """What language the request is in, and what its words name in that language."""
    story = str(body.get("about") or "")
    interests = [str(i) for i in body.get("interests") or []]
    text = " . ".join([story, *interests]).strip(" .")
    reading = Reading()
    if body.get("language"):
        reading.code, reading.how = str(body["language"]), "chosen"
    elif text:
        found = detector(tuple(declared)).detect(text)
        if found.language != ENGLISH:
            reading.code, reading.how = found.language, "detected"
    if reading.code != ENGLISH:
        reading.concepts = translations.concepts_in(text, reading.code)
        reading.audiences = translations.audiences_in(text, reading.code)
        reading.gender = translations.gender_in(story, reading.code)
    # Latin letters read as English, or as a language none of whose words are there, may be
    # Bengali or Urdu typed in Latin letters ("amar taka r rin" reads as Somali to a model).
    if (text and reading.how != "chosen" and not reading.concepts
            and script_of(text) == "Latin"):
        romanised = _romanised(text)
        if romanised is not None and romanised[0] in declared:
            reading.code, reading.how = romanised[0], "romanised"
            reading.concepts = list(romanised[1])
            reading.audiences = translations.audiences_in(text, reading.code)
            reading.gender = translations.gender_in(story, reading.code)
    return reading


@lru_cache(maxsize=1024)
def _romanised(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """``translations.romanised_in`` against the English words (kept for the last texts: the
    matcher reads the words as typed and then as mended, mostly the same)."""
    found = translations.romanised_in(text, _english_words())
    return None if found is None else (found[0], tuple(found[1]))


def _english_words() -> Any:
    from linkwell.matcher.crisis import _english  # pyspellchecker's list, loaded once there

    return _english()


def understood(reading: Reading, needs: list[str], interests: list[str],
               tax: Taxonomy) -> dict[str, Any]:
    """The language part of "what we understood": the language, and the labels of what was
    understood in English and, where it is another, in the person's language."""
    concepts = [*needs, *interests]
    labels: dict[str, list[str]] = {ENGLISH: [tax.label(c) for c in concepts]}
    if reading.code != ENGLISH:
        labels[reading.code] = [translations.label(c, reading.code) or tax.label(c)
                                for c in concepts]
    return {"language": {"code": reading.code, "name": vocab.label(reading.code),
                         "how": reading.how},
            "labels": labels}
