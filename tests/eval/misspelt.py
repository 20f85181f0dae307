"""Misspelt versions of the judged requests (issue 22): how many of its top 5 options each
request keeps when about a third of its longer words have a letter dropped or two letters
swapped, as people type in a hurry. Used by tests/eval/test_misspelt.py and bench/spelling.py.
"""

from __future__ import annotations

import random
import re
import zlib
from typing import Any

from flask import Flask

from tests.eval.evaluate import load_profiles, matcher_app

TOP = 5
SHARE = 1 / 3  # of the words of five letters or more
LONG = 5


def misspell(text: str, seed: str) -> str:
    """``text`` with about a third of its longer words slipped: one letter dropped or two
    neighbouring letters swapped (never the first letter), the same way every run."""
    rng = random.Random(zlib.crc32(seed.encode()))

    def slip(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= SHARE:
            return word
        i = rng.randrange(1, len(word) - 1)
        if rng.random() < 0.5:
            return word[:i] + word[i + 1:]
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]

    return re.sub(rf"[A-Za-z]{{{LONG},}}", slip, text)


def misspelt_request(request: dict[str, Any], seed: str) -> dict[str, Any]:
    out = dict(request)
    if request.get("about"):
        out["about"] = misspell(str(request["about"]), seed)
    if request.get("interests"):
        out["interests"] = [misspell(str(i), f"{seed}/{n}")
                            for n, i in enumerate(request["interests"])]
    return out


def kept(directory: Flask) -> list[tuple[str, int, str]]:
    """(profile, how many of its top 5 the misspelt request keeps, the misspelt words)."""
    matcher = matcher_app(directory).test_client()
    rows = []
    for profile in load_profiles():
        right = matcher.post("/match", json=profile["request"])
        slipped = misspelt_request(profile["request"], profile["id"])
        wrong = matcher.post("/match", json=slipped)
        assert right.status_code == wrong.status_code == 200, (right.json, wrong.json)
        top = {r["id"] for r in right.json["results"][:TOP]}
        rows.append((profile["id"], len(top & {r["id"] for r in wrong.json["results"][:TOP]}),
                     str(slipped.get("about", ""))))
    return rows
