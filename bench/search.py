"""Directory search benchmark: import N synthetic assets, run a fixed mix of searches.

The load is timed as ``linkwell import`` runs it on this machine: an ndjson file read,
parsed and bulk-loaded (worker processes preparing records) with the command's defaults.

For each backend it prints the load rate, search latency percentiles and peak memory; for
Elasticsearch it also sends the same queries straight to the cluster with the official
client (the floor the directory adds to). Each (size, backend) runs in its own process so
peak memory is that run's alone.

    python bench/search.py                       # 10,000 and 50,000 assets, both backends
    python bench/search.py --sizes 2000 --queries 200 --backends sqlite
    python bench/search.py --write docs/benchmarks.md
"""

from __future__ import annotations

import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import harness
from synthetic import PLACES

WORDS = ["walking", "singing", "lonely", "debt advice", "gardening", "carers", "yoga",
         "mens shed", "coffee morning", "bereavement", "food bank", "art", "dance",
         "english classes", "tai chi", "choir", "knitting", "befriending", "lunch", "exercise"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]


def query_mix(count: int, seed: int = 7) -> list[tuple[str, dict[str, str]]]:
    """(kind, params): a quarter each of text, text+filters, text+near, filters only."""
    rng = random.Random(seed)
    mix: list[tuple[str, dict[str, str]]] = []
    for i in range(count):
        kind = ("text", "text+filters", "text+near", "filters")[i % 4]
        _, lat, lon, _ = rng.choice(PLACES)
        near = f"{lat + rng.uniform(-0.01, 0.01):.4f},{lon + rng.uniform(-0.01, 0.01):.4f}"
        params: dict[str, str] = {}
        if kind != "filters":
            params["q"] = rng.choice(WORDS)
        if kind == "text+filters":
            params.update(free="true", day=rng.choice(DAYS))
        if kind == "text+near":
            params.update(near=near, within_km="3", sort="blended")
        if kind == "filters":
            params.update(day=rng.choice(DAYS), near=near, within_km="5", age="70")
            params["from"], params["to"] = "09:00", "13:00"
        mix.append((kind, params))
    return mix


def run_one(backend: str, size: int, queries: int, es_url: str | None) -> dict[str, Any]:
    config = harness.directory_config(backend, es_url)
    data_dir = config["DATA_DIR"]
    # The load is `linkwell import bench.ndjson` on this machine, less starting Python.
    store, loaded, load_seconds = harness.load_assets(config, size)
    result: dict[str, Any] = {"backend": backend, "size": size,
                              "loaded": loaded.counts["added"],
                              "load_rate": round(size / load_seconds)}
    try:
        result.update(_measure(config, store, backend, queries))
    finally:
        if backend == "elasticsearch":
            store.drop_all()
        store.close()
        shutil.rmtree(data_dir, ignore_errors=True)  # a 50,000-asset file is ~300 MB
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def _serve(config: dict[str, Any]) -> tuple[subprocess.Popen[bytes], str]:
    """The directory as production runs it, with one process: the client asks one search at
    a time."""
    return harness.serve("linkwell.directory:create_app()",
                         {**harness.service_env(config), "LINKWELL_WORKERS": "1"})


def _measure(config: dict[str, Any], store: Any, backend: str, queries: int) -> dict[str, Any]:
    """Each search asked of the served directory and, on Elasticsearch, sent straight to the
    cluster too, one after the other (taking turns at going first), so that both figures
    meet the same moments of the machine's changing speed."""
    from linkwell.client import ServiceClient

    server, root = _serve(config)
    client = ServiceClient(root)  # the client the gateway and the matcher call it with
    mix = query_mix(queries)
    bodies = _direct_bodies(mix) if backend == "elasticsearch" else []

    def directory(params: dict[str, str]) -> float:
        started = time.perf_counter()
        client.get("/services", **params)  # raises on an error answer
        return time.perf_counter() - started

    def direct(body: dict[str, Any]) -> float:
        started = time.perf_counter()
        store.es.search(index=store.alias, **body)
        return time.perf_counter() - started

    for i, (_, params) in enumerate(mix[:50]):  # warm caches the way a running service has them
        directory(params)
        if bodies:
            direct(bodies[i])
    latencies: dict[str, list[float]] = {}
    straight: list[float] = []
    for i, (kind, params) in enumerate(mix):
        if bodies and i % 2:
            straight.append(direct(bodies[i]))
        latencies.setdefault(kind, []).append(directory(params))
        if bodies and not i % 2:
            straight.append(direct(bodies[i]))
    worker_rss = harness.workers_peak_rss_mb(server)
    server.terminate()
    server.wait(10)
    every = [v for values in latencies.values() for v in values]
    out: dict[str, Any] = {"directory": harness.summary(every),
                           "server_peak_rss_mb": worker_rss,
                           "by_kind": {k: harness.summary(v) for k, v in latencies.items()}}
    if backend == "elasticsearch":
        out["direct"] = harness.summary(straight)
        stats = store.es.nodes.stats(metric="jvm")["nodes"]
        heap = max(n["jvm"]["mem"]["heap_used_in_bytes"] for n in stats.values())
        out["es_heap_used_mb"] = round(heap / 2**20)
    return out


def _direct_bodies(mix: list[tuple[str, dict[str, str]]]) -> list[dict[str, Any]]:
    """The same searches as Elasticsearch requests: our query, no directory around it."""
    from linkwell.directory.api import build_query
    from linkwell.directory.backends.elastic import search_body
    from linkwell.directory.schemas import SearchArgs

    return [search_body(build_query(SearchArgs().load(p))) for _, p in mix]


def table(results: list[dict[str, Any]]) -> str:
    return harness.markdown_table(
        [("assets", "---:"), ("backend", "---"), ("load (assets/s)", "---:"),
         ("search p50 / p95 / p99 (ms)", "---"), ("direct ES p50 / p95 / p99 (ms)", "---"),
         ("loader / server peak RSS (MB)", "---"), ("ES heap used (MB)", "---:")],
        [(f"{r['size']:,}", r["backend"], f"{r['load_rate']:,}",
          harness.triple(r["directory"]), harness.triple(r.get("direct")),
          f"{r['peak_rss_mb']} / {r['server_peak_rss_mb']}", r.get("es_heap_used_mb", "-"))
         for r in results])


def main() -> None:
    parser = harness.arguments(__doc__, sizes=[10_000, 50_000])
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    harness.run_cases(__file__, args, "search", table,
                      lambda backend, size: run_one(backend, size, args.queries, args.es_url),
                      ["--queries", str(args.queries)])


if __name__ == "__main__":
    main()
