"""Suggestions as people type (``GET /suggest``), on both backends: needs, activities and
listings found by the start of any word, ranked, kept current as listings change."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from linkwell.directory.backends.names import name_keys, prefix_of, suffixes
from tests.conftest import AUTH, load
from tests.factory import service, sid


def suggest(client: FlaskClient, q: str, status: int = 200, **extra: Any) -> Any:
    response = client.get("/suggest", query_string={"q": q, **extra})
    assert response.status_code == status, response.json
    return response.json if status != 200 else response.json["suggestions"]


def with_org(record: dict[str, Any], org: str) -> dict[str, Any]:
    return {**record, "organization": {"id": sid(org), "name": org}}


def listings() -> list[dict[str, Any]]:
    return [
        with_org(service("choir", "Catford Community Choir", concepts=(
            "creative.singing_music",)), "Lewisham Music Trust"),
        service("sing", "Sing Together Sydenham", concepts=("creative.singing_music",)),
        service("walk-1", "Ladywell Health Walk", concepts=("moving_more.walking",)),
        service("walk-2", "Brockley Striders", concepts=("moving_more.walking",)),
        service("walk-3", "Hilly Fields Walkers", concepts=("moving_more.walking",)),
        with_org(service("debt", "Money Advice Drop-in", concepts=(
            "practical_help.money_advice",)), "Catford Citizens Advice"),
        service("closed", "Singalong Lunch Club", status="inactive"),
    ]


def test_keys_are_the_word_starts_of_the_name_and_the_organisation() -> None:
    assert suffixes("Catford  Community-Choir") == [
        "catford community choir", "community choir", "choir"]
    assert name_keys({"name": "Café Crème", "organization": "Crème Trust"}) == [
        "cafe creme", "creme", "creme trust", "trust"]
    assert prefix_of("  Comm  Ch ") == "comm ch"
    assert prefix_of("?!") == ""


def test_taxonomy_labels_synonyms_and_listing_names_by_word_start(client: FlaskClient) -> None:
    load(client, listings())
    found = suggest(client, "choi")
    kinds = {(s["kind"], s["label"]) for s in found}
    # "choir" is a synonym of the singing activity, and a word inside a listing's name
    assert ("activity", "Singing and music-making") in kinds
    assert ("listing", "Catford Community Choir") in kinds
    by_label = {s["label"]: s for s in found}
    singing = by_label["Singing and music-making"]
    assert singing["count"] == 2  # the inactive listing is not counted
    assert singing["choose"] == {"type": "filter", "name": "concept",
                                 "value": "creative.singing_music"}
    choir = by_label["Catford Community Choir"]
    assert choir["choose"] == {"type": "listing", "id": sid("choir")}
    assert choir["organization"] == "Lewisham Music Trust"
    # a need the taxonomy holds but no listing carries is not offered: it would find nothing
    assert all(s["count"] > 0 for s in found)
    assert "Singalong Lunch Club" not in by_label


def test_an_organisation_name_finds_its_listings(client: FlaskClient) -> None:
    load(client, listings())
    labels = [s["label"] for s in suggest(client, "citizens adv") if s["kind"] == "listing"]
    assert labels == ["Money Advice Drop-in"]
    assert [s["label"] for s in suggest(client, "lewisham mus")] == ["Catford Community Choir"]


def test_the_start_of_a_label_comes_first_then_the_most_listed(client: FlaskClient) -> None:
    load(client, listings())
    found = suggest(client, "walk", limit=20)
    labels = [s["label"] for s in found]
    assert labels[0] == "Walking groups"  # label start, three listings
    # names that start with the words before names that only have a later word so
    assert labels.index("Ladywell Health Walk") > labels.index("Walking groups")
    assert {"Ladywell Health Walk", "Hilly Fields Walkers"} <= set(labels)
    # both start with "sing": the activity two listings carry before the one listing
    sing = [s["label"] for s in suggest(client, "sing", limit=20)]
    assert sing.index("Singing and music-making") < sing.index("Sing Together Sydenham")


def test_more_than_one_word_must_run_in_order_from_a_word_start(client: FlaskClient) -> None:
    load(client, listings())
    assert [s["label"] for s in suggest(client, "community ch") if s["kind"] == "listing"] == [
        "Catford Community Choir"]
    assert [s for s in suggest(client, "choir community") if s["kind"] == "listing"] == []
    assert [s for s in suggest(client, "ommunity") if s["kind"] == "listing"] == []


def test_suggestions_follow_writes_withdrawals_and_deletions(client: FlaskClient) -> None:
    load(client, listings())
    assert [s["label"] for s in suggest(client, "strid")] == ["Brockley Striders"]
    renamed = service("walk-2", "Brockley Ramblers", concepts=("moving_more.walking",),
                      modified="2026-10-01T10:00:00Z")
    load(client, [renamed])
    assert suggest(client, "strid") == []
    assert [s["label"] for s in suggest(client, "rambl") if s["kind"] == "listing"] == [
        "Brockley Ramblers"]
    walking = next(s for s in suggest(client, "walking gr") if s["kind"] == "activity")
    assert walking["count"] == 3
    answer = client.post("/assets/withdraw", json={"feed": "tests", "ids": [sid("walk-1")]},
                         headers=AUTH)
    assert answer.status_code == 200
    assert suggest(client, "ladyw") == []
    walking = next(s for s in suggest(client, "walking gr") if s["kind"] == "activity")
    assert walking["count"] == 2
    answer = client.post("/assets/delete", json={"ids": [sid("walk-3")]}, headers=AUTH)
    assert answer.status_code == 200
    assert suggest(client, "hilly") == []


def test_answers_are_cached_until_the_index_changes(app: Flask, client: FlaskClient) -> None:
    load(client, listings())
    first = suggest(client, "sing")
    suggester = app.extensions["linkwell.suggester"]
    held = len(suggester._answers)
    assert suggest(client, "sing") == first and len(suggester._answers) == held
    before = app.extensions["linkwell.backend"].generation()
    load(client, [service("new", "Singing Gardeners", concepts=("nature.gardening",))])
    assert app.extensions["linkwell.backend"].generation() != before
    assert "Singing Gardeners" in [s["label"] for s in suggest(client, "sing", limit=20)]


def test_bad_input_is_refused_in_the_one_error_shape(client: FlaskClient) -> None:
    for query, field in (({}, "q"), ({"q": "   "}, "q"), ({"q": "x" * 101}, "q"),
                         ({"q": "walk", "limit": "0"}, "limit"),
                         ({"q": "walk", "limit": "many"}, "limit")):
        response = client.get("/suggest", query_string=query)
        assert response.status_code == 400, query
        body = response.json
        assert body["code"] == 400 and body["status"] == "Bad Request"
        assert field in str(body["errors"]), body
    assert suggest(client, "?!") == []  # nothing to match is no error, and no suggestion


def test_kinds_can_be_chosen(client: FlaskClient) -> None:
    load(client, listings())
    assert {s["kind"] for s in suggest(client, "walk", kind="need,activity", limit=20)} == {
        "activity"}
    assert {s["kind"] for s in suggest(client, "walk", kind="listing", limit=20)} == {"listing"}
    assert "kind" in str(suggest(client, "walk", status=400, kind="place")["errors"])


def test_a_group_two_feeds_list_is_suggested_once(client: FlaskClient) -> None:
    load(client, listings())
    again = service("choir-again", "Catford Community Choir",
                    concepts=("creative.singing_music",), assured="2026-10-01")
    load(client, [again], feed="other")
    found = [s for s in suggest(client, "catford comm") if s["kind"] == "listing"]
    assert len(found) == 1 and found[0]["label"] == "Catford Community Choir"
    assert found[0]["id"] == sid("choir-again")  # the most recently confirmed is shown
