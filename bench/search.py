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

import argparse
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import orjson
import requests

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import PLACES, assets

GUNICORN_INTERNAL = Path(__file__).resolve().parent.parent / "deploy" / "gunicorn_internal.py"
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


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(latencies: list[float]) -> dict[str, float]:
    return {f"p{p}": round(percentile(latencies, p) * 1000, 2) for p in (50, 95, 99)}


def run_one(backend: str, size: int, queries: int, es_url: str | None) -> dict[str, Any]:
    from linkwell.directory import create_app
    from linkwell.feeds.importer import import_locally, open_records

    config = directory_config(backend, es_url)
    data_dir = config["DATA_DIR"]
    feed_file = Path(data_dir) / "bench.ndjson"
    with feed_file.open("wb") as out:
        for record in assets(size):
            out.write(orjson.dumps(record) + b"\n")
    app = create_app(config)
    store = app.extensions["linkwell.backend"]
    # The load is `linkwell import bench.ndjson` on this machine, less starting Python: the
    # file read, and its records parsed and bulk-loaded as they are read, with the command's
    # defaults.
    started = time.perf_counter()
    report = import_locally(store, open_records(feed_file).pairs, "bench", "London")
    if backend == "elasticsearch":
        store.es.indices.refresh(index=store.alias)
    load_seconds = time.perf_counter() - started
    result: dict[str, Any] = {"backend": backend, "size": size,
                              "loaded": report.counts["added"],
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


def directory_config(backend: str, es_url: str | None) -> dict[str, Any]:
    """A directory's settings on ``backend``, with its own data folder and index prefix."""
    config: dict[str, Any] = {"DATA_DIR": tempfile.mkdtemp(prefix="linkwell-bench-"),
                              "SEARCH_BACKEND": backend, "INGEST_TOKEN": "bench",
                              "ELASTICSEARCH_TIMEOUT": 30.0}
    if backend == "elasticsearch":
        config.update(ELASTICSEARCH_URL=es_url, INDEX_PREFIX=f"bench-{uuid.uuid4().hex[:8]}-")
    return config


def service_env(config: dict[str, Any]) -> dict[str, str]:
    """The environment that points a served directory (or matcher) at the same data."""
    env = {"LINKWELL_DATA_DIR": config["DATA_DIR"],
           "LINKWELL_SEARCH_BACKEND": config["SEARCH_BACKEND"],
           "LINKWELL_INGEST_TOKEN": config["INGEST_TOKEN"]}
    if config["SEARCH_BACKEND"] == "elasticsearch":
        env.update(ELASTICSEARCH_URL=str(config["ELASTICSEARCH_URL"]),
                   LINKWELL_INDEX_PREFIX=config["INDEX_PREFIX"])
    return env


def serve(target: str, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """``target`` (e.g. ``'linkwell.matcher:create_app()'``) under gunicorn with the internal
    services' production settings (deploy/gunicorn_internal.py), on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_INTERNAL), "-b", f"127.0.0.1:{port}",
         target], env=dict(os.environ, **env),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if requests.get(base + "/readyz", timeout=5).status_code == 200:
                return server, base
        except requests.RequestException:
            pass  # still starting
        time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"{target} did not start under gunicorn")


def _serve(config: dict[str, Any]) -> tuple[subprocess.Popen[bytes], str]:
    """The directory as production runs it, with one process: the client asks one search at
    a time."""
    return serve("linkwell.directory:create_app()", {**service_env(config),
                                                     "LINKWELL_WORKERS": "1"})


def _peak_rss_mb(pid: int) -> int:
    """A process's peak resident memory (VmHWM), in MB, read from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return 0


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
    worker_rss = max((_peak_rss_mb(int(p)) for p in _children(server.pid)), default=0)
    server.terminate()
    server.wait(10)
    every = [v for values in latencies.values() for v in values]
    out: dict[str, Any] = {"directory": summary(every), "server_peak_rss_mb": worker_rss,
                           "by_kind": {k: summary(v) for k, v in latencies.items()}}
    if backend == "elasticsearch":
        out["direct"] = summary(straight)
        stats = store.es.nodes.stats(metric="jvm")["nodes"]
        heap = max(n["jvm"]["mem"]["heap_used_in_bytes"] for n in stats.values())
        out["es_heap_used_mb"] = round(heap / 2**20)
    return out


def _children(pid: int) -> list[str]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return path.read_text().split() if path.exists() else []


def _direct_bodies(mix: list[tuple[str, dict[str, str]]]) -> list[dict[str, Any]]:
    """The same searches as Elasticsearch requests: our query, no directory around it."""
    from linkwell.directory.api import build_query
    from linkwell.directory.backends.elastic import search_body
    from linkwell.directory.schemas import SearchArgs

    return [search_body(build_query(SearchArgs().load(p))) for _, p in mix]


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| assets | backend | load (assets/s) | search p50 / p95 / p99 (ms) | "
             "direct ES p50 / p95 / p99 (ms) | loader / server peak RSS (MB) | "
             "ES heap used (MB) |",
             "|---:|---|---:|---|---|---|---:|"]
    for r in results:
        d = r["directory"]
        direct = r.get("direct")
        lines.append(
            f"| {r['size']:,} | {r['backend']} | {r['load_rate']:,} | "
            f"{d['p50']} / {d['p95']} / {d['p99']} | "
            + (f"{direct['p50']} / {direct['p95']} / {direct['p99']}" if direct else "-")
            + f" | {r['peak_rss_mb']} / {r['server_peak_rss_mb']} | "
            f"{r.get('es_heap_used_mb', '-')} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "elasticsearch"])
    parser.add_argument("--es-url", default=os.environ.get("ELASTICSEARCH_URL"))
    parser.add_argument("--write", type=Path, help="Also write the results into this file")
    parser.add_argument("--one", nargs=2, metavar=("BACKEND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.queries, args.es_url)))
        return
    results = run_each(__file__, args.sizes, args.backends, args.es_url,
                       ["--queries", str(args.queries)])
    print(table(results))
    if args.write:
        write_section(args.write, "search", table(results), results)


def run_each(script: str, sizes: list[int], backends: list[str], es_url: str | None,
             extra: list[str]) -> list[dict[str, Any]]:
    """Run ``script --one BACKEND SIZE`` in a fresh process per case (clean peak memory)."""
    results = []
    for size in sizes:
        for backend in backends:
            if backend == "elasticsearch" and not es_url:
                print("skipping elasticsearch: set ELASTICSEARCH_URL or --es-url", file=sys.stderr)
                continue
            cmd = [sys.executable, script, "--one", backend, str(size), *extra]
            cmd += ["--es-url", es_url] if es_url else []
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
            print(json.dumps(results[-1]), file=sys.stderr)
    return results


def write_section(path: Path, name: str, text: str, results: list[dict[str, Any]]) -> None:
    """Replace this benchmark's section of the figures file, keeping the others."""
    begin, end = f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"
    detail = json.dumps(results, indent=1)
    block = (f"{begin}\n{text}\n\n<details><summary>Raw figures (by query kind)</summary>\n\n"
             f"```json\n{detail}\n```\n</details>\n{end}")
    current = path.read_text() if path.exists() else "# Benchmarks\n"
    if begin in current:
        head, _, rest = current.partition(begin)
        _, _, tail = rest.partition(end)
        current = head + block + tail
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    path.write_text(current)


if __name__ == "__main__":
    main()
