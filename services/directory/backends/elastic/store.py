"""Elasticsearch backend: versioned mapping, an index behind an alias, bulk writes with
external versions, geo filters and sorts, and a relevance/distance blend in function_score.

Text arrives already analysed (see ``linkwell.text``), so the mapping needs only the
``whitespace`` analyzer, which every distribution ships.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from typing import Any

import elasticsearch
from elasticsearch import helpers

from linkwell.directory.backends import names
from linkwell.directory.backends import words as vocab
from linkwell.directory.backends.base import (
    BackendStatus,
    BackendUnavailable,
    IndexItem,
    Member,
    Rederive,
    SearchPage,
    SearchQuery,
    StoredAsset,
)
from linkwell.directory.backends.elastic import state
from linkwell.directory.backends.elastic.connection import DOWN, Connection
from linkwell.directory.backends.elastic.documents import (
    MAPPING_VERSION,
    STORED_FIELDS,
    index_ops,
    load_mapping,
    marked,
    pack,
    refusals,
    stored,
)
from linkwell.directory.backends.elastic.query import (
    GENERATION_AGGS,
    generation_of,
    page,
    search_body,
)

log = logging.getLogger(__name__)


class ElasticsearchBackend(Connection):
    """Search backend over an Elasticsearch cluster; reads and writes go through the alias."""

    name = "elasticsearch"

    def __init__(self, url: str, prefix: str = "linkwell-", timeout: float = 1.5,
                 write_timeout: float = 60.0, replicas: int = 0) -> None:
        if replicas < 0:
            raise ValueError(f"LINKWELL_ES_REPLICAS must be 0 or more, not {replicas}")
        super().__init__(url, f"{prefix}assets", timeout, write_timeout)
        self.replicas = replicas
        self.prefix = prefix

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
            return bool(self.with_timeout(1.0).indices.exists_alias(name=self.alias))
        except (elasticsearch.ApiError, *DOWN):
            return False

    def status(self) -> BackendStatus:
        return state.status(self.with_timeout(1.0), self.alias)

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Pause refreshes while a large load runs (much faster indexing), then restore them
        as they were and refresh (see ``state.py`` for a load that dies midway)."""
        lease = state.Lease(self._w, self.alias)
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
        result = self._call(self._w.bulk, operations=index_ops(self.alias, items),
                            refresh=refresh)
        return refusals(result, self.alias)

    def delete(self, ids: list[str], refresh: bool = True) -> int:
        if not ids:
            return 0
        result = self._call(self._w.bulk, refresh=refresh,
                            operations=[{"delete": {"_index": self.alias, "_id": i}} for i in ids])
        state.raise_blocks(result, self.alias)
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
                changed = source and marked(source, *marks[doc["_id"]])
                if changed:
                    # A new stamp: the state suggestions are cached by (see generation) moves on.
                    changed["indexed_at"] = datetime.now(UTC).isoformat()
                    changed[names.ES_FIELD] = names.es_completion(changed)
                    operations += [{"index": {"_index": self.alias, "_id": doc["_id"],
                                              "version": changed["version"],
                                              "version_type": "external_gte"}}, changed]
            if operations:
                state.raise_blocks(
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
        state.raise_blocks(result, self.alias)
        return sum(1 for r in result["items"] if not r["index"].get("error"))

    def get(self, asset_id: str) -> StoredAsset | None:
        try:
            doc = self._read(lambda es: es.get(index=self.alias, id=asset_id,
                                               source_includes=STORED_FIELDS))
        except elasticsearch.NotFoundError:
            return None
        return stored(doc["_source"])

    def get_many(self, ids: list[str]) -> dict[str, StoredAsset]:
        """Many stored listings in a few requests (the data-quality page reads a borough)."""
        out: dict[str, StoredAsset] = {}
        for start in range(0, len(ids), 500):
            found = self._call(self._w.mget, index=self.alias, ids=ids[start:start + 500],
                               source_includes=STORED_FIELDS)
            out.update({d["_id"]: stored(d["_source"]) for d in found["docs"] if d.get("found")})
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
        except DOWN as exc:
            raise BackendUnavailable(f"Elasticsearch did not answer: {exc}") from exc

    def search(self, query: SearchQuery) -> SearchPage:
        body = search_body(query)
        return page(self._read(lambda es: es.search(index=self.alias, **body)), query)

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
        return [page(answer, query)
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
        result = self._read(lambda es: es.search(index=self.alias, **body))
        return names.rank(names.es_found(result), prefix, limit)

    def generation(self) -> str:
        """How many listings searches see, and when the latest was written (``generation_of``).
        A size-0 request: the node answers it from its request cache until the next refresh."""
        # A read within the request's budget like the search it keys (it is asked first).
        return generation_of(self._read(lambda es: es.search(
            index=self.alias, size=0, track_total_hits=False, aggs=GENERATION_AGGS)))

    def search_at(self, query: SearchQuery) -> tuple[str, SearchPage]:
        """The page and the generation in one request: the global aggregation reads the
        same snapshot as the hits, so the page is exactly the state the generation names."""
        body = search_body(query)
        body["aggs"] = {**body.get("aggs", {}), **GENERATION_AGGS}
        result = self._read(lambda es: es.search(index=self.alias, **body))
        return generation_of(result), page(result, query)

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
            self._write_to(new, [rederive(stored(h["_source"])) for h in late.values()])
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
            batch.append(rederive(stored(hit["_source"])))
            if len(batch) >= 500:
                count += self._write_to(new, batch)
                batch = []
        return count + self._write_to(new, batch)

    def _write_to(self, index: str, items: list[IndexItem]) -> int:
        if not items:
            return 0
        self._call(self._w.bulk, operations=index_ops(index, items), refresh=False)
        return len(items)

    def drop_all(self) -> None:
        """Delete every index of this prefix (tests and `linkwell directory reset`)."""
        names = list(self._call(self._w.indices.get, index=f"{self.prefix}assets-v*",
                                allow_no_indices=True, expand_wildcards="all"))
        if names:  # by name: clusters may refuse wildcard deletes
            self._call(self._w.indices.delete, index=",".join(names))
