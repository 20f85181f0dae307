"""The matcher's candidate searches one by one against one batch call, in one process.

Loads N synthetic assets, builds the matcher in-process on that directory, and for each of
``bench/match.py``'s match requests times a match that asks its searches one ``GET /services``
at a time and one that asks them in one ``POST /services/batch``, alternating, so a busy
machine slows both alike. Also counts the requests whose shortlists are the same.

    python bench/match_batch.py --size 20000 --backend sqlite
    python bench/match_batch.py --size 10000 --backend elasticsearch
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from harness import directory_config
from match import match_mix
from synthetic import assets


def main() -> None:
    from linkwell.directory import create_app
    from linkwell.directory.ingest import upsert_stream
    from linkwell.matcher import candidates
    from linkwell.matcher import create_app as matcher_app

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--backend", default="sqlite")
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    config = directory_config(args.backend, os.environ.get("ELASTICSEARCH_URL"))
    directory = create_app(config)
    store = directory.extensions["linkwell.backend"]
    upsert_stream(store, assets(args.size), "bench", "London")
    if args.backend == "elasticsearch":
        store.es.indices.refresh(index=store.alias)
    client = matcher_app({**config, "DIRECTORY_APP": directory}).test_client()

    def one_by_one(directory_client: Any, searches: list[dict[str, str]], pool: Any) -> Any:
        return [candidates._search(directory_client, p) for p in searches]

    ways = {"one by one": one_by_one, "batch": candidates._run}
    mix = match_mix(args.requests)
    times: dict[str, list[float]] = {name: [] for name in ways}
    same = 0
    try:
        for body in mix[:20]:
            client.post("/match", json=body)  # warm
        for body in mix:
            shortlists = []
            for name, way in ways.items():
                candidates._run = way  # type: ignore[assignment]
                started = time.perf_counter()
                response = client.post("/match", json=body)
                times[name].append(time.perf_counter() - started)
                assert response.status_code == 200, response.json
                shortlists.append([r["id"] for r in response.json["results"]])
            same += shortlists[0] == shortlists[1]
    finally:
        if args.backend == "elasticsearch":
            store.drop_all()
        store.close()
        shutil.rmtree(config["DATA_DIR"], ignore_errors=True)
    for name, taken in times.items():
        taken.sort()
        print(f"{name}: match p50 {statistics.median(taken) * 1000:.1f} ms, "
              f"p95 {taken[int(len(taken) * 0.95)] * 1000:.1f} ms")
    print(f"same shortlist: {same} of {len(mix)}")


if __name__ == "__main__":
    main()
