"""The shortlist keeps an option in the language the person wrote in among the first five,
when one fits what they said; nothing is brought in for its language alone."""

from __future__ import annotations

from typing import Any

from linkwell.matcher.language import Reading
from linkwell.matcher.score import Scored
from linkwell.matcher.select import OWN_LANGUAGE_SLOT, with_own_language
from linkwell.matcher.understand import Profile


def option(name: str, score: float, languages: tuple[str, ...] = ("en",)) -> Scored:
    asset: dict[str, Any] = {"id": name, "name": name, "languages": list(languages)}
    return Scored(asset=asset, fit=score, score=score)


def written_in(code: str, **fields: Any) -> Profile:
    profile = Profile(**fields)
    profile.reading = Reading(code=code, how="detected")
    return profile


def test_the_best_fitting_option_in_their_language_takes_the_fifth_place() -> None:
    english = [option(f"english {i}", 1.0 - i / 20) for i in range(10)]
    turkish = option("turkish", 0.2, ("tr", "en"))
    relevant = [*english, turkish]  # what fits, best first: the Turkish one is last
    shown = with_own_language(english, relevant, written_in("tr"))
    assert [i.id for i in shown[:OWN_LANGUAGE_SLOT]] == [i.id for i in english[:4]]
    assert shown[OWN_LANGUAGE_SLOT] is turkish
    assert len(shown) == len(english)  # one English option gives way, at the end


def test_nothing_moves_when_one_is_there_already_or_none_fits() -> None:
    english = [option(f"english {i}", 1.0 - i / 20) for i in range(10)]
    third = option("turkish third", 0.9, ("tr",))
    picked = [*english[:2], third, *english[2:9]]
    assert with_own_language(picked, picked, written_in("tr")) == picked
    # the only Turkish listing does not fit what they said, so it is not in `relevant`
    assert with_own_language(english, english, written_in("tr")) == english
    # written in English, or a language they required (a filter upstream): no slot
    later = [*english, option("polish", 0.1, ("pl",))]
    assert with_own_language(english, later, written_in("en")) == english
    assert with_own_language(english, later, written_in("pl", languages=["pl"])) == english
    assert with_own_language(english, later, written_in("pl"))[OWN_LANGUAGE_SLOT].id == "polish"
