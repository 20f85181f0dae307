"""Text analysis shared by both backends."""

from __future__ import annotations

from linkwell.text import analyse_query, concept_token, concepts_in_text, fold, terms


def test_folding_strips_accents_case_and_apostrophes() -> None:
    assert fold("Men's Shed — Café DROP-IN") == "mens shed cafe drop in"


def test_terms_are_stemmed_without_stop_words() -> None:
    assert terms("Walking for the people who walk") == ["walk", "peopl", "walk"]


def test_a_need_expands_to_the_activities_that_help() -> None:
    query = analyse_query("I feel so lonely")
    assert "connection.lonely" in query.concepts
    assert {"social.befriending", "social.drop_in_chat"} <= set(query.expanded)
    assert concept_token("social.befriending") in query.tokens


def test_misspellings_and_phrases_from_the_taxonomy() -> None:
    assert "connection.lonely" in analyse_query("lonley").concepts
    assert "creative.making_mending" in analyse_query("mens shed").concepts
    assert "life_changes.bereavement" in analyse_query("my wife passed away").concepts


def test_generic_words_in_an_asset_do_not_tag_it() -> None:
    assert concepts_in_text("Free help and support for local people") == []
    assert concepts_in_text("A community choir") == ["creative.singing_music"]
