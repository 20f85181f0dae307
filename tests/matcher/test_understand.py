"""Understanding people's own words: concepts, carers, times, safety; and the weights' home."""

from __future__ import annotations

import socket
from typing import Any

from linkwell.matcher import weights
from linkwell.matcher.understand import Window, understand


def profile_of(**body: Any) -> Any:
    return understand({"limit": 10, **body})


def test_peoples_words_name_concepts() -> None:
    widower = profile_of(about="Since my wife passed I hardly see anyone. I used to love the "
                               "allotment.")
    assert {"life_changes.bereavement", "connection.lonely"} <= set(widower.needs)
    assert "nature.gardening" in widower.interests
    assert "allot" in widower.terms  # raw words kept for text relevance
    assert "connection.lonely" in profile_of(about="I feel so lonley").needs  # misspelt
    assert "creative.singing_music" in profile_of(interests=["Choirs"]).interests  # stemmed


def test_what_the_taxonomy_suggests_counts_less_than_what_was_said() -> None:
    lonely = profile_of(about="I'm lonely")
    wanted = {w.concept: w for w in lonely.wanted}
    assert wanted["connection.lonely"].weight == 1.0
    hints = [w for w in lonely.wanted if w.via == "connection.lonely"]
    assert hints and all(w.weight < 1.0 for w in hints)
    assert [w.weight for w in hints] == sorted((w.weight for w in hints), reverse=True)


def test_money_housing_and_food_needs_keep_practical_help() -> None:
    debt = profile_of(about="the bailiffs have written about my council tax arrears")
    assert debt.practical == ["practical_help.money_advice"]
    assert {w.concept: w.weight for w in debt.wanted}["practical_help.money_advice"] == 1.0


def test_carers_are_recognised_unless_they_say_otherwise() -> None:
    assert profile_of(about="I look after my mum").carer is True
    assert profile_of(about="I look after my mum", carer=False).carer is False
    assert profile_of(about="I like walking").carer is False


def test_times_from_words_and_from_availability() -> None:
    assert profile_of(about="mornings are best for me").windows == [Window(None, 540, 750)]
    said = profile_of(about="walking", availability=[{"day": "tuesday", "from_": 600,
                                                      "to": 720}])
    assert said.windows == [Window(1, 600, 720)] and said.windows_said


def test_safety_words_are_caught_and_cost_of_living_crisis_is_not() -> None:
    assert profile_of(about="I want to end it all").safety == ["feelings.urgent"]
    assert profile_of(about="the cost of living crisis").safety == []


def test_weights_live_in_one_documented_place() -> None:
    assert weights.__doc__ and "score = fit" in weights.__doc__
    for name in ("concept", "text", "distance", "schedule", "group", "freshness", "cost"):
        assert name.upper() in weights.__doc__ or name in weights.__doc__
    assert 0 < weights.WEIGHTS.context_share < 1


def test_directory_down_is_a_quick_503() -> None:
    from linkwell.matcher import create_app

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app({"DIRECTORY_URL": f"http://127.0.0.1:{port}", "PLUGINS": [],
                      "MATCHER_DIRECTORY_TIMEOUT": 0.5})
    client = app.test_client()
    response = client.post("/match", json={"about": "walking"})
    assert response.status_code == 503
    assert set(response.json) >= {"code", "status", "message"}
    assert client.get("/readyz").status_code == 503
