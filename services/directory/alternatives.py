"""No dead end: what a search that finds nothing offers instead.

A search that matches nothing, even after its spelling was corrected, says so in words and
offers what is near: the same search over a wider radius ("Nothing within 2 km; 4 within
5 km"), the same search online or by phone, and related needs and activities from the
taxonomy that do have listings here. Each is counted with the search's own filters, so every
offer leads somewhere. A way to record the unmet need is the gateway's (it owns what people
send in).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from linkwell.directory.backends.base import REMOTE_DELIVERY, SearchBackend, SearchQuery
from linkwell.taxonomy import Taxonomy, load_taxonomy

WIDER_KM = (2.0, 5.0, 10.0, 20.0, 50.0)
MAX_RELATED = 6


def alternatives(store: SearchBackend, query: SearchQuery, typed: str) -> dict[str, Any]:
    """What to offer when ``query`` found nothing (see the module's docstring)."""
    out: dict[str, Any] = {"text": _nothing_text(typed, query.within_km if query.near else None)}
    wider = _wider(store, query)
    if wider:
        out["wider"] = wider
    if not (set(query.delivery) & set(REMOTE_DELIVERY)):
        online = _count(store, replace(query, near=None, within_km=None, include_remote=False,
                                       delivery=list(REMOTE_DELIVERY), sort="relevance"))
        if online:
            out["online"] = {"total": online, "text": _listings(online, "online or by phone")}
    out["related"] = _related(store, query)
    return out


def _nothing_text(typed: str, within_km: float | None) -> str:
    what = f"Nothing matches “{typed}”" if typed else "Nothing matches this search"
    return f"{what} within {km_text(within_km)}." if within_km else f"{what}."


def _wider(store: SearchBackend, query: SearchQuery) -> dict[str, Any] | None:
    if query.near is None or query.within_km is None:
        return None
    for km in (k for k in WIDER_KM if k > query.within_km):
        total = _count(store, replace(query, within_km=km))
        if total:
            return {"within_km": km, "total": total,
                    "text": f"Nothing within {km_text(query.within_km)}; "
                            f"{total} within {km_text(km)}."}
    return None


def _related(store: SearchBackend, query: SearchQuery) -> list[dict[str, Any]]:
    """Needs and activities near the ones understood, or, where none was, the activities
    most listed under the same filters: each with how many listings it would find."""
    tax = load_taxonomy()
    understood = list(query.analysed.concepts) if query.analysed else list(query.concepts)
    plain = replace(query, analysed=None, concept_weights={}, vector=None, concepts=[],
                    sort="name" if query.near is None else "distance")
    if not understood:
        counts = store.search(replace(plain, per_page=1, facets=True)).facets.get("concepts", {})
        top = sorted(((n, c) for c, n in counts.items() if c in tax.concepts
                      and tax.concepts[c].kind == "activity" and "." in c), reverse=True)
        return [_offer(tax, c, n) for n, c in top[:MAX_RELATED]]
    offers = []
    for concept in _near_concepts(tax, understood):
        total = _count(store, replace(plain, concepts=[concept]))
        if total:
            offers.append(_offer(tax, concept, total))
        if len(offers) == MAX_RELATED:
            break
    return offers


def _near_concepts(tax: Taxonomy, understood: list[str]) -> list[str]:
    """The understood concepts' hinted activities, siblings and parents, nearest first."""
    found: list[str] = []
    for concept in understood:
        found.extend(tax.hints.get(concept, ()))
        parent = tax.concepts[concept].parent if concept in tax.concepts else None
        if parent:
            found.extend(c.id for c in tax.children(parent))
            found.append(parent)
    return [c for c in dict.fromkeys(found) if c not in understood and c in tax.concepts]


def _offer(tax: Taxonomy, concept: str, total: int) -> dict[str, Any]:
    return {"id": concept, "label": tax.label(concept), "total": total}


def _count(store: SearchBackend, query: SearchQuery) -> int:
    return store.search(replace(query, page=1, per_page=1, facets=False)).total


def km_text(km: float) -> str:
    """``2.0`` -> "2 km"; ``0.5`` -> "0.5 km"."""
    return f"{km:g} km"


def _listings(total: int, how: str) -> str:
    return f"{total} listing{'s' if total != 1 else ''} {how}."
