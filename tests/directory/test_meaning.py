"""Searching by meaning: each asset's vector, stored in both backends, and the person's words
as a vector (``vector=``); both backends answer alike, and a write is in the next search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell import semantic
from linkwell.directory import ingest
from linkwell.directory.backends.base import STALE_FACTOR
from tests.conftest import directory_config, load, names, search
from tests.factory import CATFORD, corpus, service


def vector_of(words: str) -> str:
    return semantic.encode(semantic.quantise(semantic.embed_one(words)))


def test_the_nearest_in_meaning_come_first(corpus_client: FlaskClient) -> None:
    body = search(corpus_client, f"vector={vector_of('somewhere to sing with other people')}"
                                 "&per_page=3&facets=false")
    assert "Catford Community Choir" in names(body)[:2]
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)  # (1 + cosine) / 2, stale ones lowered
    assert all(-1.0 <= r["similarity"] <= 1.0 for r in body["results"])
    # Every active asset with a vector is answered, as Elasticsearch's exact kNN answers.
    assert body["total"] == search(corpus_client, "per_page=1&facets=false")["total"]


def test_meaning_keeps_every_filter(corpus_client: FlaskClient) -> None:
    near = f"{CATFORD[0]},{CATFORD[1]}"
    body = search(corpus_client, f"vector={vector_of('a walk in the park')}&near={near}"
                                 "&within_km=2&sort=blended&free=true&per_page=50&facets=false")
    assert body["results"] and all(r["distance_km"] <= 2 for r in body["results"])
    assert all(r["cost"]["band"] == "free" for r in body["results"])


def test_each_result_says_its_similarity_whatever_ranks_it(corpus_client: FlaskClient) -> None:
    vector = vector_of("singing")
    words = search(corpus_client, f"q=choir&vector={vector}&facets=false")
    assert names(words)[0] == "Catford Community Choir"  # ranked by the words
    assert all("similarity" in r for r in words["results"])
    assert "similarity" not in search(corpus_client, "q=choir")["results"][0]


def test_a_vector_that_is_not_ours_gets_a_400(corpus_client: FlaskClient) -> None:
    for bad in ("abc", vector_of("x")[:100], "%%%"):
        body = search(corpus_client, f"vector={bad}", status=400)
        assert "vector" in body["errors"]


def test_the_score_is_the_cosine_as_elasticsearch_scores_it(corpus_client: FlaskClient) -> None:
    body = search(corpus_client, f"vector={vector_of('help with money and debts')}"
                                 "&per_page=8&facets=false")
    for result in body["results"]:
        expected = (1 + result["similarity"]) / 2 * (STALE_FACTOR if result["stale"] else 1.0)
        assert abs(result["score"] - expected) < 1e-3, result["name"]


@pytest.mark.elasticsearch
def test_both_backends_answer_the_same_order(tmp_path: Path) -> None:
    """The same numbers in both (quantised vectors, exact cosines): the same answers."""
    from linkwell.directory import create_app

    orders = []
    for kind in ("sqlite", "elasticsearch"):
        app = create_app(directory_config(kind, tmp_path / kind))
        client = app.test_client()
        load(client, corpus())
        query = f"vector={vector_of('company for an older person who is lonely')}&per_page=10"
        orders.append([(r["id"], round(r["similarity"], 3)) for r in search(client, query)[
            "results"]])
        if kind == "elasticsearch":
            app.extensions["linkwell.backend"].drop_all()
        app.extensions["linkwell.backend"].close()
    assert orders[0] == orders[1]


def test_a_new_asset_is_found_by_meaning_at_once(client: FlaskClient) -> None:
    assert load(client, corpus())["summary"]["rejected"] == 0
    vector = vector_of("repairing bicycles together")
    assert "Bike Repair Evenings" not in names(search(client, f"vector={vector}"))
    load(client, [service("bikes", "Bike Repair Evenings",
                                  "Fix your bike with volunteer mechanics, tools provided.")])
    assert names(search(client, f"vector={vector}&per_page=3"))[0] == (
        "Bike Repair Evenings")


def test_vectors_of_another_model_are_never_compared(app: Flask) -> None:
    """An index holding vectors an older model made: those assets are not ranked by meaning
    and say no similarity (a rebuild re-embeds them), while their other searches work."""
    backend = app.extensions["linkwell.backend"]
    old, new = (ingest.prepare(0, service(slug, name, "Fix bikes with volunteer mechanics."),
                               "tests", None, None, date(2026, 11, 1)).item
                for slug, name in (("old-bikes", "Old Bike Club"), ("new-bikes", "Bike Club")))
    assert old is not None and new is not None
    old.document["vector_model"] = "another-model"
    assert backend.write([old, new]) == {}
    client = app.test_client()
    by_meaning = search(client, f"vector={vector_of('repairing bicycles')}")
    assert names(by_meaning) == ["Bike Club"]
    by_words = search(client, f"q=bike&vector={vector_of('repairing bicycles')}")
    found = {r["name"]: r for r in by_words["results"]}
    assert "similarity" in found["Bike Club"] and "similarity" not in found["Old Bike Club"]
