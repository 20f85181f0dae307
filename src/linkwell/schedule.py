"""Weekly and monthly opening rules, normalised from HSDS 3.0 schedules.

Each rule becomes a :class:`Session` (a weekday, a time window and, for monthly rules, which
occurrences in the month). Search indexes sessions as minute-of-week ranges so a day and time
window filter is one range-overlap test in either backend.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from linkwell.vocab import DAYS, ICAL_DAYS

MINUTES_PER_DAY = 24 * 60
_BYDAY = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")
_ORDINALS = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth", -1: "Last"}


@dataclass(frozen=True)
class Session:
    """A recurring time window on one weekday; ``occurrences`` empty means every week."""

    day: int  # 0 = Monday
    start: int  # minutes after midnight
    end: int
    occurrences: tuple[int, ...] = ()

    @property
    def monthly(self) -> bool:
        return bool(self.occurrences)

    def week_range(self) -> tuple[int, int]:
        """Inclusive minute-of-week bounds (end is exclusive in the window, so minus one)."""
        base = self.day * MINUTES_PER_DAY
        return base + self.start, base + max(self.start, self.end - 1)

    def describe(self) -> str:
        times = f"{clock(self.start)} to {clock(self.end)}"
        day = DAYS[self.day].capitalize()
        if not self.occurrences:
            return f"{day}s, {times}"
        which = " and ".join(_ORDINALS[o].lower() for o in self.occurrences)
        return f"{which.capitalize()} {day} of the month, {times}"

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"day": DAYS[self.day], "from": clock(self.start),
                               "to": clock(self.end), "text": self.describe()}
        if self.occurrences:
            out["monthly"] = list(self.occurrences)
        return out

    def occurs_on(self, day: date) -> bool:
        if day.weekday() != self.day:
            return False
        if not self.occurrences:
            return True
        nth = (day.day - 1) // 7 + 1
        last = day.day + 7 > calendar.monthrange(day.year, day.month)[1]
        return nth in self.occurrences or (last and -1 in self.occurrences)

    def next_start(self, after: datetime) -> datetime:
        """The next time this session starts at or after ``after`` (naive local time)."""
        day = after.date()
        for _ in range(370):
            begins = datetime.combine(day, datetime.min.time()) + timedelta(minutes=self.start)
            if self.occurs_on(day) and begins >= after:
                return begins
            day += timedelta(days=1)
        raise ValueError("no occurrence within a year")  # unreachable for valid sessions


def clock(minutes: int) -> str:
    minutes = min(minutes, MINUTES_PER_DAY - 1) if minutes >= MINUTES_PER_DAY else minutes
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_clock(value: str | None) -> int | None:
    """Minutes after midnight for ``HH:MM`` or ``HH:MM:SS`` (time zone suffix ignored)."""
    if not value:
        return None
    match = re.match(r"^(\d{1,2}):(\d{2})", value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a time of day")
    hours, mins = int(match.group(1)), int(match.group(2))
    if hours > 24 or mins > 59:
        raise ValueError(f"{value!r} is not a time of day")
    return hours * 60 + mins


def sessions_from_schedules(schedules: Iterable[dict[str, Any]], today: date) -> list[Session]:
    """Sessions from HSDS schedules that are still valid on ``today``, without duplicates."""
    found: dict[Session, None] = {}
    for schedule in schedules:
        if _expired(schedule, today):
            continue
        for session in _sessions_of(schedule):
            found[session] = None
    return sorted(found, key=lambda s: (s.day, s.start, s.occurrences))


def _expired(schedule: dict[str, Any], today: date) -> bool:
    valid_to = schedule.get("valid_to")
    try:
        return bool(valid_to) and date.fromisoformat(str(valid_to)[:10]) < today
    except ValueError:
        return False


def _sessions_of(schedule: dict[str, Any]) -> Iterator[Session]:
    start = parse_clock(schedule.get("opens_at")) or 0
    end = parse_clock(schedule.get("closes_at")) or MINUTES_PER_DAY
    if end <= start:  # past midnight: keep the part on the opening day
        end = MINUTES_PER_DAY
    monthly = str(schedule.get("freq") or "").upper() == "MONTHLY"
    parts = [p.strip().upper() for p in str(schedule.get("byday") or "").split(",") if p.strip()]
    if not parts:
        if not (schedule.get("opens_at") or schedule.get("byday")):
            return
        # Times with no days (or a day of the month): it may fall on any weekday.
        yield from (Session(d, start, end, (1, 2, 3, 4, 5) if monthly else ()) for d in range(7))
        return
    by_day: dict[int, set[int]] = {}
    for part in parts:
        match = _BYDAY.match(part)
        if not match:
            raise ValueError(f"byday {part!r} is not a day")
        day = ICAL_DAYS.index(match.group(2))
        by_day.setdefault(day, set())
        if monthly and match.group(1):
            by_day[day].add(int(match.group(1)))
    for day, nths in by_day.items():
        yield Session(day, start, end, tuple(sorted(nths, key=lambda n: (n < 0, n))))
