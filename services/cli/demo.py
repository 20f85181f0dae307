"""The demo boroughs' data, loaded into an empty directory by ``linkwell serve``.

The demo goes the way every feed goes: the installed plugins' feeds (Lewisham, Tower Hamlets
and Camden, from ``plugins/``) through the plugin manager and the same sync as
``linkwell feeds sync --all --full``, so what the demo shows is what a borough would get.
"""

from __future__ import annotations

from flask import Flask
from rich.console import Console

from linkwell.client import ServiceClient
from linkwell.config import ingest_token
from linkwell.directory.backends.base import SearchBackend, SearchQuery
from linkwell.feeds.state import SyncState
from linkwell.feeds.sync import FeedRun, quiet_directory_log, sync_feeds
from linkwell.hsds import STATUSES
from linkwell.plugins.manager import feeds, plugin_manager


def load_demo(directory: Flask, console: Console) -> list[FeedRun]:
    """Sync every installed feed into ``directory`` (in-process); returns each run."""
    config = directory.config
    pm = plugin_manager(config=config)
    found = [feed for _, feed in sorted(feeds(pm).items())]
    if not found:
        console.print("Demo: no feeds installed (pip install -e plugins/lewisham, ...)")
        return []
    client = ServiceClient(app=directory, token=ingest_token(config), timeout=600)
    try:
        with quiet_directory_log():
            runs = sync_feeds(pm, client, SyncState(config["DATA_DIR"]), found, full=True)
    finally:
        client.close()
    for run in runs:
        counts = ", ".join(f"{n} {k}" for k, n in run.counts.items() if n)
        console.print(f"Demo feed {run.feed.name}: {run.status} ({counts or 'nothing'})"
                      + (f": {run.reason}" if run.reason else ""))
    return runs


def load_demo_if_empty(directory: Flask, console: Console) -> None:
    """Load the demo only into an empty directory: never over a deployment's own data."""
    backend: SearchBackend = directory.extensions["linkwell.backend"]
    # Every status counts (an empty status list would match nothing and always reload).
    everything = SearchQuery(per_page=1, facets=False, statuses=list(STATUSES),
                             include_duplicates=True)
    if backend.search(everything).total == 0:
        load_demo(directory, console)
    backend.close()  # gunicorn forks after this: each worker opens its own connections
