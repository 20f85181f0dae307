"""The score's factors, one at a time, on plain summaries (no directory needed)."""

from __future__ import annotations

from typing import Any

from linkwell.matcher.score import Scored, audience_factor
from linkwell.matcher.understand import Profile
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
