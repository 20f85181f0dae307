"""Suggestions as people type, in a real browser: the combobox on the search page, the match
form and the partner widget, by keyboard alone, checked by axe; and without JavaScript the
plain forms still search."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import Stack
from tests.e2e.test_browser import axe_clean, only_own_requests

pytestmark = pytest.mark.e2e
expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect


def typed_into(page: Any, label: str, words: str) -> Any:
    """The combobox labelled ``label``, ``words`` typed into it key by key, its list open."""
    box = page.get_by_role("combobox", name=label)
    box.press_sequentially(words, delay=40)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    return box, listbox


def active_option(page: Any, box: Any) -> Any:
    active = box.get_attribute("aria-activedescendant")
    assert active, "no option is active"
    option = page.locator(f"#{active}")
    assert option.get_attribute("aria-selected") == "true"
    return option


def test_search_page_combobox_by_keyboard_alone(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/search")
    box, listbox = typed_into(page, "Words to look for", "walk")
    options = listbox.get_by_role("option")
    count = options.count()
    assert count >= 2
    expect(page.locator("#announce")).to_contain_text(f"{count} suggestion")
    assert all("walk" in t.lower() or "(" in t for t in options.all_inner_texts())
    axe_clean(page)  # with the list open
    ids = [o.get_attribute("id") for o in options.all()]

    def now_active() -> str:
        return str(active_option(page, box).get_attribute("id"))

    page.keyboard.press("ArrowDown")
    assert now_active() == ids[0]
    page.keyboard.press("ArrowDown")
    assert now_active() == ids[1]
    page.keyboard.press("End")
    assert now_active() == ids[-1]
    page.keyboard.press("Home")
    assert now_active() == ids[0]
    page.keyboard.press("ArrowUp")  # from the first, round to the last
    assert now_active() == ids[-1]
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and not listbox.is_visible()
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "walk"  # Escape closes; the words stay
    page.keyboard.press("ArrowDown")  # opens again on the first
    chosen = active_option(page, box).inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/(search\?concept=|services/)"))
    if "/search" in page.url:
        total = int(re.match(r"(\d+) listing", page.locator("#results-title").inner_text())
                    .group(1))  # type: ignore[union-attr]
        assert f", {total} listing" in chosen  # the count the suggestion promised
    else:
        assert page.locator("h1").inner_text() in chosen
    only_own_requests(page, stack, also=(stack.partner + "/tiles/",))  # the configured map
    assert page.console_errors == []


def test_enter_without_a_chosen_suggestion_searches_the_words(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/search")
    typed_into(page, "Words to look for", "choir")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?.*q=choir"))
    assert page.locator(".option-name a").count() >= 1


def test_match_form_interests_tick_a_need_or_add_an_activity(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/")
    box, listbox = typed_into(page, "Things you enjoy, or used to enjoy", "sing")
    texts = listbox.get_by_role("option").all_inner_texts()
    assert texts and not any("listing," in t or t.endswith("(listing)") for t in texts)
    axe_clean(page)
    page.keyboard.press("ArrowDown")
    option = active_option(page, box).inner_text()
    label = option.rsplit(" (", 1)[0]
    page.keyboard.press("Enter")
    assert box.get_attribute("aria-expanded") == "false"
    if "(need," in option:
        assert page.get_by_label(label, exact=True).is_checked()
    else:
        assert label in box.input_value()
    # The next interest after a comma is suggested for on its own
    box.press_sequentially("garde", delay=40)
    listbox.wait_for(state="visible")
    assert any("gard" in t.lower() for t in listbox.get_by_role("option").all_inner_texts())


def test_widget_combobox_on_a_partner_page(page: Any, stack: Stack) -> None:
    page.goto(stack.partner + "/")
    box, listbox = typed_into(page, "Search by a word", "walk")
    assert listbox.get_by_role("option").count() >= 1
    axe_clean(page)
    page.keyboard.press("ArrowDown")
    active_option(page, box)
    with page.expect_response(lambda r: "/api/v1/services" in r.url) as answer:
        page.keyboard.press("Enter")
    assert answer.value.status == 200
    assert "concept=" in answer.value.url or "q=" in answer.value.url
    page.locator(".linkwell-widget .result").first.wait_for()
    only_own_requests(page, stack, also=(stack.partner + "/",))


def test_without_javascript_the_search_box_is_a_plain_form(browser: Any, stack: Stack) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(stack.gateway + "/search")
        box = page.get_by_label("Words to look for")
        assert box.get_attribute("role") is None  # no combobox where no script runs
        box.fill("walking")
        page.get_by_role("button", name="Search", exact=True).click()
        page.wait_for_url(re.compile(r"/search\?.*q=walking"))
        assert page.locator(".option-name a").count() >= 1
    finally:
        context.close()
