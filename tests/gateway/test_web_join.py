""""I'd like to join": the request form on results and listings, its errors, what is stored,
its rate limit and its cross-site refusal, through Flask's test client.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import load
from tests.factory import corpus, sid
from tests.gateway.web_helper import CHOIR, Page, StandInMatcher

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
