"""Suggestions-as-you-type benchmark: import N synthetic assets, then ask ``GET /suggest`` of
the served directory for every prefix of a fixed list of words, as a person typing them would.

For each backend it prints p50/p95/p99 of the answers not yet cached (each distinct prefix
asked once, after one warm-up request has counted the listings per concept) and of the same
prefixes asked again (from the cache). On Elasticsearch it also times two ways of finding the
names straight from the cluster, to pick between them on figures: the completion suggester
the directory uses, and a prefix query over the same keys in an index of its own.

    python bench/suggest.py                         # 50,000 assets, both backends
    python bench/suggest.py --sizes 2000 --backends sqlite
    python bench/suggest.py --write docs/benchmarks.md
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import harness
from synthetic import ACTIVITIES, PLACES

TYPED = ["walking", "singing", "lonely", "debt advice", "gardening", "carers", "yoga",
         "mens shed", "coffee morning", "bereavement", "food bank", "art club", "dance",
         "english classes", "tai chi", "choir", "knitting", "befriending", "lunch club",
         "exercise", "benefits", "zumba", "repair cafe", "money worries", "feeling low",
         "community trust", "health walk", "ukulele", "allotment", "warm space"]


def typed_prefixes(seed: int = 11) -> list[str]:
    """Each distinct prefix of the typed words, place names and activity names, shuffled."""
    rng = random.Random(seed)
    words = [*TYPED, *(p[0].lower() for p in PLACES),
             *(a.lower() for names in ACTIVITIES.values() for a in names[:1])]
    prefixes = {w[:n] for w in words for n in range(1, min(len(w), 12) + 1)}
    ordered = sorted(prefixes)
    rng.shuffle(ordered)
    return ordered


def run_one(backend: str, size: int, es_url: str | None) -> dict[str, Any]:
    config = harness.directory_config(backend, es_url)
    store, _, _ = harness.load_assets(config, size)
    result: dict[str, Any] = {"backend": backend, "size": size,
                              "load_average": round(os.getloadavg()[0], 1)}
    try:
        result.update(_in_process(store))
        result.update(_measure(config))
        if backend == "elasticsearch":
            result.update(_direct(store))
    finally:
        if backend == "elasticsearch":
            store.drop_all()
        store.close()
        shutil.rmtree(config["DATA_DIR"], ignore_errors=True)
    return result


def _measure(config: dict[str, Any]) -> dict[str, Any]:
    """The served directory (one gunicorn worker), asked one prefix at a time."""
    from linkwell.client import ServiceClient

    server, root = harness.serve("linkwell.directory:create_app()",
                                 {**harness.service_env(config), "LINKWELL_WORKERS": "1"})
    try:
        client = ServiceClient(root)
        client.get("/suggest", q="xq")  # counts the listings per concept, once per state
        prefixes = typed_prefixes()

        def ask(prefix: str) -> tuple[float, int]:
            started = time.perf_counter()
            answer = client.get("/suggest", q=prefix)
            return time.perf_counter() - started, len(answer["suggestions"])

        cold = [ask(p) for p in prefixes]
        warm = [ask(p) for p in reversed(prefixes)]
    finally:
        server.terminate()
        server.wait(10)
    return {"prefixes": len(prefixes), "uncached": harness.summary([t for t, _ in cold]),
            "cached": harness.summary([t for t, _ in warm]),
            "mean_suggestions": round(sum(n for _, n in cold) / len(cold), 1)}


def _in_process(store: Any) -> dict[str, Any]:
    """The suggester alone, no HTTP: each prefix once, not cached."""
    from linkwell.directory.suggest import Suggester

    suggester = Suggester(store)
    suggester.suggest("xq", 8)  # the listings per concept, counted once per state
    took = harness.latencies(lambda prefix: suggester.suggest(prefix, 8), typed_prefixes())
    return {"in_process": harness.summary(took)}


def _direct(store: Any) -> dict[str, Any]:
    """The two ways of finding names, asked of the cluster alone, in turns, over one index
    of the same keys (and the same small documents): the completion suggester the directory
    uses, and a prefix query (the keys indexed whole with ``index_prefixes``, so a prefix is
    one term) sorted as the answer is."""
    from linkwell.directory.backends import names
    from linkwell.directory.backends.elastic import load_mapping

    side = f"{store.prefix}prefixes"
    keys = {"type": "text", "analyzer": "keyword", "index_options": "docs", "norms": False,
            "index_prefixes": {"min_chars": 1, "max_chars": 12}}
    store.es.indices.create(index=side, mappings={"properties": {
        "keys": keys, "start": keys, "name_sort": {"type": "keyword"}, "id": {"type": "keyword"},
        names.ES_FIELD: load_mapping()["mappings"]["properties"][names.ES_FIELD]}})
    try:
        _copy_keys(store, side)
        prefix_query: list[float] = []
        completion: list[float] = []
        for i, typed in enumerate(typed_prefixes()):
            prefix = names.prefix_of(typed)
            for which in ((0, 1) if i % 2 else (1, 0)):
                started = time.perf_counter()
                if which == 0:
                    store.es.search(index=side, **_prefix_body(prefix))
                    prefix_query.append(time.perf_counter() - started)
                else:
                    store.es.search(index=side, **names.es_body(prefix, 8))
                    completion.append(time.perf_counter() - started)
        return {"direct_prefix_query": harness.summary(prefix_query),
                "direct_completion": harness.summary(completion)}
    finally:
        store.es.indices.delete(index=side)


def _prefix_body(prefix: str) -> dict[str, Any]:
    return {"size": 8, "track_total_hits": False, "_source": ["id", "name_sort"],
            "query": {"bool": {"filter": [{"prefix": {"keys": prefix}}], "should": [
                {"constant_score": {"filter": {"prefix": {"start": prefix}}, "boost": 2.0}}]}},
            "sort": ["_score", {"name_sort": "asc"}]}


def _copy_keys(store: Any, side: str) -> None:
    from elasticsearch import helpers

    from linkwell.directory.backends import names

    hits = helpers.scan(store.es, index=store.alias,
                        _source=["id", "summary", "name_sort", "status", "duplicate_of"],
                        query={"query": {"term": {"withdrawn": False}}}, size=1000)
    helpers.bulk(store.es.options(request_timeout=120), (
        {"_index": side, "_id": h["_id"], "id": h["_source"]["id"],
         "name_sort": h["_source"].get("name_sort"),
         names.ES_FIELD: names.es_completion(h["_source"]),
         "keys": names.name_keys(h["_source"]["summary"]),
         "start": names.name_start(h["_source"]["summary"])} for h in hits), chunk_size=2000)
    store.es.indices.refresh(index=side)


def table(results: list[dict[str, Any]]) -> str:
    return harness.markdown_table(
        [("assets", "---:"), ("backend", "---"),
         ("suggest p50 / p95 / p99, not cached (ms)", "---"), ("cached (ms)", "---"),
         ("in-process, not cached", "---"), ("ES prefix query alone", "---"),
         ("ES completion suggester alone", "---"), ("load average", "---:")],
        [(f"{r['size']:,}", r["backend"], *map(harness.triple, (
            r["uncached"], r["cached"], r.get("in_process"), r.get("direct_prefix_query"),
            r.get("direct_completion"))), r.get("load_average", "-")) for r in results])


def main() -> None:
    args = harness.arguments(__doc__, sizes=[50_000]).parse_args()
    harness.run_cases(__file__, args, "suggest", table,
                      lambda backend, size: run_one(backend, size, args.es_url), [])


if __name__ == "__main__":
    main()
