"""The matcher's judged evaluation: nDCG@10 and precision@5 on the demo boroughs' data,
beside a keyword-only search with a distance filter (the directory's ``GET /services``).

Used by ``tests/eval/test_eval.py`` (which checks the targets) and ``bench/eval.py`` (which
prints the figures and writes them to docs/benchmarks.md).
"""

from __future__ import annotations

import math
import tempfile
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from flask import Flask
from rich.console import Console

PROFILES = Path(__file__).parent / "profiles.yaml"
# A fixed "now", so freshness and next sessions (and so the figures) do not drift with time.
NOW = datetime(2026, 11, 21, 12, 0, tzinfo=ZoneInfo("Europe/London"))
RELEVANT = 2  # precision counts grades 2 and 3
K = 10


def load_profiles(path: Path = PROFILES) -> list[dict[str, Any]]:
    profiles: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return profiles


def dcg(gains: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(i, 0) for i in ranked[:k]]) / ideal if ideal else 0.0


def precision(ranked: list[str], grades: dict[str, int], k: int = 5) -> float:
    return sum(1 for i in ranked[:k] if grades.get(i, 0) >= RELEVANT) / k


def directory_app(kind: str, data_dir: str, es_url: str | None = None) -> Flask:
    """A directory on ``kind`` loaded with the three demo boroughs."""
    from linkwell.cli.demo import load_demo
    from linkwell.directory import create_app

    app = create_app(eval_config(kind, data_dir, es_url, "eval"))
    backend = app.extensions["linkwell.backend"]
    load_demo(app, Console(quiet=True))
    if kind == "elasticsearch":
        backend.es.indices.refresh(index=backend.alias)
    return app


def eval_config(kind: str, data_dir: str, es_url: str | None, name: str) -> dict[str, Any]:
    """A throwaway directory's settings (on Elasticsearch, under an index prefix of its own)."""
    config: dict[str, Any] = {"DATA_DIR": data_dir, "SEARCH_BACKEND": kind,
                              "INGEST_TOKEN": "eval", "ELASTICSEARCH_TIMEOUT": 30.0}
    if kind == "elasticsearch":
        config.update(ELASTICSEARCH_URL=es_url, INDEX_PREFIX=f"{name}-{uuid.uuid4().hex[:8]}-")
    return config


def matcher_app(directory: Flask) -> Flask:
    from linkwell.matcher import create_app

    return create_app({"DIRECTORY_APP": directory, "CLOCK": lambda: NOW, "PLUGINS": [],
                       "DATA_DIR": directory.config["DATA_DIR"]})


def keyword_params(request: dict[str, Any], words_only: bool = True) -> dict[str, Any]:
    """What a search box with a distance filter would be asked: the same words, the same km.

    ``words_only`` is the issue's baseline, a keyword-only directory (what peer directories
    offer); without it, Linkwell's own search with the taxonomy's synonyms, a stronger one.
    """
    words = " ".join([request.get("about", ""), *request.get("interests", [])]).strip()
    params: dict[str, Any] = {"q": words[:300], "per_page": K, "facets": "false",
                              "words_only": "true" if words_only else "false"}
    location = request.get("location") or {}
    if "lat" in location:
        params.update(near=f"{location['lat']},{location['lon']}",
                      within_km=request.get("max_travel_km", 5))
    return params


def evaluate(directory: Flask, profiles: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Figures for the matcher and the keyword baseline over every judged profile."""
    profiles = profiles if profiles is not None else load_profiles()
    matcher = matcher_app(directory).test_client()
    keyword = directory.test_client()
    rows = []
    for profile in profiles:
        grades = {g["id"]: int(g["grade"]) for g in profile["grades"]}
        answer = matcher.post("/match", json=profile["request"])
        assert answer.status_code == 200, (profile["id"], answer.json)
        ranked = [r["id"] for r in answer.json["results"]]
        searched = keyword.get("/services", query_string=keyword_params(profile["request"]))
        assert searched.status_code == 200, (profile["id"], searched.json)
        baseline = [r["id"] for r in searched.json["results"]]
        smart = keyword.get("/services",
                            query_string=keyword_params(profile["request"], words_only=False))
        searched_smart = [r["id"] for r in smart.json["results"]]
        rows.append({"profile": profile["id"],
                     "matcher_ndcg": ndcg(ranked, grades), "keyword_ndcg": ndcg(baseline, grades),
                     "search_ndcg": ndcg(searched_smart, grades),
                     "matcher_p5": precision(ranked, grades),
                     "keyword_p5": precision(baseline, grades),
                     "safety": answer.json["safety"] is not None})

    def mean(key: str) -> float:
        return round(sum(r[key] for r in rows) / len(rows), 3)

    return {"profiles": len(rows), "matcher_ndcg": mean("matcher_ndcg"),
            "keyword_ndcg": mean("keyword_ndcg"), "search_ndcg": mean("search_ndcg"),
            "matcher_p5": mean("matcher_p5"),
            "keyword_p5": mean("keyword_p5"), "rows": rows}


def run(kind: str = "sqlite", es_url: str | None = None) -> dict[str, Any]:
    """Load the demo data into a fresh directory on ``kind`` and evaluate."""
    with tempfile.TemporaryDirectory(prefix="linkwell-eval-") as data_dir:
        directory = directory_app(kind, data_dir, es_url)
        backend = directory.extensions["linkwell.backend"]
        try:
            return {"backend": kind, **evaluate(directory)}
        finally:
            if kind == "elasticsearch":
                backend.drop_all()
            backend.close()
