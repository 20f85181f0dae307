"""Built-in reader for legacy Open Referral UK 1.0 feeds (``kind = "oruk1"``).

Most live UK council directories still publish the v1 API. ``location`` is the API's base URL
(pages of ``GET /services?page=N&per_page=M`` with ``content`` and ``totalPages``) or a file
or folder of such pages (``services-page-1.json``, ...). Each v1 service is converted to the
HSDS 3.0 shape by :func:`linkwell.feeds.oruk1.convert_service`; one that cannot be converted
is reported with the v1 field at fault, and the rest of the feed goes in. v1 has no
``modified_after``, so every read is a whole read. Options: ``per_page`` (default 50),
``timeout``, ``retries``, ``backoff``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from linkwell.feeds.oruk1 import convert_service
from linkwell.feeds.readers.files import feed_files
from linkwell.feeds.readers.http import get_json, is_url, session_for
from linkwell.plugins.hookspecs import Feed, FeedError, FetchedRecord, hookimpl

KIND = "oruk1"
# convert_service's errors read "service 'thc-1': field regular_schedules[1].opens_at: why".
_FIELD_ERROR = re.compile(r"field (?P<field>\S+): (?P<reason>.*)$", re.DOTALL)


@hookimpl
def linkwell_fetch(feed: Feed, modified_after: str | None) -> Iterator[FetchedRecord] | None:
    """Read an ORUK 1.0 feed (API or page files), converted to HSDS 3.0 services."""
    if feed.kind != KIND:
        return None
    pages = _api_pages(feed) if is_url(feed.location) else _file_pages(feed)
    return _services(feed, pages)


def _services(feed: Feed, pages: Iterator[tuple[str, Any]]) -> Iterator[FetchedRecord]:
    for where, page in pages:
        for index, item in enumerate(_content(page, where), start=1):
            yield convert(feed, item, f"{where} item {index}")


def convert(feed: Feed, v1: Any, where: str) -> FetchedRecord:
    """One v1 service as a FetchedRecord: converted, or the reason it could not be."""
    source_id = str(v1.get("id") or "").strip() if isinstance(v1, dict) else ""
    try:
        record = convert_service(v1, feed=feed.name)
    except ValueError as exc:
        match = _FIELD_ERROR.search(str(exc))
        return FetchedRecord(source_id=source_id or where,
                             error=match.group("reason") if match else str(exc),
                             field=match.group("field") if match else "_record")
    modified = record.get("last_modified")
    return FetchedRecord(source_id=source_id, record=record,
                         modified=str(modified) if modified else None)


def _content(page: Any, where: str) -> list[Any]:
    if isinstance(page, list):
        return page
    if isinstance(page, dict) and isinstance(page.get("content"), list):
        content: list[Any] = page["content"]
        return content
    raise FeedError(f"{where} is not an ORUK 1.0 page: it has no 'content' list")


def _file_pages(feed: Feed) -> Iterator[tuple[str, Any]]:
    for path in feed_files(feed, (".json",)):
        yield path.name, _load(path)


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise FeedError(f"{path} could not be read as JSON: {exc}") from exc


def _api_pages(feed: Feed) -> Iterator[tuple[str, Any]]:
    base = feed.location.rstrip("/")
    per_page = int(feed.options.get("per_page", 50))
    with session_for(feed) as session:
        page = 1
        while True:
            body = get_json(session, f"{base}/services", feed,
                            {"page": page, "per_page": per_page})
            yield f"page {page}", body
            if _last_page(body, page):
                return
            page += 1


def _last_page(body: Any, page: int) -> bool:
    if not isinstance(body, dict) or not body.get("content") or body.get("last") is True:
        return True
    total = body.get("totalPages")
    return isinstance(total, int) and page >= total
