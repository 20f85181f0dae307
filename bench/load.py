"""Capacity under open-loop load: the highest arrival rate each target sustains.

Requests arrive at a fixed rate whatever the answers' speed (open loop, as k6's
constant-arrival-rate or locust's constant pacing), so a slow server meets a queue rather than
a politely waiting client; each latency counts from when its request was due, not when a
thread was free to send it. At rising rates, for each target:

- directory: the directory alone under gunicorn (deploy/gunicorn_internal.py), a mix of
  searches (3/4) and Open Referral UK pages (1/4);
- gateway search: the gateway (deploy/gunicorn_public.py) in front of the directory, the
  directory's own mix (searches 3/4, ORUK pages 1/4) through the public API;
- gateway+match: the same gateway with the matcher behind it, a mix of searches (3/5), matches
  (1/5) and ORUK pages (1/5);
- elasticsearch: raw Elasticsearch given the directory's own query bodies for the searches
  (``search_body`` of the same arguments), straight from the official client.

It prints, per target and rate, p50/p95, errors and the CPU each service's processes spent
per request (from /proc: a figure that a busy machine disturbs less than the rates), then the
highest rate at which p95 stays under 200 ms with under 1% errors. Each backend is loaded
with ``--size`` synthetic assets (bench/synthetic.py) as bench/search.py loads them.

    python bench/load.py --size 50000 --backends sqlite,elasticsearch
    python bench/load.py --size 2000 --rates 20,40 --seconds 3     # a quick look
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).parent))
from harness import GUNICORN_PUBLIC, children, directory_config, percentile, serve, service_env
from harness import load_assets as load_directory
from match import match_mix
from search import query_mix

from linkwell.directory.backends.base import MAX_RESULT_WINDOW

P95_BOUND = 0.200
ERROR_BOUND = 0.01
Call = Callable[[int], None]


def open_loop(call: Call, rate: float, seconds: float, threads: int = 200) -> dict[str, Any]:
    """``call(i)`` at ``rate`` a second for ``seconds``: latencies from each one's due time."""
    count = max(1, int(rate * seconds))
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()

    def one(i: int, due: float) -> None:
        error = None
        try:
            call(i)
        except requests.HTTPError as exc:
            error = f"{exc.response.status_code} {exc.response.request.path_url[:60]}"
        except Exception as exc:
            error = type(exc).__name__
        took = time.perf_counter() - due
        with lock:
            latencies.append(took)
            if error:
                errors[error] += 1

    began = time.perf_counter() + 0.05
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for i in range(count):
            due = began + i / rate
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            pool.submit(one, i, due)
    latencies.sort()
    return {"rate": rate, "requests": count, "errors": sum(errors.values()) / count,
            "what_failed": errors.most_common(3),
            "p50_ms": round(percentile(latencies, 50) * 1000, 1),
            "p95_ms": round(percentile(latencies, 95) * 1000, 1)}


def cpu_seconds(server: subprocess.Popen[bytes]) -> float:
    """CPU (user and system) a gunicorn server's worker processes have used so far."""
    total = 0
    for pid in children(server.pid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # a worker that just exited
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def sustained(name: str, call: Call, rates: list[float], seconds: float,
              servers: dict[str, subprocess.Popen[bytes]] | None = None) -> dict[str, Any]:
    """Rising rates until one fails the bound; the highest that held."""
    open_loop(call, rates[0], min(seconds, 3))  # warm the caches a running service has
    steps, best = [], 0.0
    servers = servers or {}
    for rate in rates:
        before = {label: cpu_seconds(server) for label, server in servers.items()}
        step = open_loop(call, rate, seconds)
        step["cpu_ms"] = {label: round((cpu_seconds(server) - before[label]) * 1000
                                       / step["requests"], 2)
                          for label, server in servers.items()}
        steps.append(step)
        held = step["p95_ms"] < P95_BOUND * 1000 and step["errors"] < ERROR_BOUND
        cpu = "".join(f"  {label} {ms:.1f}" for label, ms in step["cpu_ms"].items())
        print(f"  {name:14} {rate:6.0f}/s  p50 {step['p50_ms']:7.1f} ms  p95 "
              f"{step['p95_ms']:7.1f} ms  errors {step['errors']:.1%}  {'ok' if held else 'FAIL'}"
              f"{'  cpu ms/request:' + cpu if cpu else ''}", flush=True)
        if not held:
            if step["what_failed"]:
                print(f"  {'':14} most common errors: {step['what_failed']}", flush=True)
            break
        best = rate
    return {"target": name, "sustained": best, "steps": steps}


class Http:
    """One requests session per thread, straight to 127.0.0.1."""

    def __init__(self, root: str, headers: dict[str, str] | None = None) -> None:
        self.root, self.headers, self.local = root, headers or {}, threading.local()

    def session(self) -> requests.Session:
        found: requests.Session | None = getattr(self.local, "session", None)
        if found is None:
            found = self.local.session = requests.Session()
            found.trust_env = False
            found.headers.update(self.headers)
        return found

    def get(self, path: str, params: dict[str, str] | None = None) -> None:
        self.session().get(self.root + path, params=params, timeout=10).raise_for_status()

    def post(self, path: str, body: dict[str, Any]) -> None:
        self.session().post(self.root + path, json=body, timeout=10).raise_for_status()


def oruk_pages(count: int, size: int) -> list[dict[str, str]]:
    """First, early, middle and last pages of 50, as deep as the ORUK list pages (10,000
    results; a reader goes further with ``modified_after``, as the API's 400 says)."""
    rng = random.Random(5)
    last = max(1, min(size, MAX_RESULT_WINDOW) // 50)
    return [{"page": str(rng.choice([1, 2, 3, last // 2, last])), "per_page": "50"}
            for _ in range(count)]


def load_assets(config: dict[str, Any], size: int) -> Any:
    store, _, seconds = load_directory(config, size)
    print(f"  loaded {size} assets in {seconds:.0f} s", flush=True)
    (Path(config["DATA_DIR"]) / "bench.ndjson").unlink()
    return store


def run_backend(backend: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    from linkwell.directory.api import build_query
    from linkwell.directory.backends.elastic import search_body
    from linkwell.directory.schemas import SearchArgs

    print(f"{backend}, {args.size} assets:", flush=True)
    config = directory_config(backend, args.es_url)
    store = load_assets(config, args.size)
    searches = [p for _, p in query_mix(2000)]
    matches = match_mix(500)
    pages = oruk_pages(500, args.size)
    env = {**service_env(config),
           # Capacity, not the limits, is measured: budgets far above any rate tried here.
           "LINKWELL_RATE_LIMITS": "anonymous=1000000/minute",
           "LINKWELL_ORUK_RATE_LIMITS": "anonymous=1000000/minute"}
    servers: list[subprocess.Popen[bytes]] = []
    results = []
    try:
        directory, root = serve("linkwell.directory:create_app()", env)
        servers.append(directory)
        matcher, match_root = serve("linkwell.matcher:create_app()",
                                    {**env, "LINKWELL_DIRECTORY_URL": root})
        servers.append(matcher)
        # As deploy/ runs it: several processes, counting limits in one shared store.
        gateway_env = {**env, "LINKWELL_DIRECTORY_URL": root, "LINKWELL_MATCHER_URL": match_root,
                       "LINKWELL_WORKERS": str(args.gateway_workers)}
        if args.redis_url:
            gateway_env["LINKWELL_RATE_LIMIT_STORAGE"] = args.redis_url
        gateway, gateway_root = serve("linkwell.gateway:create_app()", gateway_env,
                                      GUNICORN_PUBLIC)
        servers.append(gateway)
        direct, public = Http(root), Http(gateway_root)

        def directory_mix(i: int) -> None:
            if i % 4 == 3:
                direct.get("/openreferral/services", pages[i % len(pages)])
            else:
                direct.get("/services", searches[i % len(searches)])

        def gateway_search_mix(i: int) -> None:
            """The directory's mix through the gateway: keys, limits and its own answer."""
            if i % 4 == 3:
                public.get("/openreferral/services", pages[i % len(pages)])
            else:
                public.get("/api/v1/services", searches[i % len(searches)])

        def gateway_mix(i: int) -> None:
            if i % 5 == 3:
                public.post("/api/v1/match", matches[i % len(matches)])
            elif i % 5 == 4:
                public.get("/openreferral/services", pages[i % len(pages)])
            else:
                public.get("/api/v1/services", searches[i % len(searches)])

        results.append(sustained("directory", directory_mix, args.rates, args.seconds,
                                 {"directory": directory}))
        results.append(sustained("gateway search", gateway_search_mix, args.rates,
                                 args.seconds, {"gateway": gateway, "directory": directory}))
        results.append(sustained("gateway+match", gateway_mix, args.rates, args.seconds,
                                 {"gateway": gateway, "matcher": matcher,
                                  "directory": directory}))
        if backend == "elasticsearch":
            bodies = [search_body(build_query(SearchArgs().load(p))) for p in searches]

            def raw(i: int) -> None:
                store.es.search(index=store.alias, **bodies[i % len(bodies)])

            results.append(sustained("elasticsearch", raw, args.rates, args.seconds))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:  # a server slow to stop must not leave the index behind
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if backend == "elasticsearch":
            store.drop_all()
        store.close()
        shutil.rmtree(config["DATA_DIR"], ignore_errors=True)
    for found in results:
        found["backend"] = backend
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--backends", default="sqlite,elasticsearch")
    parser.add_argument("--rates", default="25,50,100,150,200,250,300,400,500")
    parser.add_argument("--seconds", type=float, default=10.0, help="at each rate")
    parser.add_argument("--es-url", default=os.environ.get("ELASTICSEARCH_URL",
                                                           "http://127.0.0.1:9200"))
    parser.add_argument("--gateway-workers", type=int, default=4,
                        help="gateway processes (deploy/linkwell.env.example runs 4)")
    parser.add_argument("--redis-url", default=os.environ.get("LINKWELL_TEST_REDIS_URL"),
                        help="the gateway's shared limit store (else each process counts alone)")
    args = parser.parse_args()
    args.rates = [float(r) for r in args.rates.split(",")]
    every = []
    for backend in args.backends.split(","):
        every += run_backend(backend, args)
    print("\nhighest rate with p95 < 200 ms and errors < 1%:")
    for found in every:
        print(f"  {found['backend']:13} {found['target']:14} {found['sustained']:6.0f}/s")


if __name__ == "__main__":
    main()
