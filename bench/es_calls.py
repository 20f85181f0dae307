"""Elasticsearch calls and directory CPU per search: where a directory search's cost goes.

Loads ``--size`` synthetic assets into Elasticsearch as ``linkwell import`` does (printing
the load rate and where its CPU went), then asks the directory (in-process, the Flask test
client) the load benchmark's mix of searches and Open Referral UK pages, twice over (the
second round finds its answers cached), counting every request the directory sends to
Elasticsearch by kind (the background check of the backend's state, ``watch.py``, counted
apart), and the CPU time this process spends per request. On a busy machine wall-clock rates
say little; calls and CPU per request are what a change to the directory moves.

    python bench/es_calls.py --size 5000 --requests 400
    python bench/es_calls.py --size 2000 --requests 400 --profile   # cProfile, 2nd round
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).parent))
from harness import directory_config
from load import oruk_pages
from search import query_mix
from synthetic import assets


def counted(store: Any) -> Counter[str]:
    """Count each request the backend's client sends, by method and path (ids left out)."""
    calls: Counter[str] = Counter()
    transport = store.es.transport
    perform = transport.perform_request

    def perform_request(method: str, target: str, *args: Any, **kwargs: Any) -> Any:
        path = target.split("?")[0].split("/")[-1]
        # the background check of the backend's state is not a request's call
        by = "" if threading.current_thread() is threading.main_thread() else "watch: "
        calls[f"{by}{method} {path}"] += 1
        return perform(method, target, *args, **kwargs)

    transport.perform_request = perform_request
    return calls


def load(config: dict[str, Any], size: int) -> tuple[Any, Any, float, Any, Any]:
    """``harness.load_assets``'s load (``linkwell import`` of an ndjson file, less starting
    Python), with the process times just before and after the import itself."""
    from linkwell.directory import create_app
    from linkwell.feeds.importer import import_locally, open_records

    feed_file = Path(config["DATA_DIR"]) / "bench.ndjson"
    with feed_file.open("wb") as out:
        for record in assets(size):
            out.write(orjson.dumps(record) + b"\n")
    store = create_app(config).extensions["linkwell.backend"]
    before, started = os.times(), time.perf_counter()
    report = import_locally(store, open_records(feed_file).pairs, "bench", "London")
    store.es.indices.refresh(index=store.alias)
    seconds, after = time.perf_counter() - started, os.times()
    return store, report, seconds, before, after


def load_costs(store: Any, size: int, before: Any, after: Any) -> str:
    """Where the load's CPU went, a record at a time: this process (reading the file, writing
    the bulk requests), the worker processes preparing
    records, and the node's indexing of this index (its own figure, so other users of a
    shared node do not count). On a busy machine these move far less than the rate does."""
    mine = (after.user + after.system - before.user - before.system) * 1000 / size
    workers = (after.children_user + after.children_system - before.children_user
               - before.children_system) * 1000 / size
    stats = store.es.indices.stats(index=store.alias, metric="indexing,refresh,merge")
    total = stats["_all"]["primaries"]
    indexing = total["indexing"]["index_time_in_millis"] / size
    merging = total["merges"]["total_time_in_millis"] / size
    return (f"ms a record: loader {mine:.2f} workers {workers:.2f}, "
            f"Elasticsearch indexing {indexing:.2f} + merging {merging:.2f} (thread time)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--profile", action="store_true", help="cProfile the second round")
    parser.add_argument("--es-url", default=os.environ.get("ELASTICSEARCH_URL",
                                                           "http://127.0.0.1:9200"))
    args = parser.parse_args()
    import logging

    from linkwell.directory import create_app

    config = directory_config("elasticsearch", args.es_url)
    store, report, seconds, before, after = load(config, args.size)
    print(f"loaded {report.counts['added']} assets in {seconds:.1f} s: "
          f"{args.size / seconds:.0f} assets/s (load average {os.getloadavg()[0]:.1f})")
    print("  " + load_costs(store, args.size, before, after))
    store.close()
    app = create_app(config)
    logging.getLogger("linkwell.directory.requests").setLevel(logging.WARNING)
    backend = app.extensions["linkwell.backend"]
    client = app.test_client()
    searches = [p for _, p in query_mix(2000)]
    pages = oruk_pages(500, args.size)
    try:
        for label in ("first round", "second round (cached)"):
            calls = counted(backend)
            profile = cProfile.Profile() if args.profile and label != "first round" else None
            if profile is not None:
                profile.enable()
            cpu, wall = time.process_time(), time.perf_counter()
            for i in range(args.requests):
                if i % 4 == 3:
                    response = client.get("/openreferral/services", query_string=pages[i % 500])
                else:
                    response = client.get("/services", query_string=searches[i % 2000])
                assert response.status_code == 200, response.json
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            if profile is not None:
                profile.disable()
                stats = pstats.Stats(profile)
                stats.sort_stats("tottime").print_stats(25)
                stats.sort_stats("cumulative").print_stats(40)
            total = sum(v for k, v in calls.items() if not k.startswith("watch"))
            print(f"{label}: {args.requests} requests, {total / args.requests:.2f} "
                  f"Elasticsearch calls a request ({dict(calls.most_common())}), "
                  f"{cpu * 1000 / args.requests:.2f} ms CPU a request "
                  f"({wall * 1000 / args.requests:.2f} ms wall)")
            print(f"  answers cache: {app.extensions['linkwell.answers'].stats()}")
    finally:
        backend.drop_all()
        backend.close()
        shutil.rmtree(config["DATA_DIR"], ignore_errors=True)


if __name__ == "__main__":
    main()
