"""Feed sync: read a feed through its plugin and bring the directory in line with it.

For each record the feed lists: ``linkwell_adjust_record``, then the feed's taxonomy terms
are mapped to Linkwell's (:mod:`linkwell.feeds.terms`), venues with a postcode but no coordinates
are geocoded (``linkwell_geocode``), and the records go to the directory in batches through
its HTTP API (``POST /assets``; in-process in the embedded default). The directory skips
what has not changed and says, record by record, what it refused and why.

A sync loses nothing:

* asset ids are stable (the source's UUID, or a UUID derived from feed and source id), so a
  rerun changes nothing and a changed record updates its asset in place;
* a bad record is rejected with the feed, its id, the field and the reason, and every good
  record in the same run still goes in; a record too large for any real feed is refused by
  name (:mod:`linkwell.record_limits`); of a record listed twice, the later listing wins and
  the earlier is reported as replaced (as ``linkwell import`` does);
* only a complete full run withdraws the feed's assets it no longer lists (hidden, kept
  for audit, and back as soon as the feed lists them again); a run that fails half-way
  keeps what it wrote and withdraws nothing, so running it again ends as a clean sync would;
* every run ends by asking the directory to work out again each duplicate group that could
  be out of date (``POST /assets/regroup``), so a run killed between a write and the
  duplicate marks it changes is made whole by the next, which finds those records unchanged.

Incremental runs pass the newest ``last_modified`` a complete run saw as ``modified_after``
and never withdraw. Runs, counts, rejects, unmapped terms and cursors are kept in
:class:`linkwell.feeds.state.SyncState`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pluggy
import requests

from linkwell.client import ServiceClient, ServiceError
from linkwell.errors import writes_refused
from linkwell.feeds.state import FeedBusy, FeedLock, Reject, SyncState
from linkwell.feeds.terms import TermKey, TermMapper
from linkwell.hsds import valid_point
from linkwell.ids import asset_id_for
from linkwell.plugins.hookspecs import Feed, FeedError, FetchedRecord
from linkwell.plugins.manager import adjust_record
from linkwell.record_limits import limit_errors
from linkwell.repeats import replaced_reason

COUNTS = ("added", "updated", "unchanged", "rejected", "withdrawn")
BATCH_SIZE = 500
WITHDRAW_CHUNK = 5000  # the most ids POST /assets/withdraw takes at once

Progress = Callable[[str, int], None]  # (feed name, records read so far)


@dataclass
class FeedRun:
    """What one run of one feed did."""

    feed: Feed
    full: bool
    started: str
    status: str = "running"
    reason: str | None = None
    finished: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    rejects: list[Reject] = field(default_factory=list)
    unmapped: dict[TermKey, int] = field(default_factory=dict)
    read: int = 0
    geocoded: int = 0
    cursor: str | None = None
    writes_refused: bool = False  # failed because the cluster refuses every write

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@contextmanager
def quiet_directory_log() -> Iterator[None]:
    """Hush the in-process directory's line per request while a sync runs (then restore it):
    one line per batch says nothing a sync's own report does not."""
    log = logging.getLogger("linkwell.directory.requests")
    level = log.level
    log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        log.setLevel(level)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sync_feeds(pm: pluggy.PluginManager, client: ServiceClient, state: SyncState,
               feeds: Iterable[Feed], *, full: bool = False, batch_size: int = BATCH_SIZE,
               progress: Progress | None = None, held: FeedLock | None = None
               ) -> list[FeedRun]:
    """Sync each feed in turn; one failing feed never stops the others. ``held`` is a feed
    lock the caller took already (to answer "busy" at once), released when its run ends."""
    return [FeedSync(pm, client, state, feed, full=full, batch_size=batch_size,
                     progress=progress, held=held if held and held.feed == feed.name else None
                     ).run() for feed in feeds]


class FeedSync:
    """One run of one feed."""

    def __init__(self, pm: pluggy.PluginManager, client: ServiceClient, state: SyncState,
                 feed: Feed, *, full: bool = False, batch_size: int = BATCH_SIZE,
                 progress: Progress | None = None, held: FeedLock | None = None) -> None:
        self.pm, self.client, self.state, self.feed = pm, client, state, feed
        self.held = held
        self.want_full = full
        self.batch_size = batch_size
        self.progress = progress
        self.mapper = TermMapper(pm, feed)
        self.listed: set[str] = set()  # asset ids the feed lists, refused ones included
        self.first_seen: dict[str, tuple[str, int]] = {}  # asset id -> (source id, number)
        self.sent: dict[str, str] = {}  # asset id -> its outcome, for records sent this run
        self.added_then_replaced: set[str] = set()  # added by a listing a later one replaced
        self.pending: list[tuple[str, dict[str, Any]]] = []
        self.new_rejects: list[Reject] = []
        self.places: dict[str, tuple[float, float] | None] = {}
        self.run_id = 0
        self.result = FeedRun(feed, full, now_iso())

    def run(self) -> FeedRun:
        """Run the sync; the result says ok, or failed and why."""
        try:
            with self.held or self.state.lock(self.feed.name):
                self._run_locked()
        except FeedBusy as exc:
            self.result.status, self.result.reason = "failed", str(exc)
        return self.result

    def _run_locked(self) -> None:
        run = self.result
        cursor = None if self.want_full else self.state.cursor(self.feed.name)
        # A first run reads everything, so it may withdraw as a full run does.
        run.full = self.want_full or cursor is None
        self.run_id = self.state.start(self.feed.name, run.full, run.started)
        try:
            self._read(cursor)
            if run.full:
                self._withdraw()
            # Even a run that wrote nothing: a killed run before it may have left a group's
            # marks half-done, and records it wrote now look unchanged.
            self.client.post("/assets/regroup", {})
            run.status = "ok"
        except ServiceError as exc:
            run.status, run.reason = "failed", describe(exc)
            if writes_refused(exc.status, exc.body):  # the cluster's fault, not the feed's
                run.writes_refused, run.reason = True, str(exc.body.get("message", exc))
        except Exception as exc:  # the feed failed: report it; what was written stays
            run.status, run.reason = "failed", describe(exc)
        run.finished = now_iso()
        self._save_progress()
        self.state.finish(self.run_id, run.status, run.finished, run.counts, run.reason,
                          run.unmapped)
        if run.ok and run.cursor:
            self.state.set_cursor(self.feed.name, run.cursor, self.run_id)

    # --- reading ----------------------------------------------------------------------------

    def _read(self, cursor: str | None) -> None:
        records = self.pm.hook.linkwell_fetch(feed=self.feed, modified_after=cursor)
        if records is None:
            raise FeedError(f"no installed plugin reads feeds of kind {self.feed.kind!r}")
        failure: Exception | None = None
        iterator: Iterator[FetchedRecord] = iter(records)
        while True:
            try:
                fetched = next(iterator)
            except StopIteration:
                break
            except Exception as exc:  # the reader failed: keep what it read before that
                failure = exc
                break
            self._take(fetched)
        self._send(self.pending, refresh=True)
        self.pending = []
        if failure is not None:
            raise failure

    def _take(self, fetched: FetchedRecord) -> None:
        self.result.read += 1
        record = self._prepare(fetched)
        if record is not None:
            self.pending.append((fetched.source_id, record))
        if len(self.pending) > self.batch_size:  # one held back: the last batch refreshes
            self._send(self.pending[:self.batch_size], refresh=False)
            self.pending = self.pending[self.batch_size:]
        if self.progress:
            self.progress(self.feed.name, self.result.read)

    def _prepare(self, fetched: FetchedRecord) -> dict[str, Any] | None:
        """The record to send, or None when it is rejected here (and why is recorded)."""
        if fetched.error is not None or fetched.record is None:
            self._keep_listed(fetched)
            self._reject(fetched.source_id, {fetched.field or "_record": [
                fetched.error or "the feed gave no record"]})
            return None
        try:
            record = adjust_record(self.pm, self.feed, fetched.record)
            if not isinstance(record, dict):
                raise TypeError("it did not return a service object")
        except Exception as exc:  # a plugin's bug costs this record, not the feed
            self._keep_listed(fetched)
            self._reject(fetched.source_id, {"_record": [
                f"linkwell_adjust_record failed: {type(exc).__name__}: {exc}"]})
            return None
        too_large = limit_errors(record)
        if too_large:  # refused here, so a hostile record never travels to the directory
            self._keep_listed(fetched)
            name = record.get("name")
            self._reject(fetched.source_id, too_large,
                         name if isinstance(name, str) and len(name) <= 500 else None)
            return None
        self._note_listing(fetched, record)
        try:
            unmapped = self.mapper.map_record(record)
            self._geocode(record)
        except Exception as exc:  # a plugin's map_term failing costs this record only
            self._reject(fetched.source_id, {"_record": [
                f"mapping its terms failed: {type(exc).__name__}: {exc}"]}, record.get("name"))
            return None
        for key in unmapped:
            self.result.unmapped[key] = self.result.unmapped.get(key, 0) + 1
        record["_source_id"] = fetched.source_id
        self._advance_cursor(fetched.modified or record.get("last_modified"))
        return record

    def _keep_listed(self, fetched: FetchedRecord) -> None:
        """The feed lists this record even though it is refused: its asset stays listed."""
        source = (fetched.record or {}).get("id") or fetched.listed_id or fetched.source_id
        self.listed.add(asset_id_for(str(source), self.feed.name))

    def _note_listing(self, fetched: FetchedRecord, record: dict[str, Any]) -> None:
        """Note the record's asset id; an earlier listing of the same asset is replaced."""
        source = record.get("id")
        if source is None or str(source).strip() == "":
            return  # the directory names the missing id
        asset_id = asset_id_for(str(source), self.feed.name)  # the same as repeats.identity
        earlier = self.first_seen.get(asset_id)
        if earlier is not None:
            self._replace(asset_id, earlier, str(source))
        self.first_seen[asset_id] = (fetched.source_id, self.result.read)
        self.listed.add(asset_id)

    def _replace(self, asset_id: str, earlier: tuple[str, int], source: str) -> None:
        """The rule for an id listed twice (as ``linkwell import`` has it): the later record
        wins, and the earlier is reported as replaced, whether or not it was sent yet."""
        source_id, number = earlier
        reason = {"id": [replaced_reason(source, f"record {self.result.read} of the feed",
                                         f"record {number}")]}
        for place, (_, pending) in enumerate(self.pending):
            if asset_id_for(str(pending.get("id")), self.feed.name) == asset_id:
                del self.pending[place]
                self._reject(source_id, reason, pending.get("name"))
                return
        result = self.sent.pop(asset_id, None)
        if result is not None and result != "rejected":  # written already: recount it
            self.result.counts[result] -= 1
            self._reject(source_id, reason)
            if result == "added":  # the later record is what adds the asset
                self.added_then_replaced.add(asset_id)
    def _geocode(self, record: dict[str, Any]) -> None:
        """Coordinates for venues that have a postcode but none (first geocoder wins)."""
        for sal in record.get("service_at_locations") or []:
            location = sal.get("location") if isinstance(sal, dict) else None
            if not isinstance(location, dict) or location.get("location_type") in (
                    "virtual", "postal"):
                continue
            if valid_point(location.get("latitude"), location.get("longitude")):
                continue
            point = self._place(_postcode_of(location))
            if point is not None:
                location["latitude"], location["longitude"] = point
                self.result.geocoded += 1

    def _place(self, postcode: str | None) -> tuple[float, float] | None:
        if not postcode:
            return None
        if postcode not in self.places:
            from linkwell.geo import geocode

            try:
                found = geocode(self.pm, postcode)
            except Exception:  # a geocoder that fails leaves the venue without a point
                found = None
            self.places[postcode] = (round(float(found[0]), 6),
                                     round(float(found[1]), 6)) if found else None
        return self.places[postcode]

    def _advance_cursor(self, modified: Any) -> None:
        moment = _moment(str(modified)) if modified else None
        if moment is None:
            return
        current = _moment(self.result.cursor) if self.result.cursor else None
        if current is None or moment > current:
            self.result.cursor = str(modified)

    # --- writing ----------------------------------------------------------------------------

    def _send(self, batch: list[tuple[str, dict[str, Any]]], refresh: bool) -> None:
        if not batch:
            self._save_progress()
            return
        payload: dict[str, Any] = {"feed": self.feed.name, "area": self.feed.area,
                                   "fetched_at": self.result.started, "refresh": refresh,
                                   "records": [record for _, record in batch]}
        try:
            answer = self.client.post("/assets", payload)
        except (TypeError, ValueError):  # a value JSON cannot carry: find the records
            batch = self._json_only(batch)
            payload["records"] = [record for _, record in batch]
            if not batch:
                self._save_progress()
                return
            answer = self.client.post("/assets", payload)
        for outcome in answer["results"]:
            result = outcome["result"]
            if result == "rejected":
                self._reject(batch[outcome["index"]][0], outcome.get("errors") or {},
                             outcome.get("name"))
            else:
                if result == "updated" and outcome.get("id") in self.added_then_replaced:
                    result = "added"
                self.result.counts[result] = self.result.counts.get(result, 0) + 1
            if outcome.get("id"):
                self.sent[outcome["id"]] = result
        self._save_progress()

    def _json_only(self, batch: list[tuple[str, dict[str, Any]]]
                   ) -> list[tuple[str, dict[str, Any]]]:
        """Records a plugin left holding values JSON cannot carry are rejected one by one."""
        kept = []
        for source_id, record in batch:
            try:
                json.dumps(record)
            except (TypeError, ValueError) as exc:
                self._reject(source_id, {"_record": [f"not JSON: {exc}"]}, record.get("name"))
                continue
            kept.append((source_id, record))
        return kept

    def _withdraw(self) -> None:
        """Withdraw the feed's assets it no longer lists (complete full runs only)."""
        known = set(self.client.get("/assets/ids", feed=self.feed.name)["ids"])
        if known and not self.listed:
            raise FeedError("the feed listed no records at all; nothing was withdrawn. If it "
                            "really is empty now, remove the feed instead")
        gone = sorted(known - self.listed)
        for start in range(0, len(gone), WITHDRAW_CHUNK):
            answer = self.client.post("/assets/withdraw", {
                "feed": self.feed.name, "ids": gone[start:start + WITHDRAW_CHUNK]})
            self.result.counts["withdrawn"] += int(answer["withdrawn"])

    def _reject(self, record_id: str, errors: dict[str, Any], name: Any = None) -> None:
        self.result.counts["rejected"] += 1
        label = name if isinstance(name, str) else None
        for field_name, reasons in (errors or {"_record": ["refused"]}).items():
            text = "; ".join(map(str, reasons)) if isinstance(reasons, list) else str(reasons)
            reject = Reject(str(record_id), str(field_name), text, label)
            self.result.rejects.append(reject)
            self.new_rejects.append(reject)

    def _save_progress(self) -> None:
        self.state.progress(self.run_id, self.result.counts, self.new_rejects)
        self.new_rejects = []


def _postcode_of(location: dict[str, Any]) -> str | None:
    for address in location.get("addresses") or []:
        if isinstance(address, dict) and address.get("postal_code"):
            return str(address["postal_code"])
    return None


def _moment(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def writes_refused_now(client: ServiceClient, settle: float = 3.0) -> str | None:
    """Why the directory cannot write now (a read-only index, say) as its ``/readyz`` says,
    or None when it can, or cannot tell (a run that meets a directory that is down says so).

    Asked before a sync or an import writes anything: a run with nothing to write would
    otherwise report "ok" from a cluster that refuses every write. Each directory process
    keeps its own view, checked in the background from its first request on: a process that
    has not checked yet answers "not checked yet", and one whose last check timed out says
    it cannot read. Neither is read as "can write": the question is asked again for up to
    ``settle`` seconds, until a process says it can read.
    """
    until = time.monotonic() + settle
    while True:
        try:
            ready: Any = client.request("GET", "/readyz", timeout=5, retry=False)
        except ServiceError as exc:  # 503: not ready, and its body says why
            ready = exc.body
        except (requests.RequestException, OSError):  # the client wraps urllib3's
            return None
        if not isinstance(ready, dict):
            return None
        if ready.get("read") is True or time.monotonic() >= until:
            break
        time.sleep(0.1)
    if ready.get("read") is True and ready.get("write") is False:
        return str(ready.get("reason") or "the directory says it cannot write")
    return None


def describe(exc: Exception) -> str:
    """A failure in words a data officer can act on."""
    if isinstance(exc, FeedError):
        return str(exc)
    if isinstance(exc, ServiceError):
        return f"the directory refused the sync: {exc}"
    return f"{type(exc).__name__}: {exc}"
