"""The score's factors, one at a time, on plain summaries (no directory needed)."""

from __future__ import annotations

from typing import Any

from linkwell.matcher.score import Scored, audience_factor, schedule_factor, times_factor
from linkwell.matcher.understand import Profile, Window
from linkwell.matcher.weights import WEIGHTS


def summary(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "a", "name": "A", "status": "active", "feed": "lewisham",
                            "delivery": ["in_person"], "places": [{"lat": 51.4, "lon": 0.0}]}
    return base | fields


def test_a_group_for_people_like_them_counts_more() -> None:
    older = Scored(summary(audience=["older_people"]))
    assert audience_factor(older, Profile(audiences={"older_people"}), {"lewisham"}) == (
        WEIGHTS.own_audience)
    assert audience_factor(older, Profile(), {"lewisham"}) == 1.0


def test_other_doubts_still_count_for_a_group_meant_for_people_like_them() -> None:
    """An older people's home-visiting service from another borough is still probably not
    for a person who lives elsewhere, however old they are."""
    visiting = Scored(summary(audience=["older_people"], delivery=["home_visit"], places=[],
                              feed="camden"))
    profile = Profile(audiences={"older_people"})
    assert audience_factor(visiting, profile, {"lewisham"}) == (
        WEIGHTS.own_audience * WEIGHTS.unsure_audience)
    assert audience_factor(visiting, profile, {"camden"}) == WEIGHTS.own_audience


def test_times_all_outside_the_given_availability_count_less() -> None:
    evenings = [Window(day, 17 * 60, 22 * 60) for day in range(5)]
    for said, expected in ((True, WEIGHTS.outside_times), (False, 1.0)):
        profile = Profile(windows=evenings, windows_said=said)
        morning = Scored(summary(schedule=[{"day": "tuesday", "from": "10:00", "to": "11:00"}]))
        morning.context["schedule"] = schedule_factor(morning, profile) or 0.0
        assert morning.context["schedule"] == 0
        assert times_factor(morning, profile) == expected  # a guess from words is not enough
    profile = Profile(windows=evenings, windows_said=True)
    evening = Scored(summary(schedule=[{"day": "tuesday", "from": "19:00", "to": "20:00"}]))
    evening.context["schedule"] = schedule_factor(evening, profile) or 0.0
    assert times_factor(evening, profile) == 1.0
    unlisted = Scored(summary())  # no times listed: nothing to hold against it
    unlisted.context["schedule"] = schedule_factor(unlisted, profile) or 0.0
    assert times_factor(unlisted, profile) == 1.0
