"""Misspelt words and searches that find nothing, in a real browser (issue 22): the page and
the widget say what they corrected and link back to the words as typed, and a search with
nothing near offers the wider radius, which leads to listings."""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests

from tests.e2e.conftest import Stack
from tests.e2e.test_browser import axe_clean, only_own_requests, search_for

pytestmark = pytest.mark.e2e


def test_showing_results_for_and_its_undo_link(page: Any, stack: Stack) -> None:
    page.goto(stack.gateway + "/search")
    search_for(page, "chior")
    note = page.locator(".spelling")
    assert note.inner_text().startswith("Showing results for choir.")
    assert int(page.locator("#results-title").inner_text().split()[0]) >= 1
    axe_clean(page)
    page.get_by_role("link", name="Search instead for chior").click()
    page.wait_for_load_state()
    assert page.locator(".spelling").count() == 0
    assert page.locator("#results-title").inner_text() == "0 listings for “chior”"
    assert page.get_by_label("Words to look for").input_value() == "chior"
    only_own_requests(page, stack, also=(stack.partner + "/tiles/",))


def test_a_search_with_nothing_near_shows_the_wider_radius(page: Any, stack: Stack) -> None:
    # A search of the form's with nothing near SE6, and what the API offers for it.
    api = stack.gateway + "/api/v1/services"
    found = None
    for words in ("pottery", "ukulele", "chess", "choir"):
        for km in (1, 2, 3):
            body = requests.get(api, params={"q": words, "near": "SE6", "within_km": km},
                                timeout=10).json()
            if body["total"] == 0 and "wider" in body.get("alternatives", {}):
                found = found or (words, km, body["alternatives"]["wider"])
    assert found is not None, "the demo data should have something only further from SE6"
    words, radius, offer = found
    page.goto(stack.gateway + "/search")
    page.get_by_label("Words to look for").fill(words)
    page.get_by_label("Near (optional)").fill("SE6")
    page.get_by_label("How far").select_option(str(radius))
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_load_state()
    text = page.locator(".alternatives").inner_text()
    assert f"Nothing matches “{words}” within {radius} km." in text
    assert offer["text"] in text
    assert page.get_by_role("button", name="Tell us this is missing").is_visible()
    axe_clean(page)
    wider = f"{offer['within_km']:g}"
    page.get_by_role("link", name=f"Show what is within {wider} km").click()
    page.wait_for_load_state()
    assert page.locator("#results-title").inner_text().startswith(f"{offer['total']} listing")
    assert page.locator(".option").count() == min(offer["total"], 10)


def test_the_widget_says_what_it_corrected_and_searches_as_typed(page: Any,
                                                                 stack: Stack) -> None:
    page.goto(stack.partner + "/")
    page.get_by_label("Search by a word").fill("chior")
    page.get_by_role("button", name="Search", exact=True).click()
    page.locator(".linkwell-widget .spelling").wait_for()
    assert page.locator(".linkwell-widget .spelling").inner_text().startswith(
        "Showing results for choir.")
    axe_clean(page)
    with page.expect_response(lambda r: "as_typed=true" in r.url) as answer:
        page.get_by_role("button", name="Search instead for chior").click()
    assert answer.value.status == 200
    page.get_by_role("button", name="Tell us this is missing").wait_for()
    assert re.search(r"Nothing matches “chior”", page.get_by_role("status").inner_text())
