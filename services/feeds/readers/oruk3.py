"""Built-in reader for Open Referral UK 3.0 / HSDS 3.0 feeds (``kind = "oruk3"``).

``location`` is either the base URL of an ORUK 3.0 API (``https://.../openreferral``) or a
file or folder of JSON: an array of services, ORUK pages (``contents``), a single service or
newline-delimited JSON.

Over HTTP it pages through ``GET /services?page=N&per_page=M`` (``contents``,
``total_pages``), and where a list item is partial (ORUK list endpoints may leave out
``service_at_locations`` and ``schedules``) it fetches the whole service from
``GET /services/{id}``. A resumed (incremental) sync passes ``modified_after``. Options:
``per_page`` (default 100), ``timeout``, ``retries``, ``backoff``, ``detail_workers``
(parallel ``/services/{id}`` requests, default 4).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

from linkwell.feeds.importer import ImportFileError, Unreadable, read_records
from linkwell.feeds.readers.files import feed_files
from linkwell.feeds.readers.http import get, get_json, is_url, json_of, session_for
from linkwell.plugins.hookspecs import Feed, FeedError, FetchedRecord, hookimpl

KIND = "oruk3"
FULL_KEYS = frozenset({"service_at_locations", "schedules"})
SUFFIXES = (".json", ".ndjson", ".jsonl")


@hookimpl
def linkwell_fetch(feed: Feed, modified_after: str | None) -> Iterator[FetchedRecord] | None:
    """Read an ORUK 3.0 feed: an API over HTTP, or files."""
    if feed.kind != KIND:
        return None
    if is_url(feed.location):
        return read_api(feed, modified_after)
    return read_files(feed)


def fetched(source_id: str, record: Any, where: str) -> FetchedRecord:
    """A record as read, or the reason it is not a service object."""
    if not isinstance(record, dict):
        return FetchedRecord(source_id=where, error="not a JSON object: a service must be one",
                             field="_record")
    return FetchedRecord(source_id=source_id, record=record,
                         modified=_text(record.get("last_modified")))


# --- files ----------------------------------------------------------------------------------


def read_files(feed: Feed) -> Iterator[FetchedRecord]:
    """Every service in the feed's file or folder, in file order."""
    for path in feed_files(feed, SUFFIXES):
        yield from _read_file(path)


def _read_file(path: Path) -> Iterator[FetchedRecord]:
    try:
        pairs = list(read_records(path))
    except (ImportFileError, OSError) as exc:
        raise FeedError(str(exc)) from exc
    for where, record in pairs:
        label = f"{path.name} {where}"
        if isinstance(record, Unreadable):
            yield FetchedRecord(source_id=label, error=record.reason, field="_record")
            continue
        source_id = _text(record.get("id")) if isinstance(record, dict) else None
        yield fetched(source_id or label, record, label)


# --- the API --------------------------------------------------------------------------------


def read_api(feed: Feed, modified_after: str | None) -> Iterator[FetchedRecord]:
    """Page through ``/services``, fetching whole services where the list is partial."""
    base = feed.location.rstrip("/")
    per_page = int(feed.options.get("per_page", 100))
    with session_for(feed) as session:
        page, previous = 1, None
        while True:
            params: dict[str, Any] = {"page": page, "per_page": per_page}
            if modified_after:
                params["modified_after"] = modified_after
            body = get_json(session, f"{base}/services", feed, params)
            contents = _contents(body, page)
            ids = [_text(item.get("id")) if isinstance(item, dict) else None for item in contents]
            if contents and ids == previous:
                raise FeedError(f"{base}/services answered page {page} with the same services "
                                f"as page {page - 1}: does it support the page parameter?")
            yield from _complete(session, base, feed, contents, page)
            if _last_page(body, page, contents):
                return
            page, previous = page + 1, ids


def _contents(body: Any, page: int) -> list[Any]:
    if not isinstance(body, dict) or not isinstance(body.get("contents"), list):
        raise FeedError(f"page {page} of /services is not an ORUK page: it has no 'contents' "
                        "list")
    contents: list[Any] = body["contents"]
    return contents


def _last_page(body: dict[str, Any], page: int, contents: list[Any]) -> bool:
    if not contents or body.get("last_page") is True:
        return True
    total = body.get("total_pages")
    return isinstance(total, int) and page >= total


def _complete(session: requests.Session, base: str, feed: Feed, contents: list[Any],
              page: int) -> Iterator[FetchedRecord]:
    """The page's services, whole: partial items are fetched one by one, in parallel."""
    workers = max(1, int(feed.options.get("detail_workers", 4)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(lambda pair: _whole(session, base, feed, page, *pair),
                            enumerate(contents, start=1))


def _whole(session: requests.Session, base: str, feed: Feed, page: int, index: int,
           item: Any) -> FetchedRecord:
    where = f"page {page} item {index}"
    source_id = _text(item.get("id")) if isinstance(item, dict) else None
    if not isinstance(item, dict) or not source_id or item.keys() >= FULL_KEYS:
        return fetched(source_id or where, item, where)
    response = get(session, f"{base}/services/{quote(source_id, safe='')}", feed)
    if response.status_code == 404:
        # Listed but gone: report it, and keep the listing (the list still names it).
        return FetchedRecord(source_id=source_id, field="id", listed_id=source_id,
                             error=f"listed on page {page} but GET /services/{source_id} "
                                   "answered 404 Not Found")
    if response.status_code >= 400:
        raise FeedError(f"{response.url} answered {response.status_code} {response.reason}")
    return fetched(source_id, json_of(response), where)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None
