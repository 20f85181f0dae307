"""What the index holds: the versioned mapping, the documents written (and their duplicate
marks), the bulk bodies that write them, and what a bulk answer refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import orjson

from linkwell.directory.backends import names
from linkwell.directory.backends.base import IndexItem, StoredAsset
from linkwell.directory.backends.elastic import state

MAPPING_VERSION = 1
STORED_FIELDS = ["id", "version", "hash", "summary", "record", "provenance", "withdrawn"]


def load_mapping(version: int = MAPPING_VERSION, replicas: int | None = None) -> dict[str, Any]:
    """The mapping file's settings and mappings; ``replicas`` (set per deployment, as it
    depends on how many nodes there are) replaces the file's ``number_of_replicas``."""
    text = resources.files(__package__).joinpath(f"mappings/assets-v{version}.json").read_text()
    mapping: dict[str, Any] = json.loads(text)
    mapping["mappings"]["properties"]["indexed_at"] = {"type": "date"}
    if replicas is not None:
        mapping["settings"]["number_of_replicas"] = replicas
    return mapping


def marked(source: dict[str, Any], repeats: str | None,
           also: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The document with its duplicate marks set, or None when they are already so."""
    summary = dict(source.get("summary") or {})
    if source.get("duplicate_of") == repeats and summary.get("also_listed", []) == also:
        return None
    if also:
        summary["also_listed"] = also
    else:
        summary.pop("also_listed", None)
    out = {**source, "summary": summary}
    if repeats:
        out["duplicate_of"] = repeats
    else:
        out.pop("duplicate_of", None)
    return out


def _source(item: IndexItem) -> dict[str, Any]:
    """The stored document, all but ``indexed_at`` (added when written)."""
    doc = dict(item.document)
    doc.update(hash=item.hash, version=item.version, record=item.record,
               provenance=item.provenance, withdrawn=item.withdrawn)
    doc[names.ES_FIELD] = names.es_completion(doc)
    return doc


def index_ops(index: str, items: list[IndexItem]) -> list[bytes]:
    """A bulk body indexing ``items``, encoded here with orjson (the client would use json)."""
    ops: list[bytes] = []
    # indexed_at is the time of writing (a rebuild copies what was written after it
    # began), so it is added to the encoded source now, not when the item was packed
    stamp = b',"indexed_at":' + orjson.dumps(datetime.now(UTC).isoformat()) + b"}"
    for item in items:
        ops.append(orjson.dumps({"index": {"_index": index, "_id": item.id,
                                           "version": item.version,
                                           "version_type": "external_gte"}}))
        packed = item.packed if item.packed is not None else orjson.dumps(_source(item))
        ops.append(packed[:-1] + stamp)
    return ops


def pack(item: IndexItem) -> IndexItem:
    """``item`` with its source encoded, and without the nested parts the encoding holds."""
    return IndexItem(item.id, item.version, item.hash, {}, {}, {}, item.withdrawn,
                     orjson.dumps(_source(item)))


def refusals(result: dict[str, Any], index: str = "") -> dict[str, str]:
    """Each record's refusal; a refusal of the whole index (a block) is raised as one error."""
    refused: dict[str, str] = {}
    if not result.get("errors"):
        return refused
    for entry in result["items"]:
        op = entry.get("index") or entry.get("create") or {}
        error = op.get("error")
        if not error:
            continue
        block = state.block_of(error)
        if block is not None:
            raise state.refused_by_block(index or op.get("_index", ""), block)
        if error.get("type") == "version_conflict_engine_exception":
            refused[op["_id"]] = "a newer version of this asset is stored"
        else:
            refused[op["_id"]] = f"{error.get('type')}: {error.get('reason')}"
    return refused


def stored(src: dict[str, Any]) -> StoredAsset:
    return StoredAsset(src["id"], src["version"], src["hash"], src["summary"], src["record"],
                       src["provenance"], bool(src.get("withdrawn", False)))
