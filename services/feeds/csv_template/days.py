"""Times and days as people type them ("Tues & Thurs 10-12", "1st and 3rd Monday"),
as HSDS schedule rules with a plain-English description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from linkwell.feeds.csv_template.common import _CellError, _plain_dashes, _put
from linkwell.vocab import DAY_CODE_NAMES, DAY_CODES, DAY_NAMES, DAYS, ICAL_DAYS

# ---------------------------------------------------------------------------- times and days

_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?\s*([ap])?\.?m?\.?")


def _parse_time(cell: str, column: str) -> str:
    """``10:30``, ``10.30``, ``10:30:00``, ``1030``, ``2pm``, ``2:30pm``, ``noon`` -> ``HH:MM``."""
    value = cell.lower().strip()
    if not value:
        return ""
    if value in ("noon", "midday", "12 noon"):
        return "12:00"
    if re.fullmatch(r"\d{4}", value):
        value = f"{value[:2]}:{value[2:]}"
    match = _TIME.fullmatch(value)
    hours = int(match.group(1)) if match else -1
    minutes = int(match.group(2) or 0) if match else -1
    if match and match.group(3):  # 12-hour clock: 12am is midnight, 12pm is noon
        pm = match.group(3) == "p"
        hours = hours % 12 + (12 if pm else 0) if 1 <= hours <= 12 else -1
    if not (0 <= hours <= 23 and 0 <= minutes <= 59):
        raise _CellError(column, f"'{cell}' is not a time (use HH:MM, e.g. 10:30)")
    return f"{hours:02d}:{minutes:02d}"


_WEEK = ICAL_DAYS
_DAY_NAMES = tuple(day.capitalize() for day in DAYS)
# Spreadsheets also say "weds" and "thur".
_DAY_WORDS = {word: DAY_CODES[day] for word, day in (
    DAY_NAMES | DAY_CODE_NAMES | {"weds": "wednesday", "thur": "thursday"}).items()}
_ORDINAL_WORDS = {
    "1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3,
    "4th": 4, "fourth": 4, "5th": 5, "fifth": 5, "last": -1, "final": -1,
}
_ORDINAL_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_GROUPS = {"weekdays": _WEEK[:5], "weekday": _WEEK[:5], "weekends": _WEEK[5:],
           "weekend": _WEEK[5:], "daily": _WEEK, "everyday": _WEEK}
_DASHES = {"-", "/", "+"}
_FILLER = {"every", "each", "on", "of", "the", "a", "month", "monthly", "in", "and", "&", ",",
           "weekly", "week", "only", "day", "days", "at", "plus", "also", "morning", "mornings",
           "afternoon", "afternoons", "evening", "evenings", "night", "nights", "lunchtime",
           "lunchtimes"}
_FORTNIGHTLY = re.compile(r"\b(fortnightly|every other|alternate|every two weeks)\b")
_APPOINTMENT = re.compile(r"\b(by appointment|appointments?( only)?|by arrangement|"
                          r"call to book|ring to book|on request)\b")
_RANGE_OF_TIMES = re.compile(
    r"(\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)\s*(?:-|to)\s*(\d{1,2}(?:[:.]\d{2})?\s*"
    r"(?:[ap]\.?m\.?)?)")


@dataclass
class _Rule:
    """One HSDS schedule: weekly or monthly days (or by appointment) with a time window."""

    byday: list[str]
    monthly: bool = False
    interval: int = 1
    opens_at: str = ""
    closes_at: str = ""
    appointment: bool = False

    def key(self) -> tuple[bool, int, str, str, bool]:
        return self.monthly, self.interval, self.opens_at, self.closes_at, self.appointment

    def as_hsds(self) -> dict[str, Any]:
        schedule: dict[str, Any] = {}
        if self.byday:
            schedule["freq"] = "MONTHLY" if self.monthly else "WEEKLY"
            if self.interval != 1:
                schedule["interval"] = self.interval
            schedule["byday"] = ",".join(self.byday)
        _put(schedule, "opens_at", self.opens_at)
        _put(schedule, "closes_at", self.closes_at)
        schedule["description"] = self.describe()
        return schedule

    def describe(self) -> str:
        """Plain words for people: "First Wednesday of the month, 14:00 to 16:00"."""
        if self.appointment:
            words = "By appointment"
        elif self.monthly:
            words = _describe_monthly(self.byday)
        else:
            words = _describe_weekly(self.byday, self.interval)
        if self.opens_at and self.closes_at:
            return f"{words}, {self.opens_at} to {self.closes_at}"
        if self.opens_at:
            return f"{words}, from {self.opens_at}"
        return words


def _describe_weekly(byday: list[str], interval: int) -> str:
    if byday == list(_WEEK[:5]) and interval == 1:
        return "Monday to Friday"
    days = _and([_DAY_NAMES[_WEEK.index(code)] for code in byday])
    return f"Every other {days} (ask which weeks)" if interval == 2 else f"Every {days}"


def _describe_monthly(byday: list[str]) -> str:
    by_day: dict[str, list[str]] = {}
    for part in byday:
        nth, code = int(part[:-2]), part[-2:]
        by_day.setdefault(code, []).append(_ORDINAL_NAMES[nth])
    phrases = [f"{_and(nths)} {_DAY_NAMES[_WEEK.index(code)]}" for code, nths in by_day.items()]
    text = _and(phrases)
    return f"{text[0].upper()}{text[1:]} of the month"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _parse_days(cell: str, start: str, end: str) -> list[_Rule]:
    """The ``days`` cell as schedule rules.

    Understands "Tuesday", "Mon; Thu", "Mon-Fri", "weekdays", "1st Wednesday", "last Friday",
    "2nd and 4th Monday", "fortnightly Tuesday", "by appointment", and a time range after a
    part ("Mon 10:00-12:00; Thu 18:00-20:00") which then overrides start_time/end_time.
    Parts with the same kind and times are merged into one rule.
    """
    rules: dict[tuple[bool, int, str, str, bool], _Rule] = {}
    for part in re.split(r"[;\n]", _plain_dashes(cell)):
        if not part.strip():
            continue
        for rule in _parse_day_part(part, start, end):
            existing = rules.get(rule.key())
            if existing is None:
                rules[rule.key()] = rule
            else:
                existing.byday += [d for d in rule.byday if d not in existing.byday]
    for rule in rules.values():
        if not rule.monthly:
            rule.byday.sort(key=_WEEK.index)
    return list(rules.values())


def _parse_day_part(typed: str, start: str, end: str) -> list[_Rule]:
    part = typed.lower()
    times = _RANGE_OF_TIMES.search(part)
    if times:
        start, end = _part_times(times)
        part = part[: times.start()] + " " + part[times.end():]
    interval = 2 if _FORTNIGHTLY.search(part) else 1
    part = _FORTNIGHTLY.sub(" ", part)
    appointment = bool(_APPOINTMENT.search(part))
    part = _APPOINTMENT.sub(" ", part)
    weekly, monthly = _day_codes(part, typed)
    rules = []
    if weekly:
        rules.append(_Rule(weekly, interval=interval, opens_at=start, closes_at=end))
    if monthly:
        rules.append(_Rule(monthly, monthly=True, opens_at=start, closes_at=end))
    if appointment and not rules:
        rules.append(_Rule([], opens_at=start, closes_at=end, appointment=True))
    return rules


def _part_times(match: re.Match[str]) -> tuple[str, str]:
    """The times of "10:00-12:00" written after a day; "9-5" is read as 09:00 to 17:00."""
    start = _parse_time(match.group(1), "days")
    end = _parse_time(match.group(2), "days")
    if end <= start and not re.search(r"[ap]", match.group(2)) and int(end[:2]) < 12:
        end = f"{int(end[:2]) + 12:02d}{end[2:]}"  # nobody meets from 9 in the morning to 5 am
    if end <= start:
        raise _CellError("days", f"'{match.group(0).strip()}' ends before it starts")
    return start, end


def _day_codes(part: str, typed: str) -> tuple[list[str], list[str]]:
    """Weekly codes (``TU``) and monthly codes (``1WE``, ``-1FR``) in one part of the cell.

    ``part`` is the lower-cased text to read; ``typed`` is the cell as written, so that
    messages quote the person's own spelling.
    """
    tokens = re.findall(r"[a-z0-9]+|[-&,/+]", part.replace("every day", "daily"))
    weekly: list[str] = []
    monthly: list[str] = []
    pending: list[int] = []
    ordinal = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        code = _day_code(token)
        if token in _ORDINAL_WORDS:
            pending.append(_ORDINAL_WORDS[token])
            ordinal = token
        elif code:
            last = _range_end(tokens, index)
            days = _day_span(code, last) if last else [code]
            index += 2 if last else 0
            if pending:
                monthly += [f"{n}{d}" for n in pending for d in days if f"{n}{d}" not in monthly]
                pending = []
            else:
                weekly += [d for d in days if d not in weekly]
        elif token in _GROUPS and not pending:
            weekly += [d for d in _GROUPS[token] if d not in weekly]
        elif token not in _FILLER and token not in _DASHES:
            raise _CellError("days", _unknown_day_reason(_as_typed(token, typed)))
        index += 1
    if pending:
        raise _CellError("days", f"'{_as_typed(ordinal, typed)}' needs a day after it, "
                                 "e.g. 1st Wednesday")
    return weekly, monthly


def _as_typed(token: str, typed: str) -> str:
    """A lower-cased word as the person wrote it ("tusday" -> "Tusday")."""
    match = re.search(rf"(?<![a-z0-9]){re.escape(token)}(?![a-z0-9])", typed, flags=re.I)
    return match.group(0) if match else token


def _day_code(token: str) -> str:
    """``MO`` for "monday", "mon", "mondays"; empty if the token is not a day."""
    if token in _DAY_WORDS:
        return _DAY_WORDS[token]
    if token.endswith("s") and token[:-1] in _DAY_WORDS and len(token) > 3:
        return _DAY_WORDS[token[:-1]]
    return ""


def _range_end(tokens: list[str], index: int) -> str:
    """The last day of "mon - fri" / "monday to friday" starting at ``index``, if it is one."""
    if index + 2 < len(tokens) and tokens[index + 1] in ("-", "to"):
        return _day_code(tokens[index + 2])
    return ""


def _day_span(first: str, last: str) -> list[str]:
    start, stop = _WEEK.index(first), _WEEK.index(last)
    if stop < start:
        raise _CellError("days", f"'{first}-{last}' goes backwards; write e.g. Mon-Fri")
    return list(_WEEK[start: stop + 1])


def _unknown_day_reason(token: str) -> str:
    if token.isdigit():  # a time in the days cell, without the other end of a range
        return (f"'{token}' is not a day; put times in start_time and end_time, or write "
                "e.g. 'Mon 10:00-12:00'")
    return (f"'{token}' is not a day (use e.g. Tuesday, Mon; Thu, 1st Wednesday, last Friday, "
            "2nd and 4th Monday)")
