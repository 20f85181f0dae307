"""The built-in legacy Open Referral UK 1.0 reader: page files, the v1 API, and bad records."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from linkwell.feeds.oruk1 import derive_id
from linkwell.feeds.readers import oruk1
from linkwell.plugins import Feed, FeedError, FetchedRecord
from tests.feedserver import FeedServer

DATA = Path(__file__).resolve().parents[2] / "plugins" / "tower_hamlets" / \
    "linkwell_tower_hamlets" / "data"
PAGES = sorted(DATA.glob("services-page-*.json"))


def read(feed: Feed) -> list[FetchedRecord]:
    found = oruk1.linkwell_fetch(feed, None)
    assert found is not None
    return list(found)


def test_reads_page_files_in_page_order_and_converts_each_service() -> None:
    feed = Feed(name="tower-hamlets", area="Tower Hamlets", kind="oruk1", location=str(DATA),
                options={"pattern": "services-page-*.json"})
    records = read(feed)
    expected = [s["id"] for page in PAGES for s in json.loads(page.read_text())["content"]]
    assert [r.source_id for r in records] == expected and len(records) == 112
    assert all(r.error is None for r in records)
    first = records[0].record
    assert first is not None and first["id"] == derive_id("tower-hamlets", "service", "thc-6376")
    assert first["schedules"][0]["byday"] == "MO"  # regular_schedules, converted


def test_a_service_that_cannot_be_converted_names_its_field(tmp_path: Path) -> None:
    content = json.loads(PAGES[0].read_text())["content"][:3]
    broken = copy.deepcopy(content[1])
    broken["regular_schedules"][0]["opens_at"] = "25:61"
    (tmp_path / "page.json").write_text(json.dumps({"content": [content[0], broken,
                                                                content[2]]}))
    records = read(Feed(name="th", area="Tower Hamlets", kind="oruk1",
                        location=str(tmp_path / "page.json")))
    assert [r.error is None for r in records] == [True, False, True]
    assert records[1].source_id == broken["id"]
    assert records[1].field == "regular_schedules[0].opens_at"
    assert "25:61" in (records[1].error or "")


def test_pages_through_a_v1_api() -> None:
    pages = [json.loads(p.read_text()) for p in PAGES]

    def answer(path: str, query: dict[str, str]) -> tuple[int, Any]:
        return 200, pages[int(query["page"]) - 1]

    with FeedServer(answer) as server:
        records = read(Feed(name="tower-hamlets", area="Tower Hamlets", kind="oruk1",
                            location=server.url + "/", options={"retries": 0}))
    assert len(records) == 112
    assert [q["page"] for _, q in server.requests] == ["1", "2", "3"]
    assert {q["per_page"] for _, q in server.requests} == {"50"}


def test_a_page_without_content_fails_the_feed(tmp_path: Path) -> None:
    (tmp_path / "page.json").write_text(json.dumps({"totalPages": 1, "items": []}))
    with pytest.raises(FeedError, match="no 'content' list"):
        read(Feed(name="th", area="x", kind="oruk1", location=str(tmp_path)))


def test_other_kinds_are_left_to_other_readers() -> None:
    assert oruk1.linkwell_fetch(Feed("x", "y", "oruk3", "z"), None) is None
