"""Reading HSDS / ORUK 3.0 service files and sending them to the directory in batches.

Accepted: a JSON array of services, an ORUK paged response (``contents``), a single service,
or newline-delimited JSON. A line that is not JSON is reported by its line number and the
rest of the file still goes in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linkwell.client import ServiceClient

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
        data = json.loads(text)
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


def _read_lines(text: str) -> Iterator[tuple[str, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"line {number}", Unreadable(f"not valid JSON: {exc.msg}")


def send(client: ServiceClient, pairs: list[tuple[str, Any]], feed: str, area: str | None,
         report: ImportReport) -> None:
    """One batch to the directory; outcomes and reasons land in ``report``."""
    readable = [(where, r) for where, r in pairs if not isinstance(r, Unreadable)]
    for where, record in pairs:
        if isinstance(record, Unreadable):
            report.counts["rejected"] += 1
            report.rejected.append({"where": where, "errors": {"_record": [record.reason]}})
    if not readable:
        return
    payload: dict[str, Any] = {"feed": feed, "records": [r for _, r in readable]}
    if area:
        payload["area"] = area
    answer = client.post("/assets", payload)
    for outcome in answer["results"]:
        report.counts[outcome["result"]] += 1
        if outcome["result"] == "rejected":
            where = readable[outcome["index"]][0]
            report.rejected.append({"where": where, **outcome})


def import_records(client: ServiceClient, pairs: list[tuple[str, Any]], feed: str,
                   area: str | None = None, batch_size: int = BATCH_SIZE,
                   progress: Callable[[int], None] | None = None) -> ImportReport:
    """Send records in batches; a rejected record never holds back the others."""
    report = ImportReport()
    for start in range(0, len(pairs), batch_size):
        batch = pairs[start:start + batch_size]
        send(client, batch, feed, area, report)
        if progress:
            progress(len(batch))
    return report
