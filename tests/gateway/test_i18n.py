"""The citizen pages in Bengali and Somali, the switcher that keeps the request, right-to-left
pages, one distance in the configured unit, and "use my location" as the server sees it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.gateway.web_helper import (
    CHOIR,
    Page,
    StandInMatcher,
    contract_result,
    summary_of,
)

BENGALI_HEADING = "আপনার কাছে কী গুরুত্বপূর্ণ?"
SOMALI_HEADING = "Maxaa kuu muhiim ah?"
FORM = {"about": "I would like to meet people who like gardening", "interests": "gardening",
        "postcode": "SE6 4RU", "max_travel_km": "3", "days": "tuesday", "language": "bn"}


def html_lang(html: str) -> tuple[str, str]:
    found = re.search(r'<html lang="([^"]+)" dir="([^"]+)"', html)
    assert found, html[:200]
    return found.group(1), found.group(2)


def test_the_browsers_language_chooses_the_page_language(web: FlaskClient) -> None:
    response = web.get("/", headers={"Accept-Language": "bn-BD,bn;q=0.9,en;q=0.5"})
    html = response.get_data(as_text=True)
    assert html_lang(html) == ("bn", "ltr")
    assert BENGALI_HEADING in html
    assert "Accept-Language" in response.headers["Vary"]
    html = web.get("/", headers={"Accept-Language": "so"}).get_data(as_text=True)
    assert html_lang(html) == ("so", "ltr") and SOMALI_HEADING in html
    # A language without a catalog falls back to English, not to an error.
    html = web.get("/", headers={"Accept-Language": "xx, de;q=0.8"}).get_data(as_text=True)
    assert html_lang(html) == ("en-GB", "ltr") and "What matters to you?" in html


def test_the_switcher_keeps_every_query_value_and_is_remembered(web: FlaskClient) -> None:
    response = web.get("/search?q=walking&cost=free&day=tuesday&day=friday")
    links = [u for u in Page(response.get_data(as_text=True)).links if "lang=" in u]
    assert {dict(parse_qsl(urlsplit(u).query))["lang"] for u in links} == {"bn", "so"}
    for link in links:
        query = parse_qsl(urlsplit(link).query)
        assert [p for p in query if p[0] != "lang"] == [
            ("q", "walking"), ("cost", "free"), ("day", "tuesday"), ("day", "friday")]
    chosen = web.get(next(u for u in links if u.endswith("lang=so")))
    assert html_lang(chosen.get_data(as_text=True))[0] == "so"
    assert "lang=so" in chosen.headers["Set-Cookie"]
    # The next page, with no ?lang=, is in the language chosen (over the browser's).
    later = web.get("/", headers={"Accept-Language": "bn"}).get_data(as_text=True)
    assert html_lang(later)[0] == "so" and SOMALI_HEADING in later


def test_switching_on_the_results_sends_the_same_request_again(
        web: FlaskClient, matcher: StandInMatcher) -> None:
    matcher.answer = {"results": [contract_result(summary_of(web, CHOIR))], "understood": {},
                      "safety": None}
    html = web.post("/match", data=FORM, headers={"Accept-Language": "bn"}).get_data(
        as_text=True)
    assert html_lang(html)[0] == "bn"
    # Each other language is a button of the form: the words go in the body, not a link.
    buttons = re.findall(r'<button type="submit" form="match-form"[^>]*value="(\w+)"', html)
    assert sorted(buttons) == ["en", "so"]
    assert not [u for u in Page(html).links if "lang=" in u]
    again = web.post("/match", data={**FORM, "lang": "so"}).get_data(as_text=True)
    assert html_lang(again)[0] == "so"
    assert matcher.received[0] == matcher.received[1]
    assert FORM["about"] in again and 'value="SE6 4RU"' in again
    assert "Catford Community Choir" in again


def test_switching_an_unfinished_join_form_sends_nothing(web: FlaskClient) -> None:
    typed = {"name": "Amina", "contact_method": "phone", "phone": "07700 900123",
             "consent_share": "yes", "aged_16_or_over": "yes", "lang": "so"}
    response = web.post(f"/services/{CHOIR}/join", data=typed)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html_lang(html)[0] == "so"
    assert 'id="join-form"' in html and 'value="Amina"' in html
    assert "reference" not in html.lower()  # nothing was sent to the group
    assert re.search(r'form="join-form"[^>]*value="bn"', html)


def test_link_worker_and_group_pages_stay_english(web: FlaskClient) -> None:
    html = web.get("/api/docs", headers={"Accept-Language": "bn"}).get_data(as_text=True)
    assert '<html lang="en-GB">' in html


def test_urgent_help_in_the_persons_language(web: FlaskClient, matcher: StandInMatcher) -> None:
    from linkwell.matcher.safety import safety

    matcher.answer = {"results": [], "understood": {},
                      "safety": safety(["feelings.urgent", "safety_rights.safe_at_home"])}
    html = web.post("/match", data={"about": "x", "lang": "bn"}).get_data(as_text=True)
    section = html[html.index('class="safety"'):html.index("</section>")]
    for words in ("এখনই সাহায্য দরকার হলে", "জরুরি পরিষেবা", "111, তারপর 2 চাপুন",
                  "বিনামূল্যে ও গোপনীয়", "999 নম্বরে ফোন করুন"):
        assert words in section, words
    assert 'href="tel:116123"' in section and 'href="tel:08082000247"' in section
    assert "Emergency services" not in section


def test_a_right_to_left_catalog_turns_the_page(tmp_path: Path, app: Flask,
                                                matcher: StandInMatcher) -> None:
    from linkwell.gateway import create_app
    from linkwell.gateway.web import i18n

    assert [i18n.direction(c) for c in ("ar", "ur", "bn", "so", "en")] == [
        "rtl", "rtl", "ltr", "ltr", "ltr"]
    catalogs = tmp_path / "translations" / "ar" / "LC_MESSAGES"
    catalogs.mkdir(parents=True)
    (catalogs / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "What matters to you?"\nmsgstr "ما الذي يهمك؟"\n', encoding="utf-8")
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "compile", "-d",
                    str(tmp_path / "translations"), "-l", "ar"], check=True, capture_output=True)
    ours = Path(i18n.TRANSLATIONS)
    gw = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                     "MATCHER_APP": matcher.app, "TESTING": True,
                     "BABEL_TRANSLATION_DIRECTORIES": f"{ours};{tmp_path / 'translations'}"})
    html = gw.test_client().get("/?lang=ar").get_data(as_text=True)
    assert html_lang(html) == ("ar", "rtl")
    assert "ما الذي يهمك؟" in html
    # The switcher names each language in its own script and direction.
    assert re.search(r'<span class="language-current" lang="ar" dir="rtl"[^>]*>العربية</span>',
                     html)


@pytest.fixture
def miles_site(site: Flask, app: Flask, tmp_path: Path, matcher: StandInMatcher) -> Flask:
    """The same directory (``site`` loads it), with distances in miles."""
    from linkwell.gateway import create_app

    return create_app({"DATA_DIR": str(tmp_path / "miles"), "DIRECTORY_APP": app,
                       "MATCHER_APP": matcher.app, "TESTING": True, "DISTANCE_UNIT": "miles"})


def test_one_distance_per_option_in_miles_where_configured(
        miles_site: Flask, matcher: StandInMatcher) -> None:
    client = miles_site.test_client()
    asset = summary_of(client, CHOIR)
    matcher.answer = {"results": [contract_result(asset, reasons=["0.8 miles away", "Free"])],
                      "understood": {}, "safety": None}
    html = client.post("/match", data=FORM).get_data(as_text=True)
    assert html.count("0.8 miles away") == 1  # 1.24 km, once, among the facts
    assert " km away" not in html and "Up to 2 miles" in html
    bengali = client.post("/match", data={**FORM, "lang": "bn"}).get_data(as_text=True)
    assert "0.8 মাইল দূরে" in bengali and "2 মাইল পর্যন্ত" in bengali


def test_use_my_location_reaches_the_matcher_rounded(
        web: FlaskClient, matcher: StandInMatcher) -> None:
    form = {"about": "a walking group", "lat": "51.445234", "lon": "-0.020987"}
    html = web.post("/match", data=form).get_data(as_text=True)
    assert matcher.received[-1]["location"] == {"lat": 51.445, "lon": -0.021}
    assert "51.445234" in html  # refilled in the form's body (never in an address)...
    assert not [u for u in Page(html).links if "51.44" in u]  # ...nor in any link
    web.post("/match", data={**form, "postcode": "SE6 4RU"})
    assert matcher.received[-1]["location"] == {"postcode": "SE6 4RU"}  # a postcode wins
    response = web.post("/match", data={**form, "lat": "north"})
    assert response.status_code == 400 and "Please give a postcode" in response.get_data(
        as_text=True)


def test_the_widget_gets_its_words_and_the_urgent_help_in_the_persons_language(
        web: FlaskClient) -> None:
    response = web.get("/widget/messages.json", headers={"Accept-Language": "so"})
    body: dict[str, Any] = response.get_json()
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert body["lang"] == "so" and body["dir"] == "ltr" and body["distance_unit"] == "km"
    assert body["messages"]["Find options"] == "Hel doorashooyin"
    assert body["messages"]["Emergency services"].startswith("Adeegyada degdegga")
    assert [lang["code"] for lang in body["languages"]] == ["en", "bn", "so"]
    chosen = web.get("/widget/messages.json?lang=bn").get_json()
    assert chosen["lang"] == "bn" and chosen["messages"]["If you need help now"]
    english = web.get("/widget/messages.json", headers={"Accept-Language": "en"}).get_json()
    assert english["lang"] == "en" and english["messages"] == {}


def test_search_filters_show_labels_never_keys(web: FlaskClient) -> None:
    html = web.get("/search").get_data(as_text=True)
    labels = [(name, re.sub(r"<[^>]+>|\s*\(\d+\)$", "", inner).strip())
              for name, inner in re.findall(r'<label for="f-(\w+)-\d+">(.*?)</label>', html)]
    assert labels
    by_filter: dict[str, list[str]] = {}
    for name, label in labels:
        by_filter.setdefault(name, []).append(label)
    assert "language" in by_filter, sorted(by_filter)
    for name, shown in by_filter.items():
        for label in shown:
            assert not re.fullmatch(r"[a-z]{2,3}|[a-z]+_[a-z_]+|\w+:\w+", label), (name, label)
    assert "Languages spoken" in html
    bengali = web.get("/search?lang=bn").get_data(as_text=True)
    days = re.findall(r'<label for="f-day-\d+">([^<]+?) <span', bengali)
    assert 'lang="en" dir="ltr">' in bengali  # the taxonomy's English labels say so
    assert days and all(d.endswith("বার") for d in days), days  # সোমবার, মঙ্গলবার...
    # Choosing a language filters by it, and the choice stays ticked.
    code = re.search(r'name="language" value="(\w+)"', html)
    assert code
    chosen = web.get(f"/search?language={code.group(1)}").get_data(as_text=True)
    assert re.search(rf'name="language" value="{code.group(1)}" checked', chosen)


def test_a_deployment_can_offer_fewer_languages(site: Flask, app: Flask, tmp_path: Path,
                                                matcher: StandInMatcher) -> None:
    from linkwell.gateway import create_app

    gw = create_app({"DATA_DIR": str(tmp_path / "few"), "DIRECTORY_APP": app,
                     "MATCHER_APP": matcher.app, "TESTING": True, "PAGE_LANGUAGES": "so"})
    client = gw.test_client()
    html = client.get("/", headers={"Accept-Language": "bn, so;q=0.5"}).get_data(as_text=True)
    assert html_lang(html)[0] == "so"
    assert [u for u in Page(html).links if "lang=" in u] == ["/?lang=en"]
    assert html_lang(client.get("/?lang=bn").get_data(as_text=True))[0] == "en-GB"


def test_the_iframe_widget_page_is_in_the_visitors_language(site: Flask) -> None:
    from linkwell.gateway.keys import KeyStore

    _, secret = KeyStore(Path(site.config["DATA_DIR"]) / "gateway.sqlite3").create(
        "Hub", "partner", origins=("https://hub.example.org",))
    client = site.test_client()
    html = client.get(f"/embed?key={secret}", headers={"Accept-Language": "bn"}).get_data(
        as_text=True)
    assert html_lang(html) == ("bn", "ltr") and 'data-lang="bn"' in html
    assert "কাছাকাছি গ্রুপ ও কার্যক্রম খুঁজুন" in html
    response = client.get(f"/embed?key={secret}&lang=so")
    html = response.get_data(as_text=True)
    assert html_lang(html)[0] == "so" and 'data-lang="so"' in html
    assert "Set-Cookie" not in response.headers
