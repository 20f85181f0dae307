"""No dead end: a search that finds nothing offers a wider radius, online options and
related activities, each counted (issue 22)."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.conftest import load
from tests.factory import CATFORD, service

FAR = (51.52, -0.10)  # about 9.9 km north-west of Catford


def ask(client: FlaskClient, **params: object) -> dict[str, object]:
    response = client.get("/services", query_string=params)
    assert response.status_code == 200, response.json
    body: dict[str, object] = response.json
    return body


def test_nothing_near_offers_a_wider_radius_online_and_related(client: FlaskClient) -> None:
    load(client, [
        service("far-choir", "Clerkenwell Choir", "A community choir.", at=FAR,
                concepts=("creative.singing_music",)),
        service("online-choir", "Choir on Zoom", "Sing together online.", at=None,
                facets=("delivery_mode:online",), concepts=("creative.singing_music",)),
        service("near-art", "Catford Art Club", "Drawing and painting together.",
                concepts=("creative.art_craft",)),
    ])
    near = f"{CATFORD[0]},{CATFORD[1]}"
    body = ask(client, q="choir", near=near, within_km=2)
    assert body["total"] == 0
    offers = body["alternatives"]
    assert isinstance(offers, dict)
    assert offers["text"] == "Nothing matches “choir” within 2 km."
    assert offers["wider"] == {"within_km": 10.0, "total": 1,
                               "text": "Nothing within 2 km; 1 within 10 km."}
    assert offers["online"]["total"] == 1
    related = {r["id"]: r["total"] for r in offers["related"]}
    assert related.get("creative.art_craft") == 1  # a sibling activity that is near


def test_words_nobody_uses_offer_what_is_listed_near(client: FlaskClient) -> None:
    load(client, [service("near-art", "Catford Art Club", "Drawing and painting together.",
                          concepts=("creative.art_craft",))])
    body = ask(client, q="qqqxv")
    assert body["total"] == 0
    offers = body["alternatives"]
    assert isinstance(offers, dict)
    assert offers["text"] == "Nothing matches “qqqxv”."
    assert "wider" not in offers
    assert [r["id"] for r in offers["related"]] == ["creative.art_craft"]


def test_a_search_that_finds_something_offers_nothing_more(client: FlaskClient) -> None:
    load(client, [service("near-art", "Catford Art Club", "Drawing and painting together.")])
    assert "alternatives" not in ask(client, q="art")
