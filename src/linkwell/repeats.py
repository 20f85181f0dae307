"""One rule for a record listed twice, in ``linkwell import`` and ``linkwell feeds sync`` alike:
the later record wins, and the earlier is reported as replaced, naming both places (which
count from 1: "item 7", "line 12", "record 5 of the feed")."""

from __future__ import annotations

import uuid
from typing import Any


def identity(record_id: object) -> str:
    """What makes two ids the same asset within one feed (a UUID in any spelling is one)."""
    text = str(record_id).strip()
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return text


def replaced_reason(record_id: object, later: str, earlier: str) -> str:
    return (f"{record_id} is listed again later, as {later}; that later record replaced this "
            f"one ({earlier})")


class Repeats:
    """Remembers where each id was last seen, to name the record a later one replaces."""

    def __init__(self) -> None:
        self.latest: dict[str, tuple[int, str]] = {}  # identity -> (place, where)

    def note(self, place: int, where: str, record: Any) -> tuple[int, str] | None:
        """(place, where) of the earlier record this one replaces, or None."""
        record_id = record.get("id") if isinstance(record, dict) else None
        if record_id is None or str(record_id).strip() == "":
            return None  # the directory names the missing id
        key = identity(record_id)
        earlier = self.latest.get(key)
        self.latest[key] = (place, where)
        return earlier
