"""The demo boroughs' data, loaded into an empty directory by ``linkwell serve``."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flask import Flask
from rich.console import Console

from linkwell.directory import ingest
from linkwell.directory.backends.base import SearchBackend, SearchQuery


def _data_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def lewisham() -> Iterator[dict[str, Any]]:
    folder = _data_dir("linkwell_lewisham")
    if folder and (folder / "services.json").exists():
        yield from json.loads((folder / "services.json").read_text(encoding="utf-8"))


def tower_hamlets() -> Iterator[dict[str, Any]]:
    from linkwell.feeds.oruk1 import convert_service, iter_page_services

    folder = _data_dir("linkwell_tower_hamlets")
    for page in sorted(folder.glob("services-page-*.json")) if folder else []:
        for service in iter_page_services(json.loads(page.read_text(encoding="utf-8"))):
            yield convert_service(service, feed="tower-hamlets")


def camden() -> Iterator[dict[str, Any]]:
    from linkwell.feeds.csv_template import convert_row, read_rows

    folder = _data_dir("linkwell_camden")
    if folder and (folder / "assets.csv").exists():
        for number, row in read_rows(folder / "assets.csv"):
            yield convert_row(row, feed="camden", row_number=number)


DEMO_FEEDS = (("lewisham", "Lewisham", lewisham), ("tower-hamlets", "Tower Hamlets", tower_hamlets),
              ("camden", "Camden", camden))


def load_demo(backend: SearchBackend, console: Console) -> dict[str, dict[str, int]]:
    """Import every demo feed that is installed; returns the counts per feed."""
    totals: dict[str, dict[str, int]] = {}
    for feed, area, reader in DEMO_FEEDS:
        records = list(reader())
        if not records:
            console.print(f"Demo feed {feed}: not installed, skipped")
            continue
        outcomes = ingest.upsert(backend, records, feed, area, refresh=False)
        totals[feed] = ingest.tally(outcomes)
        console.print(f"Demo feed {feed}: {totals[feed]}")
    return totals


def load_demo_if_empty(directory: Flask, console: Console) -> None:
    backend: SearchBackend = directory.extensions["linkwell.backend"]
    if backend.search(SearchQuery(per_page=1, facets=False, statuses=[])).total == 0:
        load_demo(backend, console)
    backend.close()  # gunicorn forks after this: each worker opens its own connections
