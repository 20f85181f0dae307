"""Crisis detection: every crisis phrasing in the judged corpus is caught (recall 100%), the
near-misses stay quiet (precision at least 95%), and the normalisation behind it works.

The corpus (tests/matcher/data/crisis_corpus.yaml) was written before the detector, with a
held-out part decided before anything ran; `python bench/crisis.py` gives the figures per part.
Both parts are at 100% now, but two sets of phrasings written after the detector was built
and run once caught about 70% at first (95% of their near-misses silent): the figure to expect
on wording nobody here has seen. The misses were families of wording (pill counts, "won't be
around much longer", "can't face another day"), mended in the patterns, not by their words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from linkwell.matcher.crisis import concerns, detect, mend, normalise, split_run_together
from linkwell.matcher.crisis_words import AT_HOME, SOMEONE, URGENT
from linkwell.matcher.safety import safety
from linkwell.taxonomy import load_taxonomy

CORPUS = Path(__file__).parent / "data" / "crisis_corpus.yaml"
PROBES = Path(__file__).parent / "data" / "crisis_probes.yaml"
LANGUAGE_PROBES = Path(__file__).parent / "data" / "crisis_probes_languages.yaml"
MIN_PRECISION = 0.95
MIN_PROBE_RECALL = 0.95  # development probes: a few vague ones are known misses


def corpus() -> dict[str, dict[str, list[dict[str, Any]]]]:
    with CORPUS.open(encoding="utf-8") as f:
        data: dict[str, dict[str, list[dict[str, Any]]]] = yaml.safe_load(f)
    return data


def whole(kind: str, language: str = "en") -> list[dict[str, Any]]:
    """One language's items (English where an item names none) from both parts."""
    return [item for part in ("tune", "held_out") for item in corpus()[kind][part]
            if item.get("language", "en") == language]


OTHER_LANGUAGES = ("bn", "so", "tr", "pl", "ar", "ur")


def test_the_corpus_is_big_varied_and_split() -> None:
    tax = load_taxonomy()
    for kind in ("crisis", "near_miss"):
        items = whole(kind)
        assert len(items) >= 130
        assert len({i["text"] for i in items}) == len(items)
        held_out = len([i for i in corpus()[kind]["held_out"] if "language" not in i]) / len(
            items)
        assert 0.35 <= held_out <= 0.45
    crisis = whole("crisis")
    assert {i["concept"] for i in crisis} == {URGENT, AT_HOME, SOMEONE}
    assert all(tax.concepts[i["concept"]].safety_route for i in crisis)
    registers = {i["register"] for i in crisis}
    assert {"indirect", "notes", "textspeak", "misspelt", "run_together", "non_native",
            "embedded"} <= registers


def test_every_crisis_phrasing_raises_its_concept() -> None:
    missed = [(i["concept"], i["text"], detect(i["text"])) for i in whole("crisis")
              if i["concept"] not in detect(i["text"])]
    assert not missed, "\n".join(map(str, missed))


def test_near_misses_stay_quiet() -> None:
    near = whole("near_miss")
    fired = [(i["text"], detect(i["text"])) for i in near if detect(i["text"])]
    assert 1 - len(fired) / len(near) >= MIN_PRECISION, "\n".join(map(str, fired))


def test_each_other_language_has_twenty_phrasings_and_near_misses_split_alike() -> None:
    for language in OTHER_LANGUAGES:
        for kind in ("crisis", "near_miss"):
            items = whole(kind, language)
            assert len(items) >= 20 and len({i["text"] for i in items}) == len(items)
            held = [i for i in corpus()[kind]["held_out"] if i.get("language") == language]
            assert len(held) == len(items) * 2 // 5, (language, kind)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_crisis_wording_in_each_language_raises_its_concept(language: str) -> None:
    """By the same rules as English: every phrasing caught, near-misses quiet (>= 95%)."""
    missed = [(i["concept"], i["text"], found) for i in whole("crisis", language)
              if i["concept"] not in (found := concerns(i["text"], language=language))]
    assert not missed, missed
    near = whole("near_miss", language)
    fired = [(i["text"], found) for i in near if (found := concerns(i["text"],
                                                                     language=language))]
    assert 1 - len(fired) / len(near) >= MIN_PRECISION, fired


def test_probes_in_other_languages_hold_and_the_blind_round_does_not_fall() -> None:
    """Rounds 1-2 were mended on (development): they hold. Round 3 was written after and is
    never mended on: 25 of 36 phrasings and 23 of 24 near-misses when first run (a floor)."""
    with LANGUAGE_PROBES.open(encoding="utf-8") as f:
        probes = yaml.safe_load(f)
    for blind in (False, True):
        crisis = [i for i in probes["crisis"] if (i.get("round") == 3) is blind]
        near = [i for i in probes["near_miss"] if (i.get("round") == 3) is blind]
        caught = [i for i in crisis if i["concept"] in concerns(i["text"],
                                                                 language=i["language"])]
        silent = [i for i in near if not concerns(i["text"], language=i["language"])]
        floor = (0.69, 0.95) if blind else (MIN_PROBE_RECALL, MIN_PRECISION)
        assert len(caught) / len(crisis) >= floor[0] and len(silent) / len(near) >= floor[1], (
            blind, len(caught), len(crisis), len(silent), len(near))


def test_english_misread_as_another_language_still_gets_english_rules() -> None:
    """Short English is sometimes read as Somali or Turkish ("I'm sucicidal"): the matcher
    tells concerns() the language it detected, and no English phrasing may be lost by it."""
    from linkwell.langid import detector

    missed = [i["text"] for i in whole("crisis") if i["concept"] not in concerns(
        i["text"], language=detector().detect(i["text"]).language)]
    fired = [i["text"] for i in whole("near_miss") if concerns(
        i["text"], language=detector().detect(i["text"]).language)]
    assert not missed and not fired, (missed, fired)
    assert concerns("I'm sucicidal", language="so") == [URGENT]


def test_english_words_are_read_with_english_rules_when_another_language_is_chosen() -> None:
    assert concerns("I want to kill myself", language="so") == [URGENT]
    # Polish "od" (since) is not text-speak for "overdose".
    assert concerns("Jestem tu od niedawna i nikogo nie znam", language="pl") == []


def test_development_probes_mostly_hold() -> None:
    with PROBES.open(encoding="utf-8") as f:
        probes = yaml.safe_load(f)
    crisis, near = probes["crisis"], probes["near_miss"]
    missed = [i["text"] for i in crisis if i["concept"] not in detect(i["text"])]
    fired = [i["text"] for i in near if detect(i["text"])]
    assert 1 - len(missed) / len(crisis) >= MIN_PROBE_RECALL, missed
    assert 1 - len(fired) / len(near) >= MIN_PRECISION, fired


@pytest.mark.parametrize(("text", "words"), [
    ("i wnt 2 end it", "i want to end it"),  # text-speak, "2" as a word
    ("I run 5 kms on Saturdays", "i run 5 km on saturdays"),  # a distance stays one
    ("honestly wanna kms", "honestly want to kill myself"),
    ("I can't go on, he'll kill me", "i can not go on | he will kill me"),  # clauses at commas
    ("thinkin bout endin it", "thinking about ending it"),  # dropped g
    ("killing my self", "killing myself"),
    ("Pt reports SI", "patient reports suicidal ideation"),  # case-sensitive abbreviations
])
def test_normalisation(text: str, words: str) -> None:
    assert " ".join(normalise(text)[0]) == words


def test_sentences_split_and_accents_fold() -> None:
    assert normalise("Café on Tuesdays. I'm fine!") == [["cafe", "on", "tuesdays"],
                                                       ["i", "am", "fine"]]
    assert normalise("si, se\u00f1or") == [["si", "|", "senor"]]  # "si" is not "SI"


def test_only_unknown_words_are_mended_or_split() -> None:
    assert [mend(w) for w in ("sucidal", "harrm", "myslef", "haming", "husbnad")] == [
        "suicidal", "harm", "myself", "harming", "husband"]
    assert [mend(w) for w in ("hard", "farm", "kiln", "homing")] == [
        "hard", "farm", "kiln", "homing"]  # real words are never "mended"
    assert split_run_together("iwanttodie") == ["i", "want", "to", "die"]
    assert split_run_together("domesticviolence") == ["domestic", "violence"]
    assert split_run_together("therapist") == ["therapist"]  # a word, not "the rapist"


def test_whose_safety_decides_the_concept() -> None:
    assert detect("he hits me") == [AT_HOME]
    assert detect("my daughter's boyfriend hits her") == [SOMEONE]
    assert detect("Pt's husband hits her") == [AT_HOME]  # notes are about the person
    assert detect("I want to kill myself") == [URGENT]
    assert SOMEONE in detect("my son says he wants to kill himself")
    assert detect("I haven't eaten in three days") == [URGENT]  # self-neglect


def test_idioms_negation_accidents_and_topics_are_quiet() -> None:
    for text in ("my feet are killing me", "I'm dying to try salsa", "I'm not suicidal",
                 "I cut myself shaving", "I did a suicide prevention course",
                 "my wife beats me at chess", "I left an abusive marriage years ago and I'm "
                 "happy now", "I don't want to live near a main road",
                 "the cost of living crisis is hitting me"):
        assert detect(text) == [], text


def test_concerns_keep_chosen_safety_needs_and_the_routes_follow() -> None:
    assert concerns("I love gardening", ["feelings.urgent", "nature.gardening"]) == [URGENT]
    found = concerns("he hits me and I want to end it all")
    assert found == [AT_HOME, URGENT]
    answer = safety(found)
    assert answer is not None
    assert {"999", "0808 2000 247", "116 123"} <= {r["contact"] for r in answer["routes"]}
    assert safety(concerns("my knees hurt")) is None
