"""The /match contract: bad input, the answer's shape, safety, a useful list, and readiness."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.matcher.conftest import NEAR, match, names


@pytest.mark.parametrize(("body", "field"), [
    ({"location": {"postcode": "SE6 4RU"}}, "about"),
    ({"about": "   "}, "about"),
    ({"about": "walking", "location": {"postcode": "SE6 4RU"}, "max_travel_km": -1},
     "max_travel_km"),
    ({"about": "walking", "max_travel_km": 3}, "max_travel_km"),
    ({"about": "walking", "requirements": {"wheelchair": True}}, "requirements.wheelchair"),
    ({"about": "walking", "requirements": {"cost": "cheap"}}, "requirements.cost"),
    ({"about": "walking", "colour": "blue"}, "colour"),
    ({"about": "walking", "location": {"postcode": "12345"}}, "location.postcode"),
    ({"about": "walking", "location": {"postcode": "SE6 4RU!!"}}, "location.postcode"),
    ({"about": "walking", "location": {"lat": 51.4}}, "location.lon"),
    ({"about": "walking", "needs": ["not.a.concept"]}, "needs.0"),
    ({"about": "walking", "availability": [{"day": "funday"}]}, "availability.0.day"),
    ({"about": "walking", "availability": [{"from": "12:00", "to": "11:00"}]},
     "availability.0.to"),
])
def test_invalid_requests_get_400_naming_the_field(matcher: FlaskClient, body: dict[str, Any],
                                                   field: str) -> None:
    answer = match(matcher, 400, **body)
    assert answer["code"] == 400 and answer["status"] == "Bad Request"
    assert field in answer["errors"], answer


def test_a_postcode_is_geocoded_by_the_plugins(matcher: FlaskClient) -> None:
    answer = match(matcher, interests=["gardening"], location={"postcode": "se64ru"},
                   max_travel_km=3)
    assert answer["understood"]["location"] == {"lat": NEAR["lat"], "lon": NEAR["lon"],
                                                "precision": "postcode", "given": "SE6 4RU"}
    assert names(answer)[0] == "Catford Growing Club"
    assert "Kentish Town Community Garden" not in names(answer)  # 12 km away
    far = match(matcher, interests=["gardening"], location={"postcode": "NW5 2AA"},
                max_travel_km=3)
    assert names(far) == ["Kentish Town Community Garden"]


def test_a_postcode_not_yet_known_is_placed_at_its_sector_or_district(
        matcher: FlaskClient) -> None:
    new_estate = match(matcher, interests=["gardening"], location={"postcode": "SE6 4ZZ"},
                       max_travel_km=3)
    place = new_estate["understood"]["location"]
    assert place["precision"] == "sector" and place["given"] == "SE6 4ZZ"
    assert place["note"] == ("We do not know SE6 4ZZ itself yet: distances are from the middle "
                             "of SE6 4")
    assert names(new_estate)[0] == "Catford Growing Club"
    assert new_estate["results"][0]["distance_km"] is not None
    assert match(matcher, interests=["gardening"], location={"postcode": "SE6 9ZZ"},
                 max_travel_km=3)["understood"]["location"]["precision"] == "district"


def test_the_first_half_of_a_postcode_is_enough(matcher: FlaskClient) -> None:
    answer = match(matcher, interests=["gardening"], location={"postcode": "se6"},
                   max_travel_km=3)
    assert answer["understood"]["location"]["precision"] == "district"
    assert answer["understood"]["location"]["note"] == "Distances are from the middle of SE6"
    assert names(answer)[0] == "Catford Growing Club"
    assert "Kentish Town Community Garden" not in names(answer)


@pytest.mark.parametrize("where", ["ZZ9 9ZZ", "ZZ9", "Nowhere Town"])
def test_a_place_nobody_knows_still_gets_options_without_distances(
        matcher: FlaskClient, where: str) -> None:
    answer = match(matcher, interests=["gardening"], location={"postcode": where},
                   max_travel_km=3)
    assert answer["understood"]["location"]["precision"] == "unknown"
    assert "not sorted by distance" in answer["understood"]["location"]["note"]
    assert answer["results"] and all(r["distance_km"] is None for r in answer["results"])


def test_the_answer_says_why(matcher: FlaskClient) -> None:
    answer = match(matcher, interests=["gardening"], location=NEAR, max_travel_km=3,
                   availability=[{"day": "tuesday", "from": "09:00", "to": "13:00"}])
    top = answer["results"][0]
    assert top["name"] == "Catford Growing Club"
    assert top["reasons"][0] == "Gardening and food growing: matches your interest in gardening"
    assert "Tuesdays 10:00 to 12:00, when you are free" in top["reasons"]
    assert "Free" in top["reasons"]
    assert any(r.endswith(" m away") or r.endswith(" km away") for r in top["reasons"])
    assert top["next_session"] == "2026-11-24T10:00:00+00:00"
    assert datetime.fromisoformat(top["next_session"]).utcoffset() is not None
    assert top["asset"]["id"] == top["id"] and top["distance_km"] is not None
    assert 0 < top["score"] <= 1
    assert answer["understood"]["interests"] == ["nature.gardening"]
    assert answer["safety"] is None


def test_a_group_for_people_like_them_says_so_and_counts_more(matcher: FlaskClient) -> None:
    def swim(**body: Any) -> dict[str, Any]:
        answer = match(matcher, interests=["swimming"], location=NEAR, limit=20, **body)
        return {r["name"]: r for r in answer["results"]}

    told = swim(requirements={"gender": "man"})["Men's Swim"]
    assert "A group for men" in told["reasons"]
    assert "For men only" not in told["cautions"]
    unsaid = swim()["Men's Swim"]
    assert "A group for men" not in unsaid["reasons"]
    assert "For men only" in unsaid["cautions"]
    assert told["score"] > unsaid["score"]


def test_cautions_come_from_the_same_factors(matcher: FlaskClient) -> None:
    answer = match(matcher, about="I love gardening but my knees are bad", location=NEAR,
                   max_travel_km=3, limit=20)
    by_name = {r["name"]: r for r in answer["results"]}
    assert "Stairs or steps mentioned: no step-free access stated" in by_name[
        "Rooftop Allotment Club"]["cautions"]
    old = by_name["Old Garden Group"]
    assert any(c.startswith("Last confirmed 26 months ago") for c in old["cautions"])
    # Stale and up stairs both rank below the step-free, recently confirmed group.
    order = names(answer)
    assert order.index("Catford Growing Club") < order.index("Old Garden Group")
    assert order.index("Catford Growing Club") < order.index("Rooftop Allotment Club")


def test_distance_beyond_the_limit_is_a_caution(matcher: FlaskClient) -> None:
    answer = match(matcher, about="bereavement group", location=NEAR, max_travel_km=2)
    grief = next(r for r in answer["results"] if r["name"] == "Bereavement Circle")
    assert grief["distance_km"] > 2
    assert any("further than the 2 km you said" in c for c in grief["cautions"])
    assert grief["next_session"] == "2026-12-09T14:00:00+00:00"  # second Wednesday


def test_crisis_words_put_urgent_help_first(matcher: FlaskClient) -> None:
    response = matcher.post("/match", json={"about": "I feel suicidal and can't keep safe",
                                            "location": NEAR})
    answer = response.json
    assert next(iter(answer)) == "safety"
    contacts = {r["contact"] for r in answer["safety"]["routes"]}
    assert {"999", "116 123", "111, then option 2"} <= contacts
    assert "feelings.urgent" in answer["safety"]["concerns"]
    assert "Listening Post" in names(answer)  # community options come second


def test_domestic_abuse_and_safeguarding_routes(matcher: FlaskClient) -> None:
    abuse = match(matcher, about="my partner hits me and I'm scared at home")["safety"]
    assert "0808 2000 247" in {r["contact"] for r in abuse["routes"]}
    worry = match(matcher, about="I think my neighbour is being neglected")["safety"]
    assert any("safeguarding team" in r["contact"] for r in worry["routes"])
    assert match(matcher, about="the cost of living crisis is hitting me")["safety"] is None


def test_a_duplicate_asset_is_shown_once(matcher: FlaskClient) -> None:
    found = names(match(matcher, interests=["gardening"], location=NEAR, limit=20))
    assert found.count("Catford Growing Club") == 1


def test_home_visits_from_the_persons_own_area_come_first(matcher: FlaskClient) -> None:
    """Someone who cannot go out still has a borough: its home visits are the likely ones,
    though no venue is near enough to say which feeds are local among what they can use."""
    answer = match(matcher, about="I can't get out any more and I'd like someone to visit",
                   location=NEAR, limit=10,
                   requirements={"delivery": ["phone", "home_visit"]})
    found = names(answer)
    assert found.index("Catford Home Visits") < found.index("A Far Borough's Home Visits")


def test_practical_help_is_kept_when_money_worries_come_up(matcher: FlaskClient) -> None:
    answer = match(matcher, about="I love singing and gardening and walking, but I'm in debt",
                   location=NEAR, limit=3)
    assert "Catford Debt Advice" in names(answer)
    assert len(answer["results"]) == 3


def test_activity_types_are_mixed(matcher: FlaskClient) -> None:
    answer = match(matcher, about="I want to be more active: yoga, walking or swimming",
                   location=NEAR, limit=4, requirements={"gender": "woman"})
    kinds = [r["reasons"][0].split(":")[0] for r in answer["results"]]
    assert len(set(kinds)) >= 2, kinds


def test_health_readiness_and_openapi(matcher: FlaskClient) -> None:
    assert matcher.get("/healthz").json == {"status": "ok"}
    ready = matcher.get("/readyz")
    assert ready.status_code == 200 and ready.json["directory"] is True
    spec = matcher.get("/openapi.json").json
    body = spec["paths"]["/match"]["post"]
    assert "requestBody" in body and "200" in body["responses"]
    schemas = spec["components"]["schemas"]
    assert {"about", "interests", "needs", "location", "max_travel_km", "age", "availability",
            "requirements", "prefer", "limit"} <= set(schemas["MatchRequest"]["properties"])


def test_the_openapi_document_is_valid(matcher: FlaskClient) -> None:
    from openapi_spec_validator import validate

    validate(matcher.get("/openapi.json").json)


def test_linkwell_serve_answers_match_at_api_v1(tmp_path: Any) -> None:
    from werkzeug.test import Client

    from linkwell.cli.server import build_site
    from tests.conftest import load
    from tests.matcher.conftest import people_corpus

    site, directory = build_site({"DATA_DIR": str(tmp_path), "SEARCH_BACKEND": "sqlite",
                                  "INGEST_TOKEN": "test-token"})
    load(directory.test_client(), people_corpus())
    response = Client(site).post("/api/v1/match", json={"interests": ["gardening"],
                                                        "location": NEAR, "max_travel_km": 3})
    assert response.status_code == 200, response.json
    assert response.json["results"][0]["name"] == "Catford Growing Club"
    bad = Client(site).post("/api/v1/match", json={"about": "walks", "max_travel_km": -1})
    assert bad.status_code == 400 and "max_travel_km" in bad.json["errors"]
