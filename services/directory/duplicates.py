"""The same group listed by two feeds: shown once, with both sources.

Listings with the same duplicate key (see ``linkwell.document.duplicate_key``) form a
group. One listing is shown: an active, not withdrawn one, the most recently confirmed
(ties by id, so every backend picks the same). The others are marked as repeating it and
stay out of search, and the shown one's summary names them under ``also_listed``. Groups
are worked out again whenever one of their listings is written, withdrawn or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkwell.directory.backends.base import Member, SearchBackend

Mark = tuple[str | None, list[dict[str, Any]]]


def shown(members: list[Member]) -> Member | None:
    """The listing a group is shown as, or None when none of them can be shown."""
    candidates = [m for m in members if m.status == "active" and not m.withdrawn]
    if not candidates:
        return None
    return max(candidates, key=lambda m: (m.last_confirmed or "", _reverse(m.id)))


def _reverse(text: str) -> tuple[int, ...]:
    """Sort key that puts the smaller id first under max()."""
    return tuple(-ord(c) for c in text)


def marks_for(members: list[Member]) -> dict[str, Mark]:
    """What each listing of one group should record."""
    lead = shown(members) if len(members) > 1 else None
    if lead is None:
        return {m.id: (None, []) for m in members}
    others = [m for m in members if m.id != lead.id]
    also = [{"id": m.id, "name": m.name, "feed": m.feed} for m in others
            if m.status == "active" and not m.withdrawn]
    out: dict[str, Mark] = {lead.id: (None, also)}
    out.update({m.id: (lead.id, []) for m in others})
    return out


def regroup(backend: SearchBackend, keys: Iterable[str]) -> int:
    """Work the given groups out again; returns how many listings are now hidden repeats."""
    wanted = {k for k in keys if k}
    if not wanted:
        return 0
    marks: dict[str, Mark] = {}
    for members in backend.duplicate_groups(wanted).values():
        marks.update(marks_for(members))
    backend.mark_duplicates(marks)
    return sum(1 for repeats, _ in marks.values() if repeats)


def reconcile(backend: SearchBackend) -> int:
    """Every group whose marks could be out of date, worked out again: the keys several
    listings share, and those of listings marked as repeating or standing for others.

    Run at the end of every sync and bulk load, so a run killed between a write and its
    regrouping (or a withdrawal and its regrouping) is made whole by the next run, even
    when that run finds every record unchanged and writes nothing.
    """
    return regroup(backend, backend.shared_dup_keys() | backend.marked_dup_keys())


def regroup_ids(backend: SearchBackend, ids: Iterable[str]) -> int:
    """Work out again the groups these assets belong to (before or after a change)."""
    return regroup(backend, set(backend.dup_keys(list(ids)).values()))
