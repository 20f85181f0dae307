"""What the benchmark scripts share: a directory on a backend (its settings, synthetic assets
loaded into it, served under gunicorn), timing and percentiles, each (size, backend) in a
process of its own, the arguments that choose them, and the tables and sections they print
and write into docs/benchmarks.md.

Not a benchmark itself: ``bench/search.py``, ``match.py``, ``suggest.py``, ``sync.py``,
``load.py``, ``eval.py`` and the others import it.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson
import requests
from synthetic import assets

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
GUNICORN_INTERNAL = DEPLOY / "gunicorn_internal.py"
GUNICORN_PUBLIC = DEPLOY / "gunicorn_public.py"
SKIPPING_ES = "skipping elasticsearch: set ELASTICSEARCH_URL or --es-url"

# --- timing ------------------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(latencies: list[float]) -> dict[str, float]:
    """p50, p95 and p99 of latencies in seconds, in milliseconds."""
    return {f"p{p}": round(percentile(latencies, p) * 1000, 2) for p in (50, 95, 99)}


def latencies(call: Callable[[Any], Any], items: Iterable[Any], warm: int = 0) -> list[float]:
    """Seconds each ``call(item)`` took, after ``call`` of the first ``warm`` items untimed.

    A warm-up call may fail while a just-started node is cold (Elasticsearch's first searches
    of a new index can outlast the directory's budget and answer 503): it is tried again for
    up to a minute, as a person would; the timed calls may not fail."""
    items = list(items)
    for item in items[:warm]:
        deadline = time.monotonic() + 60
        while True:
            try:
                call(item)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
    took = []
    for item in items:
        started = time.perf_counter()
        call(item)
        took.append(time.perf_counter() - started)
    return took


def peak_rss_mb(pid: int) -> int:
    """A process's peak resident memory (VmHWM), in MB, read from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return 0


def children(pid: int) -> list[str]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return path.read_text().split() if path.exists() else []


def workers_peak_rss_mb(server: subprocess.Popen[bytes]) -> int:
    """The largest peak memory of a gunicorn server's worker processes, in MB."""
    return max((peak_rss_mb(int(p)) for p in children(server.pid)), default=0)


# --- a directory to measure --------------------------------------------------------


def directory_config(backend: str, es_url: str | None, prefix: str = "linkwell-bench-",
                     **settings: Any) -> dict[str, Any]:
    """A directory's settings on ``backend``, with its own data folder and index prefix."""
    config: dict[str, Any] = {"DATA_DIR": tempfile.mkdtemp(prefix=prefix),
                              "SEARCH_BACKEND": backend, "INGEST_TOKEN": "bench",
                              "ELASTICSEARCH_TIMEOUT": 30.0, **settings}
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


def load_assets(config: dict[str, Any], size: int) -> tuple[Any, Any, float]:
    """A directory on ``config`` with ``size`` synthetic assets loaded as ``linkwell import
    bench.ndjson`` loads them on this machine, less starting Python: the file read, and its
    records parsed and bulk-loaded as they are read, with the command's defaults.

    Returns its backend, the import's report and the seconds the load took."""
    from linkwell.directory import create_app
    from linkwell.feeds.importer import import_locally, open_records

    feed_file = Path(config["DATA_DIR"]) / "bench.ndjson"
    with feed_file.open("wb") as out:
        for record in assets(size):
            out.write(orjson.dumps(record) + b"\n")
    store = create_app(config).extensions["linkwell.backend"]
    started = time.perf_counter()
    report = import_locally(store, open_records(feed_file).pairs, "bench", "London")
    if config["SEARCH_BACKEND"] == "elasticsearch":
        store.es.indices.refresh(index=store.alias)
    return store, report, time.perf_counter() - started


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve(target: str, env: dict[str, str],
          settings: Path = GUNICORN_INTERNAL) -> tuple[subprocess.Popen[bytes], str]:
    """``target`` (e.g. ``'linkwell.matcher:create_app()'``) under gunicorn with production's
    ``settings`` (the internal services' by default), on a free loopback port."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(settings), "-b", f"127.0.0.1:{port}",
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


# --- cases, arguments and reports ---------------------------------------------------


def arguments(doc: str, sizes: list[int] | None = None,
              one: tuple[str, str] | None = ("BACKEND", "SIZE")) -> argparse.ArgumentParser:
    """The options every per-backend benchmark takes: ``--sizes`` (if given defaults),
    ``--backends``, ``--es-url``, ``--write`` and (unless ``one`` is None) the hidden
    ``--one`` that runs one case."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    if sizes:
        parser.add_argument("--sizes", type=int, nargs="+", default=sizes)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "elasticsearch"])
    parser.add_argument("--es-url", default=os.environ.get("ELASTICSEARCH_URL"))
    parser.add_argument("--write", type=Path, help="Also write the results into this file")
    if one:
        parser.add_argument("--one", nargs=2, metavar=one, help=argparse.SUPPRESS)
    return parser


def with_es(backends: Iterable[str], es_url: str | None) -> list[str]:
    """The backends that can run: Elasticsearch only with a URL (else say it is skipped)."""
    chosen = []
    for backend in backends:
        if backend == "elasticsearch" and not es_url:
            print(SKIPPING_ES, file=sys.stderr)
            continue
        chosen.append(backend)
    return chosen


def run_each(script: str, cases: Sequence[object], backends: list[str], es_url: str | None,
             extra: list[str]) -> list[dict[str, Any]]:
    """Run ``script --one BACKEND CASE`` in a fresh process per case (clean peak memory)."""
    results = []
    for case in cases:
        for backend in with_es(backends, es_url):
            cmd = [sys.executable, script, "--one", backend, str(case), *extra]
            cmd += ["--es-url", es_url] if es_url else []
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
            print(json.dumps(results[-1]), file=sys.stderr)
    return results


Table = Callable[[list[dict[str, Any]]], str]


def run_cases(script: str, args: argparse.Namespace, name: str, table: Table,
              run_one: Callable[[str, int], dict[str, Any]], extra: list[str]) -> None:
    """With ``--one BACKEND SIZE``, run that case here and print its figures as JSON; else
    every size on every backend, each in a process of its own (``script --one ...`` with
    ``extra`` options), then report their ``table`` as benchmark ``name``."""
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    results = run_each(script, args.sizes, args.backends, args.es_url, extra)
    report(args, name, table(results), results)


def report(args: argparse.Namespace, name: str, text: str, results: list[dict[str, Any]],
           section: str | None = None) -> None:
    """Print the figures, and with ``--write`` put them in the figures file too."""
    print(text)
    if args.write:
        write_section(args.write, name, section or text, results)


def triple(figures: dict[str, float] | None) -> str:
    """'p50 / p95 / p99' of a summary, or '-'."""
    return f"{figures['p50']} / {figures['p95']} / {figures['p99']}" if figures else "-"


def markdown_table(columns: Sequence[tuple[str, str]], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table of (heading, alignment) columns ('---' or '---:')."""
    lines = ["| " + " | ".join(heading for heading, _ in columns) + " |",
             "|" + "|".join(align for _, align in columns) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


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
