"""The link worker's page, the partner widget and the API docs in a real browser.

Every page is checked with axe-core (zero violations), every request the browser makes is
checked to stay on Linkwell's own origin (or the configured map tiles, or the partner's page),
and the main flow is walked with the keyboard alone.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from linkwell.gateway.keys import KeyStore
from tests.e2e.conftest import Stack, screenshot

# A distance as every page writes it (linkwell.distances), anywhere in a card's text.
DISTANCE_TEXT = re.compile(r"(?:Less than 100 m|\b\d+ m|\b\d+\.\d km) away")

pytestmark = pytest.mark.e2e
expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

PERSON = ("Since my wife died I hardly see anyone. I used to love the allotment. "
          "Mornings are best; my knees are bad.")


def axe_clean(page: Any) -> None:
    """No axe-core violations on the page as it stands (shadow roots included)."""
    from axe_playwright_python.sync_playwright import Axe

    # Every rule axe runs by default, plus WCAG 2.2's target size (24 by 24 px at least).
    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    violations = Axe().run(page, options=options).response["violations"]
    summary = [f"{v['id']} ({v['impact']}): {v['help']} at "
               f"{[n['target'] for n in v['nodes']][:3]}" for v in violations]
    assert summary == [], f"axe found problems on {page.url}:\n" + "\n".join(summary)


def only_own_requests(page: Any, stack: Stack, also: tuple[str, ...] = ()) -> None:
    allowed = (stack.gateway, *also, "data:", "blob:")
    strangers = [u for u in page.requested if not u.startswith(allowed)]
    assert strangers == [], f"requests to other sites: {strangers}"


def search_for(page: Any, words: str) -> None:
    page.get_by_label("Words to look for").fill(words)
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_load_state()


def test_search_with_filters_facet_counts_and_map(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/")
    axe_clean(page)
    page.get_by_label("Search all listings").fill("walking")
    page.get_by_role("button", name="Search", exact=True).click()
    heading = page.locator("#results-title")
    total = int(re.match(r"(\d+) listing", heading.inner_text()).group(1))  # type: ignore[union-attr]
    assert total >= 5
    assert page.locator(".option").count() == min(total, 10)
    # The facet count beside "Free" is how many a search with that filter finds.
    free = page.locator("label", has_text=re.compile(r"^Free \(\d+\)$")).first
    expected = int(re.search(r"\((\d+)\)", free.inner_text()).group(1))  # type: ignore[union-attr]
    free.click()
    page.get_by_role("button", name="Apply filters").click()
    assert page.locator("#results-title").inner_text().startswith(f"{expected} listing")
    assert page.get_by_label(re.compile(r"^Free \(")).first.is_checked()
    # The map, from the configured tile source, with a marker for each place.
    page.wait_for_selector("#map .map-pin")
    assert page.locator("#map .map-pin").count() == page.locator(".place-list li").count()
    assert any("/tiles/" in u for u in page.requested)
    assert page.locator(".place-list li").count() >= 1
    axe_clean(page)
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "search-results")
    only_own_requests(page, stack, also=(stack.partner + "/tiles/",))
    assert page.console_errors == []


def test_match_with_a_persons_words(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/")
    page.get_by_label("In your own words: what matters to you?").fill(PERSON)
    page.get_by_label("Things you enjoy, or used to enjoy").fill("gardening")
    page.get_by_text("Connection and company").click()
    page.get_by_label("Feeling lonely").check()
    if stack.postcodes:
        page.get_by_label("Postcode").fill("SE6 4RU")
        page.get_by_label("How far could you get to?").select_option("5")
    page.get_by_label("Tuesday").check()
    page.get_by_label("Mornings (9am to 12 noon)").check()
    page.get_by_label("Step-free access is needed").check()
    axe_clean(page)
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "what-matters", full_page=True)
    with page.expect_response(lambda r: r.url.endswith("/match")) as answer:
        page.get_by_role("button", name="Find options").click()
    # The answer arriving is not the new page showing: wait until it has replaced the form.
    page.wait_for_url(re.compile(r"/match$"))
    page.wait_for_load_state()
    # The person's words travel in the POST body only, never in an address.
    assert "allotment" not in page.url and "SE6" not in page.url
    assert answer.value.status == 200
    assert page.locator(".option").count() >= 1
    assert page.locator(".option-why li").count() >= 1
    assert stack.postcodes, "the demo postcodes should be in the offline geocoder"
    assert DISTANCE_TEXT.search(page.locator(".option").first.inner_text())
    assert page.get_by_label("In your own words: what matters to you?").input_value() == PERSON
    axe_clean(page)
    screenshot(page, "match-results")
    only_own_requests(page, stack, also=(stack.partner + "/tiles/",))


@pytest.mark.parametrize(("typed", "said"), [
    ("SE6", "Distances are from the middle of SE6"),
    ("SE6 4ZZ", "We do not know SE6 4ZZ itself yet: distances are from the middle of SE6 4"),
    ("ZZ9 9ZZ", "We could not find ZZ9 9ZZ, so these options are not sorted by distance")])
def test_places_as_people_give_them(page: Any, stack: Stack, typed: str, said: str) -> None:
    page.goto(stack.gateway + "/")
    page.get_by_label("Things you enjoy, or used to enjoy").fill("gardening")
    page.get_by_label("Postcode").fill(typed)
    page.get_by_role("button", name="Find options").click()
    page.wait_for_url(re.compile(r"/match$"))
    assert said in page.locator(".place-note").inner_text()
    assert page.locator(".option").count() >= 1
    placed = DISTANCE_TEXT.search(page.locator(".option").first.inner_text())
    assert bool(placed) is (not typed.startswith("ZZ"))
    axe_clean(page)


def test_form_errors_are_tied_to_their_fields(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/")
    page.get_by_label("Postcode").fill("SE6 4RU!!")
    page.get_by_role("button", name="Find options").click()
    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    postcode = page.get_by_label("Postcode")
    assert postcode.get_attribute("aria-invalid") == "true"
    described = postcode.get_attribute("aria-describedby") or ""
    assert "postcode-error" in described
    assert "Enter a postcode like SE6 4RU" in page.locator("#postcode-error").inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    axe_clean(page)


def test_shortlist_share_link_and_print_view(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/search?q=singing")
    adds = page.locator("form.js-add button")
    names = [page.locator(".option-name a").nth(i).inner_text() for i in range(2)]
    adds.nth(0).click()
    adds.nth(1).click()
    assert page.locator(".js-shortlist-count").inner_text() == "2"
    expect(page.locator("#announce")).to_contain_text("added to your shortlist")
    stored = page.evaluate("JSON.parse(localStorage.getItem('linkwell.shortlist'))")
    assert len(stored) == 2
    page.get_by_role("link", name="My shortlist (2)").click()
    page.wait_for_url(re.compile(r"/shortlist\?ids="))
    assert [h.inner_text() for h in page.locator(".sheet-item h2").all()] == names
    share = page.get_by_label("Share link").input_value()
    query = parse_qs(urlsplit(share).query)
    assert set(query) == {"ids"} and query["ids"][0].split(",") == stored
    axe_clean(page)
    screenshot(page, "shortlist")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("button", name=re.compile("^Remove")).first.is_visible()
    assert page.locator(".sheet-item dt", has_text="How to join").count() == 2
    screenshot(page, "my-options-print")
    page.emulate_media(media="screen")
    page.get_by_role("button", name=f"Remove {names[0]}").click()
    page.wait_for_load_state()
    assert [h.inner_text() for h in page.locator(".sheet-item h2").all()] == names[1:]
    assert len(page.evaluate("JSON.parse(localStorage.getItem('linkwell.shortlist'))")) == 1


def test_keyboard_only_through_the_main_flow(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/")
    page.keyboard.press("Tab")
    assert focused(page, "textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    tab_to(page, lambda: focused(page, "id") == "q")
    assert focus_is_visible(page)
    page.keyboard.type("choir")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    tab_to(page, lambda: focused(page, "textContent").startswith("Add"))
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    assert page.locator(".js-shortlist-count").inner_text() == "1"
    tab_to(page, lambda: "js-shortlist-link" in focused(page, "className"), back=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/shortlist\?ids="))
    assert page.locator(".sheet-item").count() == 1
    # And the "What matters" form, by keyboard: type, tick a box with Space, send with Enter.
    tab_to(page, lambda: focused(page, "textContent") == "What matters", back=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/(\?.*)?$"))
    tab_to(page, lambda: focused(page, "id") == "about")
    page.keyboard.type("I would like to meet people and sing")
    tab_to(page, lambda: focused(page, "id") == "day-tuesday")
    page.keyboard.press("Space")
    assert page.get_by_label("Tuesday").is_checked()
    tab_to(page, lambda: focused(page, "textContent") == "Find options")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/match$"))
    assert page.get_by_label("In your own words: what matters to you?").input_value() == (
        "I would like to meet people and sing")


def focus_is_visible(page: Any) -> bool:
    """The focused control draws a ring: an outline or a box shadow."""
    return bool(page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return style.outlineStyle !== "none" && style.outlineWidth !== "0px"
            || style.boxShadow !== "none";
    }"""))


def focused(page: Any, prop: str) -> str:
    return str(page.evaluate(f"(document.activeElement || {{}}).{prop} || ''")).strip()


def tab_to(page: Any, arrived: Any, back: bool = False, most: int = 120) -> None:
    for _ in range(most):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if arrived():
            return
    raise AssertionError(f"never reached the control by keyboard on {page.url}")


def test_the_core_flow_works_without_javascript(browser: Any, stack: Stack) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(stack.gateway + "/search?q=walking")
        first = page.locator(".option-name a").first.inner_text()
        page.locator("form.js-add button").first.click()
        page.wait_for_url(re.compile(r"/shortlist\?ids="))
        assert page.locator(".sheet-item h2").first.inner_text() == first
        assert page.get_by_role("link", name="My shortlist (1)").is_visible()
        page.get_by_role("link", name="Find more options").click()
        page.get_by_label("In your own words: what matters to you?").fill("I am lonely")
        page.get_by_role("button", name="Find options").click()
        assert "/match" in page.url
        assert page.get_by_role("link", name="My shortlist (1)").is_visible()
    finally:
        context.close()


def test_report_a_problem_reaches_the_borough(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/search?q=choir")
    page.locator(".option-name a").first.click()
    asset_url = page.url
    page.get_by_role("link", name="Report a problem with this listing").click()
    axe_clean(page)
    page.get_by_label("The day or time is wrong").check()
    page.get_by_label("Tell us more (optional)").fill("It moved to Wednesdays")
    page.get_by_role("button", name="Send report").click()
    assert page.get_by_role("heading", name=re.compile("Thank you")).is_visible()
    axe_clean(page)
    import requests

    asset_id = asset_url.rstrip("/").split("/")[-1]
    feed = requests.get(f"{stack.gateway}/api/v1/services/{asset_id}", timeout=5).json()[
        "provenance"]["feed"]
    store = KeyStore(stack.data_dir / "var" / "gateway.sqlite3")
    _, officer = store.create(f"{feed} data officer", "data_officer", feeds=(feed,))
    answer = requests.get(f"{stack.gateway}/api/v1/reports", params={"feed": feed},
                          headers={"Authorization": f"Bearer {officer}"}, timeout=5)
    assert answer.status_code == 200
    mine = [r for r in answer.json()["reports"] if r["asset_id"] == asset_id]
    assert mine and mine[0]["details"] == "It moved to Wednesdays"


def test_widget_on_a_partner_page(page: Any, stack: Stack) -> None:
    page.goto(stack.partner + "/")
    page.get_by_label("Search by a word").fill("walking")
    with page.expect_response(lambda r: "/api/v1/services" in r.url) as answer:
        page.get_by_role("button", name="Search", exact=True).click()
    assert answer.value.status == 200
    assert answer.value.headers["access-control-allow-origin"] == stack.partner
    page.locator(".linkwell-widget .result").first.wait_for()
    assert page.locator(".linkwell-widget .result").count() >= 3
    assert "found" in page.get_by_role("status").inner_text()
    # Themed by the partner's CSS variables, through the shadow root.
    colour = page.get_by_role("button", name="Find options").evaluate(
        "b => getComputedStyle(b).backgroundColor")
    assert colour == "rgb(90, 45, 130)"
    page.get_by_label("What are you looking for?").fill("something to get me out in the mornings")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/match")) as matched:
        page.get_by_role("button", name="Find options").click()
    assert matched.value.status == 200
    page.get_by_text("Why it might fit:").first.wait_for()
    axe_clean(page)
    screenshot(page, "widget-on-partner-page")
    only_own_requests(page, stack, also=(stack.partner + "/",))
    assert page.context.cookies() == []


def test_iframe_alternative_is_framed_only_by_the_partner(page: Any, stack: Stack) -> None:
    import requests

    answer = requests.get(f"{stack.gateway}/embed", params={"key": stack.partner_key}, timeout=5)
    assert answer.status_code == 200
    assert f"frame-ancestors {stack.partner}" in answer.headers["Content-Security-Policy"]
    page.goto(f"{stack.gateway}/embed?key={stack.partner_key}&accent=%23aa3300")
    page.get_by_label("Search by a word").fill("choir")
    page.get_by_role("button", name="Search", exact=True).click()
    page.locator(".linkwell-widget .result").first.wait_for()
    colour = page.get_by_role("button", name="Search", exact=True).evaluate(
        "b => getComputedStyle(b).backgroundColor")
    assert colour == "rgb(170, 51, 0)"
    axe_clean(page)


HEADINGS_IN_ORDER = """() => {
  let previous = 1;
  for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const level = Number(h.getAttribute("aria-level") || h.tagName.slice(1));
    if (level > previous + 1) { return false; }
    previous = level;
  }
  return true;
}"""


def test_api_docs_page_is_served_locally(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/api/docs")
    page.get_by_role("heading", name=re.compile("^Linkwell")).first.wait_for()
    page.get_by_text("Query parameters").first.wait_for(state="attached")
    page.wait_for_function(HEADINGS_IN_ORDER)
    axe_clean(page)
    only_own_requests(page, stack)
