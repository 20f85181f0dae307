"""The built-in Open Referral UK 3.0 reader, over a real local HTTP server and from files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from linkwell.feeds.readers import oruk3
from linkwell.plugins import Feed, FeedError, FetchedRecord
from tests.factory import service
from tests.feedserver import FeedServer, oruk3_api
from tests.schemas import OPENREFERRAL
from tests.syncing import plugins, run_sync, snapshot

MOCKS = OPENREFERRAL / "oruk-validator" / "mocks"
EXAMPLES = OPENREFERRAL / "oruk-3.0" / "examples"
QUICK = {"retries": 1, "backoff": 0, "timeout": 10}


def services(count: int) -> list[dict[str, Any]]:
    return [service(f"api-{i}", f"API Group {i}", concepts=("social.drop_in_chat",),
                    modified=f"2026-10-{i + 1:02d}T09:00:00Z") for i in range(count)]


def api_feed(url: str, **options: Any) -> Feed:
    return Feed(name="api-feed", area="Lewisham", kind="oruk3", location=url,
                options={**QUICK, **options})


def read(feed: Feed, modified_after: str | None = None) -> list[FetchedRecord]:
    found = oruk3.linkwell_fetch(feed, modified_after)
    assert found is not None
    return list(found)


def test_pages_through_services_and_fetches_partial_items_whole() -> None:
    listed = services(7)
    with FeedServer(oruk3_api(listed)) as server:
        records = read(api_feed(server.url, per_page=3))
    assert [r.source_id for r in records] == [s["id"] for s in listed]
    assert [r.record for r in records] == listed  # whole, from /services/{id}
    pages = [q for path, q in server.requests if path == "/services"]
    assert [(q["page"], q["per_page"]) for q in pages] == [("1", "3"), ("2", "3"), ("3", "3")]
    assert sorted(p for p in server.paths() if p != "/services") == sorted(
        f"/services/{s['id']}" for s in listed)
    assert records[6].modified == "2026-10-07T09:00:00Z"


def test_whole_list_items_are_not_fetched_again() -> None:
    with FeedServer(oruk3_api(services(4), partial=False)) as server:
        records = read(api_feed(server.url, per_page=2))
    assert len(records) == 4 and set(server.paths()) == {"/services"}


def test_modified_after_asks_for_changes_only() -> None:
    with FeedServer(oruk3_api(services(5))) as server:
        records = read(api_feed(server.url), modified_after="2026-10-03T09:00:00Z")
    assert [r.record["name"] for r in records if r.record] == ["API Group 3", "API Group 4"]
    assert server.requests[0][1]["modified_after"] == "2026-10-03T09:00:00Z"


def test_a_page_that_keeps_failing_fails_the_feed_after_its_retries() -> None:
    with FeedServer(oruk3_api(services(6), fail_page=2)) as server:
        found = oruk3.linkwell_fetch(api_feed(server.url, per_page=3), None)
        assert found is not None
        iterator = iter(found)
        first_page = [next(iterator) for _ in range(3)]
        with pytest.raises(FeedError, match="500"):
            next(iterator)
    assert len(first_page) == 3
    assert [q["page"] for p, q in server.requests if p == "/services"] == ["1", "2", "2"]


def test_a_page_cut_off_half_way_fails_the_feed() -> None:
    with FeedServer(oruk3_api(services(6), broken_page=2)) as server, \
            pytest.raises(FeedError, match="did not return JSON"):
        read(api_feed(server.url, per_page=3))


def test_a_listed_service_that_is_gone_is_reported_and_kept() -> None:
    listed = services(3)
    answer = oruk3_api(listed)

    def with_a_ghost(path: str, query: dict[str, str]) -> tuple[int, Any]:
        status, body = answer(path, query)
        if path == "/services":
            body["contents"].append({"id": "ghost-1", "name": "Gone Group"})
        return status, body

    with FeedServer(with_a_ghost) as server:
        records = read(api_feed(server.url))
    ghost = records[-1]
    assert ghost.record is None and ghost.listed_id == "ghost-1" and ghost.field == "id"
    assert "404" in (ghost.error or "")


def test_an_api_that_ignores_the_page_parameter_is_caught() -> None:
    page = {"contents": [{"id": "same", "name": "Same", "schedules": [],
                          "service_at_locations": []}]}
    with FeedServer(lambda path, query: (200, page)) as server, \
            pytest.raises(FeedError, match="same services"):
        read(api_feed(server.url))


def test_files_a_folder_of_pages_ndjson_and_arrays(tmp_path: Path) -> None:
    listed = services(6)
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "page-2.json").write_text(json.dumps({"contents": listed[2:4]}))
    (folder / "page-10.json").write_text("\n".join(json.dumps(s) for s in listed[4:]) + "\n{no")
    (folder / "page-1.json").write_text(json.dumps(listed[:2]))
    (folder / "notes.txt").write_text("not a feed file")
    feed = Feed(name="files", area="Lewisham", kind="oruk3", location=str(folder))
    records = read(feed)
    assert [r.record["name"] for r in records if r.record] == [s["name"] for s in listed]
    assert records[-1].error == "not valid JSON: Expecting property name enclosed in double " \
        "quotes (the file ends on this line: it may be cut off)" and \
        records[-1].source_id == "page-10.json line 3"


def test_a_missing_file_is_a_feed_error(tmp_path: Path) -> None:
    feed = Feed(name="files", area="Lewisham", kind="oruk3", location=str(tmp_path / "nope"))
    with pytest.raises(FeedError, match="neither a file nor a folder"):
        read(feed)


def test_other_kinds_are_left_to_other_readers() -> None:
    assert oruk3.linkwell_fetch(Feed("x", "y", "oruk1", "z"), None) is None


# --- through a sync, on both backends -------------------------------------------------------


class _Registered:
    """Makes a feed known to the plugin manager, read by the built-in oruk3 reader."""

    def __init__(self, feed: Feed) -> None:
        self.feed = feed

    from linkwell.plugins import hookimpl

    @hookimpl
    def linkwell_feeds(self) -> list[Feed]:
        return [self.feed]


def test_a_sync_over_http_that_fails_mid_way_keeps_what_it_wrote(app: Flask) -> None:
    listed = services(9)
    with FeedServer(oruk3_api(listed)) as server:
        feed = api_feed(server.url, per_page=3)
        pm = plugins(app, _Registered(feed))
        assert run_sync(app, pm, feed, batch_size=2).counts["added"] == 9
    changed = [dict(s, name=s["name"] + " (moved)", last_modified="2026-11-05T09:00:00Z")
               for s in listed[:6]]
    with FeedServer(oruk3_api(changed + listed[6:], fail_page=2)) as server:
        feed = api_feed(server.url, per_page=3)
        run = run_sync(app, plugins(app, _Registered(feed)), feed, batch_size=2)
    assert run.status == "failed" and "500" in (run.reason or "")
    assert run.counts["updated"] == 3 and run.counts["withdrawn"] == 0
    assert not any(withdrawn for _, withdrawn in snapshot(app, "api-feed").values())
    with FeedServer(oruk3_api(changed + listed[6:])) as server:
        feed = api_feed(server.url, per_page=3)
        resumed = run_sync(app, plugins(app, _Registered(feed)), feed, full=False)
    assert resumed.ok and server.requests[0][1]["modified_after"] == "2026-10-09T09:00:00Z"
    assert resumed.counts["updated"] == 3  # the other three are unchanged since the failure


def test_the_oruk_examples_and_validator_pass_mocks_import_cleanly(app: Flask) -> None:
    for folder in ("v3.0-uk-default", "v3.0-uk-warn"):
        listing = json.loads((MOCKS / folder / "service_list.json").read_text())
        whole = json.loads((MOCKS / folder / "service_full.json").read_text())

        def answer(path: str, query: dict[str, str], listing: Any = listing,
                   whole: Any = whole) -> tuple[int, Any]:
            return (200, listing) if path == "/services" else (200, whole)

        with FeedServer(answer) as server:
            feed = Feed(name=folder.replace(".", "-"), area="Lewisham", kind="oruk3",
                        location=server.url, options=QUICK)
            run = run_sync(app, plugins(app), feed)
        _went_in_cleanly(app, run, whole["id"])
    example = Feed(name="oruk-example", area="Lewisham", kind="oruk3",
                   location=str(EXAMPLES / "service_full.json"))
    run = run_sync(app, plugins(app), example)
    _went_in_cleanly(app, run, json.loads((EXAMPLES / "service_full.json").read_text())["id"])


def _went_in_cleanly(app: Flask, run: Any, asset_id: str) -> None:
    # The mocks and the example are one service (one UUID): later ones update its asset.
    assert run.ok and run.rejects == [], run.rejects
    assert run.counts["added"] + run.counts["updated"] == 1
    assert app.test_client().get(f"/services/{asset_id}").status_code == 200


def test_the_validator_fail_mocks_are_rejected_record_by_record(app: Flask,
                                                                tmp_path: Path) -> None:
    page = json.loads((MOCKS / "v3.0-uk-fail" / "service_list.json").read_text())
    good = service("beside-the-failures", "A Good Group Beside Them")
    page["contents"].append(good)
    path = tmp_path / "fail-page.json"
    path.write_text(json.dumps(page))
    feed = Feed(name="fail-mocks", area="Lewisham", kind="oruk3", location=str(path))
    run = run_sync(app, plugins(app), feed)
    assert run.ok and run.counts["added"] == 1 and run.counts["rejected"] == 4
    reasons = {(r.record_id, r.field) for r in run.rejects}
    assert ("b644a0d2-9e8a-4c33-9390-ae9ee93fc056", "name") in reasons
    assert ("e85f5bb0-62f0-42cc-a08a-0c5c16273090", "email") in reasons
    assert ("ac148810-d857-441c-9679-408f346de14b", "id") in reasons  # listed twice
    assert list(snapshot(app, "fail-mocks")) == [good["id"]]
