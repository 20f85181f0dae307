"""The matcher corrects before it understands: a person's words and interests are mended
from the directory's own words (its ``POST /spelling``), so concepts, the semantic signal and
eligibility all read the corrected words. The story as typed still goes to the crisis
detector too (see understand.py), and a directory that does not answer leaves the words as
they are: matching never waits on spelling.
"""

from __future__ import annotations

import re
from typing import Any

import requests

from linkwell.client import ServiceClient, ServiceError
from linkwell.matcher.crisis_words import SPOKEN_FORMS

# A text-speak word on its own (not inside a word, a contraction or "R&B"); a one-letter form
# ("u", "n", "r") only in lower case, as an initial in a note ("Mrs R") is a name.
_SPOKEN = re.compile(r"(?<![\w'’&.-])(" + "|".join(sorted(
    map(re.escape, SPOKEN_FORMS), key=len, reverse=True)) + r")(?![\w'’&-])", re.I)


def spoken_forms(text: str) -> tuple[str, list[dict[str, str]]]:
    """``text`` with everyday text-speak read as the words it stands for ("wiv" is "with",
    "ppl" is "people"), and each change: the directory's spelling step only knows the words
    listings use, and would take "wiv" for the nearest of them."""
    changes: list[dict[str, str]] = []

    def read(match: re.Match[str]) -> str:
        typed = match.group(1)
        if len(typed) == 1 and not typed.islower():
            return typed
        meant = SPOKEN_FORMS[typed.lower()].replace("_", " ")
        changes.append({"typed": typed.lower(), "corrected": meant})
        return meant

    return _SPOKEN.sub(read, text), changes


def corrected(client: ServiceClient, body: dict[str, Any]
              ) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The request body with its ``about`` and ``interests`` corrected, and each change."""
    read = [spoken_forms(t) for t in [str(body.get("about") or ""),
                                      *(str(i) for i in body.get("interests") or [])]]
    about, *interests = [t for t, _ in read]
    spoken = [change for _, found in read for change in found]
    texts = [about, *interests]
    if not any(t.strip() for t in texts):
        return body, []
    fixed, changes = texts, spoken
    try:
        answer = client.post("/spelling", {"texts": texts})
    except (requests.RequestException, ServiceError):
        answer = {}
    found = answer.get("corrections") or []
    if len(found) == len(texts):
        fixed = [str(c.get("corrected", t)) for c, t in zip(found, texts, strict=True)]
        changes = [*spoken, *(change for c in found for change in c.get("changes") or [])]
    if not changes:
        return body, []
    spelt = {**body, "interests": fixed[1:]} if body.get("interests") else dict(body)
    if about:
        spelt["about"] = fixed[0]
    return spelt, list({(c["typed"], c["corrected"]): c for c in changes}.values())
