"""Quick exit (issue 15, item 6): every page a person may use leaves for a neutral site.

The button, or Escape pressed twice, replaces the current history entry: "Back" afterwards
returns to the page before, never to Linkwell's page that was open. The neutral site is
answered by the browser's router here (no request leaves the machine).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import Stack
from tests.e2e.test_browser import axe_clean

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

NEUTRAL = "https://www.bbc.co.uk/weather"


def neutral_site(page: Any) -> None:
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(
        status=200, content_type="text/html",
        body="<!doctype html><html lang='en'><title>Weather</title><p>Weather</p></html>"))


def leave_by_escape(page: Any) -> None:
    page.locator("body").click(position={"x": 5, "y": 400})  # focus on the page, not a field
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)


def first_listing(page: Any, stack: Stack) -> str:
    page.goto(stack.gateway + "/search?q=walking")
    href = page.locator(".option .option-name a").first.get_attribute("href")
    assert href and href.startswith("/services/")
    return stack.gateway + href.split("?")[0]


def test_escape_twice_leaves_each_page_and_back_skips_it(page: Any, stack: Stack) -> None:
    neutral_site(page)
    listing = first_listing(page, stack)
    before = page.url
    for target in (listing, listing + "/join", stack.gateway + "/",
                   stack.gateway + "/shortlist"):
        page.goto(target)
        exit_link = page.get_by_role("link", name="Leave this site quickly")
        assert exit_link.get_attribute("href") == NEUTRAL
        axe_clean(page)
        leave_by_escape(page)
        page.go_back()
        # The Linkwell page was replaced in the history: back is the page before it.
        assert page.url == before, (target, page.url)


def test_the_button_leaves_the_match_results_and_replaces_the_entry(
        page: Any, stack: Stack) -> None:
    neutral_site(page)
    page.goto(stack.gateway + "/search?q=choir")
    before = page.url
    page.goto(stack.gateway + "/")
    page.get_by_label("In your own words: what matters to you?").fill(
        "I would like to meet people and sing")
    page.get_by_role("button", name="Find options").click()
    page.wait_for_url(re.compile(r"/match$"))
    axe_clean(page)
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url.endswith("/")  # the form page, not the results
    page.go_back()
    assert page.url == before


def test_the_widget_on_a_partner_page_has_a_quick_exit(page: Any, stack: Stack) -> None:
    neutral_site(page)
    page.goto(stack.gateway + "/search?q=walking")
    before = page.url
    page.goto(stack.partner + "/")
    page.get_by_role("button", name="Leave this site quickly").wait_for()
    axe_clean(page)
    leave_by_escape(page)
    page.go_back()
    assert page.url == before  # the partner's page was replaced too
    page.goto(stack.partner + "/")
    page.get_by_role("button", name="Leave this site quickly").click()
    page.wait_for_url(NEUTRAL)
