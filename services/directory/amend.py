"""Changes to one listing that come from people, not from its feed (issue 15).

A group confirms it still runs, says it has stopped, or (approved by its data officer)
corrects its own fields. The change is written into the stored record, the listing is
derived again exactly as the feed's records are, and the change is remembered in the
listing's provenance (``amended``: field -> value, who, when, and the feed's value at the
time), so the next feed sync can keep it and flag the conflict (see ``carry_amendments``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from linkwell.directory import ingest
from linkwell.directory.backends.base import IndexItem, SearchBackend, StoredAsset

# The fields people may change, as HSDS names them. ``assured_date`` is the confirmation.
FIELDS = ("assured_date", "status", "description", "email", "url", "phones", "schedules",
          "cost_options", "fees_description", "accessibility", "languages",
          "application_process", "capacities")
STATUSES = ("active", "inactive", "defunct", "temporarily closed")


class AmendError(ValueError):
    """A change that cannot be made: ``field`` names what is wrong."""

    def __init__(self, field: str, message: str, status: int = 400) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.status = status


def check(changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        if name not in FIELDS:
            raise AmendError(name, f"not a field people may change ({', '.join(FIELDS)})")
        if name == "status" and value not in STATUSES:
            raise AmendError(name, f"must be one of {', '.join(STATUSES)}")
        if name == "assured_date":
            try:
                date.fromisoformat(str(value))
            except ValueError as exc:
                raise AmendError(name, "must be a date, YYYY-MM-DD") from exc


def amend(backend: SearchBackend, asset_id: str, changes: dict[str, Any], by: str,
          refresh: bool = True, today: date | None = None) -> dict[str, Any]:
    """Apply ``changes`` to a stored listing; its new summary."""
    check(changes)
    stored = backend.get(asset_id)
    if stored is None:
        raise AmendError("id", f"no listing with id {asset_id}", 404)
    record = dict(stored.record)
    prov = dict(stored.provenance)
    amended = dict(prov.get("amended") or {})
    at = datetime.now(UTC).isoformat(timespec="seconds")
    for name, value in changes.items():
        feed_value = amended.get(name, {}).get("feed_value", record.get(name))
        amended[name] = {"value": value, "by": by, "at": at, "feed_value": feed_value}
        record[name] = value
    item = _derive(record, prov, amended, today or date.today())
    ingest.commit(backend, [item], refresh)
    found = backend.get(asset_id)
    assert found is not None
    return found.summary


KEEP = ("provider", "feed")


def resolve(backend: SearchBackend, asset_id: str, field: str, keep: str, by: str,
            refresh: bool = True, today: date | None = None) -> dict[str, Any]:
    """A data officer's choice on one conflict (``provenance.conflicts``); the new summary.

    ``provider`` keeps the group's value and takes the feed's current value as the one it
    answered, so the next sync sending it again is no news; ``feed`` takes the feed's value
    and ends the amendment, so the feed is that field's source again.
    """
    if keep not in KEEP:
        raise AmendError("keep", "must be provider or feed")
    stored = backend.get(asset_id)
    if stored is None:
        raise AmendError("id", f"no listing with id {asset_id}", 404)
    prov = dict(stored.provenance)
    conflicts = dict(prov.get("conflicts") or {})
    amended = dict(prov.get("amended") or {})
    if field not in conflicts or field not in amended:
        raise AmendError("field", f"{field} has no conflict to resolve on this listing", 409)
    record = dict(stored.record)
    conflict = conflicts.pop(field)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    if keep == "provider":
        amended[field] = {**amended[field], "feed_value": conflict["feed"],
                          "resolved": {"by": by, "at": at, "kept": "provider"}}
    else:
        del amended[field]
        if conflict["feed"] is None:
            record.pop(field, None)
        else:
            record[field] = conflict["feed"]
    item = _derive(record, prov, amended, today or date.today())
    assert item.item is not None
    if conflicts:
        item.item.provenance["conflicts"] = conflicts
    ingest.commit(backend, [item], refresh)
    found = backend.get(asset_id)
    assert found is not None
    return found.summary


def _derive(record: dict[str, Any], prov: dict[str, Any], amended: dict[str, Any],
            today: date) -> ingest.Prepared:
    prepared = ingest.prepare(0, {**record, "_source_id": prov.get("source_id")},
                              str(prov["feed"]), prov.get("area"), prov.get("fetched_at"), today)
    if prepared.item is None:
        raise AmendError("changes", f"the listing would not be valid: {prepared.outcome.errors}")
    prepared.item.provenance["amended"] = amended
    return prepared


def carry_amendments(backend: SearchBackend, prepared: list[ingest.Prepared], today: date,
                     pack: Callable[[IndexItem], IndexItem] | None = None) -> None:
    """Keep people's approved changes through a feed's sync, and flag where the feed differs.

    The provider's value wins until the borough's data officer decides: it is first-hand and
    an officer approved it, while the feed may simply not have caught up. Where the feed now
    sends a value other than the one it sent when the change was made, the feed's new value
    is kept beside it as a conflict for the officer (``provenance.conflicts`` and a warning in
    the sync's outcome). A feed that now agrees with the provider ends the amendment's hold
    on that field; a newer confirmation date (or capacity statement) from the feed simply
    wins.

    ``pack`` (the bulk loader's packer) encodes an item carried again, as the loader's
    workers encoded the feed's.
    """
    found = _stored_many(backend, [p.item.id for p in prepared if p.item is not None])
    for p in prepared:
        stored = found.get(p.item.id) if p.item is not None else None
        amended = (stored.provenance.get("amended") or {}) if stored else {}
        if p.item is None or stored is None or not amended:
            continue
        feed_record, provenance = _unpacked(p.item)
        record, kept, conflicts = dict(feed_record), {}, {}
        for name, change in amended.items():
            incoming = record.get(name)
            if incoming == change["value"] or _said_later(name, incoming, change["value"]):
                continue  # the feed has caught up, or says more recently itself
            kept[name] = change
            record[name] = change["value"]
            if incoming != change.get("feed_value"):
                conflicts[name] = {"feed": incoming, "provider": change["value"],
                                   "at": change["at"]}
        if not kept:
            continue
        feed_hash = p.item.hash
        again = _derive(record, provenance, kept, today)
        assert again.item is not None
        again.item.hash = feed_hash  # the same feed record next time is "unchanged"
        if conflicts:
            again.item.provenance["conflicts"] = conflicts
            p.outcome.warnings["_provider"] = [
                f"{name}: the provider's approved value is kept; the feed now sends another "
                "(a data officer should choose)" for name in sorted(conflicts)]
        p.item = pack(again.item) if pack is not None else again.item


def _said_later(name: str, incoming: Any, value: Any) -> bool:
    """A confirmation date, or a capacity statement, the feed made after the provider's."""
    if name == "assured_date":
        return str(incoming or "") > str(value)
    if name == "capacities":
        return _newest(incoming) > _newest(value)
    return False


def _newest(capacities: Any) -> str:
    return max((str(c.get("updated") or "") for c in capacities or [] if isinstance(c, dict)),
               default="")


def _unpacked(item: IndexItem) -> tuple[dict[str, Any], dict[str, Any]]:
    """An item's record and provenance, also when a packer has encoded them (Elasticsearch)."""
    if item.packed is not None and not item.provenance:
        source = json.loads(item.packed)
        return source["record"], source["provenance"]
    return item.record, item.provenance


def _stored_many(backend: SearchBackend, ids: list[str]) -> dict[str, StoredAsset]:
    return backend.get_many(ids)
