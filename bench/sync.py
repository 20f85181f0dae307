"""Feed sync benchmark: N synthetic ORUK 3.0 services as files, synced into each backend.

The files are pages of 1,000 services (``{"contents": [...]}``), read by the built-in
``oruk3`` reader and synced exactly as ``linkwell feeds sync --full`` does: term mapping,
geocoding, batches through the directory's HTTP API (in-process, as in the embedded default).
It times a first sync (everything added) and a rerun (everything unchanged), and, for
comparison, a straight bulk load of the same records with ``ingest.upsert_stream`` (parallel
preparation in worker processes, no sync, no API). Each backend runs in its own process, so
peak memory is that run's alone.

    python bench/sync.py                          # 20,000 services, both backends
    python bench/sync.py --count 2000 --backends sqlite
    python bench/sync.py --write docs/benchmarks.md
"""

from __future__ import annotations

import json
import logging
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from harness import arguments, directory_config, markdown_table, report, run_each
from synthetic import assets

from linkwell.plugins import Feed, hookimpl

PER_FILE = 1000
BATCH_SIZE = 500  # what `linkwell feeds sync` sends by default


def write_feed(folder: Path, count: int) -> None:
    """``services-page-N.json`` files of ORUK pages, as an ORUK 3.0 file feed."""
    folder.mkdir(parents=True, exist_ok=True)
    page: list[dict[str, Any]] = []
    number = 0
    for record in assets(count):
        record["last_modified"] = "2026-11-01T09:00:00Z"
        page.append(record)
        if len(page) == PER_FILE:
            number += 1
            _write_page(folder, number, page)
            page = []
    if page:
        _write_page(folder, number + 1, page)


def _write_page(folder: Path, number: int, page: list[dict[str, Any]]) -> None:
    (folder / f"services-page-{number}.json").write_text(json.dumps({"contents": page}))


class BenchFeed:
    """Registers the benchmark's file feed; the built-in oruk3 reader reads it."""

    def __init__(self, folder: Path) -> None:
        self.feed = Feed(name="bench", area="London", kind="oruk3", location=str(folder))

    @hookimpl
    def linkwell_feeds(self) -> list[Feed]:
        return [self.feed]


def _directory(backend: str, es_url: str | None) -> Any:
    from linkwell.directory import create_app

    return create_app(directory_config(backend, es_url, prefix="linkwell-bench-sync-",
                                       ELASTICSEARCH_TIMEOUT=60.0, TESTING=True))


def _drop(app: Any) -> None:
    store = app.extensions["linkwell.backend"]
    if store.name == "elasticsearch":
        store.drop_all()
    store.close()
    shutil.rmtree(app.config["DATA_DIR"], ignore_errors=True)


def run_one(backend: str, folder: Path, count: int, es_url: str | None) -> dict[str, Any]:
    from linkwell.client import ServiceClient
    from linkwell.feeds.state import SyncState
    from linkwell.feeds.sync import FeedSync
    from linkwell.plugins.manager import plugin_manager

    logging.getLogger("linkwell.directory.requests").setLevel(logging.WARNING)
    app = _directory(backend, es_url)
    plugin = BenchFeed(folder)
    pm = plugin_manager(allow=[], config=app.config)
    pm.register(plugin)
    client = ServiceClient(app=app, token="bench", timeout=600)
    state = SyncState(app.config["DATA_DIR"])
    result: dict[str, Any] = {"backend": backend, "count": count, "batch_size": BATCH_SIZE}
    try:
        for label in ("first", "rerun"):
            started = time.perf_counter()
            run = FeedSync(pm, client, state, plugin.feed, full=True,
                           batch_size=BATCH_SIZE).run()
            seconds = time.perf_counter() - started
            assert run.ok, run.reason
            result[label] = {"seconds": round(seconds, 1), "rate": round(count / seconds),
                             **{k: v for k, v in run.counts.items() if v}}
    finally:
        _drop(app)
    result["stream"] = _upsert_stream(backend, folder, count, es_url)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def _upsert_stream(backend: str, folder: Path, count: int, es_url: str | None) -> dict[str, Any]:
    """The same records bulk-loaded in-process with parallel preparation, for comparison."""
    from linkwell.directory.ingest import upsert_stream
    from linkwell.feeds.readers.oruk3 import read_files

    app = _directory(backend, es_url)
    store = app.extensions["linkwell.backend"]
    feed = Feed(name="bench", area="London", kind="oruk3", location=str(folder))
    try:
        started = time.perf_counter()
        counts = upsert_stream(store, (r.record for r in read_files(feed)), "bench", "London")
        seconds = time.perf_counter() - started
    finally:
        _drop(app)
    return {"seconds": round(seconds, 1), "rate": round(count / seconds), "added": counts["added"]}


def table(results: list[dict[str, Any]]) -> str:
    def took(figures: dict[str, Any]) -> str:
        return f"{figures['seconds']} ({figures['rate']:,})"

    return markdown_table(
        [("services", "---:"), ("backend", "---"), ("first sync: s (services/s)", "---:"),
         ("rerun, all unchanged: s (services/s)", "---:"),
         ("bulk load, upsert_stream: s (services/s)", "---:"), ("peak RSS (MB)", "---:")],
        [(f"{r['count']:,}", r["backend"], took(r["first"]), took(r["rerun"]),
          took(r["stream"]), r["peak_rss_mb"]) for r in results])


def main() -> None:
    parser = arguments(__doc__, one=("BACKEND", "FOLDER"))
    parser.add_argument("--count", type=int, default=20_000)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], Path(args.one[1]), args.count, args.es_url)))
        return
    load = os.getloadavg()[0]  # other work on the machine slows every figure down
    folder = Path(tempfile.mkdtemp(prefix="linkwell-bench-feed-"))
    try:
        write_feed(folder, args.count)
        # Each backend in a process of its own, so peak memory is that run's alone.
        results = run_each(__file__, [folder], args.backends, args.es_url,
                           ["--count", str(args.count)])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(args, "sync", table(results), results, section=_section(table(results), load))


def _section(figures: str, load: float) -> str:
    return ("## Feed sync\n\n`python bench/sync.py` syncs synthetic Open Referral UK 3.0 "
            "services from page files (1,000 a file) through the built-in `oruk3` reader and "
            "the whole sync (term mapping, geocoding, batches of "
            f"{BATCH_SIZE} through the directory's API, in-process), on "
            f"{os.cpu_count()} CPUs (load average {load:.1f} when it started). The rerun finds "
            "every record unchanged; the bulk load is "
            "`ingest.upsert_stream` on the same records (two worker processes preparing "
            "documents, no sync), for comparison.\n\n" + figures)


if __name__ == "__main__":
    main()
