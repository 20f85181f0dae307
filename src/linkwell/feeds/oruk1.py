"""Convert services from a legacy Open Referral UK 1.0 feed into HSDS 3.0 services.

Most live UK council directories still publish the v1 API (``GET /services?page=N``, pages of
``{"totalElements", "totalPages", "number", "size", "first", "last", "content"}``). Linkwell
stores HSDS 3.0 services in the nested shape ORUK 3.0 serves, so each v1 service is rewritten:

* ids: a source id that is already a UUID is kept; any other id (``"thc-0042"``, ``"1234"``)
  becomes ``uuid5(NAMESPACE_URL, "linkwell:{feed}:{kind}:{source_id}")`` so a re-import of the
  same feed yields the same UUIDs. The v1 service id travels under ``"_source_id"`` (the
  importer reads keys starting with ``_`` and strips them before storing);
* ``regular_schedules`` -> ``schedules`` (weekday, byday, monthly ordinals such as ``1WE``);
* ``eligibilitys`` -> ``minimum_age`` / ``maximum_age`` / ``eligibility_description``;
* ``service_taxonomys`` -> ``attributes``, each with a nested ``taxonomy_term`` whose
  ``taxonomy`` is the v1 vocabulary and ``code`` the v1 taxonomy id, so a crosswalk can map
  council vocabularies (LGA/esd service types, local tags) onto Linkwell concepts;
* the standard v1 enumerations ``attending_type``, ``attending_access`` and the
  ``eligibility`` keywords become Linkwell facet codes (``delivery:phone``,
  ``access_route:drop_in``, ``audience:women_only``) in the ``linkwell-facets`` taxonomy:
  they mean the same in every v1 feed, so no per-feed crosswalk is needed for them;
* ``service_at_locations[].location`` with ``physical_addresses`` and
  ``accessibility_for_disabilities`` -> locations with ``addresses`` and ``accessibility``.

Optional fields are omitted, never null. A record that cannot be converted raises
:class:`ValueError` whose message names the v1 field (``regular_schedules[1].opens_at``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from linkwell.languages import CODES, NAMES
from linkwell.masking import is_masked
from linkwell.taxonomy import FACETS_TAXONOMY_NAME, term_id

JsonDict = dict[str, Any]

__all__ = ["convert_service", "derive_id", "is_uuid", "iter_page_services"]

# v1 makes maximum_age required, so feeds write 99, 120 or 999 to mean "no upper limit".
NO_UPPER_AGE_FROM = 99
STATUSES = frozenset({"active", "inactive", "defunct", "temporarily closed"})
FREQUENCIES = frozenset({"WEEKLY", "MONTHLY"})
PHONE_TYPES = frozenset({"text", "voice", "fax", "cell", "video", "pager", "textphone"})
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = {
    "monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
    "saturday": "SA", "sunday": "SU",
}
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


def is_uuid(value: object) -> bool:
    """True for a string in any of the forms :class:`uuid.UUID` accepts."""
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def derive_id(feed: str, kind: str, source_id: str) -> str:
    """The HSDS id for a v1 entity: its own id when that is a UUID, else a stable uuid5."""
    if is_uuid(source_id):
        return str(uuid.UUID(source_id))  # canonical lower-case form
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"linkwell:{feed}:{kind}:{source_id}"))


def iter_page_services(page: Mapping[str, Any]) -> list[JsonDict]:
    """The v1 service objects on one page of ``GET /services`` (its ``content`` list)."""
    content = page.get("content")
    if not isinstance(content, list):
        raise ValueError("page: field content: expected a list of services")
    for index, item in enumerate(content):
        if not isinstance(item, dict):
            raise ValueError(f"page: field content[{index}]: expected a service object")
    return list(content)


def convert_service(v1: Mapping[str, Any], *, feed: str) -> JsonDict:
    """One v1 service (as ``GET /services/{id}`` returns it) as a nested HSDS 3.0 service."""
    if not isinstance(v1, Mapping):
        raise ValueError("service: expected a JSON object")
    source_id = _text(v1.get("id"))
    if not source_id:
        raise ValueError("service: field id: is required")
    ctx = _Context(feed=feed, source_id=source_id, service_id=derive_id(feed, "service", source_id))
    out: JsonDict = {"id": ctx.service_id, "_source_id": source_id}
    _service_fields(v1, ctx, out)
    _organization_fields(v1, ctx, out)
    _eligibility(v1, ctx, out)
    _item_lists(v1, ctx, out)
    _put(out, "schedules", _schedules(v1, ctx))
    _contacts(v1, ctx, out)
    _put(out, "attributes", _attributes(v1, ctx))
    _put(out, "alert", _holiday_alert(v1, ctx))
    return out


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

    def fail(self, path: str, problem: str) -> NoReturn:
        raise ValueError(f"service {self.source_id!r}: field {path}: {problem}")


# --- service --------------------------------------------------------------------------------


def _service_fields(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    name = _text(v1.get("name"))
    if not name:
        ctx.fail("name", "is required")
    out["name"] = name
    _put(out, "description", _text(v1.get("description")))
    _put(out, "url", _url(v1.get("url")))
    _put(out, "email", _email(v1.get("email")))
    out["status"] = _status(v1.get("status"), ctx)
    fees = _text(v1.get("fees"))
    # ORUK 3.0 keeps the deprecated ``fees``; HSDS 3.0 readers look at ``fees_description``.
    _put(out, "fees", fees)
    _put(out, "fees_description", fees)
    _put(out, "accreditations", _text(v1.get("accreditations")))
    _put(out, "application_process", _text(v1.get("application_process")))
    assured = v1.get("assured_date")
    _put(out, "assured_date", _date(assured, "assured_date", ctx) if assured else None)
    modified = v1.get("last_modified")  # not in v1, but some feeds add it
    _put(out, "last_modified", _datetime(modified, "last_modified", ctx) if modified else None)


def _status(raw: Any, ctx: _Context) -> str:
    # HSDS requires a status; v1 feeds leave it out for live records, so absence means active.
    status = (_text(raw) or "active").lower()
    if status not in STATUSES:
        ctx.fail("status", f"{raw!r} is not one of {sorted(STATUSES)}")
    return status


def _organization_fields(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    organization = v1.get("organization")
    if organization is None:
        return  # v1 requires one, but a service without it is still worth listing
    org = _organization(_mapping(organization, "organization", ctx), ctx)
    out["organization_id"] = org["id"]
    out["organization"] = org


def _item_lists(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    """The v1 collections that map item for item onto HSDS lists."""
    converters: tuple[tuple[str, str, Callable[[Any, str, _Context], JsonDict]], ...] = (
        ("service_at_locations", "service_at_locations", _service_at_location),
        ("languages", "languages", _language),
        ("cost_options", "cost_options", _cost_option),
        ("funding", "fundings", _funding),
        ("service_areas", "service_areas", _service_area),
    )
    for hsds_key, v1_key, convert in converters:
        items = _list(v1, v1_key, ctx)
        _put(out, hsds_key, [convert(item, f"{v1_key}[{i}]", ctx) for i, item in enumerate(items)])


def _organization(org: Mapping[str, Any], ctx: _Context) -> JsonDict:
    name = _text(org.get("name"))
    if not name:
        ctx.fail("organization.name", "is required")
    out: JsonDict = {
        "id": ctx.entity_id("organization", org.get("id"), "organization"),
        "name": name,
        # ORUK 3.0 requires a description; v1 requires one too, but some feeds leave it blank.
        "description": _text(org.get("description")) or name,
    }
    _put(out, "email", _email(org.get("email")))
    _put(out, "website", _url(org.get("url")))
    _put(out, "logo", _url(org.get("logo")))
    _put(out, "uri", _url(org.get("uri")))
    return out


# --- eligibility ----------------------------------------------------------------------------


def _eligibility(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    """Ages and a plain description from ``eligibilitys`` (the spelling live feeds use)."""
    key = "eligibilitys" if "eligibilitys" in v1 else "eligibilities"
    entries = [_mapping(e, f"{key}[{i}]", ctx) for i, e in enumerate(_list(v1, key, ctx))]
    if not entries:
        return
    ranges = [_age_range(e, f"{key}[{i}]", ctx) for i, e in enumerate(entries)]
    lows = [low for low, _ in ranges]
    highs = [high for _, high in ranges]
    # The service is open to anyone any entry admits, so the widest range wins.
    if None not in lows:
        out["minimum_age"] = min(low for low in lows if low is not None)
    if None not in highs:
        out["maximum_age"] = max(high for high in highs if high is not None)
    phrases = [_eligibility_phrase(e, r) for e, r in zip(entries, ranges, strict=True)]
    _put(out, "eligibility_description", "; ".join(p for p in dict.fromkeys(phrases) if p))


def _age_range(entry: Mapping[str, Any], path: str, ctx: _Context) -> tuple[int | None, int | None]:
    low = _age(entry.get("minimum_age"), f"{path}.minimum_age", ctx)
    high = _age(entry.get("maximum_age"), f"{path}.maximum_age", ctx)
    if low == 0:
        low = None
    if high is not None and (high >= NO_UPPER_AGE_FROM or high == 0):
        high = None  # 0, 99 and above are how v1 feeds write "no upper limit"
    if low is not None and high is not None and low > high:
        ctx.fail(f"{path}.maximum_age", f"{high} is below minimum_age {low}")
    return low, high


def _age(raw: Any, path: str, ctx: _Context) -> int | None:
    if raw is None or raw == "":
        return None
    number = _number(raw, path, ctx)
    if number < 0 or number > 999:
        ctx.fail(path, f"{raw!r} is not an age")
    return int(number)


def _eligibility_phrase(entry: Mapping[str, Any], ages: tuple[int | None, int | None]) -> str:
    who = ELIGIBILITY_WORDS.get((_text(entry.get("eligibility")) or "").lower(), "")
    low, high = ages
    if low is not None and high is not None:
        span = f"aged {low} to {high}"
    elif low is not None:
        span = f"aged {low} and over"
    elif high is not None:
        span = f"aged up to {high}"
    else:
        span = ""
    if who and span:
        return f"{who} {span}"
    return who or (span[0].upper() + span[1:] if span else "")


# --- locations ------------------------------------------------------------------------------


def _service_at_location(raw: Any, path: str, ctx: _Context) -> JsonDict:
    sal = _mapping(raw, path, ctx)
    location = sal.get("location")
    if not isinstance(location, Mapping):
        ctx.fail(f"{path}.location", "is required")
    loc = _location(location, f"{path}.location", ctx)
    out: JsonDict = {
        "id": ctx.entity_id("service_at_location", sal.get("id"), path),
        "service_id": ctx.service_id,
        "location_id": loc["id"],
    }
    _put(out, "description", _text(sal.get("description")))
    out["location"] = loc
    return out


def _location(loc: Mapping[str, Any], path: str, ctx: _Context) -> JsonDict:
    loc_id = ctx.entity_id("location", loc.get("id"), path)
    addresses = [_address(a, f"{path}.physical_addresses[{i}]", loc_id, ctx)
                 for i, a in enumerate(_list(loc, "physical_addresses", ctx, path))]
    latitude = _coordinate(loc.get("latitude"), f"{path}.latitude", 90, ctx)
    longitude = _coordinate(loc.get("longitude"), f"{path}.longitude", 180, ctx)
    if (latitude is None) != (longitude is None):
        ctx.fail(f"{path}.latitude", "latitude and longitude must come together")
    # A v1 location with neither an address nor a point is how feeds write "online".
    physical = bool(addresses) or latitude is not None
    out: JsonDict = {"id": loc_id, "location_type": "physical" if physical else "virtual"}
    _put(out, "name", _text(loc.get("name")))
    _put(out, "description", _text(loc.get("description")))
    _put(out, "latitude", latitude)
    _put(out, "longitude", longitude)
    _put(out, "addresses", addresses)
    access = [_accessibility(a, f"{path}.accessibility_for_disabilities[{i}]", loc_id, ctx)
              for i, a in enumerate(_list(loc, "accessibility_for_disabilities", ctx, path))]
    _put(out, "accessibility", access)
    if is_masked(loc):  # a refuge's feed asks Linkwell to keep its address (linkwell.masking)
        out["hide_address"] = True
    return out


def _address(raw: Any, path: str, location_id: str, ctx: _Context) -> JsonDict:
    address = _mapping(raw, path, ctx)
    line_1 = _text(address.get("address_1"))
    postcode = _text(address.get("postal_code"))
    if not line_1:
        ctx.fail(f"{path}.address_1", "is required")
    if not postcode:
        ctx.fail(f"{path}.postal_code", "is required")
    city = _text(address.get("city")) or _text(address.get("state_province"))
    if not city:
        ctx.fail(f"{path}.city", "is required")
    out: JsonDict = {
        "id": ctx.entity_id("address", address.get("id"), path),
        "location_id": location_id,
        "address_1": line_1,
        "city": city,
        # v1 feeds often leave the county empty; HSDS requires one, and the city is never wrong.
        "state_province": _text(address.get("state_province")) or city,
        "postal_code": " ".join(postcode.upper().split()),
        # The UK profile says "Use 'GB'", and a UK feed that omits it means GB.
        "country": (_text(address.get("country")) or "GB").upper(),
        "address_type": "physical",
    }
    for extra in ("address_2", "region", "attention"):
        _put(out, extra, _text(address.get(extra)))
    return out


def _accessibility(raw: Any, path: str, location_id: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    out: JsonDict = {"id": ctx.entity_id("accessibility", item.get("id"), path),
                     "location_id": location_id}
    _put(out, "description", _text(item.get("accessibility")))
    _put(out, "details", _text(item.get("details")))
    return out


def _coordinate(raw: Any, path: str, limit: int, ctx: _Context) -> float | None:
    if raw is None or raw == "":
        return None
    value = _number(raw, path, ctx)
    if not -limit <= value <= limit:
        ctx.fail(path, f"{raw!r} is out of range")
    return value


# --- schedules ------------------------------------------------------------------------------


def _schedules(v1: Mapping[str, Any], ctx: _Context) -> list[JsonDict]:
    """Service-level rules, then any a feed nests under its service_at_locations."""
    attending = _text(v1.get("attending_type"))
    found = [_schedule(s, f"regular_schedules[{i}]", None, attending, ctx)
             for i, s in enumerate(_list(v1, "regular_schedules", ctx))]
    for n, raw in enumerate(_list(v1, "service_at_locations", ctx)):
        sal = _mapping(raw, f"service_at_locations[{n}]", ctx)
        sal_id = ctx.entity_id("service_at_location", sal.get("id"), f"service_at_locations[{n}]")
        path = f"service_at_locations[{n}].regular_schedules"
        found.extend(_schedule(s, f"{path}[{i}]", sal_id, attending, ctx)
                     for i, s in enumerate(_list(sal, "regular_schedules", ctx, path)))
    return found


def _schedule(raw: Any, path: str, sal_id: str | None, attending: str | None,
              ctx: _Context) -> JsonDict:
    rule = _mapping(raw, path, ctx)
    freq = _freq(rule, path, ctx)
    out: JsonDict = {"id": ctx.entity_id("schedule", rule.get("id"), path),
                     "service_id": ctx.service_id}
    _put(out, "service_at_location_id", sal_id or _schedule_sal(rule, path, ctx))
    _put(out, "freq", freq)
    interval = rule.get("interval")
    if interval not in (None, "", 1, "1"):
        _put(out, "interval", _positive_int(interval, f"{path}.interval", ctx))
    _put(out, "byday", _byday(rule, freq, path, ctx))
    _put(out, "bymonthday", _bymonthday(rule.get("bymonthday"), f"{path}.bymonthday", ctx))
    _put(out, "opens_at", _clock(rule.get("opens_at"), f"{path}.opens_at", ctx))
    _put(out, "closes_at", _clock(rule.get("closes_at"), f"{path}.closes_at", ctx))
    for key in ("valid_from", "valid_to", "dtstart"):
        if rule.get(key):
            out[key] = _date(rule[key], f"{path}.{key}", ctx)
    _put(out, "description", _text(rule.get("description")))
    _put(out, "attending_type", attending)
    return out


def _schedule_sal(rule: Mapping[str, Any], path: str, ctx: _Context) -> str | None:
    """The service_at_location a service-level rule points at, if any (v1 nests a stub)."""
    sal = rule.get("service_at_location")
    if isinstance(sal, Mapping) and _text(sal.get("id")):
        return ctx.entity_id("service_at_location", sal.get("id"), f"{path}.service_at_location")
    sal_id = _text(rule.get("service_at_location_id"))
    return ctx.entity_id("service_at_location", sal_id, path) if sal_id else None


def _freq(rule: Mapping[str, Any], path: str, ctx: _Context) -> str | None:
    raw = _text(rule.get("freq"))
    if raw is None:
        # Feeds often leave freq out: "1WE" or a day of the month can only be monthly, and a
        # row with just a weekday is the classic "every week" opening-hours row.
        byday = _text(rule.get("byday")) or ""
        if rule.get("bymonthday") not in (None, "") or re.search(r"\d", byday):
            return "MONTHLY"
        has_day = rule.get("weekday") not in (None, "") or byday
        return "WEEKLY" if has_day else None
    freq = raw.upper()
    if freq not in FREQUENCIES:
        ctx.fail(f"{path}.freq", f"{raw!r} is not WEEKLY or MONTHLY")
    return freq


def _byday(rule: Mapping[str, Any], freq: str | None, path: str, ctx: _Context) -> str | None:
    raw = _text(rule.get("byday"))
    if raw is None:
        weekday = rule.get("weekday")
        return None if weekday in (None, "") else _weekday(weekday, f"{path}.weekday", ctx)
    days = [part.strip().upper() for part in raw.split(",") if part.strip()]
    for day in days:
        match = _BYDAY.match(day)
        if not match:
            ctx.fail(f"{path}.byday", f"{day!r} is not a day such as MO or 1WE")
        if match.group(1) and freq != "MONTHLY":
            ctx.fail(f"{path}.byday", f"{day!r} counts weeks in a month, so freq must be MONTHLY")
    return ",".join(days)


def _weekday(raw: Any, path: str, ctx: _Context) -> str:
    """v1's weekday as an iCal day: 1 = Monday ... 7 = Sunday (0 is also Sunday), or a name."""
    if isinstance(raw, str) and not raw.strip().isdigit():
        name = raw.strip().lower()
        if name.upper() in ICAL_DAYS:
            return name.upper()
        if name in DAY_NAMES:
            return DAY_NAMES[name]
        ctx.fail(path, f"{raw!r} is not a day of the week")
    number = _number(raw, path, ctx)
    if number != int(number) or not 0 <= number <= 7:
        ctx.fail(path, f"{raw!r} is not a day number (1 = Monday ... 7 = Sunday)")
    return ICAL_DAYS[(int(number) - 1) % 7]


def _bymonthday(raw: Any, path: str, ctx: _Context) -> str | None:
    if raw is None or raw == "":
        return None
    days = [part.strip() for part in str(raw).split(",") if part.strip()]
    for day in days:
        if not re.fullmatch(r"-?\d{1,2}", day) or not 1 <= abs(int(day)) <= 31:
            ctx.fail(path, f"{day!r} is not a day of the month")
    return ",".join(days)  # HSDS 3.0 writes bymonthday as a string


def _clock(raw: Any, path: str, ctx: _Context) -> str | None:
    """``HH:MM`` from v1's ``HH:MM`` or ``HH:MM:SS``."""
    if raw is None or raw == "":
        return None
    match = _TIME.match(str(raw).strip()) if isinstance(raw, str) else None
    if not match:
        ctx.fail(path, f"{raw!r} is not a time of day (HH:MM)")
    hours, minutes = int(match.group(1)), int(match.group(2))
    if (hours, minutes) == (24, 0):
        return "23:59"  # "open until midnight"; HSDS times stop at 23:59
    if hours > 23 or minutes > 59:
        ctx.fail(path, f"{raw!r} is not a time of day (HH:MM)")
    return f"{hours:02d}:{minutes:02d}"


def _holiday_alert(v1: Mapping[str, Any], ctx: _Context) -> str | None:
    """HSDS 3.0 has no holiday schedules: closures become a short alert people can read."""
    notes = []
    for i, raw in enumerate(_list(v1, "holiday_schedules", ctx)):
        rule = _mapping(raw, f"holiday_schedules[{i}]", ctx)
        if not rule.get("closed"):
            continue
        start = _date(rule.get("start_date"), f"holiday_schedules[{i}].start_date", ctx)
        end = _date(rule.get("end_date"), f"holiday_schedules[{i}].end_date", ctx)
        notes.append(f"Closed {start}." if start == end else f"Closed from {start} to {end}.")
    return " ".join(notes) or None


# --- languages, costs, contacts, funding, areas ---------------------------------------------


def _language(raw: Any, path: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    value = _text(item.get("language"))
    if not value:
        ctx.fail(f"{path}.language", "is required")
    out: JsonDict = {"id": ctx.entity_id("language", item.get("id"), path),
                     "service_id": ctx.service_id}
    code = value.lower() if value.lower() in LANGUAGES else LANGUAGE_CODES.get(value.lower())
    if code is None and re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", value):
        code = value.lower()  # a code we have no name for is still a code
    _put(out, "name", LANGUAGES.get(code or "") or (None if code else value))
    _put(out, "code", code)
    return out


def _cost_option(raw: Any, path: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    out: JsonDict = {"id": ctx.entity_id("cost_option", item.get("id"), path),
                     "service_id": ctx.service_id}
    _put(out, "option", _text(item.get("option")))
    amount = item.get("amount")
    if amount not in (None, ""):
        value = _number(amount, f"{path}.amount", ctx)
        if value < 0:
            ctx.fail(f"{path}.amount", f"{amount!r} is negative")
        out["amount"] = value
        out["currency"] = "GBP"  # a UK feed; v1 has no currency field
    _put(out, "amount_description", _text(item.get("amount_description")))
    for key in ("valid_from", "valid_to"):
        if item.get(key):
            out[key] = _date(item[key], f"{path}.{key}", ctx)
    return out


def _contacts(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    """v1 hangs phones off contacts; HSDS readers look for them on the service."""
    contacts: list[JsonDict] = []
    phones: list[JsonDict] = []
    for i, raw in enumerate(_list(v1, "contacts", ctx)):
        path = f"contacts[{i}]"
        item = _mapping(raw, path, ctx)
        contact: JsonDict = {"id": ctx.entity_id("contact", item.get("id"), path),
                             "service_id": ctx.service_id}
        for key in ("name", "title", "department"):
            _put(contact, key, _text(item.get(key)))
        _put(contact, "email", _email(item.get("email")))
        contacts.append(contact)
        phones.extend(_phone(p, f"{path}.phones[{n}]", contact["id"], ctx)
                      for n, p in enumerate(_list(item, "phones", ctx, path)))
    _put(out, "contacts", contacts)
    _put(out, "phones", [p for p in phones if p])


def _phone(raw: Any, path: str, contact_id: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    number = _text(item.get("number"))
    if not number:
        ctx.fail(f"{path}.number", "is required")
    out: JsonDict = {"id": ctx.entity_id("phone", item.get("id"), path),
                     "service_id": ctx.service_id, "contact_id": contact_id, "number": number}
    kind = (_text(item.get("type")) or "").lower()
    _put(out, "type", kind if kind in PHONE_TYPES else None)
    _put(out, "description", _text(item.get("description")))
    return out


def _funding(raw: Any, path: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    out: JsonDict = {"id": ctx.entity_id("funding", item.get("id"), path),
                     "service_id": ctx.service_id}
    _put(out, "source", _text(item.get("source")))
    return out


def _service_area(raw: Any, path: str, ctx: _Context) -> JsonDict:
    item = _mapping(raw, path, ctx)
    out: JsonDict = {"id": ctx.entity_id("service_area", item.get("id"), path),
                     "service_id": ctx.service_id}
    _put(out, "name", _text(item.get("service_area")) or _text(item.get("name")))
    _put(out, "description", _text(item.get("description")))
    _put(out, "extent", _text(item.get("extent")))
    _put(out, "uri", _url(item.get("uri")))
    return out


# --- taxonomy attributes --------------------------------------------------------------------


def _attributes(v1: Mapping[str, Any], ctx: _Context) -> list[JsonDict]:
    key = "service_taxonomys" if "service_taxonomys" in v1 else "service_taxonomies"
    found = [_taxonomy_attribute(x, f"{key}[{i}]", ctx)
             for i, x in enumerate(_list(v1, key, ctx))]
    values = [(field, _text(v1.get(field))) for field in ("attending_type", "attending_access")]
    eligibility_key = "eligibilitys" if "eligibilitys" in v1 else "eligibilities"
    for i, raw in enumerate(_list(v1, eligibility_key, ctx)):
        values.append(("eligibility", _text(_mapping(raw, f"{eligibility_key}[{i}]", ctx)
                                            .get("eligibility"))))
    for field, value in values:
        facet = FACETS[field].get((value or "").lower())
        if facet:
            found.append(_facet_attribute(field, facet, ctx))
    return list({a["id"]: a for a in found}.values())  # each term once per service


def _taxonomy_attribute(raw: Any, path: str, ctx: _Context) -> JsonDict:
    link = _mapping(raw, path, ctx)
    taxonomy = link.get("taxonomy")
    if not isinstance(taxonomy, Mapping):
        ctx.fail(f"{path}.taxonomy", "is required")
    code = _text(taxonomy.get("id"))
    name = _text(taxonomy.get("name"))
    if not code:
        ctx.fail(f"{path}.taxonomy.id", "is required")
    if not name:
        ctx.fail(f"{path}.taxonomy.name", "is required")
    vocabulary = _text(taxonomy.get("vocabulary"))
    term = _term(code, name, vocabulary, ctx)
    parent = taxonomy.get("parent_id", taxonomy.get("parent"))
    if isinstance(parent, Mapping):
        parent = parent.get("id")
    if _text(parent):
        term["parent_id"] = _term_id(str(_text(parent)), vocabulary, ctx)
    return _attribute(ctx.entity_id("attribute", link.get("id"), path), term, ctx)


def _facet_attribute(field: str, facet: tuple[str, str], ctx: _Context) -> JsonDict:
    code, label = facet
    term: JsonDict = {"id": term_id(code), "name": label,
                      "description": f"{label} (from the ORUK 1.0 field {field})",
                      "taxonomy": FACETS_TAXONOMY_NAME, "code": code}
    # No v1 id to keep: the attribute is named by what it links (service and facet code).
    attribute_id = derive_id(ctx.feed, "attribute", f"{ctx.source_id}/{code}")
    return _attribute(attribute_id, term, ctx)


def _term(code: str, name: str, vocabulary: str | None, ctx: _Context) -> JsonDict:
    term: JsonDict = {"id": _term_id(code, vocabulary, ctx), "name": name,
                      "description": name}  # ORUK 3.0 requires one; v1 terms have none
    _put(term, "taxonomy", vocabulary)
    term["code"] = code
    return term


def _term_id(code: str, vocabulary: str | None, ctx: _Context) -> str:
    # v1 term ids are only unique within a vocabulary ("298" may be esd or a local list).
    return derive_id(ctx.feed, "taxonomy_term", code if is_uuid(code) else f"{vocabulary}:{code}")


def _attribute(attribute_id: str, term: JsonDict, ctx: _Context) -> JsonDict:
    return {"id": attribute_id, "link_id": ctx.service_id, "link_entity": "service",
            "taxonomy_term_id": term["id"], "taxonomy_term": term}


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
