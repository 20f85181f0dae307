"""The ORUK API's filters and content, over a small corpus, on both backends.

Every answer is read through :class:`tests.oruk.OrukClient`, so each one is also checked
against the ORUK 3.0 schemas, for nulls, for UUIDs and for the CORS header.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask

from linkwell.directory import ingest
from linkwell.directory.backends.base import haversine_km
from linkwell.openreferral import service_at_locations, taxonomy_id
from linkwell.taxonomy import FACETS_TAXONOMY_NAME, TAXONOMY_NAME, term_id
from tests.conftest import BACKENDS, directory_config, load
from tests.factory import corpus, service
from tests.oruk import OrukClient, PostcodeBook, with_postcode_book

CATFORD = PostcodeBook.POSTCODES["SE6 4RU"]
FOREIGN_TERM = str(uuid.UUID(int=298))
LINKWELL = taxonomy_id(TAXONOMY_NAME)
FACETS = taxonomy_id(FACETS_TAXONOMY_NAME)


def two_venues() -> dict[str, Any]:
    record = service("two-venues", "Art Club on Two Sites", concepts=("creative.art_craft",),
                     at=(51.4455, -0.0205))
    camden = service("two-venues-camden", "x", at=(51.5505, -0.1403), postcode="NW5 2AA",
                     region="Camden")["service_at_locations"][0]
    record["service_at_locations"].append(camden)
    return record


def dated(slug: str, name: str, modified: str) -> dict[str, Any]:
    return service(slug, name, concepts=("social.games_quizzes",), at=None, modified=modified)


def legacy() -> dict[str, Any]:
    """A service as an old system sends it: ids that are not UUIDs, nulls, extra fields."""
    return {"id": "legacy-1", "name": "Legacy Lunch", "status": "active", "url": None,
            "description": None, "alternate_name": "LL",
            "phones": [{"id": "ph-1", "number": "020 8000 0001"}],
            "service_at_locations": [{"id": "sal-x", "location": {
                "id": "loc-x", "name": "Church hall", "latitude": 51.4460, "longitude": -0.0210,
                "addresses": [{"address_1": "2 Rushey Green", "city": "London",
                               "postal_code": "SE6 4JD"}]}}],
            "schedules": [{"id": "sch-x", "freq": "WEEKLY", "byday": "FR", "opens_at": "12:00",
                           "closes_at": "14:00", "service_at_location_id": "sal-x"}]}


def records() -> list[dict[str, Any]]:
    first = dated("dated-1", "Chess Club Catford", "2025-01-01T00:00:00Z")
    first["attributes"].append({"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "esd")),
                                "taxonomy_term_id": FOREIGN_TERM, "taxonomy_term": {
                                    "id": FOREIGN_TERM, "name": "Board games",
                                    "taxonomy": "esdServiceTypes", "code": "298"}})
    return [*corpus(), two_venues(), first,
            dated("dated-2", "Quiz Night", "2025-06-01T00:00:00Z"),
            dated("dated-3", "Board Games Afternoon", "2026-01-01T00:00:00Z"),
            service("plain", "Sydenham Noticeboard", "A board of local news.",
                    at=(51.4270, -0.0540)),
            legacy()]


WITHDRAWN = service("gone", "Closed For Good Walkers", concepts=("moving_more.walking",))


@pytest.fixture(scope="module", params=BACKENDS)
def oruk(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrukClient]:
    from linkwell.directory import create_app

    app = with_postcode_book(create_app(directory_config(
        str(request.param), tmp_path_factory.mktemp("oruk"))))
    client = app.test_client()
    assert load(client, records())["summary"]["rejected"] == 0
    backend = app.extensions["linkwell.backend"]
    prepared = ingest.prepare(0, WITHDRAWN, "tests", None, None, date.today())
    assert prepared.item is not None
    prepared.item.withdrawn = True  # as a sync leaves a listing its feed has dropped
    assert backend.write([prepared.item]) == {}
    yield OrukClient(client)
    if request.param == "elasticsearch":
        backend.drop_all()
    backend.close()


def names(oruk: OrukClient, query: str, path: str = "/services") -> list[str]:
    items = oruk.all(f"{path}?{query}" if query else path)
    return [i["service"]["name"] if "service" in i else i["name"] for i in items]


def term(code: str) -> str:
    return term_id(code)


# --- search and taxonomy --------------------------------------------------------------------


def test_search_finds_by_words_and_their_meaning(oruk: OrukClient) -> None:
    found = names(oruk, "search=singing")
    assert {"Catford Community Choir", "Singing for the Brain", "Hither Green Singers"} <= set(
        found)
    assert "Catford Money Advice Drop-in" not in found
    assert found[0] in {"Catford Community Choir", "Singing for the Brain"}


@pytest.mark.parametrize(("query", "expected"), [
    (f"taxonomy_term_id={term('moving_more.walking')}",
     {"Ladywell Fields Health Walk", "Sydenham Striders"}),
    (f"taxonomy_term_id={term('moving_more')}",  # a broader term finds the narrower ones
     {"Ladywell Fields Health Walk", "Sydenham Striders", "Women's Swim Session",
      "Chair Yoga at the Library"}),
    (f"taxonomy_term_id={term('audience:women_only')}", {"Women's Swim Session"}),
    (f"taxonomy_term_id={term('audience:women_only')},{term('creative.art_craft')}",
     {"Women's Swim Session", "Art Club on Two Sites"}),
    (f"taxonomy_term_id={FOREIGN_TERM}", {"Chess Club Catford"}),  # a borough's own term
    (f"taxonomy_term_id={uuid.UUID(int=5)}", set()),
])
def test_taxonomy_term_id(oruk: OrukClient, query: str, expected: set[str]) -> None:
    assert set(names(oruk, query)) == expected


def test_taxonomy_id_finds_services_with_any_term_of_it(oruk: OrukClient) -> None:
    everyone = set(names(oruk, ""))
    with_concepts = set(names(oruk, f"taxonomy_id={LINKWELL}"))
    assert everyone - with_concepts == {"Sydenham Noticeboard", "Legacy Lunch"}
    assert set(names(oruk, f"taxonomy_id={FACETS}")) == everyone
    free_with_concepts = set(names(oruk, f"taxonomy_id={LINKWELL}&taxonomy_term_id="
                                         f"{term('cost:free')}"))  # both must hold
    assert "Sydenham Noticeboard" not in free_with_concepts
    assert "Catford Community Choir" in free_with_concepts
    assert "Sydenham Striders" not in free_with_concepts  # £2


# --- ages, days and times -------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ("minimum_age=16", {"Singing for the Brain", "Friendly Call", "Women's Swim Session"}),
    ("minimum_age=17", {"Singing for the Brain", "Friendly Call"}),
    ("maximum_age=19", {"Downham Youth Club"}),
    ("maximum_age=18", set()),
    ("minimum_age=11&maximum_age=19", {"Downham Youth Club"}),
])
def test_ages(oruk: OrukClient, query: str, expected: set[str]) -> None:
    assert set(names(oruk, query)) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("day=tuesday", {"Catford Community Choir", "Ladywell Fields Health Walk",
                     "Kentish Town Community Garden", "Chair Yoga at the Library"}),
    ("day=TU&start_time=10:30", {"Chair Yoga at the Library"}),
    ("day=tue&end_time=12:00", {"Catford Community Choir", "Ladywell Fields Health Walk",
                                "Chair Yoga at the Library"}),
    ("day=wednesday", {"Friendly Call", "Catford Money Advice Drop-in",
                       "Singing for the Brain"}),  # a first-Wednesday group counts
    ("start_time=19:00", {"Hither Green Singers", "Grief Cafe Online"}),
    ("end_time=09:00:00", {"Women's Swim Session"}),
    ("day=friday,saturday&start_time=10:00&end_time=15:00",
     {"Sydenham Striders", "Legacy Lunch"}),
])
def test_days_and_times(oruk: OrukClient, query: str, expected: set[str]) -> None:
    assert set(names(oruk, query)) == expected


# --- modified_after, statuses, withdrawn ----------------------------------------------------


def test_modified_after_reads_changes_on_or_after_a_moment(oruk: OrukClient) -> None:
    assert names(oruk, "modified_after=2025-06-01T00:00:00Z") == [
        "Quiz Night", "Board Games Afternoon"]  # oldest change first
    assert names(oruk, "modified_after=" + quote("2025-06-01T01:00:00+01:00")) == [
        "Quiz Night", "Board Games Afternoon"]
    assert names(oruk, "modified_after=2025-06-01T00:00:00.001Z") == ["Board Games Afternoon"]
    assert names(oruk, "modified_after=2026-01-02") == []
    chess = oruk.all("/services?modified_after=2024-12-31")
    assert [s["last_modified"] for s in chess] == [
        "2025-01-01T00:00:00.000Z", "2025-06-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"]


def test_inactive_only_when_asked_and_withdrawn_never(oruk: OrukClient) -> None:
    assert "Lee Lunch Club" not in names(oruk, "")
    assert names(oruk, "status=inactive") == ["Lee Lunch Club"]
    every_status = "status=active,inactive,defunct," + quote("temporarily closed")
    assert "Lee Lunch Club" in names(oruk, every_status)
    for path in ("/services", "/service_at_locations"):
        assert "Closed For Good Walkers" not in names(oruk, every_status, path)
    gone = ingest.asset_id_for(WITHDRAWN["id"], "tests")
    oruk.get(f"/services/{gone}", status=404)
    [(_, sal_id, _)] = service_at_locations(WITHDRAWN, "tests", gone)
    oruk.get(f"/service_at_locations/{sal_id}", status=404)
    closed = oruk.all("/services?status=inactive")[0]
    assert oruk.get(f"/services/{closed['id']}")["status"] == "inactive"  # by id: shown


# --- postcode and proximity -----------------------------------------------------------------


def _distance(item: dict[str, Any]) -> float:
    location = item["location"]
    return haversine_km(*CATFORD, location["latitude"], location["longitude"])


def test_postcode_lists_places_nearest_first(oruk: OrukClient) -> None:
    places = oruk.all("/service_at_locations?postcode=se64ru")  # as people type it
    distances = [_distance(p) for p in places]
    assert distances == sorted(distances)
    assert places[0]["service"]["name"] == "Catford Community Choir"
    assert {"Friendly Call", "Grief Cafe Online"}.isdisjoint(p["service"]["name"] for p in places)
    assert len(places) == len(oruk.all("/service_at_locations"))


def test_proximity_keeps_only_places_within_it(oruk: OrukClient) -> None:
    every = oruk.all("/service_at_locations")
    near = oruk.all("/service_at_locations?postcode=SE6%204RU&proximity=1000")
    expected = {p["id"] for p in every if _distance(p) <= 1.0}
    assert {p["id"] for p in near} == expected
    assert 3 <= len(expected) < len(every)
    art = [p for p in every if p["service"]["name"] == "Art Club on Two Sites"]
    assert len(art) == 2  # one near Catford, one in Camden: only the near one is near
    assert [p["service"]["name"] for p in near].count("Art Club on Two Sites") == 1
    assert oruk.all("/service_at_locations?postcode=NW5%202AA&proximity=500")[0]["location"][
        "latitude"] == 51.5505


@pytest.mark.parametrize(("query", "field"), [
    ("postcode=E1%206AN", "postcode"),  # a real postcode nobody here can place
    ("postcode=hello", "postcode"),
    ("proximity=1000", "proximity"),
    ("postcode=SE64RU&proximity=-5", "proximity"),
    ("postcode=SE64RU&proximity=far", "proximity"),
])
def test_bad_postcode_or_proximity_is_400_naming_it(oruk: OrukClient, query: str,
                                                    field: str) -> None:
    body = oruk.get(f"/service_at_locations?{query}", status=400)
    assert field in body["errors"], body


def test_service_at_locations_take_the_service_filters(oruk: OrukClient) -> None:
    walks = names(oruk, f"taxonomy_term_id={term('moving_more.walking')}",
                  "/service_at_locations")
    assert sorted(walks) == ["Ladywell Fields Health Walk", "Sydenham Striders"]
    assert names(oruk, "day=friday&start_time=12:00&end_time=14:00",
                 "/service_at_locations") == ["Legacy Lunch"]


# --- content --------------------------------------------------------------------------------


def test_services_carry_linkwell_terms_as_attributes(oruk: OrukClient) -> None:
    choir = next(s for s in oruk.all("/services") if s["name"] == "Catford Community Choir")
    full = oruk.get(f"/services/{choir['id']}")
    codes = {a["taxonomy_term"]["term"] for a in full["attributes"]}
    assert {"creative.singing_music", "creative", "cost:free", "delivery:in_person",
            "accessibility:step_free", "accessibility:hearing_loop"} <= codes
    for attribute in full["attributes"]:
        assert attribute["link_id"] == full["id"]
        assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]
        assert oruk.get(f"/taxonomy_terms/{attribute['taxonomy_term_id']}") == attribute[
            "taxonomy_term"]  # the same term the taxonomy endpoints publish


def test_a_boroughs_own_terms_are_kept_beside_linkwells(oruk: OrukClient) -> None:
    [chess] = oruk.all(f"/services?taxonomy_term_id={FOREIGN_TERM}")
    attributes = oruk.get(f"/services/{chess['id']}")["attributes"]
    foreign = [a for a in attributes if a["taxonomy_term"]["id"] == FOREIGN_TERM]
    assert foreign and foreign[0]["taxonomy_term"]["taxonomy"] == "esdServiceTypes"
    assert term("social.games_quizzes") in {a["taxonomy_term_id"] for a in attributes}


def test_a_legacy_record_gets_uuids_and_loses_what_the_profile_drops(oruk: OrukClient) -> None:
    asset = ingest.asset_id_for("legacy-1", "tests")
    full = oruk.get(f"/services/{asset}")  # ids, nulls and schemas checked by OrukClient
    assert full == oruk.get(f"/services/{asset}")  # stable
    assert {"url", "description", "alternate_name", "phones"}.isdisjoint(full)
    [sal] = full["service_at_locations"]
    assert full["schedules"][0]["service_at_location_id"] == sal["id"]
    assert sal["location_id"] == sal["location"]["id"]
    assert sal["location"]["addresses"][0]["country"] == "GB"
    standalone = oruk.get(f"/service_at_locations/{sal['id']}")
    assert standalone["location"] == sal["location"]
    assert standalone["service"]["id"] == asset
    assert "service_at_locations" not in standalone["service"]


def test_list_items_link_place_and_service(oruk: OrukClient) -> None:
    for item in oruk.all("/service_at_locations"):
        assert item["service_id"] == item["service"]["id"]
        assert item["location_id"] == item["location"]["id"]
        assert not {"addresses", "attributes"} & set(item["location"])  # list shape
    for item in oruk.all("/services"):
        assert not {"service_at_locations", "attributes", "schedules"} & set(item)


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "field"), [
    ("page=0", "page"),
    ("per_page=0", "per_page"),
    ("per_page=501", "per_page"),
    ("page=21&per_page=500", "page"),
    ("minimum_age=-1", "minimum_age"),
    ("maximum_age=old", "maximum_age"),
    ("day=funday", "day"),
    ("start_time=25:00", "start_time"),
    ("end_time=9am", "end_time"),
    ("start_time=12:00&end_time=11:00", "end_time"),
    ("modified_after=yesterday", "modified_after"),
    ("status=open", "status"),
    ("taxonomy_term_id=walking", "taxonomy_term_id"),
    (f"taxonomy_id={uuid.UUID(int=3)}", "taxonomy_id"),
])
def test_bad_parameters_are_400_naming_the_field(oruk: OrukClient, query: str,
                                                 field: str) -> None:
    for path in ("/services", "/service_at_locations"):
        body = oruk.get(f"{path}?{query}", status=400)
        assert body["code"] == 400 and body["status"] == "Bad Request"
        assert field in body["errors"], body


def test_unknown_parameters_are_ignored(oruk: OrukClient) -> None:
    assert oruk.get("/services?format=json&full=true")["total_items"] == len(names(oruk, ""))



def test_what_linkwell_publishes_reads_back_into_linkwell_alike(oruk: OrukClient,
                                                                  app: Flask) -> None:
    """Another Linkwell (or this one's ORUK reader) gets the same concepts and facets."""
    swim = next(s for s in oruk.all("/services") if s["name"] == "Women's Swim Session")
    published = oruk.get(f"/services/{swim['id']}")
    client = app.test_client()
    assert load(client, [published], feed="other-linkwell")["summary"]["added"] == 1
    again = client.get(f"/services/{swim['id']}").json["summary"]
    original = oruk.client.get(f"/services/{swim['id']}").json["summary"]
    for field in ("concepts", "audience", "delivery", "cost", "schedule", "min_age"):
        assert again.get(field) == original.get(field), field


def test_linkwells_oruk3_reader_reads_this_api_whole_then_incrementally(
        oruk: OrukClient) -> None:
    """The built-in ``oruk3`` feed reader, over a real socket, pages through this API."""
    from linkwell.feeds.readers.oruk3 import read_api
    from linkwell.plugins.hookspecs import Feed
    from tests.feedserver import FeedServer

    def answer(path: str, query: dict[str, str]) -> tuple[int, Any]:
        response = oruk.client.get(path, query_string=query)
        return response.status_code, response.json

    with FeedServer(answer) as server:
        feed = Feed(name="other-linkwell", area="London", kind="oruk3",
                    location=f"{server.url}/openreferral", options={"per_page": 4})
        whole = list(read_api(feed, None))
        since = list(read_api(feed, "2025-06-01T00:00:00Z"))
    assert all(r.error is None and r.record for r in whole)
    assert [r.source_id for r in whole] == [s["id"] for s in oruk.all("/services")]
    assert all("attributes" in r.record for r in whole if r.record)  # whole, not list items
    assert [r.record["name"] for r in since if r.record] == ["Quiz Night",
                                                             "Board Games Afternoon"]
