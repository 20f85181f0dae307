"""Reading HSDS / ORUK 3.0 service files and loading them into the directory: in batches
to a directory service, or straight into this machine's backend.

Accepted: a JSON array of services, an ORUK paged response (``contents``), a single service,
or newline-delimited JSON. A line that is not JSON is reported by its line number and the
rest of the file still goes in.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from linkwell.client import ServiceClient

if TYPE_CHECKING:
    from linkwell.directory.backends.base import SearchBackend
    from linkwell.directory.ingest import Outcome

BATCH_SIZE = 500


class ImportFileError(ValueError):
    """A whole file could not be read."""


@dataclass
class Unreadable:
    """A line of newline-delimited JSON that did not parse."""

    reason: str


@dataclass
class ImportReport:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("added", "updated", "unchanged", "rejected"), 0))
    rejected: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def merge(self, other: ImportReport) -> None:
        for name, value in other.counts.items():
            self.counts[name] += value
        self.rejected.extend(other.rejected)


def feed_name_for(path: Path) -> str:
    """A feed name from a file name: ``Lewisham Services.json`` -> ``lewisham-services``."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:80] or "import"


def read_records(path: Path) -> Iterator[tuple[str, Any]]:
    """(where, record) pairs; ``where`` names the record for people ("item 3", "line 12")."""
    text = path.read_text(encoding="utf-8-sig")
    stripped = text.lstrip()
    if not stripped:
        return
    try:
        data = _loads(text)
    except json.JSONDecodeError as exc:
        if stripped.startswith("[") or "\n" not in text.strip():
            raise ImportFileError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, "
                                  f"column {exc.colno})") from exc
        yield from _read_lines(text)
        return
    yield from _records_of(data, path)


def _records_of(data: Any, path: Path) -> Iterator[tuple[str, Any]]:
    if isinstance(data, list):
        items = data
    elif isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = data["contents"]
    elif isinstance(data, dict) and "name" in data and "id" in data:
        items = [data]
    else:
        raise ImportFileError(f"{path}: expected a list of services, an ORUK page with "
                              "'contents', a single service, or one service per line")
    for number, item in enumerate(items, start=1):
        yield f"item {number}", item


def _loads(text: str) -> Any:
    """JSON parsed with orjson (a 50,000-record file in a quarter of the time); what orjson
    refuses goes to json, whose error messages people reading a report know better."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _read_lines(text: str) -> Iterator[tuple[str, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", _loads(line)
        except json.JSONDecodeError as exc:
            yield f"line {number}", Unreadable(f"not valid JSON: {exc.msg}")


def send(client: ServiceClient, pairs: list[tuple[str, Any]], feed: str,
         area: str | None) -> ImportReport:
    """One batch to the directory; its outcomes, and the reasons for the rejected ones."""
    report = ImportReport()
    readable = _readable(pairs, report)
    if not readable:
        return report
    payload: dict[str, Any] = {"feed": feed, "records": [r for _, r in readable]}
    if area:
        payload["area"] = area
    answer = client.post("/assets", payload)
    for outcome in answer["results"]:
        _count(report, readable[outcome["index"]][0], outcome)
    return report


def import_records(client: ServiceClient, pairs: list[tuple[str, Any]], feed: str,
                   area: str | None = None, batch_size: int = BATCH_SIZE,
                   progress: Callable[[int], None] | None = None,
                   concurrency: int = 1) -> ImportReport:
    """Send records in batches to a directory service; a rejected record never holds back
    the others. With ``concurrency`` above 1, that many batches are in flight at once (a
    directory served by several worker processes prepares them side by side)."""
    report = ImportReport()
    batches = [pairs[start:start + batch_size] for start in range(0, len(pairs), batch_size)]
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        parts = pool.map(lambda b: send(client, b, feed, area), batches)
        for batch, part in zip(batches, parts, strict=True):
            report.merge(part)
            if progress:
                progress(len(batch))
    return report


def import_locally(backend: SearchBackend, pairs: list[tuple[str, Any]], feed: str,
                   area: str | None = None, batch_size: int = 1000,
                   progress: Callable[[int], None] | None = None,
                   workers: int | None = None) -> ImportReport:
    """Load records straight into this machine's directory backend, prepared in worker
    processes (the directory's bulk load); the same outcomes as sending them in batches."""
    from linkwell.directory.ingest import upsert_stream

    report = ImportReport()
    readable = _readable(pairs, report)
    if progress and len(readable) < len(pairs):
        progress(len(pairs) - len(readable))

    def on_batch(outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            _count(report, readable[outcome.index][0], outcome.as_dict())
        if progress:
            progress(len(outcomes))

    upsert_stream(backend, (r for _, r in readable), feed, area, batch_size=batch_size,
                  workers=workers or os.cpu_count() or 2, on_batch=on_batch)
    return report


def _readable(pairs: list[tuple[str, Any]], report: ImportReport) -> list[tuple[str, Any]]:
    """The records that parsed; each line that did not is counted as rejected, by name."""
    readable = []
    for where, record in pairs:
        if isinstance(record, Unreadable):
            report.counts["rejected"] += 1
            report.rejected.append({"where": where, "errors": {"_record": [record.reason]}})
        else:
            readable.append((where, record))
    return readable


def _count(report: ImportReport, where: str, outcome: dict[str, Any]) -> None:
    report.counts[outcome["result"]] += 1
    if outcome["result"] == "rejected":
        report.rejected.append({"where": where, **outcome})
