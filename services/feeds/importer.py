"""Reading HSDS / ORUK 3.0 service files and loading them into the directory: in batches
to a directory service, or straight into this machine's backend.

Accepted: a JSON array of services, an ORUK paged response (``contents``), a single service,
or newline-delimited JSON. A line that is not JSON is reported by its line number and the
rest of the file still goes in.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from linkwell.client import ServiceClient
from linkwell.repeats import Repeats, replaced_reason

if TYPE_CHECKING:
    from linkwell.directory.backends.base import SearchBackend
    from linkwell.directory.ingest import Outcome

BATCH_SIZE = 500
_SPACE = frozenset(b" \t\r\n")


class ImportFileError(ValueError):
    """A whole file could not be read."""


@dataclass
class Unreadable:
    """A record that did not parse, or was replaced by a later one: refused before sending."""

    reason: str
    field: str = "_record"


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


@dataclass
class RecordFile:
    """A file's records: how many (for a progress bar), and the (where, record) pairs,
    parsed as they are taken, once."""

    count: int
    pairs: Iterator[tuple[str, Any]]


def open_records(path: Path) -> RecordFile:
    """The records of a JSON or ndjson file; a file that cannot be read at all says why.

    The file is read as bytes and ndjson lines are parsed as they are taken, so a large
    file is held in memory once, not again as text and again as records.
    """
    data = path.read_bytes()
    # Offsets, not stripped copies: each copy of a large file is as large again.
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    end = len(data)
    while start < end and data[start] in _SPACE:
        start += 1
    while end > start and data[end - 1] in _SPACE:
        end -= 1
    if start == end:
        return RecordFile(0, iter(()))
    if start:
        data = data[start:]
        end -= start
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError:
        if _is_ndjson(data, end):
            count = sum(1 for line in io.BytesIO(data) if line.strip())
            return RecordFile(count, _read_lines(data))
        try:
            parsed = _loads(data)  # json's words for what is wrong, or what json accepts
        except (RecursionError, json.JSONDecodeError) as exc:
            # One record nested too deeply, cut off or broken need not cost the others:
            # read the list record by record, so they go in and that one is named.
            items = list(_array_items(data, _list_start(data)))
            if not any(complete and _parses(item) for item, complete in items):
                raise ImportFileError(f"{path}: {_file_reason(exc)}") from exc
            return RecordFile(len(items), ((f"item {n}", _one(item, complete)) for n, (
                item, complete) in enumerate(items, 1)))
    items = _records_of(parsed, path)
    return RecordFile(len(items), ((f"item {n}", item) for n, item in enumerate(items, 1)))


def _is_ndjson(data: bytes, end: int) -> bool:
    """One record a line: several lines, one of the first few a whole JSON object (a
    pretty-printed ORUK page has none; a broken first line does not hide the rest)."""
    if data.startswith(b"[") or data.find(b"\n", 0, end) == -1:
        return False
    lines = (line for line in io.BytesIO(data) if line.strip())
    return any(isinstance(_one(line), dict) for _, line in zip(range(5), lines, strict=False))


def _file_reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
    return "nested too deeply to read"


def _list_start(data: bytes) -> int:
    """Where the list of records starts: the file's own, or an ORUK page's ``contents``."""
    if data.startswith(b"["):
        return 0
    found = re.search(rb'"contents"\s*:\s*\[', data)
    return found.end() - 1 if found else len(data)


def _parses(item: bytes) -> bool:
    return not isinstance(_one(item), Unreadable)


def read_records(path: Path) -> Iterator[tuple[str, Any]]:
    """(where, record) pairs; ``where`` names the record for people ("item 3", "line 12")."""
    yield from open_records(path).pairs


def _records_of(data: Any, path: Path) -> list[Any]:
    if isinstance(data, list):
        items = data
    elif isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = data["contents"]
    elif isinstance(data, dict) and "name" in data and "id" in data:
        items = [data]
    else:
        raise ImportFileError(f"{path}: expected a list of services, an ORUK page with "
                              "'contents', a single service, or one service per line")
    return items


def _loads(data: bytes) -> Any:
    """JSON parsed with orjson (a 50,000-record file in a quarter of the time); what orjson
    refuses goes to json, whose error messages people reading a report know better."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            shown = data.decode("utf-8", errors="replace")
            raise json.JSONDecodeError("not UTF-8 text", shown, exc.start) from exc
        return json.loads(text)


def _read_lines(data: bytes) -> Iterator[tuple[str, Any]]:
    # Lines end at "\n" only: a JSON string may hold other line separators (U+2028).
    for number, line in enumerate(io.BytesIO(data), start=1):
        if not line.strip():
            continue
        record = _one(line)
        if isinstance(record, Unreadable) and not line.endswith(b"\n"):
            record = Unreadable(f"{record.reason} (the file ends on this line: it may be "
                                "cut off)")
        yield f"line {number}", record


def _one(data: bytes, complete: bool = True) -> Any:
    """One record's JSON, or why it cannot be read (never an exception: the others go on)."""
    if not complete:
        return Unreadable("cut off: the file ends before this record does")
    try:
        return _loads(data)
    except json.JSONDecodeError as exc:
        return Unreadable(f"not valid JSON: {exc.msg}")
    except RecursionError:
        return Unreadable("nested too deeply to read (lists or objects inside each other "
                          "hundreds of levels deep)")


def _array_items(data: bytes, begin: int) -> Iterator[tuple[bytes, bool]]:
    """The raw JSON of each item of the list that opens at ``begin``, and whether it is
    whole, found by counting brackets outside strings (only for a file no parser can take
    whole: a record nested too deeply, broken, or cut off where the file ends)."""
    depth, start, in_string, escaped = 0, begin, False, False
    for i in range(begin, len(data)):
        byte = data[i]
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth == 1:
                start = i + 1
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
            if depth == 0:  # the list's end
                if data[start:i].strip():
                    yield data[start:i], True
                return
        elif byte == 0x2C and depth == 1:  # a comma between items
            yield data[start:i], True
            start = i + 1
    if depth >= 1 and data[start:].strip():
        yield data[start:], False  # the file ends inside this item


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
    pairs = later_wins(pairs)
    batches = [pairs[start:start + batch_size] for start in range(0, len(pairs), batch_size)]
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        parts = pool.map(lambda b: send(client, b, feed, area), batches)
        for batch, part in zip(batches, parts, strict=True):
            report.merge(part)
            if progress:
                progress(len(batch))
    client.post("/assets/regroup", {})  # groups a killed earlier import left half-done
    return report


def later_wins(pairs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """The pairs, with each record a later one of the same id replaces refused by name."""
    out = list(pairs)
    repeats = Repeats()
    for place, (where, record) in enumerate(pairs):
        earlier = repeats.note(place, where, record)
        if earlier is not None:
            out[earlier[0]] = (earlier[1], Unreadable(
                replaced_reason(record["id"], where, earlier[1]), "id"))
    return out


def import_locally(backend: SearchBackend, pairs: Iterable[tuple[str, Any]], feed: str,
                   area: str | None = None, batch_size: int = BATCH_SIZE,
                   progress: Callable[[int], None] | None = None,
                   workers: int | None = None) -> ImportReport:
    """Load records straight into this machine's directory backend, prepared in worker
    processes (the directory's bulk load), as they are read; the same outcomes as sending
    them in batches, with the rejected ones in file order."""
    from linkwell.directory.ingest import upsert_stream

    report = ImportReport()
    sent: list[tuple[int, str]] = []  # (place in the file, where) of each record loaded
    rejected: list[tuple[int, dict[str, Any]]] = []
    results: dict[int, str] = {}  # place -> outcome, for records a later one may replace
    repeats, replaced = Repeats(), {}  # place of a replaced record -> its rejection

    def readable() -> Iterator[Any]:
        for place, (where, record) in enumerate(pairs):
            earlier = repeats.note(place, where, record)
            if earlier is not None:
                replaced[earlier[0]] = {"where": earlier[1], "errors": {"id": [
                    replaced_reason(record["id"], where, earlier[1])]}}
            if isinstance(record, Unreadable):
                report.counts["rejected"] += 1
                rejected.append((place, _unreadable(where, record)))
                if progress:
                    progress(1)
            else:
                sent.append((place, where))
                yield record

    def on_batch(outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            report.counts[outcome.result] += 1
            place, where = sent[outcome.index]
            results[place] = outcome.result
            if outcome.result == "rejected":
                rejected.append((place, {"where": where, **outcome.as_dict()}))
        if progress:
            progress(len(outcomes))

    upsert_stream(backend, readable(), feed, area, batch_size=batch_size,
                  workers=workers or min(8, os.cpu_count() or 2), on_batch=on_batch)
    # Records are written as they stream, so a replaced one is recounted once all are in.
    for place, entry in replaced.items():
        result = results.get(place)
        if result is None:
            continue
        if result == "rejected":  # refused already: its own reason stands, unless the
            rejected[:] = [(p, e) for p, e in rejected if p != place or set(  # directory
                e.get("errors", {})) != {"id"}]  # refused it as this very repeat
            if any(p == place for p, _ in rejected):
                continue
        else:
            report.counts[result] -= 1
            report.counts["rejected"] += 1
        rejected.append((place, entry))
    report.rejected = [entry for _, entry in sorted(rejected, key=lambda pair: pair[0])]
    return report


def _readable(pairs: list[tuple[str, Any]], report: ImportReport) -> list[tuple[str, Any]]:
    """The records that parsed; each line that did not is counted as rejected, by name."""
    readable = []
    for where, record in pairs:
        if isinstance(record, Unreadable):
            report.counts["rejected"] += 1
            report.rejected.append(_unreadable(where, record))
        else:
            readable.append((where, record))
    return readable


def _unreadable(where: str, record: Unreadable) -> dict[str, Any]:
    return {"where": where, "errors": {record.field: [record.reason]}}


def _count(report: ImportReport, where: str, outcome: dict[str, Any]) -> None:
    report.counts[outcome["result"]] += 1
    if outcome["result"] == "rejected":
        report.rejected.append({"where": where, **outcome})
