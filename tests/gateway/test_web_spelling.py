"""The search page says what it corrected and offers what is near when nothing matches
(issue 22), with JavaScript off; the API carries the same through the one door."""

from __future__ import annotations

from html import unescape
from urllib.parse import parse_qs, urlsplit

from flask import Flask
from flask.testing import FlaskClient

from tests.gateway.web_helper import Page, StandInMatcher


def test_showing_results_for_with_a_link_back_to_the_words_as_typed(web: FlaskClient) -> None:
    html = web.get("/search?q=Chior").get_data(as_text=True)
    assert "Showing results for <strong>choir</strong>." in html
    assert "Catford Community Choir" in html
    undo = [link for link in Page(html).links if "as_typed=true" in link]
    assert len(undo) == 1
    assert parse_qs(urlsplit(unescape(undo[0])).query)["q"] == ["Chior"]
    plain = web.get(unescape(undo[0])).get_data(as_text=True)
    assert "Showing results for" not in plain
    assert "0 listings for “Chior”" in plain


def test_a_search_that_finds_nothing_offers_a_wider_radius_and_to_record_it(
        web: FlaskClient, site: Flask) -> None:
    html = web.get("/search?q=choir&near=51.52,-0.10&within_km=2").get_data(as_text=True)
    assert "Nothing matches “choir” within 2 km." in html
    assert "Nothing within 2 km; 2 within 10 km." in html
    page = Page(html)
    assert any("within_km=10" in unescape(link) for link in page.links)
    assert {"action": "/search/unmet", "method": "post", "class": "unmet"} in page.forms
    thanks = web.post("/search/unmet", data={"q": "choir", "near": "SE6 4RU"},
                      headers={"Origin": "http://localhost"})
    assert thanks.status_code == 200
    assert "We have noted that nothing was found for “choir”" in thanks.get_data(as_text=True)
    stored = site.extensions["linkwell.unmet"].recent()
    assert [(n["words"], n["area"]) for n in stored] == [("choir", "SE6")]


def test_the_api_records_an_unmet_need_and_keeps_only_the_area(web: FlaskClient,
                                                                site: Flask) -> None:
    answer = web.post("/api/v1/unmet-needs", json={"words": "zorbing", "near": "51.5,-0.1"})
    assert answer.status_code == 201, answer.json
    assert answer.json["words"] == "zorbing" and answer.json["area"] == ""
    refused = web.post("/api/v1/unmet-needs", json={"near": "SE6"})
    assert refused.status_code == 400 and "words" in refused.json["errors"]
    assert web.get("/api/v1/unmet-needs").status_code == 401


def test_the_api_carries_the_correction_and_the_alternatives(web: FlaskClient) -> None:
    body = web.get("/api/v1/services?q=chior").json
    assert body["understood"]["spelling"]["corrected"] == "choir"
    empty = web.get("/api/v1/services?q=choir&near=51.52,-0.10&within_km=2").json
    assert empty["total"] == 0
    assert empty["alternatives"]["wider"]["within_km"] == 10.0


def test_the_match_page_says_which_words_it_read_otherwise(
        web: FlaskClient, matcher: StandInMatcher) -> None:
    matcher.answer = {"results": [], "safety": None, "understood": {
        "needs": [], "interests": ["creative.singing_music"],
        "spelling": [{"typed": "chior", "corrected": "choir"}]}}
    html = web.post("/match", data={"about": "a chior near me"}).get_data(as_text=True)
    assert "We read “chior” as “choir”." in html
