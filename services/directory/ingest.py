"""Upserts of HSDS records into the directory: validate, derive, skip what is unchanged, write.

Every record gets its own outcome (added, updated, unchanged, rejected with reasons), and a
rejected record never stops the good ones in the same batch.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from linkwell.directory import duplicates
from linkwell.directory.backends.base import IndexItem, SearchBackend, StoredAsset
from linkwell.document import DOCUMENT_VERSION, Provenance, build_document, record_hash
from linkwell.hsds import coordinate_warnings, validate_service
from linkwell.ids import asset_id_for
from linkwell.masking import mask_record
from linkwell.repeats import replaced_reason

OUTCOMES = ("added", "updated", "unchanged", "rejected")
logger = logging.getLogger("linkwell.directory.ingest")


def version_of(record: dict[str, Any]) -> int:
    """The external version: the record's last change in milliseconds (0 when unknown)."""
    value = record.get("last_modified")
    if not value:
        return 0
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0, int(moment.timestamp() * 1000))


@dataclass
class Outcome:
    index: int
    result: str
    id: str | None = None
    source_id: str | None = None
    name: str | None = None
    errors: dict[str, Any] = field(default_factory=dict)
    warnings: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out = {"index": self.index, "result": self.result, "id": self.id,
               "source_id": self.source_id, "name": self.name}
        if self.errors:
            out["errors"] = self.errors
        if self.warnings:
            out["warnings"] = self.warnings
        return {k: v for k, v in out.items() if v is not None}


@dataclass
class Prepared:
    outcome: Outcome
    item: IndexItem | None = None


def cleaned(record: dict[str, Any]) -> dict[str, Any]:
    """The record as Linkwell keeps it: no private ``_`` keys, hidden addresses masked."""
    return mask_record({k: v for k, v in record.items() if not k.startswith("_")})


def prepare(index: int, record: Any, feed: str, area: str | None, fetched_at: str | None,
            today: date) -> Prepared:
    """Validate one record and derive what the backend stores, or say why it is refused."""
    errors = validate_service(record)
    source_id = str(record.get("_source_id") or record.get("id") or "") \
        if isinstance(record, dict) else ""
    name = record.get("name") if isinstance(record, dict) else None
    if errors:
        return Prepared(Outcome(index, "rejected", None, source_id or None,
                                name if isinstance(name, str) else None, errors))
    assert isinstance(record, dict)
    clean = cleaned(record)
    asset_id = asset_id_for(str(clean["id"]), feed)
    provenance = Provenance(feed, source_id, fetched_at, area)
    try:
        document = build_document(asset_id, clean, provenance, today)
    except ValueError as exc:  # a schedule or field the validator let through but cannot be read
        return Prepared(Outcome(index, "rejected", asset_id, source_id, clean["name"],
                                {"_record": [str(exc)]}))
    except Exception as exc:  # one odd record must not stop the feed's others
        logger.warning("record could not be derived", extra={
            "feed": feed, "asset_id": asset_id, "error": type(exc).__name__})
        return Prepared(Outcome(index, "rejected", asset_id, source_id, clean["name"], {
            "_record": [f"could not be read: {type(exc).__name__}: {exc}"]}))
    fingerprint = record_hash({"r": clean, "f": feed, "a": area, "v": DOCUMENT_VERSION})
    item = IndexItem(asset_id, version_of(clean), fingerprint, document, clean,
                     {"feed": feed, "source_id": source_id, "fetched_at": fetched_at,
                      "area": area})
    outcome = Outcome(index, "pending", asset_id, source_id, clean["name"],
                      warnings=coordinate_warnings(clean))
    return Prepared(outcome, item)


def plan(backend: SearchBackend, records: list[Any], feed: str, area: str | None,
         fetched_at: str | None, today: date) -> tuple[list[Prepared], list[Prepared]]:
    """Every record prepared, and the ones that need writing (new or changed)."""
    prepared = prepare_all(records, feed, area, fetched_at, today)
    return prepared, classify(backend, prepared)


def prepare_all(records: list[Any], feed: str, area: str | None, fetched_at: str | None,
                today: date, pack: Callable[[IndexItem], IndexItem] | None = None,
                positions: list[int] | None = None) -> list[Prepared]:
    """Every record prepared; with ``pack`` (a backend's packer), each item encoded too.

    ``positions`` numbers the records in the outcomes (by default 0, 1, 2, ...).
    """
    numbers = positions if positions is not None else range(len(records))
    prepared = [prepare(i, r, feed, area, fetched_at, today) for i, r in
                zip(numbers, records, strict=True)]
    if pack is not None:
        for p in prepared:
            if p.item is not None:
                p.item = pack(p.item)
    return prepared


def classify(backend: SearchBackend, prepared: list[Prepared]) -> list[Prepared]:
    """Mark each prepared record added, updated or unchanged; returns those to write."""
    pending = _dedupe([p for p in prepared if p.item is not None])
    stored = backend.fingerprints(p.item.id for p in pending if p.item)
    to_write: list[Prepared] = []
    for p in pending:
        assert p.item is not None
        known = stored.get(p.item.id)
        if known and known[0] == p.item.hash and not known[2]:
            p.outcome.result = "unchanged"
        else:
            p.outcome.result = "updated" if known else "added"
            to_write.append(p)
    return to_write


def commit(backend: SearchBackend, to_write: list[Prepared], refresh: bool,
           regroup: bool = True) -> None:
    """Write planned items; a refusal turns that record's outcome into a reported one.

    With ``regroup``, the duplicate groups the written assets left or joined are worked
    out again (a bulk load does that once at the end instead).
    """
    items = [p.item for p in to_write if p.item]
    with backend.atomic():  # where the backend can, a crash leaves both or neither
        before = set(backend.dup_keys(i.id for i in items).values()) if regroup else set()
        refused = backend.write(items, refresh=refresh)
        if regroup:
            duplicates.regroup(backend, before | {i.document.get("dup_key", "") for i in items})
    for p in to_write:
        if p.outcome.id in refused:
            reason = refused[p.outcome.id]
            stale = "newer version" in reason
            p.outcome.result = "unchanged" if stale else "rejected"
            p.outcome.errors = {"last_modified" if stale else "_record": [reason]}


def upsert(backend: SearchBackend, records: list[Any], feed: str, area: str | None = None,
           fetched_at: str | None = None, refresh: bool = True,
           today: date | None = None) -> list[Outcome]:
    """Write a batch of records; one outcome per record, in order.

    A record already stored exactly as it is now is recognised by its fingerprint first, so
    a rerun costs a hash per record rather than a validation and a derivation.
    """
    outcomes: dict[int, Outcome] = already_stored(backend, records, feed, area)
    rest = [i for i in range(len(records)) if i not in outcomes]
    day = today or date.today()
    prepared = [prepare(i, records[i], feed, area, fetched_at, day) for i in rest]
    from linkwell.directory.amend import carry_amendments

    carry_amendments(backend, prepared, day)  # people's approved changes outlast a sync
    commit(backend, classify(backend, prepared), refresh)
    outcomes.update((p.outcome.index, p.outcome) for p in prepared)
    return [outcomes[i] for i in range(len(records))]


def already_stored(backend: SearchBackend, records: list[Any], feed: str,
                   area: str | None) -> dict[int, Outcome]:
    """Outcomes ("unchanged") of the records stored with the same content, by position.

    A record listed twice in the batch is left to the full path, which reports the repeat.
    """
    keys: dict[int, tuple[str, str, dict[str, Any]]] = {}
    for index, record in enumerate(records):
        if isinstance(record, dict) and record.get("id") not in (None, ""):
            clean = cleaned(record)
            keys[index] = (asset_id_for(str(clean["id"]), feed), record_hash(
                {"r": clean, "f": feed, "a": area, "v": DOCUMENT_VERSION}), clean)
    repeats = Counter(asset_id for asset_id, _, _ in keys.values())
    stored = backend.fingerprints(repeats)
    found: dict[int, Outcome] = {}
    for index, (asset_id, digest, clean) in keys.items():
        known = stored.get(asset_id)
        if repeats[asset_id] == 1 and known and known[0] == digest and not known[2]:
            source_id = str(records[index].get("_source_id") or clean["id"])
            name = clean.get("name")
            found[index] = Outcome(index, "unchanged", asset_id, source_id,
                                   name if isinstance(name, str) else None,
                                   warnings=coordinate_warnings(clean))
    return found


def _dedupe(pending: list[Prepared]) -> list[Prepared]:
    """The same asset twice in one batch: the later record wins, the earlier is reported."""
    last: dict[str, Prepared] = {}
    for p in pending:
        assert p.item is not None
        earlier = last.get(p.item.id)
        if earlier is not None:
            earlier.outcome.result = "rejected"
            earlier.outcome.errors = {"id": [replaced_reason(
                p.item.record.get("id"), f"record {p.outcome.index + 1}",
                f"record {earlier.outcome.index + 1}")]}
            earlier.item = None
        last[p.item.id] = p
    return list(last.values())


def rederive(stored: StoredAsset, today: date | None = None) -> IndexItem:
    """A stored asset's item again, with today's derivation (for rebuilds)."""
    prov = stored.provenance
    provenance = Provenance(prov.get("feed", ""), prov.get("source_id", ""),
                            prov.get("fetched_at"), prov.get("area"))
    document = build_document(stored.id, stored.record, provenance, today or date.today())
    fingerprint = record_hash({"r": stored.record, "f": provenance.feed, "a": provenance.area,
                               "v": DOCUMENT_VERSION})
    return IndexItem(stored.id, stored.version, fingerprint, document, stored.record,
                     stored.provenance, stored.withdrawn)


def tally(outcomes: list[Outcome]) -> dict[str, int]:
    counts = dict.fromkeys(OUTCOMES, 0)
    for o in outcomes:
        counts[o.result] = counts.get(o.result, 0) + 1
    return counts


def upsert_stream(backend: SearchBackend, records: Iterable[Any], feed: str,
                  area: str | None = None, batch_size: int = 1000, workers: int = 2,
                  today: date | None = None,
                  on_batch: Callable[[list[Outcome]], None] | None = None) -> dict[str, int]:
    """Bulk-load many records (``linkwell import``, benchmarks); returns the counts.

    Preparing a record (validation, analysis) is CPU-bound Python, so batches are prepared
    in worker processes while this process writes the previous ones. Outcomes are handed to
    ``on_batch`` a batch at a time, numbered from the stream's start, and not kept, to bound
    memory. As in ``upsert``, records stored exactly as they are now are recognised by their
    fingerprint first, for as long as batches keep finding such records (a rerun), so a
    first load does not pay for the check.
    """
    day = today or date.today()
    counts = dict.fromkeys(OUTCOMES, 0)
    # fork: workers only run pure-Python preparation, never the parent's clients or sockets
    context = multiprocessing.get_context("fork")
    pack = backend.packer()
    check_stored = True
    start = 0
    with backend.bulk_load(), ProcessPoolExecutor(max_workers=workers,
                                                  mp_context=context) as pool:
        in_flight: deque[tuple[list[Outcome], Future[list[Prepared]]]] = deque()
        for batch in _batches(records, batch_size):
            found = already_stored(backend, batch, feed, area) if check_stored else {}
            check_stored = bool(found)
            unchanged = [replace(o, index=start + i) for i, o in found.items()]
            rest = [i for i in range(len(batch)) if i not in found]
            in_flight.append((unchanged, pool.submit(
                prepare_all, [batch[i] for i in rest], feed, area, None, day, pack,
                [start + i for i in rest])))
            start += len(batch)
            if len(in_flight) > workers:
                _write_prepared(backend, day, *in_flight.popleft(), counts, on_batch)
        while in_flight:
            _write_prepared(backend, day, *in_flight.popleft(), counts, on_batch)
    duplicates.reconcile(backend)
    return counts


def _write_prepared(backend: SearchBackend, day: date, unchanged: list[Outcome],
                    future: Future[list[Prepared]], counts: dict[str, int],
                    on_batch: Callable[[list[Outcome]], None] | None) -> None:
    from linkwell.directory.amend import carry_amendments

    prepared = future.result()
    to_write = classify(backend, prepared)
    # As in ``upsert``, an import must not undo people's approved changes. Only a listing
    # already stored whose feed record changed can hold one, so a first load reads nothing.
    carry_amendments(backend, [p for p in to_write if p.outcome.result == "updated"], day,
                     backend.packer())
    commit(backend, to_write, refresh=False, regroup=False)
    outcomes = sorted(unchanged + [p.outcome for p in prepared], key=lambda o: o.index)
    _add(counts, outcomes)
    if on_batch is not None:
        on_batch(outcomes)


def _batches(records: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _add(counts: dict[str, int], outcomes: list[Outcome]) -> None:
    for name, value in tally(outcomes).items():
        counts[name] += value
