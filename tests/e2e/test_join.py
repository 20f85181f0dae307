"""'I'd like to join' in a real browser: from the widget on a partner's page (another origin)
and from the link worker's page, delivered by the gateway to the group's inbox (a real SMTP
server started for the session by the stack fixture)."""

from __future__ import annotations

import re
import time
from email.message import EmailMessage
from typing import Any

import pytest
import requests

from linkwell.gateway.referrals.targets import published_email
from tests.e2e.conftest import Stack
from tests.e2e.test_browser import axe_clean, only_own_requests

pytestmark = pytest.mark.e2e
pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

# What the person types: test_operations.py checks none of it reaches a log line.
JOINER_NAME = "Philomena Achterberg-Nwosu"
JOINER_PHONE = "07700 900417"
JOINER_EMAIL = "philomena.achterberg@mailbox.example.net"
JOINER_WORDS = [JOINER_NAME, "Achterberg", JOINER_PHONE, "7700900417", JOINER_EMAIL]
REFERENCE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


def listing_with_email(stack: Stack) -> dict[str, str]:
    """A running demo listing that publishes an email (so a referral goes to its inbox)."""
    found = requests.get(f"{stack.gateway}/api/v1/services",
                         params={"q": "walking", "per_page": 50}, timeout=10).json()
    for result in found["results"]:
        full = requests.get(f"{stack.gateway}/api/v1/services/{result['id']}", timeout=10).json()
        record = full.get("record") or {}
        address = published_email(record)
        if address and record.get("status", "active") == "active":
            return {"id": full["id"], "name": str(record["name"]), "email": address}
    raise AssertionError("no demo walking group publishes an email")


def delivered(stack: Stack, reference: str, seconds: float = 30) -> list[EmailMessage]:
    """The group's inbox, once a message for ``reference`` has arrived (or the time is up)."""
    assert stack.inbox is not None
    deadline = time.monotonic() + seconds
    while not stack.inbox.for_reference(reference) and time.monotonic() < deadline:
        time.sleep(0.2)
    return stack.inbox.for_reference(reference)


def fill_join_form(scope: Any, phone: str) -> None:
    scope.get_by_label("Your first name, or the name you like to be called").fill(JOINER_NAME)
    scope.get_by_label("By phone").check()
    scope.get_by_label("Phone number (if you chose phone)").fill(phone)
    scope.get_by_label("Email address (if you chose email)").fill(JOINER_EMAIL)
    scope.get_by_label("A good time to get in touch (optional)").fill("Weekday mornings")
    scope.get_by_label("I agree to share these details with the group").check()
    scope.get_by_label("I am 16 or over").check()


def check_the_email(message: EmailMessage, listing: dict[str, str], reference: str) -> None:
    assert message["To"] == listing["email"]
    assert reference in message["Subject"] and "Someone would like to join" in message["Subject"]
    body = message.get_content()
    assert JOINER_NAME in body and "+447700900417" in body and "Weekday mornings" in body


def test_self_referral_through_the_widget_reaches_the_groups_inbox(page: Any,
                                                                   stack: Stack) -> None:
    listing = listing_with_email(stack)
    page.goto(stack.partner + "/")
    page.get_by_label("Search by a word").fill(listing["name"])
    page.get_by_role("button", name="Search", exact=True).click()
    result = page.locator(".linkwell-widget .result").filter(
        has=page.get_by_role("link", name=listing["name"], exact=True)).first
    opener = result.get_by_role("button", name=f"I’d like to join {listing['name']}")
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    form = result.locator("form.join")
    form.get_by_label("Your first name, or the name you like to be called").wait_for()
    axe_clean(page)  # the open form
    # A mistake: the message is shown beside the phone field, and nothing is sent.
    fill_join_form(form, "0909 1234")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/referrals")) as refused:
        form.get_by_role("button", name="Send to the group").click()
    assert refused.value.status == 400
    phone = form.get_by_label("Phone number (if you chose phone)")
    error = form.locator("[id$='-phone-error']")
    # The message is written once the answer is read: wait for it, not just for the answer.
    from playwright.sync_api import expect

    expect(error).to_contain_text("Enter a UK phone number")
    assert phone.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in (phone.get_attribute("aria-describedby") or "")
    axe_clean(page)
    phone.fill(JOINER_PHONE)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/referrals")) as sent:
        form.get_by_role("button", name="Send to the group").click()
    assert sent.value.status == 201
    assert sent.value.headers["access-control-allow-origin"] == stack.partner
    reference = sent.value.json()["reference"]
    thanks = result.get_by_role("heading", name=re.compile("^Thank you"))
    thanks.wait_for()
    shown = result.inner_text()
    assert reference in shown and "withdraw" in shown and "get in touch" in shown
    assert result.locator("form.join").count() == 0  # the typed details went with the form
    messages = delivered(stack, reference)
    assert len(messages) == 1
    check_the_email(messages[0], listing, reference)
    axe_clean(page)
    only_own_requests(page, stack, also=(stack.partner + "/",))
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert len(stack.inbox.for_reference(reference)) == 1  # type: ignore[union-attr]


def test_self_referral_through_the_join_page(page: Any, stack: Stack) -> None:
    listing = listing_with_email(stack)
    page.goto(f"{stack.gateway}/services/{listing['id']}")
    page.get_by_role("link", name="I’d like to join").click()
    page.wait_for_url(re.compile(r"/join$"))
    axe_clean(page)
    fill_join_form(page, "12345")
    page.get_by_role("button", name="Send to the group").click()
    phone = page.get_by_label("Phone number (if you chose phone)")
    assert phone.get_attribute("aria-invalid") == "true"
    assert "phone-error" in (phone.get_attribute("aria-describedby") or "")
    assert "Enter a UK phone number" in page.locator("#phone-error").inner_text()
    assert "There is a problem" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Your first name, or the name you like to be called").input_value(
        ) == JOINER_NAME
    axe_clean(page)
    phone.fill(JOINER_PHONE)
    page.get_by_role("button", name="Send to the group").click()
    reference = page.locator("#reference").inner_text()
    assert REFERENCE.fullmatch(reference)
    assert "What happens next" in page.content()
    messages = delivered(stack, reference)
    assert len(messages) == 1
    check_the_email(messages[0], listing, reference)
    axe_clean(page)
    typed = [w.lower() for w in JOINER_WORDS]
    assert not [u for u in page.requested if any(w in u.lower() for w in typed)]
    only_own_requests(page, stack, also=(stack.partner + "/tiles/",))
