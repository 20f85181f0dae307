"""A person's change to one listing (issue 15), on both backends: confirmed, stopped, edited."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from linkwell.directory.ingest import Outcome, upsert_stream
from tests.conftest import AUTH, load, search
from tests.factory import service


def amend(client: FlaskClient, asset_id: str, changes: dict, by: str = "provider",
          status: int = 200) -> dict:
    answer = client.post("/assets/amend", json={"id": asset_id, "changes": changes, "by": by},
                         headers=AUTH)
    assert answer.status_code == status, answer.json
    return dict(answer.json)


def test_a_confirmation_shows_in_search_at_once_and_is_remembered(client: FlaskClient) -> None:
    choir = service("amend-choir", "Riverside Community Choir", "We sing together on Tuesdays",
                    assured="2024-01-10")
    load(client, [choir])
    before = search(client, "q=choir")["results"][0]
    assert before["last_confirmed"] == "2024-01-10"
    today = date.today().isoformat()
    answer = amend(client, choir["id"], {"assured_date": today})
    assert answer["provenance"]["amended"]["assured_date"]["by"] == "provider"
    assert answer["provenance"]["feed"] == "tests"
    after = search(client, "q=choir")["results"][0]
    assert after["id"] == choir["id"] and after["last_confirmed"] == today
    assert client.get(f"/services/{choir['id']}").json["stale"] is False


def test_a_group_that_has_stopped_leaves_search(client: FlaskClient) -> None:
    walk = service("amend-walk", "Parkside Walking Group", "A gentle walk every week")
    load(client, [walk])
    assert [r["id"] for r in search(client, "q=walking")["results"]] == [walk["id"]]
    amend(client, walk["id"], {"status": "inactive"})
    assert search(client, "q=walking")["results"] == []
    kept = client.get(f"/services/{walk['id']}").json
    assert kept["summary"]["status"] == "inactive"
    assert kept["provenance"]["amended"]["status"]["feed_value"] in (None, "active")


def test_changes_people_may_not_make_are_refused_by_name(client: FlaskClient) -> None:
    walk = service("amend-walk2", "Hillside Walking Group")
    load(client, [walk])
    bad = amend(client, walk["id"], {"name": "Something else"}, status=400)
    assert "name" in bad["message"]
    bad = amend(client, walk["id"], {"status": "gone"}, status=400)
    assert "status" in bad["message"]
    bad = amend(client, walk["id"], {"assured_date": "yesterday"}, status=400)
    assert "assured_date" in bad["message"]
    amend(client, "no-such-listing", {"status": "inactive"}, status=404)
    refused = client.post("/assets/amend", json={"id": walk["id"],
                                                 "changes": {"status": "inactive"},
                                                 "by": "provider"})
    assert refused.status_code == 401
    assert [r["id"] for r in search(client, "q=hillside")["results"]] == [walk["id"]]


def test_a_feed_sync_keeps_the_providers_value_and_flags_a_conflict(client: FlaskClient) -> None:
    feed_record = service("amend-cafe", "Corner Repair Cafe", "Fix things on Saturdays")
    load(client, [feed_record])
    amend(client, feed_record["id"], {"description": "Fix things on Sundays now"})
    assert search(client, "q=sundays")["results"][0]["id"] == feed_record["id"]

    again = load(client, [feed_record])["results"][0]  # the feed has not caught up: no news
    assert "_provider" not in again.get("warnings", {})
    kept = client.get(f"/services/{feed_record['id']}").json
    assert kept["record"]["description"] == "Fix things on Sundays now"
    assert "conflicts" not in kept["provenance"]
    assert load(client, [feed_record])["results"][0]["result"] == "unchanged"

    changed = {**feed_record, "description": "Fix things on Fridays"}
    answer = load(client, [changed])["results"][0]
    assert "description" in answer["warnings"]["_provider"][0]
    kept = client.get(f"/services/{feed_record['id']}").json
    assert kept["record"]["description"] == "Fix things on Sundays now"
    assert kept["provenance"]["conflicts"]["description"]["feed"] == "Fix things on Fridays"
    assert search(client, "q=fridays")["results"] == []
    assert search(client, "q=sundays")["results"][0]["id"] == feed_record["id"]

    caught_up = {**feed_record, "description": "Fix things on Sundays now"}
    load(client, [caught_up])
    released = client.get(f"/services/{feed_record['id']}").json["provenance"]
    assert "description" not in (released.get("amended") or {})
    load(client, [changed])  # the feed is the source again
    assert search(client, "q=fridays")["results"][0]["id"] == feed_record["id"]


def test_a_stopped_listing_stays_out_of_search_through_a_sync(client: FlaskClient) -> None:
    walk = service("amend-walk3", "Meadow Walking Group", "A weekly walk")
    load(client, [walk])
    amend(client, walk["id"], {"status": "inactive"})
    load(client, [walk])
    assert search(client, "q=meadow")["results"] == []


def test_a_bulk_import_keeps_the_providers_value_and_flags_a_conflict(
        app: Flask, client: FlaskClient) -> None:
    """``linkwell import`` (``upsert_stream``) holds approved changes as a sync does."""
    backend = app.extensions["linkwell.backend"]
    cafe = service("amend-bulk-cafe", "Bridge Street Repair Cafe", "Fix things on Saturdays")
    others = [service(f"amend-bulk-{n}", f"Bulk Club {n}") for n in range(5)]
    load(client, [cafe, *others])
    amend(client, cafe["id"], {"description": "Fix things on Sundays now",
                               "status": "inactive"})

    seen: list[Outcome] = []
    counts = upsert_stream(backend, [*others, cafe], "tests", batch_size=2, workers=2,
                           on_batch=seen.extend)
    assert counts["unchanged"] == 5 and counts["updated"] == 1  # rewritten, not undone
    assert "_provider" not in seen[-1].warnings  # the feed has not caught up: no news
    kept = client.get(f"/services/{cafe['id']}").json
    assert kept["record"]["description"] == "Fix things on Sundays now"
    assert "conflicts" not in kept["provenance"]
    assert upsert_stream(backend, [cafe], "tests", workers=1)["unchanged"] == 1

    changed = {**cafe, "description": "Fix things on Fridays"}
    counts = upsert_stream(backend, [*others, changed], "tests", batch_size=2, workers=2,
                           on_batch=seen.extend)
    assert counts["updated"] == 1
    warned = [o for o in seen if o.id == cafe["id"] and o.result == "updated"]
    assert "description" in warned[-1].warnings["_provider"][0]
    kept = client.get(f"/services/{cafe['id']}").json
    assert kept["record"]["description"] == "Fix things on Sundays now"
    assert kept["summary"]["status"] == "inactive"
    assert kept["provenance"]["conflicts"]["description"]["feed"] == "Fix things on Fridays"
    assert "status" not in kept["provenance"]["conflicts"]  # the feed still sends its old value
    assert search(client, "q=repair")["results"] == []  # stopped, through the import too

    again = upsert_stream(backend, [changed], "tests", batch_size=2, workers=1)
    assert again["unchanged"] == 1  # the same feed record next time is no news
