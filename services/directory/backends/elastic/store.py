"""Elasticsearch backend: versioned mapping, an index behind an alias, bulk writes with
external versions, geo filters and sorts, and a relevance/distance blend in function_score.

Text arrives already analysed (see ``linkwell.text``), so the mapping needs only the
``whitespace`` analyzer, which every distribution ships.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import elasticsearch
import numpy as np
import orjson
from elasticsearch import Elasticsearch, helpers
from elasticsearch.serializer import OrjsonSerializer

from linkwell import deadline, semantic
from linkwell.directory.backends import elastic_state, names
from linkwell.directory.backends import words as vocab
from linkwell.directory.backends.base import (
    DECAY_OFFSET_KM,
    DECAY_SCALE_KM,
    FACET_FIELDS,
    MAX_RESULT_WINDOW,
    REMOTE_DELIVERY,
    STALE_FACTOR,
    BackendStatus,
    BackendUnavailable,
    Hit,
    IndexItem,
    Member,
    Rederive,
    SearchPage,
    SearchQuery,
    StoredAsset,
)

log = logging.getLogger(__name__)
MAPPING_VERSION = 1
TEXT_FIELDS = ["name_terms^3", "tag_terms^2", "body_terms"]
STORED_FIELDS = ["id", "version", "hash", "summary", "record", "provenance", "withdrawn"]
_DOWN = (elasticsearch.ConnectionError, elasticsearch.ConnectionTimeout)
READ_ATTEMPTS = 3  # tries of one read, at most, and only while its request has time for them
RETRY_PAUSE = 0.05  # seconds before a read is tried again (doubled each time)
WORTH_TRYING = 0.1  # seconds a try needs at least; with less left, the request fails now
# Where the geo distance sits in a hit's sort values, by sort (see _sort).
_DISTANCE_SORT_POSITION = {"distance": 0, "name": 2, "modified": 2}


def load_mapping(version: int = MAPPING_VERSION, replicas: int | None = None) -> dict[str, Any]:
    """The mapping file's settings and mappings; ``replicas`` (set per deployment, as it
    depends on how many nodes there are) replaces the file's ``number_of_replicas``."""
    text = resources.files(__package__).joinpath(f"mappings/assets-v{version}.json").read_text()
    mapping: dict[str, Any] = json.loads(text)
    mapping["mappings"]["properties"]["indexed_at"] = {"type": "date"}
    if replicas is not None:
        mapping["settings"]["number_of_replicas"] = replicas
    return mapping


def node_urls(url: str) -> list[str]:
    """ELASTICSEARCH_URL's nodes: one URL, or several separated by commas."""
    return [part.strip() for part in url.split(",") if part.strip()]


class ElasticsearchBackend:
    """Search backend over an Elasticsearch cluster; reads and writes go through the alias."""

    name = "elasticsearch"

    def __init__(self, url: str, prefix: str = "linkwell-", timeout: float = 1.5,
                 write_timeout: float = 60.0, replicas: int = 0) -> None:
        if replicas < 0:
            raise ValueError(f"LINKWELL_ES_REPLICAS must be 0 or more, not {replicas}")
        self.replicas = replicas
        self.alias = f"{prefix}assets"
        self.prefix = prefix
        self.timeout = timeout
        self.write_timeout = write_timeout
        self.url = url
        self._client: Elasticsearch | None = None

    @property
    def es(self) -> Elasticsearch:
        """The client, made on first use: after ``close`` (as before gunicorn forks its
        workers) the next call makes a new one, in the process that uses it."""
        if self._client is None:
            nodes = node_urls(self.url)
            # A node that refuses the connection (it died) costs nothing to pass over: try
            # the next one. A node that is slow is not retried, so waits never stack.
            self._client = Elasticsearch(nodes, request_timeout=self.timeout,
                                         max_retries=len(nodes) - 1, retry_on_timeout=False,
                                         # orjson: decoding search answers is a hot path
                                         serializer=OrjsonSerializer())
        return self._client

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except _DOWN as exc:
            raise BackendUnavailable(f"Elasticsearch did not answer: {exc}") from exc
        except elasticsearch.ApiError as exc:
            block = elastic_state.block_of(exc.body)
            if block is not None:
                raise elastic_state.refused_by_block(self.alias, block) from exc
            if exc.meta.status >= 500:
                raise BackendUnavailable(f"Elasticsearch failed: {exc}") from exc
            raise

    @property
    def _w(self) -> Elasticsearch:
        return self.es.options(request_timeout=self.write_timeout)

    @property
    def _r(self) -> Elasticsearch:
        """For a search: its timeout is what the request has left of its budget, so waits
        never stack (the client itself does not retry)."""
        try:
            return self.es.options(request_timeout=deadline.timeout_for(self.timeout))
        except deadline.DeadlinePassed as exc:
            raise BackendUnavailable(str(exc)) from exc

    def _read(self, call: Callable[[Elasticsearch], Any]) -> Any:
        """A read (idempotent, so safe to repeat), tried again when the connection failed or
        timed out, but only while the request's budget has room for another try: the client
        itself never retries, so retries cannot stack on top of the budget."""
        pause = RETRY_PAUSE
        for attempt in range(1, READ_ATTEMPTS + 1):
            try:
                return self._call(lambda: call(self._r))
            except BackendUnavailable as exc:
                cause = exc.__cause__
                left = deadline.remaining()
                if (attempt == READ_ATTEMPTS or not isinstance(cause, _DOWN)
                        or (left is None and isinstance(cause, elasticsearch.ConnectionTimeout))
                        or (left is not None and left < pause + WORTH_TRYING)):
                    raise
                log.info("Elasticsearch read failed (%s), trying again", type(cause).__name__)
                time.sleep(pause)
                pause *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def new_index_name(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        return f"{self.prefix}assets-v{MAPPING_VERSION}-{stamp}"

    def setup(self) -> None:
        if self._call(self.es.indices.exists_alias, name=self.alias):
            # Fields added to this mapping version since the index was made: adding is allowed
            # in place, and a strict mapping would otherwise refuse every new document.
            self._call(self._w.indices.put_mapping, index=self.alias,
                       properties=load_mapping()["mappings"]["properties"])
            return
        mapping = load_mapping(replicas=self.replicas)
        try:
            self._call(self._w.indices.create, index=self.new_index_name(),
                       aliases={self.alias: {"is_write_index": True}}, **mapping)
        except (elasticsearch.BadRequestError, BackendUnavailable) as exc:
            # Another worker process won the race to create it (each names its own index,
            # so the loser hears "more than one write index"): theirs is as good as ours.
            if not self._call(self.es.indices.exists_alias, name=self.alias):
                raise
            log.debug("index made by another process: %s", exc)

    def ping(self) -> bool:
        try:
            return bool(self.es.options(request_timeout=1.0).indices.exists_alias(name=self.alias))
        except (elasticsearch.ApiError, *_DOWN):
            return False

    def status(self) -> BackendStatus:
        return elastic_state.status(self.es.options(request_timeout=1.0), self.alias)

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Pause refreshes while a large load runs (much faster indexing), then restore them
        as they were and refresh (see ``elastic_state`` for a load that dies midway)."""
        lease = elastic_state.Lease(self._w, self.alias)
        self._call(lease.begin)
        try:
            yield
        finally:
            self._call(lease.end)

    def fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[str, int, bool]]:
        id_list = list(ids)
        if not id_list:
            return {}
        found = self._call(self._w.mget, index=self.alias, ids=id_list,
                           source_includes=["hash", "version", "withdrawn"])
        return {d["_id"]: (d["_source"]["hash"], d["_source"]["version"],
                           d["_source"].get("withdrawn", False))
                for d in found["docs"] if d.get("found")}

    def packer(self) -> Callable[[IndexItem], IndexItem]:
        return pack

    def write(self, items: list[IndexItem], refresh: bool = True) -> dict[str, str]:
        if not items:
            return {}
        result = self._call(self._w.bulk, operations=_index_ops(self.alias, items),
                            refresh=refresh)
        return _refusals(result, self.alias)

    def delete(self, ids: list[str], refresh: bool = True) -> int:
        if not ids:
            return 0
        result = self._call(self._w.bulk, refresh=refresh,
                            operations=[{"delete": {"_index": self.alias, "_id": i}} for i in ids])
        elastic_state.raise_blocks(result, self.alias)
        return sum(1 for r in result["items"] if r["delete"].get("result") == "deleted")

    def dup_keys(self, ids: Iterable[str]) -> dict[str, str]:
        id_list = list(ids)
        if not id_list:
            return {}
        found = self._call(self._w.mget, index=self.alias, ids=id_list,
                           source_includes=["dup_key"])
        return {d["_id"]: d["_source"]["dup_key"] for d in found["docs"]
                if d.get("found") and d["_source"].get("dup_key")}

    def shared_dup_keys(self) -> set[str]:
        result = self._call(self._w.search, index=self.alias, size=0, aggs={"keys": {"terms": {
            "field": "dup_key", "min_doc_count": 2, "size": 65_000}}})
        return {b["key"] for b in result["aggregations"]["keys"]["buckets"]}

    def marked_dup_keys(self) -> set[str]:
        # ``summary`` is not indexed, so the listings naming others are found by reading it.
        self._call(self._w.indices.refresh, index=self.alias)
        hits = self._scan(self.alias, {"exists": {"field": "dup_key"}},
                          source=["dup_key", "duplicate_of", "summary.also_listed"])
        return {h["_source"]["dup_key"] for h in hits if h["_source"].get("duplicate_of")
                or (h["_source"].get("summary") or {}).get("also_listed")}

    def atomic(self) -> AbstractContextManager[None]:
        return nullcontext()  # no transactions here: duplicates.reconcile repairs after a crash

    def duplicate_groups(self, keys: Iterable[str]) -> dict[str, list[Member]]:
        wanted = sorted(keys)
        # Writes made without a refresh (bulk batches) must be visible to this search.
        self._call(self._w.indices.refresh, index=self.alias)
        groups: dict[str, list[Member]] = {}
        for start in range(0, len(wanted), 500):
            hits = self._scan(self.alias, {"terms": {"dup_key": wanted[start:start + 500]}},
                              source=["dup_key", "id", "name", "feed", "status", "withdrawn",
                                      "last_confirmed", "duplicate_of"])
            for hit in hits:
                s = hit["_source"]
                groups.setdefault(s["dup_key"], []).append(Member(
                    s["id"], s.get("name", ""), s.get("feed", ""), s.get("status", ""),
                    bool(s.get("withdrawn")), s.get("last_confirmed"), s.get("duplicate_of")))
        return groups

    def mark_duplicates(self, marks: dict[str, tuple[str | None, list[dict[str, Any]]]]) -> None:
        """Re-index changed listings whole, at their version (see ``withdraw`` for why)."""
        ids = sorted(marks)
        for start in range(0, len(ids), 500):
            found = self._call(self._w.mget, index=self.alias, ids=ids[start:start + 500])
            operations: list[dict[str, Any]] = []
            for doc in found["docs"]:
                source = doc.get("_source") if doc.get("found") else None
                changed = source and _marked(source, *marks[doc["_id"]])
                if changed:
                    # A new stamp: the state suggestions are cached by (see generation) moves on.
                    changed["indexed_at"] = datetime.now(UTC).isoformat()
                    changed[names.ES_FIELD] = names.es_completion(changed)
                    operations += [{"index": {"_index": self.alias, "_id": doc["_id"],
                                              "version": changed["version"],
                                              "version_type": "external_gte"}}, changed]
            if operations:
                elastic_state.raise_blocks(
                    self._call(self._w.bulk, operations=operations, refresh=True), self.alias)

    def withdraw(self, ids: list[str], refresh: bool = True) -> int:
        """Re-index each asset with ``withdrawn`` set, at the version it already has.

        Not a partial update: an update would bump the external version by one, and the same
        record listed again later (same version) would then be refused as older.
        """
        withdrawn = 0
        for start in range(0, len(ids), 500):  # whole documents: keep each request modest
            withdrawn += self._withdraw_some(ids[start:start + 500], refresh)
        return withdrawn

    def _withdraw_some(self, ids: list[str], refresh: bool) -> int:
        found = self._call(self._w.mget, index=self.alias, ids=ids)
        now = datetime.now(UTC).isoformat()
        operations: list[dict[str, Any]] = []
        for doc in found["docs"]:
            source = doc.get("_source") if doc.get("found") else None
            if source is None or source.get("withdrawn"):
                continue
            operations.append({"index": {"_index": self.alias, "_id": doc["_id"],
                                         "version": source["version"],
                                         "version_type": "external_gte"}})
            withdrawn_doc = {**source, "withdrawn": True, "indexed_at": now}
            withdrawn_doc[names.ES_FIELD] = names.es_completion(withdrawn_doc)  # not shown now
            operations.append(withdrawn_doc)
        if not operations:
            return 0
        result = self._call(self._w.bulk, operations=operations, refresh=refresh)
        elastic_state.raise_blocks(result, self.alias)
        return sum(1 for r in result["items"] if not r["index"].get("error"))

    def get(self, asset_id: str) -> StoredAsset | None:
        try:
            doc = self._read(lambda es: es.get(index=self.alias, id=asset_id,
                                               source_includes=STORED_FIELDS))
        except elasticsearch.NotFoundError:
            return None
        return _stored(doc["_source"])

    def get_many(self, ids: list[str]) -> dict[str, StoredAsset]:
        """Many stored listings in a few requests (the data-quality page reads a borough)."""
        out: dict[str, StoredAsset] = {}
        for start in range(0, len(ids), 500):
            found = self._call(self._w.mget, index=self.alias, ids=ids[start:start + 500],
                               source_includes=STORED_FIELDS)
            out.update({d["_id"]: _stored(d["_source"]) for d in found["docs"] if d.get("found")})
        return out

    def ids(self, feed: str | None = None) -> set[str]:
        # Exact, writes not yet refreshed included: a sync compares this with its feed.
        self._call(self._w.indices.refresh, index=self.alias)
        query = {"term": {"feed": feed}} if feed is not None else {"match_all": {}}
        return {h["_id"] for h in self._scan(self.alias, query, source=False)}

    def _scan(self, index: str, query: dict[str, Any], source: Any = True) -> Iterator[Any]:
        try:
            yield from helpers.scan(self._w, index=index, query={"query": query}, size=1000,
                                    _source=source, scroll="2m")
        except _DOWN as exc:
            raise BackendUnavailable(f"Elasticsearch did not answer: {exc}") from exc

    def search(self, query: SearchQuery) -> SearchPage:
        body = search_body(query)
        return _page(self._read(lambda es: es.search(index=self.alias, **body)), query)

    def search_many(self, queries: list[SearchQuery]) -> list[SearchPage]:
        """Several searches in one round trip (``_msearch``); one that fails fails them all,
        as it would have failed alone."""
        if len(queries) == 1:
            return [self.search(queries[0])]
        searches: list[dict[str, Any]] = []
        for query in queries:
            searches += [{}, search_body(query)]
        result = self._read(lambda es: es.msearch(index=self.alias, searches=searches))
        for answer in result["responses"]:
            if "error" in answer:
                status = int(answer.get("status", 500))
                if status >= 500:
                    raise BackendUnavailable(f"Elasticsearch failed: {answer['error']}")
                raise elasticsearch.BadRequestError(
                    f"Elasticsearch refused a search: {answer['error']}",
                    result.meta, answer)
        return [_page(answer, query)
                for answer, query in zip(result["responses"], queries, strict=True)]

    def vocabulary_stamp(self) -> tuple[Any, ...]:
        """Changes whenever a listing does (see backends/words.py)."""
        return tuple(self._call(vocab.elastic_stamp, self.es, self.alias))

    def vocabulary(self) -> tuple[tuple[Any, ...], dict[str, int]]:
        """The stamp, and how many listings use each word."""
        stamp = self.vocabulary_stamp()
        return stamp, self._call(vocab.elastic_counts, self.es, self.alias)

    def suggest_names(self, prefix: str, limit: int) -> list[names.Named]:
        if not prefix:
            return []
        body = names.es_body(prefix, limit)
        result = self._call(self.es.search, index=self.alias, **body)
        return names.rank(names.es_found(result), prefix, limit)

    def generation(self) -> str:
        """How many listings searches see, and when the latest was written: any write,
        withdrawal or deletion, once refreshed, changes one or the other."""
        result = self._call(self.es.search, index=self.alias, size=0, track_total_hits=True,
                            aggs={"latest": {"max": {"field": "indexed_at"}}})
        latest = result["aggregations"]["latest"].get("value_as_string")
        return f"{result['hits']['total']['value']}:{latest}"

    def rebuild(self, rederive: Rederive) -> int:
        """Copy every asset, re-derived, into a new index, catch up, swap the alias, then
        reconcile what reached the old index too late (see _reconcile)."""
        old = list(self._call(self.es.indices.get_alias, name=self.alias))
        new = self.new_index_name()
        self._call(self._w.indices.create, index=new, **load_mapping(replicas=self.replicas))
        started = datetime.now(UTC).isoformat()
        copied = self._copy(old, new, {"match_all": {}}, rederive)
        # Assets written while the copy ran: copy them again, then swap atomically.
        caught_up = datetime.now(UTC).isoformat()
        copied += self._copy(old, new, {"range": {"indexed_at": {"gte": started}}}, rederive)
        self._call(self._w.indices.refresh, index=new)
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": new, "alias": self.alias, "is_write_index": True}})
        swapped = datetime.now(UTC).isoformat()
        self._call(self._w.indices.update_aliases, actions=actions)
        time.sleep(0.2)  # let searches and writes that already resolved the old index finish
        self._reconcile(old, new, caught_up, swapped, rederive)
        self._call(self._w.indices.delete, index=",".join(old))
        return copied

    def _reconcile(self, old: list[str], new: str, caught_up: str, swapped: str,
                   rederive: Rederive) -> None:
        """What reached the old index too late to be copied: writes made after the catch-up
        began (unless the new index has a later write of the same asset), and deletes."""
        old_list = ",".join(old)
        self._call(self._w.indices.refresh, index=f"{old_list},{new}")
        late = {h["_id"]: h for h in self._scan(
            old_list, {"range": {"indexed_at": {"gte": caught_up}}}, source=STORED_FIELDS)}
        if late:
            fresher = self._call(self._w.mget, index=new, ids=list(late),
                                 source_includes=["indexed_at"])
            for doc in fresher["docs"]:
                if doc.get("found") and doc["_source"].get("indexed_at", "") >= swapped:
                    late.pop(doc["_id"], None)
            self._write_to(new, [rederive(_stored(h["_source"])) for h in late.values()])
        kept = {h["_id"] for h in self._scan(old_list, {"match_all": {}}, source=False)}
        copied_only = [h["_id"] for h in self._scan(
            new, {"range": {"indexed_at": {"lt": swapped}}}, source=False)
            if h["_id"] not in kept]
        self.delete(copied_only, refresh=False)  # the alias names the new index now
        self._call(self._w.indices.refresh, index=new)

    def _copy(self, old: list[str], new: str, query: dict[str, Any], rederive: Rederive) -> int:
        batch: list[IndexItem] = []
        count = 0
        for hit in self._scan(",".join(old), query, source=STORED_FIELDS):
            batch.append(rederive(_stored(hit["_source"])))
            if len(batch) >= 500:
                count += self._write_to(new, batch)
                batch = []
        return count + self._write_to(new, batch)

    def _write_to(self, index: str, items: list[IndexItem]) -> int:
        if not items:
            return 0
        self._call(self._w.bulk, operations=_index_ops(index, items), refresh=False)
        return len(items)

    def drop_all(self) -> None:
        """Delete every index of this prefix (tests and `linkwell directory reset`)."""
        names = list(self._call(self._w.indices.get, index=f"{self.prefix}assets-v*",
                                allow_no_indices=True, expand_wildcards="all"))
        if names:  # by name: clusters may refuse wildcard deletes
            self._call(self._w.indices.delete, index=",".join(names))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def _marked(source: dict[str, Any], repeats: str | None,
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


def _index_ops(index: str, items: list[IndexItem]) -> list[bytes]:
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


def _refusals(result: dict[str, Any], index: str = "") -> dict[str, str]:
    """Each record's refusal; a refusal of the whole index (a block) is raised as one error."""
    refused: dict[str, str] = {}
    if not result.get("errors"):
        return refused
    for entry in result["items"]:
        op = entry.get("index") or entry.get("create") or {}
        error = op.get("error")
        if not error:
            continue
        block = elastic_state.block_of(error)
        if block is not None:
            raise elastic_state.refused_by_block(index or op.get("_index", ""), block)
        if error.get("type") == "version_conflict_engine_exception":
            refused[op["_id"]] = "a newer version of this asset is stored"
        else:
            refused[op["_id"]] = f"{error.get('type')}: {error.get('reason')}"
    return refused


def _stored(src: dict[str, Any]) -> StoredAsset:
    return StoredAsset(src["id"], src["version"], src["hash"], src["summary"], src["record"],
                       src["provenance"], bool(src.get("withdrawn", False)))


def _page(result: Any, query: SearchQuery) -> SearchPage:
    hits = [_hit(h, query) for h in result["hits"]["hits"]]
    facets = {name: {str(b["key"]): b["doc_count"] for b in agg["buckets"]}
              for name, agg in result.get("aggregations", {}).items()}
    return SearchPage(result["hits"]["total"]["value"], hits, facets)


def _hit(hit: dict[str, Any], q: SearchQuery) -> Hit:
    distance = None
    if q.near is not None:
        value = hit["sort"][_DISTANCE_SORT_POSITION.get(q.sort, 1)]
        distance = None if value in ("Infinity", None) or math.isinf(float(value)) else value
    source = hit.get("_source") or {}
    return Hit(hit["_id"], float(hit.get("_score") or 0.0), distance, source.get("summary", {}),
               {f: source.get(f) for f in q.fields}, _similarity(source, q))


def _similarity(source: dict[str, Any], q: SearchQuery) -> float | None:
    """The hit's cosine to the query's vector (worked out here: the node has no scripts)."""
    if q.vector is None or source.get("vector_model") != semantic.MODEL or not source.get(
            "vector"):
        return None
    row = np.asarray([source["vector"]], np.int8)
    return float(semantic.cosines(q.vector, row)[0])


def search_body(q: SearchQuery) -> dict[str, Any]:
    """The Elasticsearch request for a search query (also used by the benchmark)."""
    body: dict[str, Any] = {
        "query": _scored(q),
        "sort": _sort(q),
        "from": q.offset,
        "size": q.per_page,
        "track_total_hits": True,
        "track_scores": True,
        "_source": [*(["summary"] if q.with_summary else []), *q.fields,
                    *(["vector", "vector_model"] if q.vector is not None else [])] or False,
    }
    if q.facets:
        body["aggs"] = {f: {"terms": {"field": f, "size": 500 if f == "concepts" else 100}}
                        for f in FACET_FIELDS}
    return body


def _scored(q: SearchQuery) -> dict[str, Any]:
    must: dict[str, Any] = ({"multi_match": {"query": " ".join(q.tokens), "fields": TEXT_FIELDS,
                                             "type": "most_fields", "operator": "or"}}
                            if q.tokens else _nearest(q) if q.by_meaning else {"match_all": {}})
    stale = {"bool": {"should": [{"range": {"last_confirmed": {"lt": q.stale_before}}},
                                 {"bool": {"must_not": {"exists": {"field": "last_confirmed"}}}}]}}
    functions: list[dict[str, Any]] = [{"filter": stale, "weight": STALE_FACTOR}]
    if q.sort == "blended" and q.near:
        functions.append({"exp": {"locations": {
            "origin": {"lat": q.near.lat, "lon": q.near.lon}, "scale": f"{DECAY_SCALE_KM}km",
            "offset": f"{DECAY_OFFSET_KM}km", "decay": 0.5}, "multi_value_mode": "min"}})
    weighted = [{"constant_score": {"filter": {"term": {"concepts": c}}, "boost": w}}
                for c, w in q.concept_weights.items()]
    return {"function_score": {
        "query": {"bool": {"must": [must], "filter": _filters(q),
                           **({"should": weighted} if weighted else {})}},
        "functions": functions, "score_mode": "multiply", "boost_mode": "multiply"}}


def _nearest(q: SearchQuery) -> dict[str, Any]:
    """Every filtered asset with a vector, nearest in meaning first: an exact k-nearest search
    (the vectors are stored flat) with k as large as a page can reach.

    The score is Elasticsearch's for cosine, (1 + cosine) / 2, as the embedded backend's.
    """
    return {"knn": {"field": "vector", "query_vector": q.vector.tolist(),
                    "k": MAX_RESULT_WINDOW, "num_candidates": MAX_RESULT_WINDOW, "filter": [
                        *_filters(q), {"term": {"vector_model": semantic.MODEL}}]}}


def _filters(q: SearchQuery) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"term": {"withdrawn": False}},
                                 *([] if q.include_duplicates else
                                   [{"bool": {"must_not": {"exists": {"field": "duplicate_of"}}}}]),
                                 {"terms": {"status": q.statuses}}]
    for field_name, values in (("concepts", q.concepts), ("cost", q.cost),
                               ("languages", q.languages), ("delivery", q.delivery),
                               ("audience", q.audience), ("areas", q.areas), ("feed", q.feeds),
                               ("id", q.ids), ("sal_ids", q.sal_ids), *(
                                   ("term_ids", group) for group in q.term_ids)):
        if values:
            out.append({"terms": {field_name: values}})
    out.extend(_oruk_filters(q))
    out.extend({"term": {"accessibility": f}} for f in q.accessibility)
    if q.age is not None:
        out.append(_open_bound("min_age", "lte", q.age))
        out.append(_open_bound("max_age", "gte", q.age))
    if q.windows:
        relation = "within" if q.sessions_within else "intersects"
        out.append({"bool": {"minimum_should_match": 1, "should": [
            {"range": {"sessions": {"gte": lo, "lte": hi, "relation": relation}}}
            for lo, hi in q.windows]}})
    if q.near and q.within_km is not None:
        near: dict[str, Any] = {"geo_distance": {
            "distance": f"{q.within_km}km", "distance_type": "arc",
            "locations": {"lat": q.near.lat, "lon": q.near.lon}}}
        if q.include_remote:
            near = {"bool": {"minimum_should_match": 1, "should": [
                near, {"terms": {"delivery": list(REMOTE_DELIVERY)}}]}}
        out.append(near)
    return out


def _oruk_filters(q: SearchQuery) -> list[dict[str, Any]]:
    """Open Referral UK's filters: a change since a moment, and stated age bounds."""
    out: list[dict[str, Any]] = []
    if q.modified_after is not None:
        out.append({"range": {"last_modified": {"gte": q.modified_after}}})
    if q.minimum_age_at_least is not None and q.minimum_age_at_least > 0:
        out.append({"range": {"min_age": {"gte": q.minimum_age_at_least}}})
    if q.maximum_age_at_most is not None:
        out.append({"range": {"max_age": {"lte": q.maximum_age_at_most}}})
    return out


def _open_bound(field_name: str, op: str, value: int) -> dict[str, Any]:
    return {"bool": {"minimum_should_match": 1, "should": [
        {"range": {field_name: {op: value}}},
        {"bool": {"must_not": {"exists": {"field": field_name}}}}]}}


def _sort(q: SearchQuery) -> list[Any]:
    ties: list[Any] = [{"name_sort": "asc"}, {"id": "asc"}]
    keyed: list[Any] | None = {
        "name": ties,
        # undated first, as SQLite sorts NULLs
        "modified": [{"last_modified": {"order": "asc", "missing": "_first"}}, {"id": "asc"}],
    }.get(q.sort)
    if q.near is None:
        return keyed or ["_score", *ties]
    geo = {"_geo_distance": {"locations": {"lat": q.near.lat, "lon": q.near.lon}, "order": "asc",
                             "unit": "km", "mode": "min", "distance_type": "arc",
                             "ignore_unmapped": True}}
    if keyed:
        return [*keyed, geo]  # after the unique id it orders nothing, but gives the distance
    if q.sort == "distance":
        return [geo, "_score", *ties]
    return ["_score", geo, *ties]
