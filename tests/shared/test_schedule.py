"""Weekly and monthly rules."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from linkwell.schedule import Session, sessions_from_schedules

TODAY = date(2026, 11, 21)


def test_weekly_and_monthly_rules_are_normalised() -> None:
    sessions = sessions_from_schedules([
        {"freq": "WEEKLY", "byday": "TU,TH", "opens_at": "10:00", "closes_at": "12:00:00"},
        {"freq": "MONTHLY", "byday": "1WE,-1FR", "opens_at": "19:00", "closes_at": "20:30"},
    ], TODAY)
    assert [s.describe() for s in sessions] == [
        "Tuesdays, 10:00 to 12:00", "First Wednesday of the month, 19:00 to 20:30",
        "Thursdays, 10:00 to 12:00", "Last Friday of the month, 19:00 to 20:30"]


def test_expired_schedules_are_dropped() -> None:
    old = {"freq": "WEEKLY", "byday": "MO", "opens_at": "10:00", "valid_to": "2025-01-01"}
    assert sessions_from_schedules([old], TODAY) == []


def test_week_range_is_inclusive_minutes_of_the_week() -> None:
    assert Session(1, 600, 720).week_range() == (1 * 1440 + 600, 1 * 1440 + 719)


@pytest.mark.parametrize(("session", "after", "expected"), [
    (Session(1, 600, 720), datetime(2026, 11, 21, 9), datetime(2026, 11, 24, 10)),
    (Session(2, 600, 720, (1,)), datetime(2026, 11, 21, 9), datetime(2026, 12, 2, 10)),
    (Session(4, 600, 720, (-1,)), datetime(2026, 11, 21, 9), datetime(2026, 11, 27, 10)),
    (Session(5, 540, 600), datetime(2026, 11, 21, 9), datetime(2026, 11, 21, 9)),
])
def test_next_start(session: Session, after: datetime, expected: datetime) -> None:
    assert session.next_start(after) == expected


def test_a_broken_rule_raises_naming_the_value() -> None:
    with pytest.raises(ValueError, match="XX"):
        sessions_from_schedules([{"freq": "WEEKLY", "byday": "XX", "opens_at": "10:00"}], TODAY)
