"""Which language a person wrote in, offline, among the languages a deployment declares.

The model is lingua's (``lingua-language-detector``: its n-gram models ship inside the wheel,
nothing is downloaded), in its low-accuracy mode: on our short requests it reads as well as the
full models once restricted to the declared languages, in a twelfth of the memory per process
(docs/benchmarks.md, "Language detection"). Two rules come before and after it:

- The script decides where it can: Bengali letters are Bengali. Arabic letters are Arabic,
  Urdu (or another declared language in that script), and only then is the model asked.
- Short or unsure Latin text is English. A single word or two ("choir", "lonley", "food bank")
  is read as Somali or Irish by any n-gram model now and then; a person typing one English
  word must not get a page in another language. So one word in plain ASCII is English, two
  need a sure reading (0.95), and longer text a likely one (0.6). A language's own letters
  ("chór", "yalnızım") take a short text out of the plain-ASCII rule.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

ENGLISH = "en"
# The boroughs' main languages besides English (issue 20); a deployment may declare others.
DEFAULT_LANGUAGES = ("en", "bn", "so", "tr", "pl", "ar", "ur")
MIN_CONFIDENCE = 0.6  # below this the model is unsure: English
DETECTIONS_KEPT = 1024  # texts whose reading a detector keeps
# Plain ASCII text of one word is English; of two words, only a sure reading is not.
SHORT_CONFIDENCE = {1: 1.1, 2: 0.95}
# Unicode script of a letter, from its name's first word, for the scripts we route by hand.
SCRIPTS = {"BENGALI": "Bengali", "ARABIC": "Arabic", "LATIN": "Latin"}
# Languages written in each script (of those lingua knows; a declared one it does not know
# is never detected, only chosen on the form).
SCRIPT_LANGUAGES = {"Bengali": ("bn",), "Arabic": ("ar", "ur", "fa", "ps")}


@dataclass(frozen=True)
class Detection:
    """The language read, and why: "script", "model", or "fallback" (short or unsure)."""

    language: str
    confidence: float
    how: str


def script_of(text: str) -> str:
    """The script most of the letters are in ("Latin", "Bengali", "Arabic" or "Other")."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "").split(" ", 1)[0]
            counts[SCRIPTS.get(name, "Other")] += 1
    return counts.most_common(1)[0][0] if counts else "Latin"


class Detector:
    """Reads the language of short texts among ``languages`` (ISO 639-1 codes)."""

    def __init__(self, languages: Iterable[str] = DEFAULT_LANGUAGES, *,
                 low_accuracy: bool = True) -> None:
        self.languages = tuple(dict.fromkeys([ENGLISH, *languages]))
        self._model = _model(tuple(sorted(self.languages)), low_accuracy)
        # The same text is read more than once a request (the matcher reads the words as
        # typed and then as mended, mostly the same), and the reading depends on it alone.
        self.detect = lru_cache(maxsize=DETECTIONS_KEPT)(self._detect)  # type: ignore[method-assign]

    def detect(self, text: str) -> Detection:
        """The language ``text`` is in (kept for the last ``DETECTIONS_KEPT`` texts)."""
        return self._detect(text)

    def _detect(self, text: str) -> Detection:
        script = script_of(text)
        if script == "Bengali" and "bn" in self.languages:
            return Detection("bn", 1.0, "script")
        found, confidence = self._best(text)
        if script == "Arabic":
            return Detection(found, confidence, "model")
        needed = SHORT_CONFIDENCE.get(len(text.split()), MIN_CONFIDENCE) if (
            text.isascii()) else MIN_CONFIDENCE
        if found == ENGLISH or confidence < needed:
            return Detection(ENGLISH, 1.0 if found == ENGLISH else 1 - confidence,
                             "model" if found == ENGLISH else "fallback")
        return Detection(found, confidence, "model")

    def _best(self, text: str) -> tuple[str, float]:
        if self._model is None:
            return ENGLISH, 0.0
        values = self._model.compute_language_confidence_values(text)
        if not values:
            return ENGLISH, 0.0
        top = values[0]
        return top.language.iso_code_639_1.name.lower(), float(top.value)


@cache
def _model(languages: tuple[str, ...], low_accuracy: bool = True) -> Any:
    """Lingua's detector for the declared languages it knows (built once per process)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    known = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
             for code in languages if hasattr(IsoCode639_1, code.upper())]
    if len(known) < 2:
        return None  # one language: nothing to tell apart
    builder = LanguageDetectorBuilder.from_languages(*known)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


@cache
def detector(languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> Detector:
    """The detector for a deployment's declared languages (one per process)."""
    return Detector(languages)


def declared(config_value: str | Iterable[str] | None) -> tuple[str, ...]:
    """The declared languages from a setting ("en,bn,so" or a list); the default if unset."""
    if not config_value:
        return DEFAULT_LANGUAGES
    codes = config_value.split(",") if isinstance(config_value, str) else list(config_value)
    return tuple(dict.fromkeys(c.strip().lower() for c in codes if c.strip()))
