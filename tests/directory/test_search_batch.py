"""``POST /services/batch``: several searches in one call, each answered as ``GET /services``
answers it alone (both backends: SQLite and the real Elasticsearch node)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import pytest
from flask.testing import FlaskClient

from linkwell import semantic
from linkwell.directory.schemas import MAX_BATCH
from tests.conftest import search
from tests.factory import CATFORD

NEAR = f"near={CATFORD[0]},{CATFORD[1]}"
MEANING = semantic.encode(semantic.quantise(semantic.embed_one(
    "somewhere to sing with other people")))
# The matcher's kinds of call (concept, words, meaning, remote options by concept), and the
# search features around them: places in words, facets, paging, nothing found. (Not a
# misspelling: the speller's words are the process's, refreshed when due, so a correction can
# change between two calls while other tests' directories come and go.)
QUERIES = [
    f"{NEAR}&within_km=7.5&concept=creative.singing_music,moving_more&concept_weight="
    "creative.singing_music:1.00,moving_more:0.50&sort=blended&per_page=30&facets=false",
    f"{NEAR}&within_km=7.5&q=singing+walks&words_only=true&sort=distance&per_page=20",
    f"{NEAR}&within_km=7.5&sort=blended&per_page=20&remote=true&vector={MEANING}",
    "delivery=online,phone&concept=creative.singing_music&per_page=20",
    f"{NEAR}&within_km=3&sort=distance",
    "q=lonely",
    "near=Catford&q=walk",
    "concept=moving_more&per_page=2&page=2",
    "q=zzzqqq",
]


def batch(client: FlaskClient, searches: list[Any], status: int = 200) -> dict[str, Any]:
    response = client.post("/services/batch", json={"searches": searches})
    assert response.status_code == status, response.json
    body: dict[str, Any] = response.json
    return body


def test_each_answer_is_the_search_alone(corpus_client: FlaskClient) -> None:
    alone = [search(corpus_client, q) for q in QUERIES]
    assert any(a["total"] for a in alone) and not alone[-1]["total"]
    together = batch(corpus_client, [dict(parse_qsl(q)) for q in QUERIES])["answers"]
    assert together == alone


def test_searches_near_one_point_each_keep_their_own_radius(corpus_client: FlaskClient) -> None:
    wide, narrow = (f"{NEAR}&within_km={km}&sort=distance&per_page=50" for km in (20, 1))
    answers = batch(corpus_client, [dict(parse_qsl(wide)), dict(parse_qsl(narrow))])["answers"]
    assert answers == [search(corpus_client, wide), search(corpus_client, narrow)]
    assert answers[0]["total"] > answers[1]["total"]


def test_a_bad_value_names_the_search_and_the_field(corpus_client: FlaskClient) -> None:
    body = batch(corpus_client, [{"q": "walk"}, {"within_km": "900"}], status=400)
    assert body["code"] == 400
    assert list(body["errors"]) == ["searches.1.within_km"]


@pytest.mark.parametrize(("body", "field"), [
    ({"searches": []}, "searches"),
    ({"searches": [{"q": "walk"}] * (MAX_BATCH + 1)}, "searches"),
    ({"searches": [{"q": 3}]}, "searches"),
    ({"searches": [{"q": "walk"}], "also": 1}, "also"),
    ({}, "searches"),
])
def test_a_malformed_batch_is_refused(corpus_client: FlaskClient, body: dict[str, Any],
                                      field: str) -> None:
    response = corpus_client.post("/services/batch", json=body)
    assert response.status_code == 400, response.json
    assert field in response.json["errors"]
