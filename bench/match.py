"""Matcher benchmark: match latency beside directory search latency, in the same run.

For each size and backend it loads N synthetic assets, serves the directory and the matcher
under gunicorn (the matcher asks the directory over HTTP, as in production), and times a fixed
mix of searches (the search benchmark's) and of matches (people's words, places, times and
requirements). Each (size, backend) runs in its own process.

    python bench/match.py                            # 10,000 and 50,000 assets, both backends
    python bench/match.py --sizes 2000 --requests 100 --backends sqlite
    python bench/match.py --write docs/benchmarks.md
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).parent))
import harness
from search import query_mix
from synthetic import PLACES, assets

STORIES = [
    "Since my wife passed I hardly see anyone. I used to love the allotment; my knees are bad.",
    "I'm lonely and would like a coffee morning or a chat with people",
    "I look after my husband who has dementia and I never get a break",
    "I've been feeling low and anxious, I'd like to try something calming like yoga or tai chi",
    "I want to get fitter, maybe a walking group or some gentle exercise",
    "I'm behind on my bills and worried about money",
    "I love singing and used to be in a choir",
    "I'd like to meet people and do some knitting or crafts",
    "My English is not good, I want to practise and meet people",
    "I'm retired and bored, I'm good with my hands",
    "no food in the cupboards and universal credit has not come through",
    "I want to volunteer outdoors, gardening or conservation",
]
LANGUAGES_MIX = os.environ.get("BENCH_LANGUAGES") == "1"  # set by --languages for --one
INTERESTS = [[], [], ["gardening"], ["singing"], ["walking"], ["art"], ["dance"]]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]


def written_in_languages() -> list[str]:
    """The requests in the boroughs' languages that the matcher's tests use (issue 20)."""
    path = Path(__file__).parents[1] / "tests" / "matcher" / "data" / "multilingual_requests.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [item["about"] for items in data["requests"].values() for item in items]


def match_mix(count: int, seed: int = 11, languages: bool = False) -> list[dict[str, Any]]:
    """Match requests: a story, sometimes interests, a place, and some times or requirements
    (with ``languages``, one story in three in Bengali, Somali, Turkish, Polish, Arabic or
    Urdu)."""
    rng = random.Random(seed)
    stories = STORIES + (written_in_languages()[::6] if languages else [])
    mix = []
    for i in range(count):
        _, lat, lon, _ = rng.choice(PLACES)
        body: dict[str, Any] = {"about": rng.choice(stories),
                                "max_travel_km": rng.choice([2, 3, 5]),
                                "location": {"lat": round(lat + rng.uniform(-0.01, 0.01), 4),
                                             "lon": round(lon + rng.uniform(-0.01, 0.01), 4)}}
        if interests := rng.choice(INTERESTS):
            body["interests"] = interests
        if i % 3 == 0:
            body["availability"] = [{"day": rng.choice(DAYS), "from": "09:00", "to": "13:00"}]
        if i % 4 == 1:
            body["age"] = rng.choice([30, 55, 72])
            body["requirements"] = {"cost": rng.choice(["free", "low", "any"]),
                                    "step_free": rng.random() < 0.3}
        mix.append(body)
    return mix


def run_one(backend: str, size: int, count: int, es_url: str | None) -> dict[str, Any]:
    from linkwell.client import ServiceClient
    from linkwell.directory import create_app
    from linkwell.directory.ingest import upsert_stream

    config = harness.directory_config(backend, es_url)
    data_dir = config["DATA_DIR"]
    app = create_app(config)
    store = app.extensions["linkwell.backend"]
    upsert_stream(store, assets(size), "bench", "London")
    if backend == "elasticsearch":
        store.es.indices.refresh(index=store.alias)
    # Both with the internal services' production settings (2 × CPUs + 1 sync processes), so
    # the matcher's parallel searches are served side by side, as in production.
    env = harness.service_env(config)
    directory, root = harness.serve("linkwell.directory:create_app()", env)
    matcher, match_root = harness.serve("linkwell.matcher:create_app()",
                                        {**env, "LINKWELL_DIRECTORY_URL": root})
    try:
        # The client the gateway calls the services with; each raises on an error answer.
        directory_client, matcher_client = ServiceClient(root), ServiceClient(match_root)

        def search(params: dict[str, str]) -> None:
            directory_client.get("/services", **params)

        def match(body: dict[str, Any]) -> None:
            matcher_client.post("/match", body)

        searched = harness.latencies(search, [p for _, p in query_mix(count)], warm=30)
        matched = harness.latencies(match, match_mix(count, languages=LANGUAGES_MIX), warm=30)
        rss = harness.workers_peak_rss_mb(matcher)
    finally:
        for server in (matcher, directory):
            server.terminate()
            server.wait(10)
        if backend == "elasticsearch":
            store.drop_all()
        store.close()
        shutil.rmtree(data_dir, ignore_errors=True)  # a 50,000-asset file is ~300 MB
    search_p, match_p = harness.summary(searched), harness.summary(matched)
    return {"backend": backend, "size": size, "requests": count, "search": search_p,
            "match": match_p, "ratio_p50": round(match_p["p50"] / search_p["p50"], 2),
            "matcher_peak_rss_mb": rss}


def table(results: list[dict[str, Any]]) -> str:
    return harness.markdown_table(
        [("assets", "---:"), ("backend", "---"), ("search p50 / p95 / p99 (ms)", "---"),
         ("match p50 / p95 / p99 (ms)", "---"), ("match p50 ÷ search p50", "---:"),
         ("matcher peak RSS (MB)", "---:")],
        [(f"{r['size']:,}", r["backend"], harness.triple(r["search"]),
          harness.triple(r["match"]), f"{r['ratio_p50']}×", r["matcher_peak_rss_mb"])
         for r in results])


def main() -> None:
    parser = harness.arguments(__doc__, sizes=[10_000, 50_000])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--languages", action="store_true",
                        help="Mix in requests written in the boroughs' other languages")
    args = parser.parse_args()
    if args.languages:
        os.environ["BENCH_LANGUAGES"] = "1"  # the per-size processes read it
    harness.run_cases(__file__, args, "match", table,
                      lambda backend, size: run_one(backend, size, args.requests, args.es_url),
                      ["--requests", str(args.requests)])


if __name__ == "__main__":
    main()
