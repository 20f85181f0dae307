"""Categories and who an activity is for, as taxonomy terms the directory reads."""

from __future__ import annotations

import re
from typing import Any

from linkwell.feeds.csv_template.common import LINKWELL_FACETS_TAXONOMY, LINKWELL_TAXONOMY_BASE
from linkwell.ids import feed_id
from linkwell.taxonomy import load_taxonomy, term_id

# ----------------------------------------------------------------------------- categories

_CONCEPT_ID = re.compile(r"[a-z][a-z_]*\.[a-z][a-z_]*")
# The template's facet names, where the taxonomy's differ.
_TAXONOMY_FACET = {"delivery": "delivery_mode"}
_WHO = {
    "women": re.compile(r"\b(women|woman|ladies|female|mums?|mothers?|sisters)\b"),
    "men": re.compile(r"\b(men|man|male|dads?|fathers?|grandads?|brothers)\b"),
    "carers": re.compile(r"^(unpaid |young |family )?carers\b|\b(for|unpaid|young) carers\b"
                         r"|\bcarers only\b"),
    "lgbtq": re.compile(r"\b(lgbt\w*|queer|trans|gay|lesbian)\b"),
    "young_people": re.compile(r"\b(young people|young person|youth|teenagers?|teens?|"
                               r"young carers|young adults)\b"),
    "older_people": re.compile(r"\bolder\b(?!\s+(children|kids|teens|brothers|sisters))|"
                               r"\b(elders|retired|later life|pensioners?)\b"),
    # Plural words only: "and family" welcomes relatives, "families" is who it is for.
    "families": re.compile(r"\b(families|parents|babies|toddlers|under 5s|under-fives|dads|"
                           r"mums)\b"),
}


def _audiences(who_for: str, ages: dict[str, int]) -> list[str]:
    """Linkwell audience codes for what the ``who_for`` cell (and the age limits) say.

    Only clear statements count: "Men and women 50+" is older people, not men only.
    """
    text = who_for.lower()
    found = [code for code in ("carers", "lgbtq", "young_people", "families")
             if _WHO[code].search(text)]
    women, men = bool(_WHO["women"].search(text)), bool(_WHO["men"].search(text))
    if women != men:
        found.insert(0, "women_only" if women else "men_only")
    if ages.get("minimum_age", 0) >= 50 or _WHO["older_people"].search(text):
        found.append("older_people")
    youth_only = ages.get("maximum_age", 99) <= 25
    if youth_only and not {"young_people", "families"} & set(found):
        found.append("young_people")
    return found


def _facet_term(facet: str, value: str) -> dict[str, Any]:
    """A Linkwell facet tag (``delivery:online``) as a taxonomy term the directory reads."""
    code = f"{facet}:{value}"
    return {
        "id": term_id(code),
        "code": code,
        "term": code,
        "name": load_taxonomy().facets[_TAXONOMY_FACET.get(facet, facet)][value].label,
        "description": f"Linkwell facet {code}",
        "taxonomy": LINKWELL_FACETS_TAXONOMY,
        "term_uri": LINKWELL_TAXONOMY_BASE + code,
    }


def _category_term(feed: str, label: str) -> dict[str, Any]:
    """The taxonomy term for one category: a Linkwell concept id, or the feed's own word."""
    code = label.strip().lower()
    if _CONCEPT_ID.fullmatch(code):
        return {
            "id": term_id(code),
            "code": code,
            "term": code,
            "name": code,
            "description": f"Linkwell concept {code}",
            "taxonomy": "linkwell",
            "term_uri": LINKWELL_TAXONOMY_BASE + code,
        }
    return {
        "id": feed_id(feed, "category", label.lower()),
        "name": label,
        "description": f"'{label}', a category used in the {feed} feed",
        "taxonomy": f"{feed}-categories",
    }
