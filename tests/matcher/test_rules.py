"""Hard requirements are never broken, on both backends; each asset is shown to appear when the
requirement is lifted, so every test would fail if its rule stopped working."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from linkwell.matcher.rules import check_first, eligible, refusal, unstated
from linkwell.matcher.understand import Profile
from tests.matcher.conftest import NEAR, match, names


def ask(client: FlaskClient, **body: Any) -> list[str]:
    return names(match(client, location=NEAR, max_travel_km=5, limit=50, **body))


def test_inactive_assets_never_appear(matcher: FlaskClient) -> None:
    found = ask(matcher, interests=["gardening"])
    assert "Catford Growing Club" in found
    assert "Closed Garden Group" not in found


def test_age_outside_the_range_is_left_out(matcher: FlaskClient) -> None:
    assert "Downham Youth Club" in ask(matcher, about="youth club games and music", age=15)
    assert "Downham Youth Club" not in ask(matcher, about="youth club games and music", age=40)
    assert "Catford Art Club" not in ask(matcher, interests=["art"], age=14)


@pytest.mark.parametrize(("gender", "kept", "left_out"), [
    ("man", "Men's Swim", "Women's Swim"),
    ("woman", "Women's Swim", "Men's Swim"),
])
def test_single_gender_groups_only_for_that_gender(matcher: FlaskClient, gender: str, kept: str,
                                                    left_out: str) -> None:
    found = ask(matcher, interests=["swimming"], requirements={"gender": gender})
    assert kept in found
    assert left_out not in found


def test_carers_groups_only_for_carers(matcher: FlaskClient) -> None:
    assert "Carers' Coffee Morning" not in ask(matcher, about="a coffee morning and a chat")
    assert "Carers' Coffee Morning" not in ask(matcher, about="a coffee morning", carer=False)
    assert "Carers' Coffee Morning" in ask(matcher, about="a coffee morning", carer=True)
    # Worked out from their words when not given.
    assert "Carers' Coffee Morning" in ask(matcher, about="I look after my husband, he has "
                                                          "dementia")


def test_young_peoples_groups_not_for_adults(matcher: FlaskClient) -> None:
    assert "Young People's Art Club" in ask(matcher, interests=["art"], age=17)
    assert "Young People's Art Club" not in ask(matcher, interests=["art"], age=45)


def test_a_required_language_must_be_offered(matcher: FlaskClient) -> None:
    assert "Catford Health Walk" in ask(matcher, interests=["walking"])
    found = ask(matcher, interests=["walking"], requirements={"languages": ["bn"]})
    assert found == ["Bengali Walking Group"]


def test_step_free_required_means_step_free_stated(matcher: FlaskClient) -> None:
    assert "Rooftop Allotment Club" in ask(matcher, interests=["gardening"])
    found = ask(matcher, interests=["gardening"], requirements={"step_free": True})
    assert "Rooftop Allotment Club" not in found
    assert "Catford Growing Club" in found


@pytest.mark.parametrize(("cost", "kept", "left_out"), [
    ("free", {"Free Yoga in the Park"}, {"Catford Yoga Studio", "Chair Yoga at the Library"}),
    ("low", {"Free Yoga in the Park", "Chair Yoga at the Library"}, {"Catford Yoga Studio"}),
])
def test_cost_requirement(matcher: FlaskClient, cost: str, kept: set[str],
                          left_out: set[str]) -> None:
    assert "Catford Yoga Studio" in ask(matcher, about="yoga")
    found = set(ask(matcher, about="yoga", requirements={"cost": cost}))
    assert kept <= found
    assert not left_out & found


def test_delivery_the_person_cannot_use_is_left_out(matcher: FlaskClient) -> None:
    assert {"Choir on Video", "Catford Community Choir"} <= set(ask(matcher, interests=["choir"]))
    online = ask(matcher, interests=["choir"], requirements={"delivery": ["online"]})
    assert online == ["Choir on Video"]
    in_person = ask(matcher, interests=["choir"], requirements={"delivery": ["in_person"]})
    assert "Choir on Video" not in in_person and "Catford Community Choir" in in_person


# The matcher checks every rule itself, whatever the directory already filtered.

def asset(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "a", "name": "A", "status": "active", "cost": {"band": "free"},
                            "delivery": ["in_person"], "languages": ["en"],
                            "places": [{"lat": 51.4, "lon": 0.0}], "accessibility": []}
    return base | fields


@pytest.mark.parametrize(("fields", "profile"), [
    ({"status": "inactive"}, Profile()),
    ({"min_age": 60}, Profile(age=40)),
    ({"max_age": 19}, Profile(age=40)),
    ({"audience": ["women_only"]}, Profile(gender="man")),
    ({"audience": ["men_only"]}, Profile(gender="woman")),
    ({"audience": ["women_only"]}, Profile(gender="non_binary")),
    ({"audience": ["carers"]}, Profile(carer=False)),
    ({"audience": ["young_people"]}, Profile(age=30)),
    ({"languages": ["en"]}, Profile(languages=["bn"])),
    ({"access_notes": ["Up a flight of stairs, no lift"]}, Profile(step_free=True)),
    ({"cost": {"band": "paid"}}, Profile(cost="free")),
    ({"cost": {"band": "low"}}, Profile(cost="free")),
    ({"cost": {"band": "paid"}}, Profile(cost="low")),
    ({"delivery": ["in_person"]}, Profile(delivery=["online", "phone"])),
])
def test_each_rule_refuses_on_its_own(fields: dict[str, Any], profile: Profile) -> None:
    assert refusal(asset(**fields), profile) is not None


@pytest.mark.parametrize(("fields", "profile"), [
    ({}, Profile(step_free=True)),
    ({"cost": {"band": "unknown"}}, Profile(cost="free")),
    ({"cost": {"band": "unknown"}}, Profile(cost="low")),
])
def test_what_a_listing_does_not_say_is_checked_first(fields: dict[str, Any],
                                                      profile: Profile) -> None:
    """Neither refused nor in the main list: shown apart, saying what to check."""
    listing = asset(**fields)
    assert refusal(listing, profile) is None
    assert eligible([listing], profile) == [] and check_first([listing], profile) == [listing]
    assert all(c.startswith("Check first: ") for c in unstated(listing, profile))


def test_rules_allow_what_fits() -> None:
    assert refusal(asset(accessibility=["step_free"]), Profile(step_free=True)) is None
    assert refusal(asset(places=[], delivery=["online"]), Profile(step_free=True)) is None
    assert refusal(asset(audience=["carers"]), Profile(carer=True)) is None
    assert refusal(asset(audience=["women_only"], description="For women and non-binary people"),
                   Profile(gender="non_binary")) is None
    assert refusal(asset(delivery=["home_visit"]), Profile(delivery=["in_person"])) is None
    assert refusal(asset(languages=["en", "bn"]), Profile(languages=["bn"])) is None
