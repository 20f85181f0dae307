"""The link worker's pages, the widget and the report store, through Flask's test client.

Pages are fetched as a browser with JavaScript off would: plain GETs and form POSTs. The
directory is the real one on both backends; the matcher is a small stand-in that answers in
issue 4's contract and records what it was sent (the browser tests use the real matcher).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask, jsonify, request
from flask.testing import FlaskClient

from linkwell.gateway.keys import KeyStore
from tests.conftest import load
from tests.factory import corpus, sid

DEAD = "http://127.0.0.1:9"
CHOIR = sid("choir")
OLD_CHOIR = sid("old-choir")
WORDS = "Since my wife died I hardly see anyone; I used to love the allotment"


class Page(HTMLParser):
    """The parts of a page these tests look at: controls, labels, links, forms, text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.labels: set[str] = set()
        self.links: list[str] = []
        self.forms: list[dict[str, str]] = []
        self.scripts: list[str] = []
        self.ids: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("input", "select", "textarea"):
            self.controls.append({"tag": tag, **a})
        elif tag == "label" and "for" in a:
            self.labels.add(a["for"])
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "form":
            self.forms.append(a)
        elif tag == "script" and "src" in a:
            self.scripts.append(a["src"])

    def visible_controls(self) -> list[dict[str, str]]:
        return [c for c in self.controls if c.get("type") != "hidden"]

    def hidden_values(self) -> list[str]:
        return [c.get("value", "") for c in self.controls if c.get("type") == "hidden"]


class StandInMatcher:
    """Answers ``POST /match`` in the issue 4 contract, with whatever the test sets."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.status = 200
        self.answer: dict[str, Any] = {"results": [], "understood": {}, "safety": None}
        self.app = Flask("stand_in_matcher")
        self.app.add_url_rule("/match", view_func=self._match, methods=["POST"])

    def _match(self) -> Any:
        self.received.append(request.get_json())
        return jsonify(self.answer), self.status


def contract_result(asset: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": asset["id"], "name": asset["name"], "score": 0.9,
            "reasons": ["Choir: matches your interest in singing", "1.2 km away",
                        "Tuesdays 10:00 to 12:00, when you are free", "Free"],
            "cautions": ["Last confirmed 14 months ago"], "distance_km": 1.24,
            "next_session": "2026-11-24T10:00:00+00:00", "asset": asset, **extra}


@pytest.fixture
def matcher() -> StandInMatcher:
    return StandInMatcher()


@pytest.fixture
def site(app: Flask, tmp_path: Path, matcher: StandInMatcher) -> Iterator[Flask]:
    from linkwell.gateway import create_app

    load(app.test_client(), corpus())
    gw = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                     "MATCHER_APP": matcher.app, "TESTING": True})
    yield gw


@pytest.fixture
def web(site: Flask) -> FlaskClient:
    return site.test_client()


def summary_of(web: FlaskClient, asset_id: str) -> dict[str, Any]:
    body = web.get(f"/api/v1/services/{asset_id}").json
    return {**body["summary"], "id": body["id"], "stale": body["stale"]}


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


def test_map_is_off_by_default_and_on_when_a_tile_source_is_set(
        web: FlaskClient, app: Flask, tmp_path: Path) -> None:
    plain = web.get("/search?q=choir")
    html = plain.get_data(as_text=True)
    assert 'id="map"' not in html and "leaflet" not in html
    assert 'class="place-list"' in html  # the places, as a list
    policy = plain.headers["Content-Security-Policy"]
    assert "img-src 'self' data:;" in policy and "default-src 'self'" in policy
    from linkwell.gateway import create_app

    tiles = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    gw = create_app({"DATA_DIR": str(tmp_path / "gw2"), "DIRECTORY_APP": app,
                     "MATCHER_URL": DEAD, "MAP_TILES_URL": tiles,
                     "MAP_TILES_ATTRIBUTION": "© Example"}).test_client()
    mapped = gw.get("/search?q=choir")
    page = Page(mapped.get_data(as_text=True))
    assert "/static/vendor/leaflet/leaflet.js" in page.scripts
    assert "map" in page.ids and "map-points" in page.ids
    assert "img-src 'self' data: https://*.tiles.example.org;" in mapped.headers[
        "Content-Security-Policy"]
    assert gw.get("/static/vendor/leaflet/leaflet.js").status_code == 200


def test_pages_set_no_cookies_and_load_scripts_only_from_here(web: FlaskClient) -> None:
    for path in ("/", "/search?q=walk", f"/services/{CHOIR}", f"/shortlist?ids={CHOIR}",
                 "/api/docs", "/widget.js"):
        response = web.get(path)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, path
        if response.mimetype == "text/html":
            page = Page(response.get_data(as_text=True))
            assert page.scripts and all(s.startswith("/static/") for s in page.scripts), path


def test_report_a_problem_is_stored_for_the_listings_borough(site: Flask, web: FlaskClient,
                                                             tmp_path: Path) -> None:
    form = web.get(f"/services/{CHOIR}/report").get_data(as_text=True)
    assert "The day or time is wrong" in form and "personal details" in form
    missing = web.post(f"/services/{CHOIR}/report", data={"details": "x"})
    assert missing.status_code == 400 and 'id="problem-error"' in missing.get_data(as_text=True)
    sent = web.post(f"/services/{CHOIR}/report", data={"problem": "time",
                                                       "details": "It moved to Wednesdays"})
    assert sent.status_code == 200 and "Thank you" in sent.get_data(as_text=True)
    assert web.get(f"/services/{sid('nowhere')}/report").status_code == 404

    keys = KeyStore(tmp_path / "gw" / "gateway.sqlite3")
    _, ours = keys.create("Tests borough", "data_officer", feeds=("tests",))
    _, theirs = keys.create("Camden", "data_officer", feeds=("camden",))
    _, admin = keys.create("Admin", "admin")
    _, partner = keys.create("Partner", "partner")

    def reports(secret: str | None, query: str = "?feed=tests") -> Any:
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        return web.get(f"/api/v1/reports{query}", headers=headers)

    assert reports(None).status_code == 401
    assert reports(partner).status_code == 403
    assert reports(theirs).status_code == 403
    assert reports(theirs, "").json == {"reports": []}  # its own feeds only
    mine = reports(ours).json["reports"]
    assert [(r["asset_id"], r["feed"], r["problem"], r["details"]) for r in mine] == [
        (CHOIR, "tests", "time", "It moved to Wednesdays")]
    assert mine[0]["problem_label"] == "The day or time is wrong"
    assert reports(admin, "").json["reports"] == mine
    stored = (tmp_path / "gw" / "gateway.sqlite3").read_bytes()
    assert b"127.0.0.1" not in stored  # nothing about who sent it


def test_the_widget_script_and_the_iframe_alternative(web: FlaskClient, tmp_path: Path) -> None:
    script = web.get("/widget.js")
    assert script.mimetype == "text/javascript"
    assert script.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    text = script.get_data(as_text=True)
    assert "attachShadow" in text and "--linkwell-accent" in text
    assert "document.cookie" not in text and "localStorage" not in text
    assert not re.search(r"https?://(?!LINKWELL)", text)  # no address of any other site
    assert web.get("/embed").status_code == 403
    _, secret = KeyStore(tmp_path / "gw" / "gateway.sqlite3").create(
        "Hub", "partner", origins=("https://hub.example.org",))
    framed = web.get(f"/embed?key={secret}&accent=%23aa3300&font=Georgia")
    assert framed.status_code == 200
    assert "frame-ancestors https://hub.example.org" in framed.headers["Content-Security-Policy"]
    assert "/embed/theme.css?" in framed.get_data(as_text=True)
    theme = web.get("/embed/theme.css?accent=%23aa3300&font=Georgia").get_data(as_text=True)
    assert "--linkwell-accent: #aa3300;" in theme and "--linkwell-font: Georgia;" in theme
    injected = web.get("/embed/theme.css?accent=red;}body{x:y&font=a{}").get_data(as_text=True)
    assert "body" not in injected and "{}" not in injected.replace(":root { ", "").rstrip("}\n ")


def test_api_docs_page_uses_the_local_copy_of_redoc(web: FlaskClient) -> None:
    response = web.get("/api/docs")
    page = Page(response.get_data(as_text=True))
    assert "/static/vendor/redoc/redoc.standalone.js" in page.scripts
    assert "connect-src 'self'" in response.headers["Content-Security-Policy"]
    bundle = web.get("/static/vendor/redoc/redoc.standalone.js")
    assert bundle.status_code == 200 and b"cdn.redoc.ly" not in bundle.data
    static = Path(__file__).resolve().parents[2] / "services" / "gateway" / "static" / "vendor"
    assert (static / "redoc" / "LICENSE").exists() and (static / "leaflet" / "LICENSE").exists()
    assert "/api/v1/reports" in web.get("/api/openapi.json").json["paths"]


# --- "I'd like to join" --------------------------------------------------------------------

JOINER = {"name": "Winifred Adebayo-Clarke", "contact_method": "email",
          "email": "winifred.ac@mailbox.example.net", "phone": "", "good_time": "Afternoons",
          "message": "I am new to the area", "consent_share": "yes", "aged_16_or_over": "yes",
          "website": ""}


@pytest.fixture
def joinable(app: Flask, tmp_path: Path, matcher: StandInMatcher) -> Flask:
    """A gateway whose listings can take requests (a default email route; the outbox is off
    in tests, so nothing is sent: these tests look at what is taken and stored)."""
    from linkwell.gateway import create_app

    load(app.test_client(), corpus())
    return create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                       "MATCHER_APP": matcher.app, "TESTING": True, "SMTP_HOST": "127.0.0.1",
                       "REFERRALS_ROUTES": {"default": {"email": "groups@example.org"}}})


def test_the_join_form_is_linked_from_results_and_listings_and_fully_labelled(
        web: FlaskClient) -> None:
    links = Page(web.get("/search?q=singing").get_data(as_text=True)).links
    shown = {link for link in links if re.fullmatch(r"/services/[^/?]+", link)}
    assert shown and {f"{link}/join" for link in shown} <= set(links)
    assert f"/services/{CHOIR}/join" in Page(web.get(f"/services/{CHOIR}").get_data(
        as_text=True)).links
    response = web.get(f"/services/{CHOIR}/join")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    page = Page(response.get_data(as_text=True))
    assert {"action": f"/services/{CHOIR}/join", "method": "post"}.items() <= {
        k: v for f in page.forms for k, v in f.items()}.items()
    controls = [c for c in page.visible_controls() if c.get("form") is None]
    names = {c.get("name") for c in controls}
    assert {"name", "contact_method", "phone", "email", "good_time", "message", "consent_share",
            "consent_follow_up", "aged_16_or_over", "website"} <= names
    assert [c for c in controls if c.get("id") not in page.labels] == []
    ticks = [c for c in controls if c.get("type") == "checkbox"]
    assert len(ticks) == 3 and not any("checked" in c for c in ticks)  # none ticked for them
    assert "trusted adult or your GP practice" in response.get_data(as_text=True)
    assert web.get(f"/services/{sid('nowhere')}/join").status_code == 404


def test_a_bad_email_comes_back_beside_its_field_and_nothing_is_stored(
        joinable: Flask) -> None:
    web = joinable.test_client()
    answer = web.post(f"/services/{CHOIR}/join",
                      data={**JOINER, "email": "not-an-email", "aged_16_or_over": ""})
    html = answer.get_data(as_text=True)
    assert answer.status_code == 400
    page = Page(html)
    assert {"email-error", "aged_16_or_over-error"} <= page.ids
    email = next(c for c in page.controls if c.get("id") == "email")
    assert email["aria-invalid"] == "true" and "email-error" in email["aria-describedby"]
    assert "Not a valid email address" in html and "trusted adult" in html
    assert 'value="Winifred Adebayo-Clarke"' in html  # the form comes back filled in
    assert joinable.extensions["linkwell.referrals"].store.count() == 0


def test_a_good_request_is_stored_and_shows_the_reference(joinable: Flask) -> None:
    web = joinable.test_client()
    answer = web.post(f"/services/{CHOIR}/join", data=JOINER)
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200, html
    reference = re.search(r'id="reference">([0-9A-Z-]+)<', html).group(1)  # type: ignore[union-attr]
    service = joinable.extensions["linkwell.referrals"]
    stored = service.find(reference)
    assert (stored.kind, stored.asset.id, stored.person.name, stored.person.email) == (
        "self_referral", CHOIR, JOINER["name"], JOINER["email"])
    assert "What happens next" in html and f"reference {reference}" in html
    assert JOINER["name"] not in answer.headers.get("Location", "")
    # The hidden field filled in: a robot sees "sent"; nothing it typed is kept or sent.
    queued = sum(service.stats()["delivery"].values())
    robot = web.post(f"/services/{CHOIR}/join", data={**JOINER, "website": "http://spam"})
    assert robot.status_code == 200 and 'id="reference"' in robot.get_data(as_text=True)
    assert service.stats()["total"] == 1
    assert sum(service.stats()["delivery"].values()) == queued  # nothing to send


def test_join_is_rate_limited_like_anonymous_api_use(joinable: Flask) -> None:
    web = joinable.test_client()
    limit = joinable.extensions["linkwell.referrals"].settings["REFERRALS_RATE_LIMIT"]
    codes = [web.post(f"/services/{CHOIR}/join", data={**JOINER, "email": "x"}).status_code
             for _ in range(limit + 1)]
    assert codes == [400] * limit + [429]


def test_page_forms_refuse_posts_from_other_websites(joinable: Flask) -> None:
    web = joinable.test_client()
    for forged in ({"Sec-Fetch-Site": "cross-site", "Origin": "https://elsewhere.example"},
                   {"Origin": "https://elsewhere.example"}):  # an older browser: Origin only
        assert web.post(f"/services/{CHOIR}/join", data=JOINER,
                        headers=forged).status_code == 403
    assert joinable.extensions["linkwell.referrals"].store.count() == 0
    own = web.post(f"/services/{CHOIR}/join", data=JOINER,
                   headers={"Sec-Fetch-Site": "same-origin", "Origin": "null"})
    assert own.status_code == 200
    assert joinable.extensions["linkwell.referrals"].stats()["total"] == 1


def test_every_html_answer_carries_the_same_security_headers(web: FlaskClient) -> None:
    """The page, search, a listing, the join form, a group's referral link (even a forged
    one), a page that is not there: the same policy on each, referral pages included."""
    listing = summary_of(web, corpus()[0]["id"])["id"]
    routes = ["/", "/search?q=singing", f"/services/{listing}", f"/services/{listing}/join",
              "/referrals/respond/not-a-real-token", "/shortlist"]
    for route in routes:
        response = web.get(route)
        assert response.mimetype == "text/html", route
        headers = response.headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], route
        assert "script-src 'self'" in headers["Content-Security-Policy"], route
        assert headers["X-Frame-Options"] == "DENY", route
        assert headers["X-Content-Type-Options"] == "nosniff", route
        assert headers["Referrer-Policy"] == "no-referrer", route
    assert web.get("/no-such-page").headers["X-Content-Type-Options"] == "nosniff"  # JSON too
