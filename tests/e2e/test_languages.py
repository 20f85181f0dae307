"""The citizen pages in Bengali and Somali in a real browser: axe finds nothing, switching
language keeps the request, no raw key anywhere a crawl of the demo site reaches, and "use my
location" leaves the page rounded and is never logged."""

from __future__ import annotations

import json
import re
from collections import deque
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlsplit

import pytest

from linkwell import vocab
from linkwell.gateway.keys import KeyStore
from linkwell.taxonomy import load_taxonomy
from tests.e2e.conftest import CHROMIUM, Stack
from tests.e2e.test_browser import axe_clean, only_own_requests

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

WORDS = {"bn": "আমি মানুষের সঙ্গে দেখা করতে চাই, গান গাইতে ভালোবাসি",
         "so": "Waxaan jeclaan lahaa inaan la kulmo dad, heesaha ayaan jeclahay"}
HEADINGS = {"bn": "আপনার কাছে কী গুরুত্বপূর্ণ?", "so": "Maxaa kuu muhiim ah?"}
FIND = {"bn": "বিকল্প খুঁজুন", "so": "Hel doorashooyin"}


def tab_in(browser: Any, locale: str, **extra: Any) -> Any:
    """A fresh browser whose language is ``locale`` (its Accept-Language)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale,
                                  **extra)
    tab = context.new_page()
    tab.requested = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    tab.set_default_timeout(15_000)
    return tab


@pytest.mark.parametrize("lang", ["bn", "so"])
def test_citizen_pages_in_bengali_and_somali_pass_axe(browser: Any, stack: Stack,
                                                      lang: str) -> None:
    page = tab_in(browser, lang)
    try:
        page.goto(stack.gateway + "/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.get_by_role("heading", level=1).inner_text() == HEADINGS[lang]
        axe_clean(page)
        page.locator("#about").fill(WORDS[lang])
        page.locator("#postcode").fill("SE6 4RU")
        page.locator("#match-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/match$"))
        assert page.locator(".option").count() >= 1
        assert page.locator("html").get_attribute("lang") == lang
        axe_clean(page)
        # An empty form: the error summary and field errors, in the page's language.
        page.goto(stack.gateway + "/")
        page.locator("#match-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/match$"))
        assert page.locator(".error-summary").is_visible()
        axe_clean(page)
        page.goto(stack.gateway + "/search?q=singing")
        axe_clean(page)
        page.locator(".option-name a").first.click()
        page.wait_for_url(re.compile(r"/services/[^/]+$"))
        listing = page.url
        axe_clean(page)
        page.goto(listing + "/join")
        axe_clean(page)
        page.locator("#join-form button[type=submit]").click()
        assert page.locator(".error-summary").is_visible()
        axe_clean(page)
        page.goto(listing + "/report")
        axe_clean(page)
        page.goto(stack.gateway + "/shortlist?ids=" + listing.rsplit("/", 1)[-1])
        axe_clean(page)
        page.goto(stack.gateway + "/services/no-such-listing")
        axe_clean(page)
        # The widget on the partner's page speaks the browser's language too.
        page.goto(stack.partner + "/")
        widget = page.locator(".linkwell-widget")
        widget.locator("section[lang]").wait_for()
        assert widget.locator("section").get_attribute("lang") == lang
        page.locator("#lw-about").fill(WORDS[lang])
        page.get_by_role("button", name=FIND[lang], exact=True).click()
        widget.locator(".result").first.wait_for()
        axe_clean(page)
        only_own_requests(page, stack, also=(stack.partner + "/",))
    finally:
        page.context.close()


def test_switching_language_keeps_the_request(browser: Any, stack: Stack) -> None:
    page = tab_in(browser, "en-GB")
    try:
        page.goto(stack.gateway + "/")
        words = "I would like to meet people and sing"
        page.get_by_label("In your own words: what matters to you?").fill(words)
        page.get_by_label("Postcode").fill("SE6 4RU")
        page.get_by_label("Tuesday").check()
        page.get_by_role("button", name="Find options").click()
        page.wait_for_url(re.compile(r"/match$"))
        names = page.locator(".option-name a").all_inner_texts()
        assert names
        with page.expect_request(lambda r: r.url.endswith("/match")) as sent:
            page.get_by_role("button", name="বাংলা").click()
        page.wait_for_load_state()
        assert "lang=bn" in (sent.value.post_data or "")
        assert page.url.endswith("/match")  # the words went in the body, not the address
        assert page.locator("html").get_attribute("lang") == "bn"
        assert page.locator("#about").input_value() == words
        assert page.locator("#postcode").input_value() == "SE6 4RU"
        assert page.locator("#day-tuesday").is_checked()
        assert page.locator(".option-name a").all_inner_texts() == names
        axe_clean(page)
        # The search with filters and a page number: every value kept in the link.
        page.goto(stack.gateway + "/search?q=walking&cost=free&day=tuesday")
        total = page.locator("#results-title").inner_text()
        page.get_by_role("link", name="Soomaali").click()
        query = parse_qsl(urlsplit(page.url).query)
        assert [p for p in query if p[0] != "lang"] == [
            ("q", "walking"), ("cost", "free"), ("day", "tuesday")]
        assert page.locator("html").get_attribute("lang") == "so"
        count = re.search(r"\d+", total)  # the page is in Bengali now: "“walking”-এর জন্য 3টি"
        assert count and count.group(0) in page.locator("#results-title").inner_text()
        assert page.locator("input[name=cost][value=free]").is_checked()
        # Chosen once, kept: the next page is in Somali although the browser says English.
        page.goto(stack.gateway + "/")
        assert page.locator("html").get_attribute("lang") == "so"
    finally:
        page.context.close()


def test_the_widget_switches_language_keeping_what_was_typed(browser: Any,
                                                             stack: Stack) -> None:
    page = tab_in(browser, "en-GB")
    try:
        page.goto(stack.partner + "/")
        page.get_by_label("Search by a word").fill("walking")
        page.get_by_label("Your postcode (optional)").fill("SE6")
        page.get_by_role("button", name="Search", exact=True).click()
        page.locator(".linkwell-widget .result").first.wait_for()
        names = page.locator(".linkwell-widget .result h3").all_inner_texts()
        with page.expect_response(lambda r: "/api/v1/services" in r.url):
            page.get_by_role("button", name="Soomaali").click()
        widget = page.locator(".linkwell-widget section")
        assert widget.get_attribute("lang") == "so"
        assert page.get_by_role("button", name="Soomaali").get_attribute("aria-pressed") == "true"
        assert page.locator("#lw-q").input_value() == "walking"
        assert page.locator("#lw-postcode").input_value() == "SE6"
        page.locator(".linkwell-widget .result").first.wait_for()
        assert page.locator(".linkwell-widget .result h3").all_inner_texts() == names
        assert "doorasho" in page.locator(".linkwell-widget p.status").first.inner_text()
        axe_clean(page)
    finally:
        page.context.close()


def test_right_to_left_pages_mirror(browser: Any, stack: Stack) -> None:
    """What an Arabic or Urdu catalog turns on (dir="rtl"): the layout mirrors, and stays
    clean for axe. Set here on a results page, as a catalog's language would set it."""
    page = tab_in(browser, "en-GB")
    try:
        page.goto(stack.gateway + "/search?q=singing")
        edge = "el => [getComputedStyle(el).borderLeftWidth, getComputedStyle(el).borderRightWidth]"
        assert page.locator(".option").first.evaluate(edge) == ["6px", "1px"]
        page.evaluate("document.documentElement.dir = 'rtl'")
        assert page.locator(".option").first.evaluate(edge) == ["1px", "6px"]
        box = page.locator("#q").bounding_box()
        button = page.get_by_role("button", name="Search", exact=True).first.bounding_box()
        assert box and button and button["x"] < box["x"]  # the button now sits to the left
        axe_clean(page)
    finally:
        page.context.close()


# --- No raw key on any page ------------------------------------------------------------------

START_PAGES = ("/", "/search", "/search?q=walking", "/search?q=bengali", "/shortlist")
MOST_PAGES = 220
FIELD_KEY = re.compile(r"\b[a-z]+(?:_[a-z]+)*:[A-Za-z]")  # areas:Camden, cost:free
SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # step_free, in_person
URL_OR_EMAIL = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+|\b[\w.-]+\.(?:org|uk|com|net)\S*")
VISIBLE_TEXTS = """() => {
  const kinds = "label, option, legend, dt, dd, li, a, button, h1, h2, h3, p, summary, span";
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll(kinds)) {
      if (el.offsetParent !== null || el.tagName === "OPTION") {
        out.push(el.innerText || el.textContent || "");
      }
    }
    for (const host of root.querySelectorAll("*")) {
      if (host.shadowRoot) { walk(host.shadowRoot); }
    }
  };
  walk(document);
  return out.map(t => t.trim()).filter(Boolean);
}"""


def raw_keys(texts: list[str], term_ids: set[str], codes: set[str]) -> list[str]:
    """What in a page's visible texts is a key a program uses rather than a label."""
    found = []
    for text in texts:
        plain = URL_OR_EMAIL.sub(" ", text)
        found += FIELD_KEY.findall(plain) + SNAKE_CASE.findall(plain)
        found += [t for t in re.findall(r"\b[a-z_]+(?:\.[a-z_]+)+\b", plain) if t in term_ids]
        if text in codes:  # a label that is only a language code: "bn", "so"
            found.append(text)
    return found


def test_no_raw_key_on_any_page_reachable_from_the_start(browser: Any, stack: Stack) -> None:
    term_ids = {c for c in load_taxonomy().concepts if "." in c or "_" in c}
    codes = set(vocab.NAMES)
    # A link worker's key: the crawl's hundreds of pages a minute are within its allowance,
    # and spend nothing of the anonymous one the other browser tests use.
    _, secret = KeyStore(stack.data_dir / "var" / "gateway.sqlite3").create(
        "Crawler", "link_worker")
    page = tab_in(browser, "en-GB", extra_http_headers={"X-API-Key": secret})
    widget = tab_in(browser, "en-GB")
    statuses: dict[str, int] = {}
    seen: set[str] = set()
    queue = deque(stack.gateway + p for p in START_PAGES)
    problems: dict[str, list[str]] = {}
    try:
        # The results of a match (a POST, so not reachable by a link) are checked first.
        page.goto(stack.gateway + "/")
        page.get_by_label("In your own words: what matters to you?").fill(
            "lonely, I would like a walking group or a Bengali speaking lunch club")
        page.get_by_label("Postcode").fill("E1 5AD")
        page.get_by_label("Language spoken there").select_option("bn")
        page.get_by_role("button", name="Find options").click()
        page.wait_for_url(re.compile(r"/match$"))
        problems["/match"] = raw_keys(page.evaluate(VISIBLE_TEXTS), term_ids, codes)
        while queue and len(seen) < MOST_PAGES:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            statuses[url] = page.goto(url).status
            found = raw_keys(page.evaluate(VISIBLE_TEXTS), term_ids, codes)
            if found:
                problems[url] = sorted(set(found))
            for href in page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)"):
                link = urldefrag(href)[0]
                if link.startswith(stack.gateway) and "/api/" not in link and (
                        "lang=" not in link) and link not in seen:
                    queue.append(link)
        # The widget, after a search that shows facets' words in its results.
        widget.goto(stack.partner + "/")
        widget.get_by_label("Search by a word").fill("bengali")
        widget.get_by_role("button", name="Search", exact=True).click()
        widget.locator(".linkwell-widget .result").first.wait_for()
        problems["widget"] = raw_keys(widget.evaluate(VISIBLE_TEXTS), term_ids, codes)
    finally:
        page.context.close()
        widget.context.close()
    assert len(seen) >= 100, f"the crawl reached only {len(seen)} pages"
    assert {u: s for u, s in statuses.items() if s != 200} == {}
    problems = {k: v for k, v in problems.items() if v}
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)[:4000]


def test_the_crawls_check_finds_raw_keys() -> None:
    """The check itself: it must catch each kind of raw key, and not plain words."""
    assert raw_keys(["areas:Camden", "step_free", "bn", "connection.lonely (3)"],
                    {"connection.lonely"}, {"bn"}) == [
        "areas:C", "step_free", "bn", "connection.lonely"]
    assert raw_keys(["Bengali (বাংলা)", "Step-free access", "Mon 10:00", "see www.x.org/a_b",
                     "mail a_b@x.org", "Time: 10am"], {"connection.lonely"}, {"bn"}) == []


# --- Use my location --------------------------------------------------------------------------

EXACT = {"latitude": 51.445234, "longitude": -0.020987}  # a point in Catford, to the metre


def ask_from_my_location(page: Any, field: str, path: str) -> Any:
    """Use my location, ask for a walking group in ``field`` and send it; the request to the
    address ending ``path``."""
    page.get_by_role("button", name="Use my location").click()
    page.get_by_text("Using your location, rounded to about 100 m").wait_for()
    page.get_by_label(field).fill("a walking group")
    with page.expect_request(lambda r: r.url.endswith(path)) as sent:
        page.get_by_role("button", name="Find options").click()
    return sent.value


def test_use_my_location_is_rounded_in_the_page_and_never_logged(browser: Any,
                                                                 stack: Stack) -> None:
    assert CHROMIUM
    page = tab_in(browser, "en-GB", geolocation=EXACT, permissions=["geolocation"])
    try:
        page.goto(stack.gateway + "/")
        sent = ask_from_my_location(page, "In your own words: what matters to you?", "/match")
        page.wait_for_url(re.compile(r"/match$"))
        body = dict(parse_qsl(sent.post_data or ""))
        assert (body["lat"], body["lon"]) == ("51.445", "-0.021")  # about 100 m
        assert "51.445234" not in (sent.post_data or "")
        assert page.locator(".option").count() >= 1
        assert re.search(r"(\d+ m|km) away", page.locator(".option").first.inner_text())
        assert not any("51.44" in u for u in page.requested)  # never in an address
        # The widget on the partner's page: the same rounding before its request leaves.
        page.context.grant_permissions(["geolocation"], origin=stack.partner)
        page.goto(stack.partner + "/")
        asked = ask_from_my_location(page, "What are you looking for?", "/api/v1/match")
        location = json.loads(asked.post_data or "{}")["location"]
        assert location == {"lat": 51.445, "lon": -0.021}
        page.locator(".linkwell-widget .result").first.wait_for()
    finally:
        page.context.close()
    for name, log in stack.logs.items():
        text = log.read_text(errors="replace")
        for said in ("51.445234", "-0.020987", "51.445", "-0.021"):
            assert said not in text, f"the {name} log holds the person's place ({said})"
