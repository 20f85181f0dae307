"""Hard requirements: what a result must never break, however well it matches otherwise.

The directory already filters on most of them; the matcher checks every candidate again here,
from the asset summary, so a rule holds whichever backend answered and whatever changes there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from linkwell.matcher.candidates import allowed_delivery
from linkwell.matcher.understand import REMOTE, Profile

YOUNG_PEOPLE_UP_TO = 25  # "young people" groups are for people up to about 25
COST_ALLOWED = {"free": {"free"}, "low": {"free", "low"}}

Rule = Callable[[dict[str, Any], Profile], str | None]


def _running(asset: dict[str, Any], _: Profile) -> str | None:
    if asset.get("status", "active") != "active":
        return f"not running ({asset.get('status')})"
    return None


def _age(asset: dict[str, Any], profile: Profile) -> str | None:
    if profile.age is None:
        return None
    low, high = asset.get("min_age"), asset.get("max_age")
    if low is not None and profile.age < int(low):
        return f"from age {low}"
    if high is not None and profile.age > int(high):
        return f"up to age {high}"
    return None


def _audience(asset: dict[str, Any], profile: Profile) -> str | None:
    audience = set(asset.get("audience") or [])
    if "women_only" in audience and profile.gender == "man":
        return "for women only"
    if "men_only" in audience and profile.gender == "woman":
        return "for men only"
    if "carers" in audience and not profile.carer:
        return "for carers only"
    if ("young_people" in audience and profile.age is not None
            and profile.age > YOUNG_PEOPLE_UP_TO):
        return "for young people only"
    return None


def _language(asset: dict[str, Any], profile: Profile) -> str | None:
    offered = set(asset.get("languages") or ["en"])
    if profile.languages and not offered & set(profile.languages):
        return "not in a language the person asked for"
    return None


def _step_free(asset: dict[str, Any], profile: Profile) -> str | None:
    if not profile.step_free or not has_venue(asset):
        return None
    if "step_free" in (asset.get("accessibility") or []):
        return None
    if profile.remote_ok and set(asset.get("delivery") or []) & set(REMOTE):
        return None  # they can join from home
    return "no step-free access stated"


def _cost(asset: dict[str, Any], profile: Profile) -> str | None:
    allowed = COST_ALLOWED.get(profile.cost)
    band = (asset.get("cost") or {}).get("band", "unknown")
    if allowed is not None and band not in allowed:
        return f"cost is {band}, and the person asked for {profile.cost}"
    return None


def _delivery(asset: dict[str, Any], profile: Profile) -> str | None:
    if not profile.delivery:
        return None
    if not set(asset.get("delivery") or ["in_person"]) & set(allowed_delivery(profile.delivery)):
        return "not offered in a way the person can take part"
    return None


RULES: tuple[Rule, ...] = (_running, _age, _audience, _language, _step_free, _cost, _delivery)


def has_venue(asset: dict[str, Any]) -> bool:
    """Whether people go somewhere for it (rather than online, by phone or at home)."""
    return bool(asset.get("places")) and "in_person" in (asset.get("delivery") or ["in_person"])


def refusal(asset: dict[str, Any], profile: Profile) -> str | None:
    """Why this asset must not be offered to this person, or None if it may be."""
    for rule in RULES:
        reason = rule(asset, profile)
        if reason:
            return reason
    return None


def eligible(assets: list[dict[str, Any]], profile: Profile) -> list[dict[str, Any]]:
    """The assets that keep every hard requirement."""
    return [a for a in assets if refusal(a, profile) is None]
