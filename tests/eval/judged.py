"""Evaluation on a judged set written in the Open Referral shape: a catalogue of HSDS 3.0
services, the requests people made and the grades a rule-based judge gave.

A set is a folder with ``services.json`` (what a borough's feed would send), ``profiles.json``
(``[{"id", "request", ...}]``: only ``request`` goes to the matcher), ``qrels.json``
(``{profile: {service_id: grade}}``, every other pair graded 0) and, optionally,
``truth.json`` (``{service_id: {"duplicate_of": ...}}``: near-duplicates count once, at their
group's best grade, so folding duplicates never costs a system anything).

Where the set's own ``judge.py`` exposes ``grade_pair`` (as the sets' graders do), each result
is also checked against the judge's hard gates: a gated result is a broken requirement.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from flask import Flask

from tests.eval.evaluate import K, dcg, eval_config, keyword_params, matcher_app, precision

FEED = "judged"


def load_set(folder: Path) -> dict[str, Any]:
    """The set's files, read once."""
    def read(name: str) -> Any:
        path = folder / name
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    return {"services": read("services.json"), "profiles": read("profiles.json"),
            "qrels": read("qrels.json") or {}, "truth": read("truth.json") or {},
            "judge": _judge_module(folder)}


def _judge_module(folder: Path) -> ModuleType | None:
    path = folder / "judge.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"judge_{uuid.uuid4().hex[:6]}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module if hasattr(module, "grade_pair") or hasattr(module, "gates") else None


def duplicate_groups(truth: dict[str, Any]) -> dict[str, str]:
    """Each listing's group: the root of its ``duplicate_of`` chain (itself when none)."""
    parent = {sid: (t.get("duplicate_of") or sid) for sid, t in truth.items()}

    def root(sid: str) -> str:
        seen = set()
        while parent.get(sid, sid) != sid and sid not in seen:
            seen.add(sid)
            sid = parent[sid]
        return sid

    return {sid: root(sid) for sid in parent}


def grouped_ndcg(ranked: list[str], grades: dict[str, int], groups: dict[str, str],
                 k: int = K) -> float:
    """nDCG@k where each near-duplicate group counts once, at its best grade."""
    best: dict[str, int] = {}
    for sid, grade in grades.items():
        group = groups.get(sid, sid)
        best[group] = max(best.get(group, 0), grade)
    gains, seen = [], set()
    for sid in ranked:
        group = groups.get(sid, sid)
        gains.append(0 if group in seen else grades.get(sid, 0))
        seen.add(group)
    ideal = dcg(sorted(best.values(), reverse=True)[:k])
    return dcg(gains[:k]) / ideal if ideal else 0.0


def directory_app(kind: str, data_dir: str, services: list[dict[str, Any]],
                  es_url: str | None = None) -> Flask:
    """A directory on ``kind`` holding the set's catalogue as one feed."""
    from linkwell.directory import create_app
    from linkwell.feeds.importer import import_locally

    app = create_app(eval_config(kind, data_dir, es_url, "judged"))
    backend = app.extensions["linkwell.backend"]
    report = import_locally(backend, ((s.get("id", "?"), s) for s in services), FEED,
                            workers=1)
    assert not report.rejected, report.rejected[:3]
    if kind == "elasticsearch":
        backend.es.indices.refresh(index=backend.alias)
    return app


Gate = Callable[[dict[str, Any], dict[str, Any]], list[str]]


def gate_check(data: dict[str, Any]) -> Gate | None:
    """A function naming the judge's hard gates a (profile, service) pair fails, if any."""
    judge = data["judge"]
    if judge is None:
        return None
    by_id = {s["id"]: s for s in data["services"]}
    cutoff = judge.stale_cutoff() if hasattr(judge, "stale_cutoff") else None

    def failed(profile: dict[str, Any], service_id: str) -> list[str]:
        service = by_id.get(service_id)
        truth = data["truth"].get(service_id)
        if service is None or truth is None:
            return []
        if not hasattr(judge, "grade_pair"):  # a judge that names its gates directly
            gate = judge.gates(judge.person_of(profile), service, truth)[0]
            return [f"GATE: {gate}"] if gate else []
        _, reasons = judge.grade_pair(profile, service, truth, cutoff)
        gated = judge.gated(reasons) if hasattr(judge, "gated") else False
        return [str(r) for r in reasons] if gated else []

    return lambda profile, result: failed(profile, str(result["id"]))


# The gates that check what a request states (issue: gender, age, language, step-free, cost,
# delivery, inactive), by the words the judges give them, and the request field each needs.
STATED = (("active", None), ("only; person is", "gender"), ("women only", "gender"),
          ("men only", "gender"), ("age ", "age"), ("lang", "languages"), ("step", "step_free"),
          ("cost", "cost"), ("£", "cost"), ("free", "cost"), ("delivery", "delivery"))


def stated_requirement(request: dict[str, Any], gate: str) -> bool:
    """Whether a judge's gate checks a requirement the request itself states."""
    said = {**request.get("requirements", {}), "age": request.get("age")}
    text = gate.lower()
    for words, field in STATED:
        if words in text and (field is None or said.get(field) not in (None, [], False, "any")):
            return True
    return False


def evaluate(directory: Flask, data: dict[str, Any], now: Any) -> dict[str, Any]:
    """Figures for the matcher and the keyword baseline over the set's judged requests."""
    matcher = matcher_app(directory).test_client()
    keyword = directory.test_client()
    groups = duplicate_groups(data["truth"])
    gates = gate_check(data)
    rows = []
    for profile in data["profiles"]:
        grades = {sid: int(g) for sid, g in (data["qrels"].get(profile["id"]) or {}).items()}
        response = matcher.post("/match", json=profile["request"])
        answer: dict[str, Any] = response.get_json()
        assert response.status_code == 200, (profile["id"], answer)
        results = answer["results"]
        ranked = [r["id"] for r in results]
        searched = keyword.get("/services", query_string=keyword_params(profile["request"]))
        baseline = [r["id"] for r in searched.get_json()["results"]]
        broken = {r["id"]: gates(profile, r) for r in results} if gates else {}
        stated = {k: [g for g in v if stated_requirement(profile["request"], g)]
                  for k, v in broken.items()}
        rows.append({"profile": profile["id"], "judged": bool(grades),
                     "matcher_ndcg": grouped_ndcg(ranked, grades, groups),
                     "keyword_ndcg": grouped_ndcg(baseline, grades, groups),
                     "matcher_p5": precision(ranked, grades),
                     "violations": {k: v for k, v in stated.items() if v},
                     "gated": {k: v for k, v in broken.items() if v},
                     "safety": answer["safety"] is not None, "top5": ranked[:5]})
    judged = [r for r in rows if r["judged"]]

    def mean(key: str) -> float:
        return round(sum(r[key] for r in judged) / max(1, len(judged)), 3)

    return {"profiles": len(judged), "matcher_ndcg": mean("matcher_ndcg"),
            "keyword_ndcg": mean("keyword_ndcg"), "matcher_p5": mean("matcher_p5"),
            "violations": sum(len(r["violations"]) for r in rows),
            "gated": sum(len(r["gated"]) for r in rows), "rows": rows}


def run(folder: Path, kind: str = "sqlite", es_url: str | None = None) -> dict[str, Any]:
    """Load the set's catalogue into a fresh directory on ``kind`` and evaluate."""
    from tests.eval.evaluate import NOW

    data = load_set(folder)
    with tempfile.TemporaryDirectory(prefix="linkwell-judged-") as data_dir:
        directory = directory_app(kind, data_dir, data["services"], es_url)
        backend = directory.extensions["linkwell.backend"]
        try:
            return {"backend": kind, "set": folder.name, **evaluate(directory, data, NOW)}
        finally:
            if kind == "elasticsearch":
                backend.drop_all()
            backend.close()


def answers(folder: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Each request of a set with the matcher's answer (SQLite), to check what it says."""
    data = load_set(folder)
    with tempfile.TemporaryDirectory(prefix="linkwell-judged-") as data_dir:
        directory = directory_app("sqlite", data_dir, data["services"])
        matcher = matcher_app(directory).test_client()
        try:
            return [(p, matcher.post("/match", json=p["request"]).get_json())
                    for p in data["profiles"]]
        finally:
            directory.extensions["linkwell.backend"].close()
