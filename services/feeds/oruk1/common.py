"""What every part of an ORUK 1.0 conversion shares: v1's vocabularies, the conversion's
context (ids, errors) and small value helpers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linkwell.ids import source_id as derive_id
from linkwell.vocab import CODES, NAMES

JsonDict = dict[str, Any]


# v1 makes maximum_age required, so feeds write 99, 120 or 999 to mean "no upper limit".
NO_UPPER_AGE_FROM = 99
STATUSES = frozenset({"active", "inactive", "defunct", "temporarily closed"})
FREQUENCIES = frozenset({"WEEKLY", "MONTHLY"})
PHONE_TYPES = frozenset({"text", "voice", "fax", "cell", "video", "pager", "textphone"})
# v1 feeds write either a language's code or its English name: Linkwell's one vocabulary.
LANGUAGES = {code: english for code, (english, _own) in NAMES.items()}
LANGUAGE_CODES = CODES

# Plain words for v1's eligibility keywords, for eligibility_description.
ELIGIBILITY_WORDS = {
    "adult": "Adults", "child": "Children", "teen": "Teenagers", "family": "Families",
    "female": "Women", "male": "Men", "transgender": "Trans people",
    "transgender - m to f": "Trans women", "transgender - f to m": "Trans men",
}
# v1's enumerations as Linkwell facet codes and labels. HSDS 3.0 has no service-level field
# for how to take part or who a service is only for, and matching filters on both.
# deliverable_type ("Advice", "Training"...) has no facet and is left out.
FACETS: dict[str, dict[str, tuple[str, str]]] = {
    "attending_type": {
        "venue": ("delivery:in_person", "In person"),
        "online": ("delivery:online", "Online (video)"),
        "phone": ("delivery:phone", "By phone"),
        "home visit": ("delivery:home_visit", "At home"),
    },
    "attending_access": {
        "drop-in": ("access_route:drop_in", "Just turn up"),
        "appointment": ("access_route:book_self", "Book or contact them yourself"),
        "membership": ("access_route:book_self", "Book or contact them yourself"),
        "referral": ("access_route:referral_form", "Needs a referral"),
    },
    "eligibility": {
        "female": ("audience:women_only", "Women only"),
        "male": ("audience:men_only", "Men only"),
        "family": ("audience:families", "Families and children"),
        "teen": ("audience:young_people", "Young people"),
    },
}
LONDON = "Europe/London"

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$")
_BYDAY = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@dataclass(frozen=True)
class _Context:
    """What every part of one conversion needs: the feed, the service's ids, error reporting."""

    feed: str
    source_id: str
    service_id: str

    def entity_id(self, kind: str, raw: Any, path: str) -> str:
        """Derived id for a nested entity; one without an id is named by its place instead."""
        source = _text(raw) or f"{self.source_id}/{path}"
        return derive_id(self.feed, kind, source)

    def service_part(self, kind: str, item: Mapping[str, Any], path: str) -> JsonDict:
        """A nested object that belongs to the service: its derived id and the service's."""
        return {"id": self.entity_id(kind, item.get("id"), path), "service_id": self.service_id}

    def fail(self, path: str, problem: str) -> NoReturn:
        raise ValueError(f"service {self.source_id!r}: field {path}: {problem}")

# --- small value helpers --------------------------------------------------------------------


def _put(target: JsonDict, key: str, value: Any) -> None:
    """Set an optional field only when it has a value: HSDS omits, never nulls."""
    if value is None or value == "" or value == [] or value == {}:
        return
    target[key] = value


def _text(raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        return None
    text = str(raw).strip()
    return text or None


def _mapping(raw: Any, path: str, ctx: _Context) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        ctx.fail(path, "expected an object")
    return raw


def _list(parent: Mapping[str, Any], key: str, ctx: _Context, path: str = "") -> list[Any]:
    value = parent.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        ctx.fail(f"{path}.{key}" if path else key, "expected a list")
    return value


def _number(raw: Any, path: str, ctx: _Context) -> float:
    if isinstance(raw, bool):
        ctx.fail(path, f"{raw!r} is not a number")
    try:
        return float(raw)
    except (TypeError, ValueError):
        ctx.fail(path, f"{raw!r} is not a number")


def _positive_int(raw: Any, path: str, ctx: _Context) -> int:
    number = _number(raw, path, ctx)
    if number != int(number) or number < 1:
        ctx.fail(path, f"{raw!r} is not a whole number of weeks or months")
    return int(number)


def _url(raw: Any) -> str | None:
    text = _text(raw)
    if not text:
        return None
    if text.lower().startswith("www."):
        text = f"https://{text}"  # a common v1 shortcut; the host is still clear
    # Anything else that is not a web address cannot be linked to, so it is left out.
    return text if re.match(r"^https?://[^\s/$.?#][^\s]*$", text, re.IGNORECASE) else None


def _email(raw: Any) -> str | None:
    text = _text(raw)
    return text if text and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text) else None


def _parse_date(raw: Any) -> date | None:
    text = _text(raw)
    if not text:
        return None
    uk = _UK_DATE.match(text)
    if uk:  # some councils publish 21/11/2026
        day, month, year = (int(g) for g in uk.groups())
        return date(year, month, day)
    return date.fromisoformat(text[:10])


def _date(raw: Any, path: str, ctx: _Context) -> str:
    """``YYYY-MM-DD`` from an ISO date, an ISO timestamp (v1 often sends one) or DD/MM/YYYY."""
    try:
        parsed = _parse_date(raw)
    except ValueError:
        parsed = None
    if parsed is None:
        ctx.fail(path, f"{raw!r} is not a date (YYYY-MM-DD)")
    return parsed.isoformat()


def _datetime(raw: Any, path: str, ctx: _Context) -> str:
    """An ISO timestamp with an offset; a bare date or local time is read as London time."""
    text = _text(raw) or ""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        ctx.fail(path, f"{raw!r} is not a date and time")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_london())
    return moment.isoformat()


def _london() -> tzinfo:
    try:
        return ZoneInfo(LONDON)
    except ZoneInfoNotFoundError:  # no tz database: UTC is within an hour of London
        return UTC
