"""The cache of search answers: a repeated search is answered from it, and any write, by this
process or another, makes the next search ask the index again (both backends)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest
from flask import Flask

from linkwell.directory import answers as answers_module
from linkwell.directory.backends.base import SearchQuery
from tests.conftest import AUTH, directory_config, load, search
from tests.factory import service


@pytest.fixture
def apps(backend_kind: str, tmp_path: Path) -> Iterator[tuple[Flask, Flask]]:
    """Two apps on one index, as two worker processes of one directory are."""
    from linkwell.directory import create_app

    config = directory_config(backend_kind, tmp_path)
    first, second = create_app(config), create_app(config)
    yield first, second
    backend = first.extensions["linkwell.backend"]
    if backend_kind == "elasticsearch":
        backend.drop_all()
    backend.close()
    second.extensions["linkwell.backend"].close()


def cache_of(app: Flask) -> answers_module.SearchAnswers:
    found: answers_module.SearchAnswers = app.extensions["linkwell.answers"]
    return found


def test_a_repeated_search_is_answered_from_the_cache(apps: tuple[Flask, Flask]) -> None:
    app, _ = apps
    client = app.test_client()
    load(client, [service("choir-1", "Community choir", "We sing together.")])
    assert search(client, "q=choir")["total"] == 1
    before = cache_of(app).stats()
    assert search(client, "q=choir")["total"] == 1
    after = cache_of(app).stats()
    assert (after["hits"], after["misses"]) == (before["hits"] + 1, before["misses"])
    search(client, "q=choir&page=2")  # another page is another answer
    assert cache_of(app).stats()["misses"] == before["misses"] + 1


def test_a_write_here_invalidates_at_once(apps: tuple[Flask, Flask]) -> None:
    app, _ = apps
    client = app.test_client()
    loaded = load(client, [service("choir-1", "Community choir", "We sing together.")])
    assert search(client, "q=choir")["total"] == 1
    load(client, [service("choir-2", "Gospel choir", "Gospel singing.")])
    assert search(client, "q=choir")["total"] == 2
    first = loaded["results"][0]["id"]
    response = client.post("/assets/withdraw", json={"feed": "tests", "ids": [first]},
                           headers=AUTH)
    assert response.status_code == 200 and response.json["withdrawn"] == 1, response.json
    assert search(client, "q=choir")["total"] == 1


def test_a_write_by_another_worker_invalidates(apps: tuple[Flask, Flask]) -> None:
    app, other = apps
    client = app.test_client()
    load(client, [service("choir-1", "Community choir", "We sing together.")])
    assert search(client, "q=choir")["total"] == 1
    assert search(client, "q=choir")["total"] == 1  # now cached here
    load(other.test_client(), [service("choir-2", "Gospel choir", "Gospel singing.")])
    assert search(client, "q=choir")["total"] == 2


def test_an_open_referral_page_asked_again_is_published_once(
        apps: tuple[Flask, Flask], monkeypatch: pytest.MonkeyPatch) -> None:
    from linkwell.directory.oruk import content

    app, _ = apps
    client = app.test_client()
    load(client, [service("choir-1", "Community choir", "We sing together.")])
    published: list[str] = []
    real = content.service

    def service_of(stored: Any, *, full: bool) -> dict[str, Any]:
        published.append(stored.id)
        return real(stored, full=full)

    monkeypatch.setattr(content, "service", service_of)
    first = client.get("/openreferral/services")
    second = client.get("/openreferral/services")
    assert first.status_code == second.status_code == 200, first.json
    assert first.json == second.json and first.json["total_items"] == 1
    assert len(published) == 1  # the second answer is made from the first's services
    load(client, [service("choir-2", "Gospel choir", "Gospel singing.")])
    third = client.get("/openreferral/services").json
    assert third["total_items"] == 2 and len(published) == 3  # a write: made again
    assert {s["name"] for s in third["contents"]} == {"Community choir", "Gospel choir"}


def test_vectors_are_keyed_by_all_their_bytes() -> None:
    one = np.zeros(256, dtype=np.int8)
    two = one.copy()
    two[128] = 1  # in the middle, which numpy's repr leaves out
    assert answers_module.query_key(SearchQuery(vector=one)) != answers_module.query_key(
        SearchQuery(vector=two))
    assert answers_module.query_key(SearchQuery(vector=one)) == answers_module.query_key(
        SearchQuery(vector=one.copy()))


def oruk_page(app: Flask, query: str = "page=1&per_page=50") -> bytes:
    response = app.test_client().get(f"/openreferral/services?{query}")
    assert response.status_code == 200, response.json
    return response.data


def test_an_oruk_page_is_kept_whole_until_any_worker_writes(apps: tuple[Flask, Flask]) -> None:
    app, other = apps
    load(app.test_client(), [service("choir-1", "Community choir", "We sing together.")])
    first = oruk_page(app)
    assert oruk_page(app) == first  # kept
    load(other.test_client(), [service("choir-2", "Gospel choir", "Gospel singing.")])
    second = orjson.loads(oruk_page(app))
    assert second["total_items"] == 2
    assert {c["name"] for c in second["contents"]} == {"Community choir", "Gospel choir"}
    assert orjson.loads(oruk_page(app, "page=1&per_page=1"))["total_items"] == 2
    withdrawn = other.test_client().post("/assets/withdraw", headers=AUTH, json={
        "feed": "tests", "ids": [second["contents"][0]["id"]]})
    assert withdrawn.status_code == 200 and withdrawn.json["withdrawn"] == 1, withdrawn.json
    assert orjson.loads(oruk_page(app))["total_items"] == 1


def test_whole_answers_are_kept_within_their_count_and_bytes() -> None:
    from linkwell.directory.api import Rendered

    kept = Rendered(backend=None, size=3, most_bytes=100)  # type: ignore[arg-type]
    for i in range(3):
        kept.put(("a", i), f"body {i}", 30)
    assert [kept.get(("a", i)) for i in range(3)] == ["body 0", "body 1", "body 2"]
    kept.put(("a", 3), "body 3", 30)  # a fourth: the least recently asked goes
    assert kept.get(("a", 0)) is None and kept.get(("a", 3)) == "body 3"
    kept.put(("a", 4), "big", 90)  # past 100 bytes: as many go as it takes
    assert kept.get(("a", 4)) == "big"
    assert [kept.get(("a", i)) for i in (1, 2, 3)] == [None, None, None]


def test_a_repeated_search_answers_the_same_bytes_until_a_write(
        apps: tuple[Flask, Flask]) -> None:
    app, other = apps
    client = app.test_client()
    load(client, [service("choir-1", "Community choir", "We sing together.")])
    first = client.get("/services?q=choir&near=51.45,-0.02").data
    assert client.get("/services?q=choir&near=51.45,-0.02").data == first
    assert client.get("/services?q=chior").json["understood"]["spelling"]["corrected"] == (
        "choir")
    load(other.test_client(), [service("choir-2", "Gospel choir", "Gospel singing.")])
    again = client.get("/services?q=choir&near=51.45,-0.02")
    assert again.data != first and again.json["total"] == 2
