"""One borough's listings as a data officer checks them: what each lacks, and how old it is.

Read from the stored listings themselves (not from search, which hides repeats and
inactive listings), so the data-quality page counts everything the feed holds.
"""

from __future__ import annotations

from typing import Any

from linkwell.directory.backends.base import SearchBackend, StoredAsset


def listing_rows(backend: SearchBackend, feed: str | None) -> list[dict[str, Any]]:
    """Every listing of ``feed`` (every feed when None) not withdrawn, one row each."""
    ids = sorted(backend.ids(feed))
    keys = backend.dup_keys(ids)
    shared = backend.shared_dup_keys()
    found = backend.get_many(ids)
    return [row(found[asset_id], keys.get(asset_id) in shared) for asset_id in ids
            if asset_id in found and not found[asset_id].withdrawn]


def row(stored: StoredAsset, duplicated: bool) -> dict[str, Any]:
    """What the page shows and counts for one listing."""
    summary = stored.summary
    places = [p for p in summary.get("places") or [] if p.get("address") or p.get("postcode")]
    return {"id": stored.id, "name": summary.get("name") or "",
            "feed": stored.provenance.get("feed") or summary.get("feed") or "",
            "status": summary.get("status") or "active",
            "last_confirmed": summary.get("last_confirmed"),
            "missing_contact": not any(summary.get(k) for k in ("email", "phone", "url")),
            "missing_sessions": not (summary.get("schedule") or summary.get("schedule_notes")),
            "missing_venue": not places and not _remote(summary),
            "duplicate": duplicated,
            "also_listed": [str(a.get("feed") or a.get("id")) for a in
                            summary.get("also_listed") or [] if isinstance(a, dict)],
            "conflicts": stored.provenance.get("conflicts") or {}}


def _remote(summary: dict[str, Any]) -> bool:
    """Online or phone groups need no venue."""
    delivery = set(summary.get("delivery") or [])
    return bool(delivery) and not delivery & {"in_person"}
