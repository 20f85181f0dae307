"""Requests in the boroughs' languages, on the demo boroughs' data (issue 20).

The requests (tests/matcher/data/multilingual_requests.yaml) were written before the matcher
read any language but English: each gets options, something understood (in English and in
its language), and a listing in that language among the first five; urgent wording in each
gets urgent help first.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask.testing import FlaskClient

from tests.conftest import BACKENDS, elasticsearch_url
from tests.eval.evaluate import directory_app, matcher_app

DATA = Path(__file__).parent / "data" / "multilingual_requests.yaml"
LANGUAGES = ("bn", "so", "tr", "pl", "ar", "ur")


def written() -> dict[str, dict[str, list[dict[str, Any]]]]:
    data: dict[str, dict[str, list[dict[str, Any]]]] = yaml.safe_load(
        DATA.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    """The matcher over a directory loaded with the three demo boroughs, on each backend."""
    kind = str(request.param)
    es_url = elasticsearch_url() if kind == "elasticsearch" else None
    logging.disable(logging.INFO)
    directory = directory_app(kind, str(tmp_path_factory.mktemp("demo")), es_url)
    try:
        yield matcher_app(directory).test_client()
    finally:
        backend = directory.extensions["linkwell.backend"]
        if kind == "elasticsearch":
            backend.drop_all()
        backend.close()
        logging.disable(logging.NOTSET)


def ask(client: FlaskClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/match", json=body)
    assert response.status_code == 200, response.json
    answer: dict[str, Any] = response.json
    return answer


def body_of(item: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"about": item["about"]}
    if "at" in item:
        body["location"] = {"lat": item["at"][0], "lon": item["at"][1]}
    return body


def cases() -> list[Any]:
    return [pytest.param(code, item) for code, items in written()["requests"].items()
            for item in items]


def test_every_language_has_five_requests_and_urgent_wording() -> None:
    data = written()
    assert set(data["requests"]) == set(LANGUAGES) == set(data["urgent"])
    assert all(len(items) >= 5 for items in data["requests"].values())
    assert any(item["about"].isascii() for item in data["requests"]["bn"])  # romanised
    assert any(item["about"].isascii() for item in data["requests"]["ur"])


@pytest.mark.parametrize(("code", "item"), cases(), ids=lambda x: x if isinstance(x, str) else "")
def test_a_request_in_its_language_is_understood_and_answered_in_it(
        demo: FlaskClient, code: str, item: dict[str, Any]) -> None:
    answer = ask(demo, body_of(item))
    understood = answer["understood"]
    assert answer["results"], understood
    assert understood["needs"] or understood["interests"], understood
    assert understood["language"]["code"] == code, understood["language"]
    assert len(understood["labels"][code]) == len(understood["labels"]["en"]) > 0
    first_five = answer["results"][:5]
    speaking = [r for r in first_five if code in (r["asset"].get("languages") or [])]
    assert speaking, [(r["name"], r["asset"].get("languages")) for r in first_five]
    assert any(reason.startswith("In ") for reason in speaking[0]["reasons"]), speaking[0]


@pytest.mark.parametrize("code", LANGUAGES)
def test_urgent_wording_in_each_language_gets_urgent_help_first(demo: FlaskClient,
                                                                code: str) -> None:
    for item in written()["urgent"][code]:
        answer = ask(demo, {"about": item["about"]})
        assert next(iter(answer)) == "safety"
        assert answer["safety"] is not None, item["about"]
        assert item["concept"] in answer["safety"]["concerns"], (item, answer["safety"])


def test_the_language_chosen_on_the_form_wins_and_is_a_preference(demo: FlaskClient) -> None:
    """Written in English, with Somali chosen: Somali listings first where they fit as well."""
    body = {"about": "I am worried about money and debts", "language": "so",
            "location": {"lat": 51.5194, "lon": -0.0612}}
    answer = ask(demo, body)
    assert answer["understood"]["language"] == {"code": "so", "name": "Somali (Soomaali)",
                                                "how": "chosen"}
    assert "so" in answer["results"][0]["asset"].get("languages", []), answer["results"][0]
    english = ask(demo, {**body, "language": "en"})
    assert english["understood"]["labels"].keys() == {"en"}


def test_one_english_word_stays_english(demo: FlaskClient) -> None:
    answer = ask(demo, {"about": "choir"})
    assert answer["understood"]["language"]["code"] == "en"
    assert answer["understood"]["interests"] == ["creative.singing_music"]


def test_only_the_languages_a_deployment_declares_are_detected(demo: FlaskClient) -> None:
    """LINKWELL_LANGUAGES (the LANGUAGES setting): Turkish words where only Bengali is
    declared are not read as Turkish, and nothing is understood in Turkish."""
    from linkwell.matcher import create_app

    config = demo.application.config
    bengali_only = create_app({"DIRECTORY_APP": config["DIRECTORY_APP"],
                               "CLOCK": config["CLOCK"], "PLUGINS": [],
                               "DATA_DIR": config["DATA_DIR"], "LANGUAGES": "en,bn"})
    turkish = written()["requests"]["tr"][1]["about"]
    answer = ask(bengali_only.test_client(), {"about": turkish})
    assert answer["understood"]["language"]["code"] in ("en", "bn")
    assert "tr" not in answer["understood"]["labels"]
    assert ask(demo, {"about": turkish})["understood"]["language"]["code"] == "tr"
