"""Settings shared by the three services, read from the environment when an app is built.

Nothing here runs at import time: ``create_app`` calls :func:`from_environ`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    "DATA_DIR": "./var",
    "SEARCH_BACKEND": "sqlite",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
    "INDEX_PREFIX": "linkwell-",
    "ELASTICSEARCH_TIMEOUT": 1.5,
    "ES_REPLICAS": 0,
    "INGEST_TOKEN": None,
    # Where "Leave this site quickly" goes: a neutral page that gives nothing away.
    "QUICK_EXIT_URL": "https://www.bbc.co.uk/weather",
}
# Environment variable -> setting.
ENVIRONMENT = {
    "LINKWELL_DATA_DIR": "DATA_DIR",
    "LINKWELL_SEARCH_BACKEND": "SEARCH_BACKEND",
    # One node's URL, or several comma-separated: the client spreads requests over them and
    # passes over a node that stops answering.
    "ELASTICSEARCH_URL": "ELASTICSEARCH_URL",
    # Replicas of the index made at creation (default 0: one node has nowhere to put them).
    "LINKWELL_ES_REPLICAS": "ES_REPLICAS",
    "LINKWELL_INDEX_PREFIX": "INDEX_PREFIX",
    "LINKWELL_INGEST_TOKEN": "INGEST_TOKEN",
    "LINKWELL_DIRECTORY_URL": "DIRECTORY_URL",
    # Installed plugins to load (entry-point names, comma-separated); unset loads them all.
    "LINKWELL_PLUGINS": "PLUGINS",
    "LINKWELL_MATCHER_URL": "MATCHER_URL",
    # Searches one directory process lets wait on the backend at once (its threads less four).
    "LINKWELL_SEARCH_SLOTS": "SEARCH_SLOTS",
    # The gateway's map: off (a plain list of places, no third-party requests) unless set.
    "LINKWELL_MAP_TILES_URL": "MAP_TILES_URL",
    "LINKWELL_MAP_TILES_ATTRIBUTION": "MAP_TILES_ATTRIBUTION",
    # Postcodes typed by people go to postcodes.io only where a deployment sets this.
    "LINKWELL_POSTCODES_IO_URL": "POSTCODES_IO_URL",
    # Seconds to wait for it (default 3): a person is waiting, and the local path answers.
    "LINKWELL_POSTCODES_IO_TIMEOUT": "POSTCODES_IO_TIMEOUT",
    # Of places sharing a name, those in these local authorities win (default: the feeds').
    "LINKWELL_PLACE_AREAS": "PLACE_AREAS",
    # The gateway's rate limits: where the counters live (memory:// or redis://...), how they
    # count, and per-role budgets ("anonymous=60/minute, partner=120/minute").
    "LINKWELL_RATE_LIMIT_STORAGE": "RATE_LIMIT_STORAGE",
    "LINKWELL_RATE_LIMIT_STRATEGY": "RATE_LIMIT_STRATEGY",
    "LINKWELL_RATE_LIMIT_PREFIX": "RATE_LIMIT_PREFIX",
    "LINKWELL_RATE_LIMITS": "RATE_LIMITS",
    "LINKWELL_ORUK_RATE_LIMITS": "ORUK_RATE_LIMITS",
    # How many reverse proxies in front of the gateway to trust for X-Forwarded-For.
    "LINKWELL_PROXY_HOPS": "PROXY_HOPS",
    # The languages people here write in (ISO 639-1, comma-separated): what the matcher
    # detects among; unset: English and the demo boroughs' main languages.
    "LINKWELL_LANGUAGES": "LANGUAGES",
    # Distances on pages, print, widget and reasons: "km" (metres, then km) or "miles".
    "LINKWELL_DISTANCE_UNIT": "DISTANCE_UNIT",
    # The citizen pages' languages (codes, comma-separated); unset offers every catalog.
    "LINKWELL_PAGE_LANGUAGES": "PAGE_LANGUAGES",
    "LINKWELL_QUICK_EXIT_URL": "QUICK_EXIT_URL",
    # Signs sessions, CSRF tokens and one-time links; unset: generated once into DATA_DIR.
    "LINKWELL_SECRET_KEY": "SECRET_KEY",
}


def from_environ(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    env = os.environ if environ is None else environ
    return {setting: env[name] for name, setting in ENVIRONMENT.items() if env.get(name)}


def settings(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then the environment, then explicit overrides."""
    out = dict(DEFAULTS)
    out.update(from_environ())
    out.update(overrides or {})
    return out


def ingest_token(config: Mapping[str, Any]) -> str:
    """The token that guards ingestion: configured, or generated once into the data directory.

    On one machine the CLI and the server share the data directory, so both find the same
    generated token without anyone copying secrets around.
    """
    if config.get("INGEST_TOKEN"):
        return str(config["INGEST_TOKEN"])
    path = Path(config["DATA_DIR"]) / "ingest-token"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(32))
    return path.read_text().strip()
