"""Urgent-help routes, shown before any community group when the words suggest crisis or harm.

The taxonomy marks these needs ``safety_route: true``; ``crisis.detect`` finds them in a
person's own words (severe self-neglect, such as not eating for days, counts as
``feelings.urgent``). A ranked list of groups is never the answer to them: the routes come
first, and the community results second. Numbers are the national ones; local crisis lines
and safeguarding teams vary by borough.
"""

from __future__ import annotations

from typing import Any


def N_(text: str) -> str:
    """Marks the words of urgent help for the pages' catalogs (pybabel finds ``N_("...")``):
    the matcher answers in English, and a page or the widget shows them in the person's
    language."""
    return text


EMERGENCY = {"name": N_("Emergency services"), "contact": "999",
             "when": N_("If you or someone else is in danger right now")}
ROUTES: dict[str, list[dict[str, str]]] = {
    "feelings.urgent": [
        EMERGENCY,
        {"name": N_("NHS 111, option 2 (mental health crisis)"),
         "contact": N_("111, then option 2"),
         "when": N_("If you are in a mental health crisis, or have stopped eating, drinking "
                    "or looking after yourself: free, any time")},
        {"name": N_("Samaritans"), "contact": "116 123",
         "when": N_("To talk to someone about anything, any time: free")},
    ],
    "safety_rights.safe_at_home": [
        {**EMERGENCY, "when": N_("If you are in danger right now (if you cannot talk, call "
                                 "999 from a mobile and press 55)")},
        {"name": N_("National Domestic Abuse Helpline"), "contact": "0808 2000 247",
         "when": N_("Free and confidential, 24 hours a day")},
    ],
    "safety_rights.worried_about_someone": [
        EMERGENCY,
        {"name": N_("Your council's adult or children's safeguarding team"),
         "contact": N_("your council's adult or children's safeguarding team"),
         "when": N_("If you are worried an adult or a child is being harmed or neglected")},
    ],
}
MESSAGE = N_("What you have told us suggests you or someone else may need help now. These "
             "services can help straight away; the community options below can come after.")


def safety(concerns: list[str]) -> dict[str, Any] | None:
    """The safety answer for the safety-route concepts found, or None when there are none."""
    routes: list[dict[str, str]] = []
    for concern in concerns:
        for route in ROUTES.get(concern, [EMERGENCY]):
            if route["name"] not in {r["name"] for r in routes}:
                routes.append(route)
    if not routes:
        return None
    return {"message": MESSAGE, "concerns": list(concerns), "routes": routes}
