"""Candidates from the directory: a few hundred at most, whatever the directory's size.

The directory does the heavy lifting (text, concepts, distance and the hard filters it can
express); the matcher ranks what comes back. Three kinds of call, one page each:

- by concept: assets tagged with a concept the person is looking for, ranked by how much
  each concept counts for them (what they said before the taxonomy's suggestions) blended
  with distance;
- by words: the person's own words as they said them (``words_only``: the concepts in them
  are the concept search's already, and expanding them again made this the slowest search),
  blended with distance;
- online, phone and home-visit options by concept (ranked the same way), where the person
  can take part that way.

All of them go in one ``POST /services/batch``: one round trip, one snapshot of the index.
"""

from __future__ import annotations

from typing import Any

import requests

from linkwell import semantic
from linkwell.client import ServiceClient, ServiceError
from linkwell.errors import Unavailable
from linkwell.matcher.understand import REMOTE, Profile
from linkwell.text import fold, stem

PER_PAGE = 30  # nearest assets with a wanted concept (at least: see concept_page)
PER_CONCEPT = 4  # ... and room for this many per concept asked for, up to the directory's page
MAX_PER_PAGE = 100  # the directory's largest page
TEXT_PER_PAGE = 20  # best matches for the person's words
REMOTE_PER_PAGE = 20  # online and phone options with a wanted concept
MEANING_PER_PAGE = 20  # nearest in meaning to what the person said, blended with distance
LANGUAGE_PER_PAGE = 10  # nearby, for what they want, in the language they speak
NEARBY_PER_PAGE = 10  # venues near a person who will not travel: which feeds are local
MAX_CANDIDATES = 300
DEFAULT_TRAVEL_KM = 5.0
SEARCH_RADIUS_FACTOR = 1.5  # look a little further than the person said, and say so
MAX_QUERY_CHARS = 300  # the directory's limit for q
QUERY_WORDS = 10


def travel_km(profile: Profile) -> float:
    return profile.max_km if profile.max_km is not None else DEFAULT_TRAVEL_KM


def filters(profile: Profile) -> dict[str, str]:
    """Directory parameters for the hard requirements it can check (and the person's meaning,
    so that every candidate comes back with its similarity)."""
    # The words were corrected before they were understood (matcher/spelling.py), and a
    # search that finds nothing here needs no offers: the other searches fill the pool.
    params: dict[str, str] = {"facets": "false", "as_typed": "true", "alternatives": "false"}
    if profile.vector is not None:
        params["vector"] = semantic.encode(profile.vector)
    if profile.age is not None:
        params["age"] = str(profile.age)
    if profile.languages:
        params["language"] = ",".join(profile.languages)
    if profile.cost in ("free", "low"):
        params["cost"] = "free" if profile.cost == "free" else "free,low"
    if profile.delivery:
        params["delivery"] = ",".join(allowed_delivery(profile.delivery))
    return params


def near(profile: Profile) -> dict[str, str]:
    """Distance parameters: a little further than the person said, so we can say so."""
    assert profile.point is not None
    return {"near": f"{profile.point[0]:.6f},{profile.point[1]:.6f}",
            "within_km": f"{min(200.0, travel_km(profile) * SEARCH_RADIUS_FACTOR):.2f}"}


def allowed_delivery(delivery: list[str]) -> list[str]:
    """Ways of taking part the person can use (someone coming to you is in person too)."""
    out = list(delivery)
    if "in_person" in out:
        out.append("home_visit")
    return list(dict.fromkeys(out))


def concept_weights(profile: Profile) -> str:
    """``concept:weight`` for the directory, so what the person said comes before hints."""
    best: dict[str, float] = {}
    for wanted in profile.wanted:
        best[wanted.concept] = max(best.get(wanted.concept, 0.0), wanted.weight)
    return ",".join(f"{c}:{w:.2f}" for c, w in best.items())


def concept_page(concepts: str) -> str:
    """How many to ask the concept search for: enough that each concept asked for has room.

    One page is shared by every concept, ranked by weight and distance: with a dozen concepts
    (a need's suggestions), the ones suggested last were crowded out by many near listings of
    the first, however well they fit (a running group for a young man who wants to get fitter).
    """
    count = len([c for c in concepts.split(",") if c])
    return str(min(MAX_PER_PAGE, max(PER_PAGE, PER_CONCEPT * count)))


def query_text(profile: Profile) -> str:
    """The person's telling words for the directory's q (concepts have their own call).

    Only the words kept for text relevance, at most ``QUERY_WORDS`` of them: a whole story
    would expand to dozens of synonyms and make the directory's text search slow for nothing.
    """
    said = {stem(w): w for w in reversed(fold(profile.text).split())}
    words = [said.get(t, t) for t in profile.terms[:QUERY_WORDS]]
    return " ".join(words)[:MAX_QUERY_CHARS]


def calls(profile: Profile) -> list[dict[str, str]]:
    """The searches to make for this person.

    Nearby assets by concept (nearest first) and by the person's words (relevance blended with
    distance); and, where the person can take part online, by phone or at home, those options by
    concept wherever they are. Remote options get their own call rather than the directory's
    ``remote=true``, which would have to measure the distance to every venue.
    """
    base = filters(profile)
    local = {**base, **near(profile)} if profile.point and profile.in_person_ok else None
    concepts = ",".join(dict.fromkeys(w.concept for w in profile.wanted))
    weighted = concept_weights(profile)
    text = query_text(profile)
    out: list[dict[str, str]] = []
    if local is not None:
        if concepts:
            out.append({**local, "concept": concepts, "concept_weight": weighted,
                        "sort": "blended", "per_page": concept_page(concepts)})
        if text:
            out.append({**local, "q": text, "words_only": "true", "sort": "distance",
                        "per_page": str(TEXT_PER_PAGE)})
        if profile.vector is not None:  # near them, or online and by phone where they can
            out.append({**local, "sort": "blended", "per_page": str(MEANING_PER_PAGE),
                        **({"remote": "true"} if profile.remote_ok else {})})
        ways = [d for d in allowed_delivery(profile.delivery or [*REMOTE, "home_visit"])
                if d in (*REMOTE, "home_visit")]
        spoken = [c for c in profile.spoken if c != "en"]
        if spoken and profile.vector is not None and not profile.languages:
            # Listings in their language nearby, nearest in meaning, so that a soft preference
            # has them to prefer even where none is tagged with what they named.
            out.append({**local, "language": ",".join(spoken), "sort": "blended",
                        "per_page": str(LANGUAGE_PER_PAGE)})
        if ways and concepts:
            out.append({**base, "delivery": ",".join(ways), "concept": concepts,
                        "concept_weight": weighted, "per_page": str(REMOTE_PER_PAGE)})
        if profile.delivery and "in_person" not in profile.delivery:
            # Nearby venues the person will not go to, only to say which boroughs' feeds
            # are local (home visits are usually for one borough's residents).
            out.append({"facets": "false", **near(profile), "sort": "distance",
                        "per_page": str(NEARBY_PER_PAGE)})
        return out
    if concepts:
        out.append({**base, "concept": concepts, "concept_weight": weighted,
                    "per_page": concept_page(concepts)})
    if text:
        out.append({**base, "q": text, "per_page": str(PER_PAGE)})
    if profile.vector is not None:
        out.append({**base, "per_page": str(MEANING_PER_PAGE)})
    return out


def fetch(client: ServiceClient, profile: Profile) -> list[dict[str, Any]]:
    """Summaries of the candidate assets (with ``distance_km`` where a location was given)."""
    found: dict[str, dict[str, Any]] = {}
    # The matcher reads results only: counting facets over every match was a fifth of a search.
    searches = [{**params, "facets": "false"} for params in calls(profile)]
    for results, _ in _run(client, searches):
        for result in results:
            found.setdefault(result["id"], result)
    return list(found.values())[:MAX_CANDIDATES]


Page = tuple[list[dict[str, Any]], int]


def _run(client: ServiceClient, searches: list[dict[str, str]]) -> list[Page]:
    """The pages, asked in one call to the directory (``POST /services/batch``): one round
    trip, one snapshot of the index, distances from the person measured once."""
    if len(searches) == 1:
        return [_search(client, searches[0])]
    return [_page(body) for body in _asked(lambda: client.post(
        "/services/batch", {"searches": searches}))["answers"]]


def _search(client: ServiceClient, params: dict[str, str]) -> Page:
    return _page(_asked(lambda: client.get("/services", **params)))


def _page(body: dict[str, Any]) -> Page:
    return list(body.get("results", [])), int(body.get("total", 0))


def _asked(call: Any) -> dict[str, Any]:
    try:
        body: dict[str, Any] = call()
    except requests.RequestException as exc:
        raise Unavailable(f"the directory did not answer: {type(exc).__name__}") from exc
    except ServiceError as exc:
        if exc.status >= 500:
            raise Unavailable(f"the directory failed: {exc}") from exc
        raise
    return body
