"""Hard requirements: what a result must never break, however well it matches otherwise.

The directory already filters on most of them; the matcher checks every candidate again here,
from the asset summary, so a rule holds whichever backend answered and whatever changes there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from linkwell.matcher import who
from linkwell.matcher.candidates import allowed_delivery
from linkwell.matcher.understand import REMOTE, Profile
from linkwell.text import fold

_NON_BINARY = re.compile(r"\b(non binary|nonbinary|enby|gender diverse|all genders)\b")
# Words that say a venue has steps (no step-free access); negations are not stated access.
_STAIRS = re.compile(r"\b(no lift|upstairs|stairs only|flight of stairs|up (?:a|two|three|some)"
                     r"(?: \w+)? stairs|not (?:wheelchair|step free) accessible|no step free"
                     r"|steps (?:up|down|at the (?:entrance|door)))\b")

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
    if {"women_only", "men_only"} & audience and profile.gender == "non_binary" and not (
            _NON_BINARY.search(fold(f"{asset.get('description', '')} "
                                    f"{asset.get('eligibility', '')}"))):
        return "for women only" if "women_only" in audience else "for men only"
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


def _needs_steps(asset: dict[str, Any], profile: Profile) -> bool:
    """Whether the person needs step-free access to go to this asset's venue."""
    if not profile.step_free or not has_venue(asset):
        return False
    if "step_free" in (asset.get("accessibility") or []):
        return False
    return not (profile.remote_ok and set(asset.get("delivery") or []) & set(REMOTE))


def _step_free(asset: dict[str, Any], profile: Profile) -> str | None:
    said = [str(asset.get(k) or "") for k in ("description", "eligibility")]
    if _needs_steps(asset, profile) and _STAIRS.search(fold(" ".join(
            [*said, *map(str, asset.get("access_notes") or [])]))):
        return "stairs and no step-free access"
    return None


def _cost(asset: dict[str, Any], profile: Profile) -> str | None:
    allowed = COST_ALLOWED.get(profile.cost)
    band = (asset.get("cost") or {}).get("band", "unknown")
    if allowed is not None and band not in allowed and band != "unknown":
        return f"cost is {band}, and the person asked for {profile.cost}"
    return None


def _delivery(asset: dict[str, Any], profile: Profile) -> str | None:
    if not profile.delivery:
        return None
    if not set(asset.get("delivery") or ["in_person"]) & set(allowed_delivery(profile.delivery)):
        return "not offered in a way the person can take part"
    return None


RULES: tuple[Rule, ...] = (_running, _age, _audience, _language, _step_free, _cost, _delivery,
                           who.refusal)


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


def unstated(asset: dict[str, Any], profile: Profile) -> list[str]:
    """The person's requirements the listing does not say it meets (nor that it breaks):
    it may suit them, but only after a check, so it is shown apart, with these words."""
    out = []
    if profile.cost in COST_ALLOWED and (asset.get("cost") or {}).get("band",
                                                                    "unknown") == "unknown":
        out.append(f"Check first: the listing does not say it is "
                   f"{'free' if profile.cost == 'free' else 'free or low cost'}")
    if _needs_steps(asset, profile):
        out.append("Check first: the listing does not say it has step-free access")
    return out


def partition(assets: list[dict[str, Any]], profile: Profile) -> tuple[
        list[dict[str, Any]], list[dict[str, Any]]]:
    """The assets that keep every hard requirement and say so, and those that break none
    but do not say they meet one (to check first); each asset's rules are read once."""
    clean: list[dict[str, Any]] = []
    unsure: list[dict[str, Any]] = []
    for asset in assets:
        if refusal(asset, profile) is None:
            (unsure if unstated(asset, profile) else clean).append(asset)
    return clean, unsure


def eligible(assets: list[dict[str, Any]], profile: Profile) -> list[dict[str, Any]]:
    """The assets that keep every hard requirement and say so."""
    return partition(assets, profile)[0]


def check_first(assets: list[dict[str, Any]], profile: Profile) -> list[dict[str, Any]]:
    """The assets that break no requirement but do not say they meet one."""
    return partition(assets, profile)[1]
