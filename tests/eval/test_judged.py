"""The matcher on the Southwark set, written blind in this project (tests/eval/southwark):
the ranking holds its figures on both backends, the backends agree, no requirement a request
states is broken, and every reason of every result is grounded in the listing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from linkwell.taxonomy import load_taxonomy
from linkwell.text import fold
from tests.conftest import BACKENDS, elasticsearch_url
from tests.eval import judged

SOUTHWARK = Path(__file__).parent / "southwark"
# Floors under this session's figures (python bench/eval.py --set tests/eval/southwark):
# a change that loses ranking quality on data nobody tuned on fails here.
NDCG_FLOOR = 0.58
RATIO_FLOOR = 1.3
# Stated requirements the judge still finds broken (ages said in words the directory does
# not read yet); the aim is 0, and this may only go down.
MOST_BROKEN = 5


@pytest.fixture(scope="module", params=BACKENDS)
def result(request: pytest.FixtureRequest) -> dict[str, Any]:
    if request.param == "elasticsearch":
        return judged.run(SOUTHWARK, "elasticsearch", elasticsearch_url())
    return judged.run(SOUTHWARK, "sqlite")


def test_ranking_holds_on_a_catalogue_written_elsewhere(result: dict[str, Any]) -> None:
    assert result["profiles"] >= 40
    assert result["matcher_ndcg"] >= NDCG_FLOOR, result["matcher_ndcg"]
    assert result["matcher_ndcg"] >= RATIO_FLOOR * result["keyword_ndcg"]


def test_stated_requirements_are_kept(result: dict[str, Any]) -> None:
    broken = {r["profile"]: r["violations"] for r in result["rows"] if r["violations"]}
    assert sum(len(v) for v in broken.values()) <= MOST_BROKEN, broken


@pytest.mark.elasticsearch
def test_both_backends_give_the_same_top_five() -> None:
    sqlite = judged.run(SOUTHWARK, "sqlite")
    elastic = judged.run(SOUTHWARK, "elasticsearch", elasticsearch_url())
    same = [a["top5"] == b["top5"] for a, b in zip(sqlite["rows"], elastic["rows"], strict=True)]
    assert sum(same) >= 0.95 * len(same), [a["profile"] for a, s in zip(sqlite["rows"], same,
                                                                         strict=True) if not s]


LABELS = {fold(c.label) for c in load_taxonomy().concepts.values()}
QUOTE = re.compile(r"“(.+?)”")


def test_every_reason_is_grounded_in_the_listing() -> None:
    data = judged.load_set(SOUTHWARK)
    answers = judged.answers(SOUTHWARK)
    assert len(answers) >= 40
    for profile, answer in answers:
        said = fold(" ".join([profile["request"].get("about", ""),
                              *profile["request"].get("interests", [])]))
        for found in answer["results"]:
            listing = found["asset"]
            for reason in found["reasons"]:
                assert not reason.startswith("Mentions"), reason
                for quoted in QUOTE.findall(reason):
                    assert quoted.strip("…") in (listing.get("description") or ""), reason
                for words in re.findall(r"interest in (.+?)(?= and |$)", reason):
                    assert all(w in said.split() for w in fold(words).split()), (reason, said)
                label, _, why = reason.partition(": ")
                if why.startswith(("may help with", "matches your", "close to your")):
                    assert fold(label) in LABELS or label == listing["name"], reason
    assert len(data["profiles"]) == len(answers)


@pytest.mark.parametrize("name", ["southwark", "messy"])
def test_each_sets_judge_gives_its_own_grades(name: str, tmp_path: Path) -> None:
    """Each judged set's grader, as its own judge.py loads it, reads that set's files and
    writes the qrels.json kept beside them (the messy set's judge is Southwark's, pointed at
    the messy folder), here run on a copy of the folder."""
    import importlib.util
    import shutil
    import sys

    folder = Path(__file__).parent / name
    for each in ("southwark", "messy"):  # the messy set's judge loads Southwark's beside it
        shutil.copytree(folder.parent / each, tmp_path / each)
    copy = tmp_path / name
    spec = importlib.util.spec_from_file_location(f"judge_check_{name}", copy / "judge.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    grader = getattr(module, "_judge", module)
    grader.HERE = copy
    (copy / "qrels.json").unlink()
    assert grader.main([]) == 0
    assert (copy / "qrels.json").read_text(encoding="utf-8") == (
        folder / "qrels.json").read_text(encoding="utf-8")
