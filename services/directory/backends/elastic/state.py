"""What the Elasticsearch backend knows about the cluster beyond one query: whether it can
read and write now, why a write was refused, and the bulk load's lease on the index settings.

A bulk load turns refreshes off for speed. If the load dies with the node, nobody turns them
back on, and nothing written afterwards becomes searchable. So a load takes a lease, kept in
the index mapping's ``_meta`` with the setting to restore, and renews it while it runs; any
directory process that finds refreshes off under an expired lease (or none) restores them.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import elasticsearch
from elasticsearch import Elasticsearch

from linkwell.directory.backends.base import BackendStatus, WritesRefused

log = logging.getLogger(__name__)
LEASE_KEY = "linkwell_bulk_load"
LEASE_SECONDS = 15.0  # a load renews its lease every third of this
PAUSED = "-1"
# Index blocks that refuse writes, and what an operator does about each.
BLOCKS = {
    "read_only_allow_delete": (
        "the index is read-only because a disk of the cluster passed the flood-stage "
        "watermark (index.blocks.read_only_allow_delete)",
        "free disk space on the Elasticsearch nodes (or add nodes); Elasticsearch lifts the "
        "block itself once disk use falls below the high watermark. To lift it by hand: "
        'PUT /{index}/_settings {{"index.blocks.read_only_allow_delete": null}}'),
    "read_only": (
        "the index is read-only (index.blocks.read_only)",
        'clear the block: PUT /{index}/_settings {{"index.blocks.read_only": null}}'),
    "write": (
        "the index refuses writes (index.blocks.write)",
        'clear the block: PUT /{index}/_settings {{"index.blocks.write": null}}'),
}


def refused_by_block(index: str, reason: str) -> WritesRefused:
    """The operator error for a ``cluster_block_exception`` with Elasticsearch's ``reason``."""
    for block, (cause, remedy) in BLOCKS.items():
        if block.replace("_", "-") in reason or f"blocks.{block}" in reason:
            return WritesRefused(f"Elasticsearch refuses writes: {cause}.",
                                 remedy.format(index=index), block)
    return WritesRefused(f"Elasticsearch refuses writes: {reason}",
                         "see the cluster's index blocks (GET /_cluster/state/blocks)", "block")


def raise_blocks(result: dict[str, Any], index: str) -> None:
    """Raise ``WritesRefused`` if any operation of a bulk answer met an index block."""
    if not result.get("errors"):
        return
    for entry in result.get("items", []):
        for op in entry.values():
            block = block_of(op.get("error"))
            if block is not None:
                raise refused_by_block(index, block)


def block_of(error: Any) -> str | None:
    """The reason of a cluster block in an API error body or a bulk item error, or None."""
    if not isinstance(error, dict):
        return None
    inner = error.get("error", error)
    if not isinstance(inner, dict):
        return None
    if inner.get("type") == "cluster_block_exception":
        return str(inner.get("reason", ""))
    for cause in inner.get("root_cause") or []:
        found = block_of(cause)
        if found is not None:
            return found
    return None


@dataclass
class IndexState:
    """The parts of the index settings that say whether writes can land and be seen."""

    names: list[str]
    blocks: dict[str, bool]
    refresh: str | None

    @classmethod
    def read(cls, es: Elasticsearch, alias: str) -> IndexState:
        found = es.indices.get_settings(index=alias, flat_settings=True)
        blocks: dict[str, bool] = {}
        refresh: str | None = None
        for body in found.values():
            settings = body.get("settings", {})
            for block in BLOCKS:
                if str(settings.get(f"index.blocks.{block}", "false")).lower() == "true":
                    blocks[block] = True
            refresh = settings.get("index.refresh_interval", refresh)
        return cls(list(found), blocks, refresh)


def status(es: Elasticsearch, alias: str) -> BackendStatus:
    """Reads answer when the settings do; writes land unless a block (or a red cluster) refuses."""
    try:
        state = IndexState.read(es, alias)
    except (elasticsearch.ApiError, elasticsearch.TransportError) as exc:
        return BackendStatus(False, False, f"Elasticsearch did not answer: {type(exc).__name__}")
    for block in state.blocks:
        refused = refused_by_block(",".join(state.names), f"blocks.{block}")
        return BackendStatus(True, False, f"{refused.cause} {refused.remedy}")
    if state.refresh == PAUSED:
        repair(es, alias)
    return BackendStatus(True, True, None)


def _lease(es: Elasticsearch, alias: str) -> dict[str, Any] | None:
    found = es.indices.get_mapping(index=alias)
    for body in found.values():
        lease = (body.get("mappings", {}).get("_meta") or {}).get(LEASE_KEY)
        if lease:
            return dict(lease)
    return None


def repair(es: Elasticsearch, alias: str) -> bool:
    """Restore refreshes paused by a bulk load whose lease ran out; True if it did."""
    try:
        state = IndexState.read(es, alias)
        if state.refresh != PAUSED:
            return False
        lease = _lease(es, alias)
        if lease is not None and float(lease.get("until", 0)) > time.time():
            return False  # a load is running: it restores them itself
        restore = None if lease is None else lease.get("restore")
        if restore == PAUSED:  # never "restore" the pause itself
            restore = None
        es.indices.put_settings(index=alias, settings={"index": {"refresh_interval": restore}})
        es.indices.put_mapping(index=alias, meta={})
    except (elasticsearch.ApiError, elasticsearch.TransportError):
        return False  # the next check tries again
    log.warning("restored the index settings left by a bulk load that did not finish")
    return True


class Lease:
    """Refreshes off for one bulk load, under a lease renewed in the background; ``end``
    restores them on every way out this process lives through (``repair`` on the others)."""

    def __init__(self, es: Elasticsearch, alias: str) -> None:
        self.es = es
        self.alias = alias
        self.restore: str | None = None
        self.stop = threading.Event()
        self.renewer: threading.Thread | None = None

    def begin(self) -> None:
        repair(self.es, self.alias)  # an earlier load that died: start from what it found
        self.restore = IndexState.read(self.es, self.alias).refresh
        if self.restore == PAUSED:  # another load runs: restore what that one found
            lease = _lease(self.es, self.alias)
            self.restore = None if lease is None else lease.get("restore")
        _take_lease(self.es, self.alias, self.restore)
        self.es.indices.put_settings(index=self.alias,
                                     settings={"index": {"refresh_interval": PAUSED}})
        self.renewer = threading.Thread(target=_renew, daemon=True, name="bulk-load-lease",
                                        args=(self.es, self.alias, self.restore, self.stop))
        self.renewer.start()

    def end(self) -> None:
        self.stop.set()
        if self.renewer is not None:
            self.renewer.join()
        self.es.indices.put_settings(index=self.alias,
                                     settings={"index": {"refresh_interval": self.restore}})
        self.es.indices.put_mapping(index=self.alias, meta={})
        self.es.indices.refresh(index=self.alias)


def _take_lease(es: Elasticsearch, alias: str, restore: str | None) -> None:
    es.indices.put_mapping(index=alias, meta={LEASE_KEY: {
        "until": time.time() + LEASE_SECONDS, "restore": restore}})


def _renew(es: Elasticsearch, alias: str, restore: str | None, stop: threading.Event) -> None:
    while not stop.wait(LEASE_SECONDS / 3):
        # when renewing fails, the load itself fails too and says why
        with contextlib.suppress(elasticsearch.ApiError, elasticsearch.TransportError):
            _take_lease(es, alias, restore)
