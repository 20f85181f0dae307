"""Open Referral UK API benchmark: load N synthetic assets, time what other directories ask.

For each backend it prints the median and worst time of a fixed set of ORUK requests: list
pages near the start and as deep as paging goes, one service, service_at_location pages
(which read the places of every matching asset), a postcode and proximity search, and an
incremental read with ``modified_after``.

    python bench/oruk.py                                  # 20,000 assets, both backends
    python bench/oruk.py --size 2000 --backends sqlite --repeat 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import PLACES, assets

from linkwell.plugins import hookimpl


class Postcodes:
    """A geocoder for the benchmark: the synthetic places' outward codes, as postcodes."""

    @hookimpl(tryfirst=True)
    def linkwell_geocode(self, postcode: str) -> tuple[float, float] | None:
        return next(((lat, lon) for _, lat, lon, district in PLACES
                     if postcode == f"{district} 1AA"), None)


def requests_to_time(size: int) -> list[tuple[str, str]]:
    deepest = min(size, 10_000) // 50
    return [
        ("services, page 1", "/services?per_page=50"),
        (f"services, page {deepest} (deepest)", f"/services?per_page=50&page={deepest}"),
        ("services, search", "/services?search=walking&per_page=50"),
        ("services, modified_after", "/services?modified_after=2026-01-01&per_page=50"),
        ("service_at_locations, page 1", "/service_at_locations?per_page=50"),
        ("service_at_locations, page 100", "/service_at_locations?per_page=50&page=100"),
        ("service_at_locations, postcode 2 km",
         f"/service_at_locations?postcode={PLACES[0][3]}%201AA&proximity=2000&per_page=50"),
    ]


def run(backend: str, size: int, repeat: int) -> None:
    from linkwell.directory import create_app
    from linkwell.directory.ingest import upsert_stream

    config: dict[str, Any] = {"DATA_DIR": tempfile.mkdtemp(prefix="linkwell-bench-"),
                              "SEARCH_BACKEND": backend, "INGEST_TOKEN": "bench",
                              "ELASTICSEARCH_TIMEOUT": 30.0}
    if backend == "elasticsearch":
        config.update(ELASTICSEARCH_URL=os.environ.get("ELASTICSEARCH_URL",
                                                       "http://127.0.0.1:9200"),
                      INDEX_PREFIX=f"bench-{uuid.uuid4().hex[:8]}-")
    app = create_app(config)
    app.extensions["linkwell.plugins"].register(Postcodes())
    store = app.extensions["linkwell.backend"]
    started = time.perf_counter()
    upsert_stream(store, assets(size), "bench", "London")
    print(f"{backend}: loaded {size:,} assets in {time.perf_counter() - started:.1f} s")
    client = app.test_client()
    try:
        first = client.get("/openreferral/services?per_page=1").json["contents"][0]["id"]
        sal = client.get("/openreferral/service_at_locations?per_page=1").json["contents"][0]
        timed = [*requests_to_time(size), ("one service", f"/services/{first}"),
                 ("one service_at_location", f"/service_at_locations/{sal['id']}")]
        for label, path in timed:
            seconds = []
            for _ in range(repeat):
                began = time.perf_counter()
                response = client.get("/openreferral" + path)
                seconds.append(time.perf_counter() - began)
                assert response.status_code == 200, (path, response.json)
            print(f"  {label:<40} median {statistics.median(seconds) * 1000:7.1f} ms, "
                  f"worst {max(seconds) * 1000:7.1f} ms  ({response.json.get('total_items', 1):,}"
                  " found)")
    finally:
        if backend == "elasticsearch":
            store.drop_all()
        store.close()
        shutil.rmtree(config["DATA_DIR"], ignore_errors=True)  # a 50,000-asset file is ~300 MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "elasticsearch"])
    args = parser.parse_args()
    for backend in args.backends:
        run(backend, args.size, args.repeat)


if __name__ == "__main__":
    main()
