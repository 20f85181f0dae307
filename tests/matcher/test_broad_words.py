"""A request in broad words only ("I like being outdoors", "something creative") reaches the
kinds of that activity: the meaning the semantic signal embeds names the broad concept's
children, so a riverside walk or a bird walk comes near "outdoors". Failed before."""

from __future__ import annotations

from typing import Any

from linkwell.matcher.understand import understand
from linkwell.taxonomy import load_taxonomy


def profile_of(**body: Any) -> Any:
    return understand({"limit": 10, **body})


def test_a_broad_word_alone_means_its_kinds() -> None:
    tax = load_taxonomy()
    outdoors = profile_of(about="Anything on a Saturday? I like being outdoors.")
    assert "nature" in outdoors.interests
    for kind in tax.children("nature"):
        assert kind.label in outdoors.meaning
    creative = profile_of(interests=["something creative"])
    assert tax.children("creative")[0].label in creative.meaning


def test_a_kind_named_or_a_full_story_keeps_its_own_meaning() -> None:
    tax = load_taxonomy()
    kinds = [c.label for c in tax.children("creative")]
    painting = profile_of(about="I'd love to do something creative, painting or crafts.")
    assert not any(k in painting.meaning for k in kinds)
    story = profile_of(about="I am from Syria, two years in England. My English is not good. "
                             "I want to practise speaking and meet people. I have no work.")
    assert not any(c.label in story.meaning for c in tax.children("social"))


def test_a_word_of_degree_inside_a_phrase_is_read_past() -> None:
    assert "feelings.low" in profile_of(about="hi im 19 n feel proper low tbh").needs
    assert "feelings.low" in profile_of(about="I've been feeling really low").needs
    assert "feelings.low" in profile_of(about="feeling a bit low lately").needs  # as said
