"""Which searches the matcher asks the directory for (the directory's side is its contract)."""

from __future__ import annotations

from linkwell.match_schemas import MatchRequestSchema
from linkwell.matcher.candidates import MAX_PER_PAGE, PER_CONCEPT, PER_PAGE, calls
from linkwell.matcher.understand import understand


def weights_of(call: dict[str, str]) -> dict[str, float]:
    pairs = (item.split(":") for item in call["concept_weight"].split(","))
    return {concept: float(weight) for concept, weight in pairs}


def test_concept_searches_rank_what_the_person_said_above_the_hints() -> None:
    """Past a page, the directory would otherwise cut by distance or by name, and hints
    ("walking" for low mood) would crowd out what the person asked for."""
    profile = understand(MatchRequestSchema().load(
        {"about": "I'd like to try meditation; work stress is getting on top of me",
         "location": {"lat": 51.55, "lon": -0.14}}))
    profile.point = (51.55, -0.14)
    searches = [c for c in calls(profile) if "concept" in c]
    assert len(searches) == 2  # nearby, and online or by phone
    for search in searches:
        weights = weights_of(search)
        assert set(weights) == set(search["concept"].split(","))
        assert weights["calm.mindfulness"] == 1.0  # said
        assert weights["feelings.worry_stress"] == 1.0  # said
        assert max(w for c, w in weights.items() if c not in (
            "calm.mindfulness", "feelings.worry_stress")) < 1.0  # suggested for a need
    nearby = next(s for s in searches if "near" in s)
    assert nearby["sort"] == "blended"  # weights and distance together
    worded = [c for c in calls(profile) if "q" in c]
    assert len(worded) == 1 and "meditation" in worded[0]["q"]
    assert worded[0]["words_only"] == "true"  # concepts have their own search


def test_the_concept_search_has_room_for_every_concept_it_asks_for() -> None:
    """One page is shared by every concept, ranked by weight and distance: with a dozen
    concepts (a need's suggestions) a fixed page of 30 was filled by near listings of the
    first few, and a running group for a young man who wants to get fitter, suggested last,
    never became a candidate (tests/eval young-anxious)."""
    profile = understand(MatchRequestSchema().load(
        {"about": "I'm 23 and I get really anxious around people. I'd like to get fitter "
                  "and meet people my age.", "location": {"lat": 51.4775, "lon": -0.0236}}))
    profile.point = (51.4775, -0.0236)
    nearby = next(c for c in calls(profile) if "concept" in c and "near" in c)
    asked = nearby["concept"].split(",")
    assert len(asked) > 10, asked  # a need's suggestions, as in the judged profile
    assert "moving_more.running_cycling" in asked
    assert int(nearby["per_page"]) >= PER_CONCEPT * len(asked)
    assert int(nearby["per_page"]) <= MAX_PER_PAGE  # never more than the directory allows


def test_few_concepts_keep_the_usual_page() -> None:
    profile = understand(MatchRequestSchema().load(
        {"about": "knitting", "location": {"lat": 51.55, "lon": -0.14}}))
    profile.point = (51.55, -0.14)
    nearby = next(c for c in calls(profile) if "concept" in c and "near" in c)
    assert int(nearby["per_page"]) == PER_PAGE
