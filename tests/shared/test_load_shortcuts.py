"""The bulk load's shortcuts change nothing that is refused, derived or stored.

Preparing a record for the directory was sped up in three places (see docs/benchmarks.md,
"Load rate with vectors"): the schema's verdict is reached without marshmallow for a record
it accepts (``linkwell.schema_check``), the size limits are walked without spelling paths
(``record_limits.within_limits``), and the embedding skips a clip its tokeniser never needs.
Each is held here to the slow path it stands in for, on valid records and on thousands of
broken ones.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any

import numpy as np
import pytest

from linkwell import eligibility, semantic
from linkwell.document import Provenance, build_document
from linkwell.hsds import SERVICE_SCHEMA, flatten_errors, validate_service
from linkwell.record_limits import DEPTH, LIST_ITEMS, TEXT_CHARS, named_limits, within_limits
from linkwell.schema_check import accepts
from linkwell.text import fold
from tests.factory import service

ODD_VALUES: list[Any] = [None, "", " ", "x", "x" * 600, 0, -1, 1, 53, 131, 1.5, -0.5,
                         float("nan"), float("inf"), 2 ** 70, True, False, [], [{}], {},
                         {"id": "a"}, "25:00", "10:30", "MO,XX", "1WE", "2026-13-45",
                         "2026-01-02", "2026-01-02T10:00:00Z", "javascript:alert(1)",
                         "https://example.org", "en", "not a code!", "weekly", "physical",
                         "active", "gone"]


def _records() -> list[dict[str, Any]]:
    """Valid services with most of the schema's fields (nested lists, schedules, costs)."""
    rich = service("rich", "Chair Yoga for Women", "Gentle yoga. Women only, aged 55+.",
                   schedules=(("WEEKLY", "MO,WE", "10:00", "11:30"),), cost=3.5,
                   min_age=55, max_age=99, languages=("en", "bn"), access="Step-free",
                   eligibility="Residents of Lewisham", modified="2026-11-01T09:00:00Z")
    rich["organization"] = {"id": "org-1", "name": "Yoga Trust", "url": "https://yoga.example"}
    rich["phones"] = [{"id": "ph-1", "number": "020 7946 0000"}]
    rich["service_areas"] = [{"id": "sa-1", "name": "Lewisham"}]
    rich["capacities"] = [{"id": "cap-1", "available": 3, "maximum": 12.0,
                           "updated": "2026-11-30", "waiting_list": False, "wait_weeks": 2}]
    rich["capacity_update_days"] = 7
    plain = service("plain", "Coffee Morning", at=None)
    return [rich, plain, service("walk", "Health Walk", concepts=("moving_more.walking",))]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*path, index))
    return out


def _mutants(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record with each of its values in turn replaced by each odd value, or removed."""
    out = []
    for path in _paths(record):
        for odd in [*ODD_VALUES, "<removed>"]:
            mutant = copy.deepcopy(record)
            parent = mutant
            for step in path[:-1]:
                parent = parent[step]
            if odd == "<removed>":
                if isinstance(parent, dict):
                    del parent[path[-1]]
                else:
                    parent.pop(path[-1])
            else:
                parent[path[-1]] = copy.deepcopy(odd)
            out.append(mutant)
    return out


def _marshmallow(record: Any) -> dict[str, Any]:
    """``validate_service`` as it was: the limits, then marshmallow's errors."""
    if not isinstance(record, dict):
        return {"_record": ["a service must be a JSON object"]}
    return named_limits(record) or flatten_errors(SERVICE_SCHEMA.validate(record))


def test_the_quick_check_never_accepts_what_marshmallow_refuses() -> None:
    checked = accepted = refused = 0
    for record in _records():
        assert accepts(SERVICE_SCHEMA, record), "a valid record takes the quick path"
        for mutant in _mutants(record):
            checked += 1
            slow = _marshmallow(mutant)
            assert validate_service(mutant) == slow  # the same errors, word for word
            if accepts(SERVICE_SCHEMA, mutant):
                accepted += 1
                assert slow == {}, mutant
            elif slow:
                refused += 1
    # Both verdicts occur, often: the comparison can fail either way.
    assert checked > 3000 and accepted > 500 and refused > 500, (checked, accepted, refused)


def test_the_limits_walk_without_paths_agrees_with_the_one_that_names_them() -> None:
    record = _records()[0]
    broken = [record, {**record, "description": "x" * (TEXT_CHARS + 1)},
              {**record, "phones": [{"id": str(i)} for i in range(LIST_ITEMS + 1)]},
              {**record, "id": "y" * TEXT_CHARS, "name": "z" * TEXT_CHARS}]
    deep: dict[str, Any] = {"id": "deep"}
    for _ in range(DEPTH + 2):
        deep = {"nested": [deep]}
    broken.append({**record, "attributes": [deep]})
    broken.append({**record, "attributes": [{"k": "v" * (TEXT_CHARS - 10)}] * 25})
    broken.append({**record, "attributes": [[0] * 60] * LIST_ITEMS})
    for case in broken:
        assert within_limits(case) == (named_limits(case) == {})
    assert within_limits(record) and not within_limits(broken[1])
    assert not within_limits(broken[-1])  # more values than a record may hold


def _embed_as_before(text: str) -> np.ndarray:
    """The embedding as it was written before the bulk load's shortcut (always clipping)."""
    found = semantic.model()
    out = np.zeros(semantic.DIMS, np.float32)
    ids = np.asarray(semantic.token_ids(text), np.int64)
    if not text.strip() or not len(ids):
        return out
    vector = found.embedding[np.clip(ids, 0, len(found.embedding) - 1)].astype(
        np.float32).mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else out


@pytest.mark.parametrize("text", [
    "Chair Yoga. Chair Yoga. Gentle yoga for women aged 55+ at the library.",
    "Café für Senioren — ½ price 🍵 naïve façade", "x", "   spaced   out  ", "",
    "Food Bank. " * 400])
def test_vectors_are_the_ones_embedded_before(text: str) -> None:
    new, old = semantic.embed([text])[0], _embed_as_before(text)
    assert np.array_equal(new, old)  # bit for bit, not merely close
    assert np.array_equal(semantic.quantise(new), semantic.quantise(old))


def _sentences_as_before(text: str) -> list[str]:
    text = re.sub(r"(\d)\s*\+", r"\1 plus", text)
    text = re.sub(r"(\d)\s*[-–—]\s*(\d)", r"\1 to \2", text)
    return [fold(s) for s in re.split(r"(?<=[.!?;])\s+|\n+|\s[-–—]\s", text) if fold(s)]


def test_documents_are_the_ones_derived_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every stored document, vector and eligibility included, as the code before derived it."""
    today = date(2026, 12, 7)
    odd = service("odd", "Women's Circle  ", "Over 60s only - bring a friend.\n\nFor carers; "
                  "13-17 year olds welcome too!  ")
    records = [*_records(), odd]
    now = [build_document(f"a{i}", r, Provenance("feed", "1"), today)
           for i, r in enumerate(records)]
    monkeypatch.setattr(eligibility, "_sentences", _sentences_as_before)
    monkeypatch.setattr(semantic, "embed", lambda texts: np.stack(
        [_embed_as_before(t) for t in texts]))
    before = [build_document(f"a{i}", r, Provenance("feed", "1"), today)
              for i, r in enumerate(records)]
    assert now == before
    assert any(d["limits"] if "limits" in d else d["summary"] for d in now)
