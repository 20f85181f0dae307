"""The Open Referral UK 3.0 API over the three demo boroughs, on both backends, walked the way
the ORUK validator walks a feed. Every answer is checked against the ORUK 3.0 schemas (the
profile's and the validator's), for nulls, for UUIDs, for paging and for the CORS header."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rich.console import Console
from werkzeug.test import Client

from linkwell.directory.oruk.content import taxonomies, taxonomy_terms
from linkwell.openreferral import taxonomy_id
from linkwell.taxonomy import FACETS_TAXONOMY_NAME, TAXONOMY_NAME, load_taxonomy, term_id
from tests.conftest import BACKENDS, directory_config
from tests.oruk import LISTS, OrukClient, schema_errors, with_postcode_book

EVERY_STATUS = "status=active,inactive,defunct," + quote("temporarily closed")
VALIDATOR_PER_PAGE = 5  # what the ORUK validator asks for


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrukClient]:
    """A directory loaded with the demo boroughs (Lewisham, Tower Hamlets, Camden)."""
    from linkwell.cli.demo import load_demo
    from linkwell.directory import create_app

    app = with_postcode_book(create_app(directory_config(
        str(request.param), tmp_path_factory.mktemp("demo"))))
    runs = load_demo(app, Console(quiet=True))
    assert {run.feed.name for run in runs} == {"lewisham", "tower-hamlets", "camden"}
    yield OrukClient(app.test_client())
    backend = app.extensions["linkwell.backend"]
    if request.param == "elasticsearch":
        backend.drop_all()
    backend.close()


def walk(oruk: OrukClient, endpoint: str, rng: random.Random) -> list[str]:
    """Page 1, a middle page and the last page of a list; the ids seen on them."""
    first = oruk.get(f"{endpoint}?per_page={VALIDATOR_PER_PAGE}&page=1")
    pages = first["total_pages"]
    seen = [item["id"] for item in first["contents"]]
    later = {pages} | ({rng.randint(2, pages - 1)} if pages > 2 else set())
    for page in sorted(later - {1}):
        body = oruk.get(f"{endpoint}?per_page={VALIDATOR_PER_PAGE}&page={page}")
        assert body["total_pages"] == pages
        seen += [item["id"] for item in body["contents"]]
    return seen


def test_the_validators_walk_over_the_demo_boroughs(demo: OrukClient) -> None:
    rng = random.Random(3)
    details = demo.get("/")
    assert details["version"] == "3.0"
    for endpoint in LISTS:
        ids = walk(demo, endpoint, rng)
        assert len(ids) == len(set(ids)) >= (2 if endpoint == "/taxonomies" else 11)
        for found in ids:
            assert demo.get(f"{endpoint}/{found}")["id"] == found
    assert demo.checked > 45


def test_every_demo_service_and_place_validates(demo: OrukClient) -> None:
    services = demo.all(f"/services?{EVERY_STATUS}", per_page=200)
    assert len(services) >= 300
    for item in services:
        full = demo.get(f"/services/{item['id']}")
        assert {k: v for k, v in full.items() if k in item} == item  # the list shows the same
    places = demo.all("/service_at_locations", per_page=200)
    assert len(places) >= 250
    for item in places:
        full = demo.get(f"/service_at_locations/{item['id']}")
        assert full["service"]["id"] == item["service_id"]


def test_demo_paging_has_no_gaps_or_repeats(demo: OrukClient) -> None:
    for endpoint in ("/services", "/service_at_locations", "/taxonomy_terms"):
        in_pages = [i["id"] for i in demo.all(endpoint, per_page=29)]
        at_once = [i["id"] for i in demo.all(endpoint, per_page=500)]
        assert in_pages == at_once
        assert len(set(in_pages)) == len(in_pages)
    stamps = [s.get("last_modified", "") for s in demo.all("/services", per_page=9)]
    assert stamps == sorted(stamps)  # oldest change first: a reader resumes at the end


def test_demo_search_and_filters_narrow_the_lists(demo: OrukClient) -> None:
    everything = demo.get("/services?per_page=1")["total_items"]
    for query in ("search=singing", f"taxonomy_term_id={term_id('moving_more.walking')}",
                  "day=saturday&start_time=09:00", "minimum_age=18", "maximum_age=25",
                  "modified_after=2025-01-01"):
        narrowed = demo.get(f"/services?{query}&per_page=1")["total_items"]
        assert 0 < narrowed < everything, query
    near = demo.get("/service_at_locations?postcode=SE6%204RU&proximity=2000&per_page=1")
    assert 0 < near["total_items"] < demo.get("/service_at_locations?per_page=1")["total_items"]


# --- the API itself, on an empty directory --------------------------------------------------


@pytest.fixture
def oruk(client: FlaskClient) -> OrukClient:
    return OrukClient(client)


def test_root_names_version_profile_and_its_openapi(oruk: OrukClient, app: Flask) -> None:
    details = oruk.get("/")
    assert details["version"] == "3.0"
    assert details["profile"].startswith("https://")
    spec = app.test_client().get(details["openapi_url"].removeprefix("http://localhost"))
    assert spec.status_code == 200
    assert {"/", "/services", "/services/{service_id}", "/service_at_locations",
            "/service_at_locations/{sal_id}", "/taxonomies", "/taxonomies/{taxonomy_id}",
            "/taxonomy_terms", "/taxonomy_terms/{term_id}"} <= set(spec.json["paths"])
    parameters = {p["name"] for p in spec.json["paths"]["/service_at_locations"]["get"][
        "parameters"]}
    assert {"search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "minimum_age",
            "maximum_age", "day", "start_time", "end_time", "modified_after", "postcode",
            "proximity"} <= parameters


def test_an_empty_directory_is_one_empty_page(oruk: OrukClient) -> None:
    for endpoint in ("/services", "/service_at_locations"):
        body = oruk.get(endpoint)
        assert (body["total_items"], body["total_pages"], body["empty"]) == (0, 1, True)
        assert body["first_page"] and body["last_page"]


def test_taxonomies_are_linkwells_with_stable_ids(oruk: OrukClient) -> None:
    listed = oruk.all("/taxonomies")
    assert [t["name"] for t in listed] == [TAXONOMY_NAME, FACETS_TAXONOMY_NAME]
    assert [t["id"] for t in listed] == [taxonomy_id(TAXONOMY_NAME),
                                         taxonomy_id(FACETS_TAXONOMY_NAME)]
    tax = load_taxonomy()
    for taxonomy in listed:
        whole = oruk.get(f"/taxonomies/{taxonomy['id']}")
        filtered = oruk.all(f"/taxonomy_terms?taxonomy_id={taxonomy['id']}")
        assert whole["taxonomy_terms"] == filtered
    concepts = oruk.all(f"/taxonomy_terms?taxonomy_id={taxonomy_id(TAXONOMY_NAME)}")
    assert {t["term"] for t in concepts} == set(tax.concepts)
    assert all(t["id"] == term_id(t["term"]) for t in oruk.all("/taxonomy_terms"))


def test_taxonomy_terms_form_a_tree_and_can_be_filtered(oruk: OrukClient) -> None:
    terms = oruk.all("/taxonomy_terms")
    ids = {t["id"] for t in terms}
    assert len(ids) == len(terms)
    assert all(t["parent_id"] in ids for t in terms if "parent_id" in t)
    tax = load_taxonomy()
    facet_values = sum(len(values) for values in tax.facets.values())
    assert len(terms) == len(tax.concepts) + len(tax.facets) + facet_values
    walking = oruk.all(f"/taxonomy_terms?parent_id={term_id('moving_more')}")
    assert {t["term"] for t in walking} == {c.id for c in tax.children("moving_more")}
    top = oruk.all("/taxonomy_terms?top_only=true")
    assert top and all("parent_id" not in t for t in top)
    assert "moving_more.walking" in {t["term"] for t in oruk.all("/taxonomy_terms?search=walk")}
    online = oruk.get(f"/taxonomy_terms/{term_id('delivery:online')}")
    assert online["name"] == tax.label("delivery_mode:online")
    assert online["parent_id"] == term_id("delivery")


def test_reading_does_not_change_the_published_taxonomies(oruk: OrukClient) -> None:
    before = copy.deepcopy((taxonomies(), taxonomy_terms()))
    oruk.get(f"/taxonomies/{taxonomy_id(TAXONOMY_NAME)}")
    oruk.all("/taxonomy_terms")
    assert (taxonomies(), taxonomy_terms()) == before


@pytest.mark.parametrize("path", [
    "/services/8c1f1c1e-9a8c-4e3b-8a57-3d1f4a9b2c10", "/services/not-an-id",
    "/service_at_locations/8c1f1c1e-9a8c-4e3b-8a57-3d1f4a9b2c10",
    "/taxonomies/8c1f1c1e-9a8c-4e3b-8a57-3d1f4a9b2c10",
    "/taxonomy_terms/8c1f1c1e-9a8c-4e3b-8a57-3d1f4a9b2c10", "/no-such-endpoint",
])
def test_unknown_things_are_404_in_the_error_shape_with_cors(oruk: OrukClient,
                                                             path: str) -> None:
    assert oruk.get(path, status=404)["code"] == 404


@pytest.mark.parametrize(("query", "field"), [
    ("parent_id=walking", "parent_id"), ("taxonomy_id=x", "taxonomy_id"),
    ("top_only=perhaps", "top_only"), ("per_page=1000", "per_page"),
])
def test_bad_taxonomy_term_parameters_are_400(oruk: OrukClient, query: str,
                                              field: str) -> None:
    assert field in oruk.get(f"/taxonomy_terms?{query}", status=400)["errors"]


def test_browsers_may_ask_first(client: FlaskClient) -> None:
    response = client.options("/openreferral/services",
                              headers={"Origin": "https://other.example.org",
                                       "Access-Control-Request-Method": "GET"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in client.get("/services").headers  # ORUK only


def test_linkwell_serve_answers_at_openreferral(tmp_path: Path) -> None:
    from linkwell.cli.server import build_site

    site, directory = build_site(directory_config("sqlite", tmp_path))
    response = Client(site).get("/openreferral/")
    assert response.status_code == 200
    assert response.json["version"] == "3.0"
    assert schema_errors("/", response.json) == []
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    directory.extensions["linkwell.backend"].close()

