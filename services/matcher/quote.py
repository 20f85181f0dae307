"""A phrase of the listing's own that meets what the person said, for the reasons.

A reason that lists shared words ("Mentions big, sits") says nothing a person can use, and
can echo words they used to say what they do not want. A quote from the listing shows what it
offers in its own words: the sentence that holds the person's words, or, when only the meaning
is close, the sentence nearest in meaning to what they said. Every word quoted is the
listing's.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from linkwell import semantic
from linkwell.text import fold, stem

MAX_WORDS = 14  # a phrase, not a paragraph
_SENTENCES = re.compile(r"(?<=[.!?;:])\s+|\n+|\s[-–—]\s")


def sentences(asset: dict[str, Any]) -> list[str]:
    """The listing's description as sentences (its name is shown already)."""
    text = str(asset.get("description") or "")
    return [s.strip(" .") for s in _SENTENCES.split(text) if len(s.split()) >= 3]


def phrase_with(asset: dict[str, Any], stems: set[str]) -> str | None:
    """The listing's sentence holding most of the person's words, cut to a short phrase."""
    best, count = None, 0
    for sentence in sentences(asset):
        found = sum(1 for w in sentence.split() if stem(fold(w)) in stems)
        if found > count:
            best, count = sentence, found
    if best is None:
        return None
    words = best.split()
    first = next(i for i, w in enumerate(words) if stem(fold(w)) in stems)
    start = max(0, min(first - 4, len(words) - MAX_WORDS))
    return _trimmed(words[start:start + MAX_WORDS], start > 0, start + MAX_WORDS < len(words))


def phrase_near(asset: dict[str, Any], vector: Any) -> str | None:
    """The listing's sentence nearest in meaning to the person's words."""
    found = sentences(asset)
    if not found or vector is None:
        return None
    rows = np.stack([semantic.quantise(v) for v in semantic.embed(found)])
    best = int(np.argmax(semantic.cosines(vector, rows)))
    words = found[best].split()
    return _trimmed(words[:MAX_WORDS], False, len(words) > MAX_WORDS)


def _trimmed(words: list[str], cut_before: bool, cut_after: bool) -> str:
    text = " ".join(words).strip(" ,;:")
    return f"{'…' if cut_before else ''}{text}{'…' if cut_after else ''}"
