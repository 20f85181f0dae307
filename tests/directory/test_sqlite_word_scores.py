"""SQLite word searches ordered by distance or name: the page, its order and its scores must be
what scoring every word match gives (fts.py adds each word's kept bm25 figures; an earlier
version scored only the hits that could make the page). The same search ordered by relevance
scores every match, so each hit of the distance- or name-ordered page must carry the very
score it has there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from tests.conftest import directory_config, load, search
from tests.factory import CATFORD, corpus

NEAR = f"near={CATFORD[0]},{CATFORD[1]}"
WORDS = ["walk", "singing+walks", "coffee+morning+chat", "lonely+garden"]


@pytest.fixture(scope="module")
def sqlite_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    from linkwell.directory import create_app

    app = create_app(directory_config("sqlite", tmp_path_factory.mktemp("dir")))
    client = app.test_client()
    assert load(client, corpus())["summary"]["rejected"] == 0
    yield client
    app.extensions["linkwell.backend"].close()


def every_score(client: FlaskClient, words: str, where: str) -> dict[str, float]:
    """Each word match's score, from the same search ordered by relevance (every match)."""
    first = search(client, f"q={words}&{where}&sort=relevance&per_page=100&as_typed=true")
    assert first["total"] <= 100
    return {r["id"]: r["score"] for r in first["results"]}


@pytest.mark.parametrize("words", WORDS)
@pytest.mark.parametrize("sort,where", [("distance", f"{NEAR}&within_km=30"),
                                        ("distance", f"{NEAR}&within_km=2"),
                                        ("name", "facets=false"),
                                        ("name", f"{NEAR}&within_km=30")])
def test_a_page_ordered_by_distance_or_name_has_every_match_s_own_score(
        sqlite_client: FlaskClient, words: str, sort: str, where: str) -> None:
    scores = every_score(sqlite_client, words, where)
    assert scores, "the words match nothing: the test would prove nothing"
    seen = []
    for page in (1, 2):
        answer = search(sqlite_client, f"q={words}&{where}&sort={sort}&per_page=3&page={page}"
                                        "&as_typed=true")
        assert answer["total"] == len(scores)
        for hit in answer["results"]:
            assert hit["score"] == scores[hit["id"]], hit["name"]
            seen.append(hit)
    if sort == "distance":  # nearest first, ties by the better score
        keys = [(h["distance_km"], -h["score"]) for h in seen]
        assert keys == sorted(keys)
    assert len({h["id"] for h in seen}) == len(seen)


def test_the_distance_order_breaks_ties_by_score(sqlite_client: FlaskClient) -> None:
    """Listings at one venue are as near as each other: the better word match comes first,
    as when every match is scored (the page's last distance is shared by the next ones)."""
    where = f"{NEAR}&within_km=30"
    scores = every_score(sqlite_client, "walk", where)
    full = search(sqlite_client, f"q=walk&{where}&sort=distance&per_page=100&as_typed=true")
    for size in (1, 2, 3, 5):
        page = search(sqlite_client, f"q=walk&{where}&sort=distance&per_page={size}"
                                     "&as_typed=true")
        assert [h["id"] for h in page["results"]] == [h["id"] for h in full["results"][:size]]
        assert all(h["score"] == scores[h["id"]] for h in page["results"])

