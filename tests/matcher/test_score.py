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


def test_a_peer_tag_alone_doubts_less_than_the_listings_own_words() -> None:
    """A wellbeing circle tagged "mental health peer support" whose words say nothing of who it
    is for is open to anyone: the tag is a guess, so it costs less than a limit its own words
    state ("for people living with a stroke"), and an exact fit for what the person asked
    still comes first."""
    from datetime import date

    from linkwell.matcher.score import score_all
    from linkwell.matcher.understand import understand

    woman = understand({"limit": 10, "about": "I want to do some exercise with other women",
                        "requirements": {"gender": "woman"}})
    woman.point = (51.4, 0.0)
    circle = summary(id="circle", name="Women's Wellbeing Circle", distance_km=0.3,
                     description="Gentle exercise, a cup of tea and a chat.",
                     audience=["women_only"], cost={"band": "free"},
                     concepts=[{"id": "body.move_more"}, {"id": "moving_more.gentle"},
                               {"id": "peer_support.mental_health"}])
    stroke = summary(id="stroke", name="Stroke Club", distance_km=0.3,
                     description="Gentle exercise for people living with a stroke.",
                     limits=[{"kind": "situation", "value": {"words": "living with a stroke"},
                              "phrase": "for people living with a stroke"}],
                     concepts=[{"id": "moving_more.gentle"},
                               {"id": "peer_support.health_condition"}])
    course = summary(id="course", name="Women's Work Ready Programme", distance_km=0.3,
                     description="Eight weeks for women returning to work: confidence, CVs "
                                 "and moving more into the working day.",
                     audience=["women_only"], cost={"band": "free"})
    ranked = score_all([course, stroke, circle], woman, date(2026, 11, 21))
    assert ranked[0].id == "circle"
    by_id = {i.id: i for i in ranked}
    assert by_id["circle"].audience / WEIGHTS.own_audience > by_id["stroke"].audience


def test_listings_never_or_long_ago_confirmed_rank_a_little_lower_and_say_so() -> None:
    from datetime import date, timedelta

    from linkwell.matcher.explain import cautions
    from linkwell.matcher.score import asset_words, score_all

    today = date(2026, 12, 7)
    text = {"name": "Riverside Walking Group", "description": "A gentle weekly walk"}
    recent = summary(id="recent", last_confirmed=(today - timedelta(days=30)).isoformat(), **text)
    old = summary(id="old", last_confirmed=(today - timedelta(days=430)).isoformat(), **text)
    never = summary(id="never", **text)
    words = sorted(asset_words("Walking", "")[0])  # the person asked for what they all offer
    profile = Profile(text="walking", terms=words)
    scored = {i.id: i for i in score_all([never, old, recent], profile, today)}
    assert scored["recent"].score > scored["old"].score
    assert scored["recent"].score > scored["never"].score
    assert scored["old"].score > 0.7 * scored["recent"].score  # a little lower, still shown
    assert not any("confirmed" in c for c in cautions(scored["recent"], profile))
    assert any("Never confirmed" in c and "ranked a little lower" in c
               for c in cautions(scored["never"], profile))
    assert any("14 months ago" in c and "ranked a little lower" in c
               for c in cautions(scored["old"], profile))


def test_an_age_group_s_listing_counts_less_when_nothing_says_the_person_is_of_that_age() -> None:
    """"Lunch for people over 60" may well not be for someone whose age nobody gave; once their
    age or words place them in the group it counts in full (a stated age outside it is a rule)."""
    over_60s = Scored(summary(min_age=60))
    assert audience_factor(over_60s, Profile(), {"lewisham"}) == WEIGHTS.unsure_audience
    assert audience_factor(over_60s, Profile(age=72), {"lewisham"}) == 1.0
    assert audience_factor(over_60s, Profile(audiences={"older_people"}), {"lewisham"}) == 1.0
    assert audience_factor(Scored(summary(min_age=18)), Profile(), {"lewisham"}) == 1.0
    assert audience_factor(Scored(summary(max_age=25)), Profile(), {"lewisham"}) == (
        WEIGHTS.unsure_audience)


def test_meaning_counts_as_a_concept_would_when_the_words_name_none() -> None:
    """"I can't face opening the post": no concept is named, and the nearest in meaning (the
    debt advice) must not be outweighed by a listing sharing the word "open"."""
    from datetime import date

    from linkwell.matcher.score import score_all
    from linkwell.matcher.understand import understand

    near = summary(id="near", name="Advice", description="help with letters", similarity=0.6)
    others = [summary(id=f"o{i}", name="Other", description="x", similarity=0.1)
              for i in range(4)]
    profile = understand({"about": "I can't face opening the post", "limit": 10})
    ranked = score_all([near, *others], profile, date(2026, 11, 21))
    assert ranked[0].id == "near" and ranked[0].fit == WEIGHTS.concept
    said = understand({"about": "I'd like to sing in a choir", "limit": 10})
    assert score_all([near, *others], said, date(2026, 11, 21))[0].fit == WEIGHTS.meaning
