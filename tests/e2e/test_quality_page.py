"""The data-quality page (issue 15, item 4) in a real browser, with axe, on the demo data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Stack
from tests.e2e.test_browser import axe_clean

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")


def sign_in_as_admin(page: Any, stack: Stack) -> None:
    """An admin account made in the gateway's store, signed in through a real one-time link."""
    from linkwell.gateway.accounts.links import OneTimeLinks
    from linkwell.gateway.accounts.store import AccountStore

    data = Path(stack.data_dir) / "var"
    store = AccountStore(data / "gateway.sqlite3")
    account = store.add("quality-admin@example.org", "admin", None, None, ())
    links = OneTimeLinks(store.connect, (data / "secret-key").read_text().strip())
    token = links.issue("sign-in", account.id, 600, {"next": "/quality/"})
    page.goto(f"{stack.gateway}/account/sign-in/{token}")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_the_quality_page_filters_sorts_exports_and_is_accessible(page: Any,
                                                                  stack: Stack) -> None:
    sign_in_as_admin(page, stack)
    page.goto(stack.gateway + "/quality/")
    assert page.locator("h1").count() == 1, "".join(
        stack.logs[n].read_text()[-2500:] for n in ("gateway", "directory"))
    assert page.locator("h1").inner_text() == "Data quality: every borough"
    total = int(page.locator("#count-listings").get_attribute("data-count"))
    assert total > 100
    assert page.locator("svg[role=img] rect").count() == 25
    axe_clean(page)
    # One borough, then only its stale listings, newest confirmation first.
    page.locator("#boroughs-title + table a").first.click()
    page.wait_for_load_state()
    axe_clean(page)
    stale = int(page.locator("#count-stale").get_attribute("data-count"))
    page.get_by_label("Show").select_option("stale")
    page.get_by_label("Sort by").select_option("last_confirmed")
    page.get_by_label("Order").select_option("desc")
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("#listings tbody tr[data-id]").count() == stale
    dates = page.locator("#listings tbody tr[data-id] td:nth-child(4)").all_inner_texts()
    real = [d for d in dates if d != "never"]
    assert real == sorted(real, reverse=True)
    axe_clean(page)
    href = page.locator("#csv-link").get_attribute("href")
    answer = page.request.get(stack.gateway + href)
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/csv")
    assert len(answer.text().strip().splitlines()) == stale + 1
