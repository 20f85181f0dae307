"""Misspelt searches on both backends, over the demo boroughs (issue 22's "done when")."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.spelling.sets import misspellings, right_words

TOP = 5


def ask(client: FlaskClient, q: str, **params: Any) -> dict[str, Any]:
    response = client.get("/services", query_string={"q": q, "per_page": TOP, **params})
    assert response.status_code == 200, response.json
    body: dict[str, Any] = response.json
    return body


def top_ids(body: dict[str, Any]) -> set[str]:
    return {r["id"] for r in body["results"]}


def test_misspellings_find_what_the_right_spelling_finds(demo_client: FlaskClient) -> None:
    missed, empty = [], []
    cases = misspellings()
    for kind, typed, meant in cases:
        right = ask(demo_client, meant)
        assert right["total"], f"the right spelling {meant!r} itself finds nothing"
        found = ask(demo_client, typed)
        if not found["total"]:
            empty.append(typed)
        if not top_ids(found) & top_ids(right):
            missed.append(f"{kind}: {typed} -> {found['understood'].get('spelling')}")
    assert len(cases) >= 150
    assert (empty, len(missed) <= 0.05 * len(cases)) == ([], True), missed


def test_right_words_are_searched_as_typed(demo_client: FlaskClient) -> None:
    words = right_words()
    corrected = {w: ask(demo_client, w)["understood"].get("spelling") for w in words}
    assert len(words) >= 50
    assert {w: c for w, c in corrected.items() if c} == {}


def test_the_answer_says_what_was_searched_and_as_typed_searches_the_words_as_typed(
        demo_client: FlaskClient) -> None:
    body = ask(demo_client, "Chior")
    assert body["understood"]["spelling"] == {
        "typed": "Chior", "corrected": "choir",
        "changes": [{"typed": "chior", "corrected": "choir"}]}
    assert body["total"] > 0
    assert "choir" in body["understood"]["words"]
    plain = ask(demo_client, "Chior", as_typed="true")
    assert "spelling" not in plain["understood"]
    assert plain["understood"]["words"] == ["chior"]
