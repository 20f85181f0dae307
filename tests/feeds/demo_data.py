"""What every demo borough's data files must be, whoever edits them.

The demo feeds in ``plugins/*/linkwell_*/data`` are edited directly (issue 17 removed the
generators that used to write them), so the checks the generators ran live here, over the files.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
TAXONOMY = REPO / "src" / "linkwell" / "taxonomy" / "taxonomy.yaml"

DRAMA_PHONE = re.compile(r"020 7946 0\d{3}")  # Ofcom's range for drama: never a real line
POSTCODE = re.compile(r"([A-Z]{1,2}\d[A-Z\d]?) \d[A-Z]{2}")
# Words the directory does not use about people (CONVENTIONS.md, plain and respectful language).
BANNED_WORDS = re.compile(r"service users?|the elderly|elderly|suffer|vulnerable|the disabled|"
                          r"wheelchair[- ]bound|hard to reach", re.IGNORECASE)


@cache
def taxonomy() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    return data


def activity_labels() -> dict[str, str]:
    """Every activity type concept id (domains and their children) -> its label."""
    found: dict[str, str] = {}
    for domain in taxonomy()["activity_types"]:
        found[domain["id"]] = domain["label"]
        found.update({child["id"]: child["label"] for child in domain.get("children", [])})
    return found


def is_example_email(address: str) -> bool:
    return address.endswith(".example.org")


def canonical_json(value: Any) -> str:
    """How every demo JSON file is written: two-space indent, UTF-8 as is, a final newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def markdown_table(text: str, first_header: str) -> list[list[str]]:
    """The body rows of the Markdown table whose first header cell is ``first_header``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("|") and _cells(line)[0] == first_header)
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(_cells(line))
    return rows


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two (latitude, longitude) points, close enough for a few kilometres."""
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians(a[0]))
    return 6371 * math.hypot(dlat, dlon)


def walk(value: Any, path: str = "", *, indices: bool = True) -> Iterator[tuple[str, Any]]:
    """Every (path, value) in a JSON document: ``schedules[0].id``, or with ``indices`` off
    ``schedules.id`` for every schedule's id alike."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, f"{path}.{key}" if path else key, indices=indices)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from walk(child, f"{path}[{i}]" if indices else path, indices=indices)
