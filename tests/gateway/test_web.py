"""The link worker's search and match pages, through Flask's test client.

Pages are fetched as a browser with JavaScript off would: plain GETs and form POSTs. The
directory is the real one on both backends; the matcher is a small stand-in that answers in
issue 4's contract and records what it was sent (the browser tests use the real matcher).
The other pages are in test_web_pages.py, "I'd like to join" in test_web_join.py; what they
share is in web_helper.py, and their fixtures (``matcher``, ``site``, ``web``) in conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from flask import Flask
from flask.testing import FlaskClient

from tests.factory import sid
from tests.gateway.web_helper import (
    CHOIR,
    DEAD,
    OLD_CHOIR,
    WORDS,
    Page,
    StandInMatcher,
    contract_result,
    summary_of,
)


def test_every_control_has_a_label_and_the_page_works_without_javascript(
        web: FlaskClient) -> None:
    response = web.get("/")
    assert response.status_code == 200
    page = Page(response.get_data(as_text=True))
    controls = page.visible_controls()
    assert len(controls) > 30  # the "what matters" form and the search box
    unlabelled = [c for c in controls if c.get("id") not in page.labels]
    assert unlabelled == []
    names = {c.get("name") for c in controls}
    assert {"about", "interests", "needs", "postcode", "max_travel_km", "days", "times", "free",
            "step_free", "language", "delivery", "q"} <= names
    assert {f.get("action") for f in page.forms} >= {"/match", "/search"}
    assert "main" in page.ids and 'href="#main"' in response.get_data(as_text=True)
    # Needs are offered by their plain labels, and never the urgent-help route as a "need".
    html = response.get_data(as_text=True)
    assert "Feeling lonely" in html and 'value="feelings.urgent"' not in html


def test_search_page_shows_results_facet_counts_and_filters(web: FlaskClient) -> None:
    html = web.get("/search?q=singing").get_data(as_text=True)
    assert "Catford Community Choir" in html and "Singing for the Brain" in html
    free = re.search(r'name="cost" value="free"[^>]*>\s*<label[^>]*>(?:<span[^>]*>)?Free'
                     r'(?:</span>)? <span class="count">\((\d+)\)', html)
    assert free is not None
    filtered = web.get("/search?q=singing&cost=free").get_data(as_text=True)
    assert re.search(rf"<h2 id=\"results-title\">{free.group(1)} listing", filtered)
    assert re.search(r'name="cost" value="free" checked', filtered)
    assert "Hither Green Singers" not in filtered  # £5 a session


def test_stale_listings_say_so_in_words(web: FlaskClient) -> None:
    html = web.get("/search?q=singing").get_data(as_text=True)
    card = html[html.index("Hither Green Singers"):][:3000]
    assert "Not confirmed for over a year." in card
    assert "Last confirmed</dt><dd>1 March 2024" in card


def test_bad_search_input_is_a_400_naming_the_field(web: FlaskClient) -> None:
    response = web.get("/search?q=walk&day=funday")
    assert response.status_code == 400
    assert "There is a problem" in response.get_data(as_text=True)
    assert "day" in response.get_data(as_text=True)


FORM = {"about": WORDS, "interests": "gardening, singing", "needs": ["connection.lonely",
        "life_changes.bereavement"], "postcode": "se6 4ru", "max_travel_km": "3",
        "days": ["tuesday"], "times": ["morning"], "free": "yes", "step_free": "yes",
        "language": "bn", "delivery": ["in_person", "phone"]}


def test_what_was_understood_is_also_shown_in_the_persons_language(
        web: FlaskClient, matcher: StandInMatcher) -> None:
    choir = summary_of(web, CHOIR)
    matcher.answer = {"results": [contract_result(choir)], "safety": None, "understood": {
        "needs": ["connection.lonely"], "interests": [],
        "language": {"code": "ur", "name": "Urdu (اردو)", "how": "detected"},
        "labels": {"en": ["Feeling lonely"], "ur": ["تنہائی"]}}}
    html = web.post("/match", data={"about": "میں اکیلا ہوں"}).get_data(as_text=True)
    assert "We looked for: Feeling lonely." in html
    assert '<p class="understood" lang="ur" dir="rtl">تنہائی</p>' in html
    matcher.answer = {**matcher.answer, "understood": {"needs": ["connection.lonely"],
                                                       "language": {"code": "en"},
                                                       "labels": {"en": ["Feeling lonely"]}}}
    assert 'lang="en"' not in web.post("/match", data={"about": "lonely"}).get_data(
        as_text=True).split("results-title")[1]


def test_the_form_becomes_the_matcher_contract_and_comes_back_filled_in(
        web: FlaskClient, matcher: StandInMatcher) -> None:
    choir = summary_of(web, CHOIR)
    matcher.answer = {"results": [contract_result(choir)], "understood": {
        "needs": ["connection.lonely"], "interests": ["gardening"]}, "safety": None}
    response = web.post("/match", data=FORM)
    assert response.status_code == 200
    assert matcher.received == [{
        "about": WORDS, "interests": ["gardening", "singing"],
        "needs": ["connection.lonely", "life_changes.bereavement"],
        "location": {"postcode": "SE6 4RU"}, "max_travel_km": 3.0,
        "availability": [{"day": "tuesday", "from": "09:00", "to": "12:00"}],
        "requirements": {"cost": "free", "step_free": True, "languages": ["bn"],
                         "delivery": ["in_person", "phone"]}, "language": "bn"}]
    html = response.get_data(as_text=True)
    for shown in ("Catford Community Choir", "Choir: matches your interest in singing",
                  "Last confirmed 14 months ago", "1.2 km away", "Tuesday 24 November, 10:00",
                  "Free", "We looked for: Feeling lonely, gardening."):
        assert shown in html, shown
    assert html.count("1.2 km away") == 1  # one distance per option: among the facts only
    assert f">{WORDS}</textarea>" in html
    assert 'value="SE6 4RU"' in html or 'value="se6 4ru"' in html
    assert 'id="need-connection.lonely" name="needs" value="connection.lonely" checked' in html
    assert 'value="bn" selected' in html


def test_nothing_personal_leaves_in_links_or_the_share_link(
        web: FlaskClient, matcher: StandInMatcher) -> None:
    matcher.answer = {"results": [contract_result(summary_of(web, CHOIR))], "understood": {},
                      "safety": None}
    html = web.post("/match", data={**FORM, "shortlist": OLD_CHOIR}).get_data(as_text=True)
    page = Page(html)
    carried = [*page.links, *(f.get("action", "") for f in page.forms)]
    carried += [v for v in page.hidden_values()]
    assert carried
    for value in carried:
        for personal in ("allotment", "wife", "SE6", "se6", "gardening", "lonely"):
            assert personal not in value, (personal, value)
    # The "add" button (without JavaScript) carries the shortlist so far and this id, nothing more.
    adds = [v for v in page.hidden_values() if CHOIR in v]
    assert adds == [f"{OLD_CHOIR},{CHOIR}"]
    sheet = web.get(f"/shortlist?ids={OLD_CHOIR},{CHOIR}").get_data(as_text=True)
    share = re.search(r'id="share-link" readonly value="([^"]+)"', sheet)
    assert share is not None
    query = parse_qs(urlsplit(share.group(1)).query)
    assert query == {"ids": [f"{OLD_CHOIR},{CHOIR}"]}


def test_the_my_options_sheet_has_what_a_person_needs_to_go(web: FlaskClient) -> None:
    html = web.get(f"/shortlist?ids={CHOIR},not a real id,{sid('nowhere')}").get_data(
        as_text=True)
    assert html.count('class="sheet-item"') == 1
    for label in ("When", "Where", "Cost", "How to join", "Contact", "Last confirmed"):
        assert f"<dt>{label}</dt>" in html
    assert "Catford Community Choir" in html and "Tuesdays, 10:00 to 12:00" in html
    assert "1 listing on this shortlist could not be found" in html
    assert 'media="print"' in html


def test_errors_are_tied_to_their_fields(web: FlaskClient, matcher: StandInMatcher) -> None:
    empty = web.post("/match", data={"postcode": "SE6 4RU!!"})
    assert empty.status_code == 400 and matcher.received == []
    html = empty.get_data(as_text=True)
    assert 'id="about-error"' in html and 'id="postcode-error"' in html
    assert re.search(r'id="postcode"[^>]*aria-describedby="postcode-hint postcode-error"'
                     r'[^>]*aria-invalid="true"', html)
    assert "Enter a postcode like SE6 4RU, or its first half" in html
    assert 'href="#postcode"' in html
    # The matcher's own 400 (a postcode it cannot place) lands on the postcode field too.
    matcher.status = 400
    matcher.answer = {"code": 400, "status": "Bad Request", "message": "invalid",
                      "errors": {"location.postcode": ["we could not find this postcode"]}}
    refused = web.post("/match", data={"about": "walks", "postcode": "ZZ1 1ZZ"})
    assert refused.status_code == 400
    assert re.search(r'id="postcode-error">.*we could not find this postcode',
                     refused.get_data(as_text=True))


def test_the_page_says_what_was_done_with_the_place(web: FlaskClient,
                                                    matcher: StandInMatcher) -> None:
    matcher.answer = {**matcher.answer, "understood": {"location": {
        "precision": "district", "given": "SE6", "lat": 51.44, "lon": -0.02,
        "note": "Distances are from the middle of SE6"}}}
    answer = web.post("/match", data={"about": "walks", "postcode": "se6"})
    assert answer.status_code == 200
    assert matcher.received[-1]["location"] == {"postcode": "SE6"}
    assert "Distances are from the middle of SE6." in answer.get_data(as_text=True)
    web.post("/match", data={"about": "walks", "postcode": " kentish  town "})
    assert matcher.received[-1]["location"] == {"postcode": "kentish town"}


def test_a_dead_matcher_gives_a_plain_503_page_that_keeps_the_words(
        app: Flask, tmp_path: Path) -> None:
    from linkwell.gateway import create_app

    gw = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                     "MATCHER_URL": DEAD, "TESTING": True}).test_client()
    response = gw.post("/match", data={"about": WORDS})
    assert response.status_code == 503
    html = response.get_data(as_text=True)
    assert "Matching is not answering right now" in html and WORDS in html
    assert gw.get("/search?q=walk").status_code == 200


def test_safety_comes_first(web: FlaskClient, matcher: StandInMatcher) -> None:
    matcher.answer = {"results": [contract_result(summary_of(web, CHOIR))], "understood": {},
                      "safety": {"message": "You deserve support right now.", "routes": [
                          {"name": "Samaritans", "phone": "116 123",
                           "description": "Free, any time"}]}}
    html = web.post("/match", data={"about": "I want to end it all"}).get_data(as_text=True)
    assert html.index("If you need help now") < html.index("Catford Community Choir")
    assert "Samaritans" in html and 'href="tel:116123"' in html
