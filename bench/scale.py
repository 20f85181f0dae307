"""Directory workers at scale: each worker's memory (resident, proportional, private) and
search latency over a directory built once and kept (issue 13, point 6).

Loading hundreds of thousands of assets takes long on a small machine, so the directory is
built into ``--data-dir`` once (``linkwell import`` of synthetic assets, as bench/search.py
loads them) and reused by every later run. The directory is then served as production
serves it (gunicorn, deploy/gunicorn_internal.py, ``--workers`` processes), every worker is
warmed with concurrent searches (the search mix of bench/search.py, plus searches ranked by
meaning alone, which read every asset's vector as the matcher's do), and a single client
times the mix. Memory is read from /proc/PID/smaps_rollup: RSS counts the pages a worker
shares with the others in each of them; PSS divides them among the sharers; USS (private
clean + private dirty) is what the worker alone holds.

    python bench/scale.py --size 500000 --data-dir /work/scale_data/sqlite-500000
    python bench/scale.py --size 50000 --data-dir /tmp/sqlite-50000 --workers 5
    python bench/scale.py --backend elasticsearch --size 50000 --index-prefix scale-
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import orjson
import requests

sys.path.insert(0, str(Path(__file__).parent))
from harness import children, serve, summary
from search import query_mix
from synthetic import assets

MEANING_WORDS = ["someone to talk to", "getting out of the house", "help with money",
                 "meeting people who have lost someone", "singing", "moving more gently"]


def build(config: dict[str, Any], size: int) -> dict[str, Any]:
    """Load ``size`` synthetic assets into the configured directory unless it holds them."""
    from linkwell.directory import create_app
    from linkwell.feeds.importer import import_locally, open_records

    app = create_app(config)
    store = app.extensions["linkwell.backend"]
    try:
        held = len(store.ids())
        if held >= size:
            return {"loaded": held, "load_rate": None}  # built by an earlier run
        feed_file = Path(config["DATA_DIR"]) / "bench.ndjson"
        with feed_file.open("wb") as out:
            for record in assets(size):
                out.write(orjson.dumps(record) + b"\n")
        started = time.perf_counter()
        report = import_locally(store, open_records(feed_file).pairs, "bench", "London")
        if config["SEARCH_BACKEND"] == "elasticsearch":
            store.es.indices.refresh(index=store.alias)
        seconds = time.perf_counter() - started
        feed_file.unlink()
        return {"loaded": report.counts["added"], "load_rate": round(size / seconds)}
    finally:
        store.close()


def meaning_mix(count: int) -> list[tuple[str, dict[str, str]]]:
    """Searches ranked by meaning alone (a vector, no words), as the matcher sends them."""
    from linkwell import semantic

    vectors = [semantic.encode(semantic.quantise(semantic.embed_one(w))) for w in MEANING_WORDS]
    return [("meaning", {"vector": vectors[i % len(vectors)]}) for i in range(count)]


def memory(pid: int) -> dict[str, int]:
    """A process's RSS, PSS and USS now, its anonymous memory, and its peak RSS, in MB.

    A file page only one process maps counts as private (USS) although the page cache holds
    it: with one worker, USS includes the mapped column files; anonymous memory does not."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        fields[name] = int(rest.split()[0])
    status = Path(f"/proc/{pid}/status").read_text()
    peak = next(int(line.split()[1]) for line in status.splitlines()
                if line.startswith("VmHWM:"))
    return {"rss_mb": round(fields["Rss"] / 1024), "pss_mb": round(fields["Pss"] / 1024),
            "uss_mb": round((fields["Private_Clean"] + fields["Private_Dirty"]) / 1024),
            "anon_mb": round(fields["Anonymous"] / 1024),  # heap: never shared
            "peak_rss_mb": round(peak / 1024)}


def measure(env: dict[str, str], workers: int, queries: int) -> dict[str, Any]:
    server, root = serve("linkwell.directory:create_app()",
                         dict(env, LINKWELL_WORKERS=str(workers)))
    try:
        mix = query_mix(queries) + meaning_mix(queries // 4)

        def ask(params: dict[str, str]) -> float:
            started = time.perf_counter()
            # a fresh connection each time, so that the searches spread over the workers
            requests.get(root + "/services", params=params, timeout=600).raise_for_status()
            return time.perf_counter() - started

        warm_started = time.perf_counter()
        with ThreadPoolExecutor(workers * 2) as pool:  # every worker loads its columns
            list(pool.map(ask, [p for _, p in mix[:40 * workers]]))
        warm = time.perf_counter() - warm_started
        latencies: dict[str, list[float]] = {}
        for kind, params in mix:
            latencies.setdefault(kind, []).append(ask(params))
        pids = [int(p) for p in children(server.pid)]
        each = [memory(p) for p in pids]
    finally:
        server.terminate()
        server.wait(30)
    searches = [v for k, values in latencies.items() if k != "meaning" for v in values]
    return {"workers": each, "warm_seconds": round(warm, 1), "search": summary(searches),
            "by_kind": {k: summary(v) for k, v in latencies.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--backend", choices=["sqlite", "elasticsearch"], default="sqlite")
    parser.add_argument("--data-dir", type=Path, help="SQLite: the directory's folder, kept")
    parser.add_argument("--index-prefix", help="Elasticsearch: the index prefix, kept")
    parser.add_argument("--es-url", default=os.environ.get("ELASTICSEARCH_URL"))
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()
    env = {"LINKWELL_SEARCH_BACKEND": args.backend, "LINKWELL_INGEST_TOKEN": "bench"}
    config: dict[str, Any] = {"SEARCH_BACKEND": args.backend, "INGEST_TOKEN": "bench",
                              "ELASTICSEARCH_TIMEOUT": 60.0}
    data_dir = args.data_dir or Path(f"/tmp/linkwell-scale-{args.backend}-{args.size}")
    data_dir.mkdir(parents=True, exist_ok=True)
    config["DATA_DIR"] = env["LINKWELL_DATA_DIR"] = str(data_dir)
    if args.backend == "elasticsearch":
        if not (args.es_url and args.index_prefix):
            parser.error("elasticsearch needs --es-url (or ELASTICSEARCH_URL) and --index-prefix")
        config.update(ELASTICSEARCH_URL=args.es_url, INDEX_PREFIX=args.index_prefix)
        env.update(ELASTICSEARCH_URL=args.es_url, LINKWELL_INDEX_PREFIX=args.index_prefix)
    result: dict[str, Any] = {"backend": args.backend, "size": args.size}
    result.update(build(config, args.size))
    result.update(measure(env, args.workers, args.queries))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
