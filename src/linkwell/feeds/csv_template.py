"""Linkwell's simple spreadsheet template: read its CSV rows and turn each into an HSDS 3.0 service.

Small groups and boroughs without a directory system keep one row per activity in Excel or
Google Sheets (see ``docs/csv-template.md``). :func:`read_rows` reads the saved CSV the way a
spreadsheet shows it, and :func:`convert_row` turns one row into a service in the nested shape
Open Referral UK 3.0 serves (organization, service_at_locations[].location, schedules, ...).

Cells are written by people, so parsing is forgiving about form ("tues", "10.30", "£3 (£1
concessions)", "12/06/2025") and strict about meaning: a cell that cannot be understood raises
:class:`CsvRowError` naming the spreadsheet row and column, so the person can fix that cell.

Every id is a UUID derived from the feed name and the row's own reference (or a slug of its
organisation and name), so converting the same sheet twice gives the same ids.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

__all__ = [
    "COLUMNS",
    "LINKWELL_FACETS_TAXONOMY",
    "LINKWELL_TAXONOMY_BASE",
    "CsvRowError",
    "Geocoder",
    "convert_file",
    "convert_row",
    "read_rows",
]

#: The template's columns, in the order ``docs/csv-template.csv`` lists them.
COLUMNS: tuple[str, ...] = (
    "id", "name", "organisation", "description", "categories",
    "venue_name", "address", "postcode", "latitude", "longitude",
    "days", "start_time", "end_time", "cost", "min_age", "max_age", "who_for",
    "languages", "accessibility", "how_to_join", "delivery",
    "contact_phone", "contact_email", "website", "status", "last_checked",
)

#: Term ids of Linkwell's own taxonomy are uuid5(NAMESPACE_URL, this + concept id).
LINKWELL_TAXONOMY_BASE = "https://linkwell.example.org/taxonomy/"
#: The taxonomy name of Linkwell's facet tags (``delivery:online``, ``audience:carers``).
LINKWELL_FACETS_TAXONOMY = "linkwell-facets"

#: Looks a postcode up: (latitude, longitude), or None when it is unknown.
Geocoder = Callable[[str], tuple[float, float] | None]

# Headings people actually type, mapped to the template's column names.
_HEADER_ALIASES = {
    "ref": "id", "reference": "id", "your_reference": "id",
    "activity": "name", "activity_name": "name", "group": "name", "group_name": "name",
    "service": "name", "service_name": "name", "title": "name",
    "organization": "organisation", "org": "organisation", "run_by": "organisation",
    "category": "categories", "tags": "categories", "type": "categories",
    "venue": "venue_name", "place": "venue_name", "where": "venue_name",
    "street": "address", "address_line_1": "address", "post_code": "postcode",
    "lat": "latitude", "lng": "longitude", "lon": "longitude", "long": "longitude",
    "day": "days", "when": "days", "start": "start_time", "starts": "start_time",
    "from": "start_time", "end": "end_time", "finish": "end_time", "ends": "end_time",
    "until": "end_time", "to": "end_time", "price": "cost", "fee": "cost", "fees": "cost",
    "minimum_age": "min_age", "age_from": "min_age", "maximum_age": "max_age",
    "age_to": "max_age", "who_it_is_for": "who_for", "who_is_it_for": "who_for",
    "audience": "who_for", "language": "languages", "access": "accessibility",
    "how_to_get_involved": "how_to_join", "joining": "how_to_join",
    "phone": "contact_phone", "telephone": "contact_phone", "tel": "contact_phone",
    "email": "contact_email", "e_mail": "contact_email", "url": "website", "web": "website",
    "web_site": "website", "running": "status", "last_updated": "last_checked",
    "checked": "last_checked", "date_checked": "last_checked", "last_confirmed": "last_checked",
}


class CsvRowError(ValueError):
    """A cell that cannot be understood: says which spreadsheet row and column, and why."""

    def __init__(self, row_number: int, column: str, reason: str) -> None:
        self.row_number = row_number
        self.column = column
        self.reason = reason
        super().__init__(f"row {row_number}, {column}: {reason}")


class _CellError(ValueError):
    """Raised by the cell parsers, which do not know the row; convert_row adds it."""

    def __init__(self, column: str, reason: str) -> None:
        self.column = column
        self.reason = reason
        super().__init__(f"{column}: {reason}")


# --------------------------------------------------------------------------- reading the file


def read_rows(path: str | Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(row number as the spreadsheet shows it, row)`` for each non-empty data row.

    The heading row is row 1. Tolerates what Excel and Google Sheets write: a UTF-8 byte-order
    mark, Windows-1252 or UTF-16 text, a ``sep=;`` first line, semicolon or tab separators,
    headings in any case or spacing ("Start time (HH:MM)"), short rows and blank rows (skipped,
    but still counted so row numbers match the sheet). Every template column is present in
    each row dict (empty when the sheet lacks it); unknown columns are kept as they are.
    """
    text = _decode(Path(path).read_bytes())
    lines = text.splitlines(keepends=True)
    delimiter = None
    if lines and re.match(r"^\s*sep=(.)\s*$", lines[0]):
        delimiter = lines[0].strip()[4]
        text = "".join(lines[1:])  # Excel's hint line is not a row of the sheet
    records = csv.reader(io.StringIO(text, newline=""),
                         delimiter=delimiter or _sniff_delimiter(text))
    header: list[str] | None = None
    for number, record in enumerate(records, start=1):
        cells = [_clean_cell(cell) for cell in record]
        if header is None:
            if any(cells):
                header = [_normalise_heading(cell) for cell in cells]
            continue
        if any(cells):
            yield number, _row_dict(header, cells)


def _decode(raw: bytes) -> str:
    """Text of the file: UTF-16 when it says so, else UTF-8, else Windows-1252 (old Excel)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _sniff_delimiter(text: str) -> str:
    """Comma unless the heading line clearly uses semicolons or tabs (European Excel, TSV)."""
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def _clean_cell(value: str) -> str:
    """Trim a cell and undo spreadsheet escapes such as ``="0207..."`` and a leading quote."""
    value = value.replace("\u00a0", " ").strip()
    match = re.fullmatch(r'="(.*)"', value)
    if match:
        value = match.group(1).strip()
    if value.startswith("'") and value[1:2].isdigit():
        value = value[1:]
    return value


def _normalise_heading(heading: str) -> str:
    """``"Start time (HH:MM)"`` -> ``"start_time"``; known synonyms map to template names."""
    heading = re.sub(r"\(.*?\)", "", heading).strip().lower()
    key = re.sub(r"[^a-z0-9]+", "_", heading).strip("_")
    return _HEADER_ALIASES.get(key, key)


def _row_dict(header: list[str], cells: list[str]) -> dict[str, str]:
    """The row keyed by column name; a repeated column keeps its first non-empty cell."""
    row = dict.fromkeys(COLUMNS, "")
    padded = cells + [""] * (len(header) - len(cells))
    for key, value in zip(header, padded, strict=False):
        if key and not row.get(key):
            row[key] = value
    return row


# ------------------------------------------------------------------------------- converting


def convert_row(
    row: dict[str, str],
    *,
    feed: str,
    row_number: int,
    geocoder: Geocoder | None = None,
) -> dict[str, Any]:
    """One template row as an HSDS 3.0 service dict (ORUK 3.0 nested shape).

    ``feed`` names the source (e.g. ``"camden"``); it scopes derived ids and category terms.
    ``geocoder`` fills in latitude/longitude from the postcode when the row has none.
    Optional fields are omitted, never null. Raises :class:`CsvRowError` for a bad cell.
    """
    try:
        return _Converter(row, feed, geocoder).service()
    except _CellError as error:
        raise CsvRowError(row_number, error.column, error.reason) from None


def convert_file(
    path: str | Path, *, feed: str, geocoder: Geocoder | None = None
) -> tuple[list[dict[str, Any]], list[CsvRowError]]:
    """Convert every row of a template CSV: the services, and the errors of rows that failed."""
    services: list[dict[str, Any]] = []
    errors: list[CsvRowError] = []
    for number, row in read_rows(path):
        try:
            services.append(convert_row(row, feed=feed, row_number=number, geocoder=geocoder))
        except CsvRowError as error:
            errors.append(error)
    return services, errors


@dataclass
class _Converter:
    """Builds one service from one row; the methods are the row's parts, in reading order."""

    row: dict[str, str]
    feed: str
    geocoder: Geocoder | None
    source_id: str = ""
    service_id: str = ""

    def cell(self, column: str) -> str:
        return re.sub(r"\s+", " ", str(self.row.get(column) or "")).strip()

    def text(self, column: str) -> str:
        """A free-text cell, keeping the writer's line breaks but not stray spaces."""
        lines = [re.sub(r"[ \t]+", " ", line).strip()
                 for line in str(self.row.get(column) or "").splitlines()]
        return "\n".join(line for line in lines if line)

    def uid(self, kind: str, *parts: str) -> str:
        return _derived_id(self.feed, kind, *parts)

    def service(self) -> dict[str, Any]:
        name = self.cell("name")
        if not name:
            raise _CellError("name", "is empty; every row needs the activity's name")
        self.source_id, self.service_id = self._identity(name)
        service: dict[str, Any] = {"id": self.service_id, "name": name}
        _put(service, "description", self.description())
        organization = self.organization(name)
        service["organization_id"] = organization["id"]
        service["organization"] = organization
        _put(service, "url", _parse_website(self.cell("website")))
        _put(service, "email", _parse_email(self.cell("contact_email")))
        service["status"] = _parse_status(self.cell("status"))
        ages = self.ages()
        service.update(ages)
        _put(service, "eligibility_description", self.text("who_for"))
        _put(service, "application_process", self.text("how_to_join"))
        _put(service, "assured_date", _parse_date(self.cell("last_checked")))
        _put(service, "phones", self.phones())
        delivery = _parse_delivery(self.cell("delivery"))
        _put(service, "schedules", self.schedules(delivery))
        _put(service, "service_at_locations", self.locations(delivery))
        _put(service, "languages", self.languages())
        _put(service, "cost_options", self.cost_options())
        _put(service, "attributes", self.attributes(delivery, ages))
        service["_source_id"] = self.source_id
        return service

    def description(self) -> str:
        """The description; access notes for an activity with no venue are added to it.

        HSDS keeps accessibility on locations, so an online or phone-only activity would
        otherwise lose notes such as "captions on".
        """
        text = self.text("description")
        if self.has_place():
            return text
        notes = "; ".join(_split_list(self.text("accessibility")))
        if not notes:
            return text
        return f"{text}\n\nAccess: {notes}." if text else f"Access: {notes}."

    def has_place(self) -> bool:
        return any(self.cell(c) for c in ("venue_name", "address", "postcode", "latitude",
                                         "longitude"))

    def _identity(self, name: str) -> tuple[str, str]:
        """(source id, service id): the row's own reference when it has one, else a slug."""
        own = self.cell("id")
        if own and _is_uuid(own):
            return own, str(uuid.UUID(own))
        source = own or _slug(f"{self.cell('organisation')} {name}")
        return source, self.uid("service", source)

    def organization(self, name: str) -> dict[str, Any]:
        # A small group is often its own organisation: fall back to the activity's name.
        org_name = self.cell("organisation") or name
        return {
            "id": self.uid("organization", _slug(org_name)),
            "name": org_name,
            "description": f"{org_name}, listed in the {self.feed} community directory.",
        }

    def ages(self) -> dict[str, int]:
        low = _parse_age(self.cell("min_age"), "min_age")
        high = _parse_age(self.cell("max_age"), "max_age")
        if low is None and high is None:
            low, high = _ages_from_words(self.cell("who_for"))
        if low is not None and high is not None and high < low:
            raise _CellError("max_age", f"{high} is below min_age {low}")
        ages: dict[str, int] = {}
        if low is not None:
            ages["minimum_age"] = low
        if high is not None:
            ages["maximum_age"] = high
        return ages

    def phones(self) -> list[dict[str, Any]]:
        cell = self.cell("contact_phone")
        numbers = [_parse_phone(part) for part in re.split(r"[;/]| or ", cell) if part.strip()]
        return [{"id": self.uid("phone", self.source_id, number), "service_id": self.service_id,
                 "number": number} for number in numbers]

    def schedules(self, delivery: list[str]) -> list[dict[str, Any]]:
        start = _parse_time(self.cell("start_time"), "start_time")
        end = _parse_time(self.cell("end_time"), "end_time")
        if start and end and end <= start:
            raise _CellError("end_time", f"'{end}' is not after start_time '{start}'")
        rules = _parse_days(self.cell("days"), start, end)
        if not rules and (start or end):
            raise _CellError("days", "is empty but a time is given; say which day(s), "
                                     "e.g. Tuesday or 1st Wednesday")
        attending = _attending_type(delivery)
        schedules = []
        for index, rule in enumerate(rules):
            schedule = {"id": self.uid("schedule", self.source_id, str(index)),
                        "service_id": self.service_id, **rule.as_hsds()}
            _put(schedule, "attending_type", attending)
            schedules.append(schedule)
        return schedules

    def locations(self, delivery: list[str]) -> list[dict[str, Any]]:
        location = self.location(delivery)
        if location is None:
            return []
        return [{
            "id": self.uid("service_at_location", self.source_id, location["id"]),
            "service_id": self.service_id,
            "location_id": location["id"],
            "location": location,
        }]

    def location(self, delivery: list[str]) -> dict[str, Any] | None:
        venue, address = self.cell("venue_name"), self.cell("address")
        postcode = _parse_postcode(self.cell("postcode"))
        address, found = _split_postcode(address)
        postcode = postcode or found
        coordinates = _parse_coordinates(self.cell("latitude"), self.cell("longitude"))
        if not (venue or address or postcode or coordinates):
            if "in_person" in delivery:
                raise _CellError("venue_name", "is empty but delivery is in person; give the "
                                               "venue, address or postcode")
            return None  # online, phone or home-visit only: no place to go to
        if coordinates is None and postcode and self.geocoder is not None:
            coordinates = self.geocoder(postcode)
        key = _slug(f"{venue or address} {postcode}")
        location: dict[str, Any] = {"id": self.uid("location", key), "location_type": "physical"}
        _put(location, "name", venue or address)
        if coordinates is not None:
            location["latitude"], location["longitude"] = coordinates
        _put(location, "addresses", self.addresses(location["id"], venue, address, postcode))
        _put(location, "accessibility", self.accessibility(location["id"], key))
        return location

    def addresses(
        self, location_id: str, venue: str, address: str, postcode: str
    ) -> list[dict[str, Any]]:
        if not (address or postcode):
            return []
        if not (address or venue):
            raise _CellError("address", "is empty but a postcode is given; add the street "
                                        "or the venue's name")
        return [{
            "id": self.uid("address", location_id),
            "location_id": location_id,
            "address_1": address or venue,
            "city": "London",
            "state_province": "Greater London",
            "postal_code": postcode,
            "country": "GB",
            "address_type": "physical",
        }]

    def accessibility(self, location_id: str, key: str) -> list[dict[str, Any]]:
        entries = []
        for item in _split_list(self.text("accessibility")):
            text = item[0].upper() + item[1:]
            entries.append({"id": self.uid("accessibility", key, _slug(item)),
                            "location_id": location_id,
                            "description": text,
                            "accessibility": text})  # ORUK 3.0 reads this field name
        return entries

    def languages(self) -> list[dict[str, Any]]:
        languages = []
        for item in _split_list(self.cell("languages"), extra=r"\band\b|&"):
            name, code, note = _parse_language(item)
            language = {"id": self.uid("language", self.source_id, code or _slug(name)),
                        "service_id": self.service_id, "name": name}
            _put(language, "code", code)
            _put(language, "note", note)
            if language not in languages:
                languages.append(language)
        return languages

    def cost_options(self) -> list[dict[str, Any]]:
        options = _parse_cost(self.cell("cost"))
        for index, option in enumerate(options):
            option["id"] = self.uid("cost_option", self.source_id, str(index))
            option["service_id"] = self.service_id
        return [_ordered(option, ("id", "service_id")) for option in options]

    def attributes(self, delivery: list[str], ages: dict[str, int]) -> list[dict[str, Any]]:
        """One attribute per category, then Linkwell facet tags for delivery and audience.

        The facet tags carry what the ``delivery`` and ``who_for`` columns state outright, so
        the directory does not have to guess them from the description.
        """
        if not delivery and self.has_place():
            delivery = ["in_person"]  # an empty delivery cell at a venue means in person
        audiences = _audiences(self.cell("who_for"), ages)
        terms = [_category_term(self.feed, label) for label in _split_list(self.cell("categories"))]
        terms += [_facet_term("delivery", mode) for mode in delivery]
        terms += [_facet_term("audience", audience) for audience in audiences]
        attributes = []
        seen: set[str] = set()
        for term in terms:
            if term["id"] in seen:
                continue
            seen.add(term["id"])
            attributes.append({
                "id": self.uid("attribute", self.source_id, term["id"]),
                "link_id": self.service_id,
                "link_entity": "service",
                "taxonomy_term_id": term["id"],
                "taxonomy_term": term,
            })
        return attributes


# ------------------------------------------------------------------------------------- ids


def _derived_id(feed: str, kind: str, *parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, ":".join(("linkwell", feed, kind, *parts))))


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "St Mary's Café" -> "st-marys-cafe"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\u2019]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    """Set an optional field only when it has a value: ORUK omits fields, it never nulls them."""
    if value not in (None, "", [], {}):
        target[key] = value


def _ordered(mapping: dict[str, Any], first: Iterable[str]) -> dict[str, Any]:
    keys = list(first)
    return {**{k: mapping[k] for k in keys}, **{k: v for k, v in mapping.items() if k not in keys}}


def _plain_dashes(text: str) -> str:
    """En and em dashes and the minus sign, which spreadsheets autocorrect to, as hyphens."""
    return text.translate({0x2013: "-", 0x2014: "-", 0x2212: "-"})


def _split_list(cell: str, extra: str = "") -> list[str]:
    """Items of a list cell: split on semicolons or new lines, or on commas if there are none."""
    separators = r"[;\n]" if re.search(r"[;\n]", cell) else r","
    if extra:
        separators = f"{separators}|{extra}"
    return [item.strip(" .") for item in re.split(separators, cell) if item.strip(" .")]


# --------------------------------------------------------------------------- simple cells

_STATUSES = {
    "active": ("running", "active", "open", "yes", "on", "live", "current", "ok"),
    "inactive": ("paused", "on hold", "inactive", "temporarily closed", "closed for now",
                 "suspended", "not running", "not running at the moment", "on a break"),
    "defunct": ("ended", "stopped", "closed", "finished", "defunct", "no longer running",
                "closed down", "no"),
}


def _parse_status(cell: str) -> str:
    """Running/Paused/Ended (and everyday synonyms) as HSDS active/inactive/defunct."""
    value = cell.lower().strip(" .!")
    if not value:
        return "active"  # a listed activity with no status is taken to be running
    for status, words in _STATUSES.items():
        if value in words:
            return status
    raise _CellError("status", f"'{cell}' is not a status (use Running, Paused or Ended)")


def _parse_age(cell: str, column: str) -> int | None:
    if not cell:
        return None
    match = re.fullmatch(r"(\d{1,3})\s*(?:\+|years?|yrs?)?(?:\s*old)?", cell.lower())
    if not match or int(match.group(1)) > 120:
        raise _CellError(column, f"'{cell}' is not an age in years (e.g. 18)")
    return int(match.group(1))


def _ages_from_words(who_for: str) -> tuple[int | None, int | None]:
    """Ages people write in "who it is for" ("Men 50+", "young people 11-25", "over 60s").

    Used only when the age columns are empty, so search can still filter by age. Children's
    ages in a family activity ("families with children aged 3 to 8") are not the age limit
    of the grown-ups who come too, so they are left alone.
    """
    text = _plain_dashes(who_for.lower())
    span = re.search(r"\b(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\b", text)
    # A bare span ("children 0-5") may describe who comes along, not an age limit, so only
    # words that speak of the person's own age count.
    about_age = re.search(r"\b(aged?|ages|young|youth|years?|yrs)\b", text)
    about_children = re.search(r"\b(famil\w*|parents?|children|child|babies|toddlers)\b", text)
    if span and about_age and not about_children and int(span.group(1)) <= int(span.group(2)):
        return int(span.group(1)), int(span.group(2))
    over = re.search(r"\b(\d{1,2})\s*\+|\bover\s*(\d{1,2})s?\b|\b(\d{1,2})s? and over\b", text)
    if over:
        return int(next(g for g in over.groups() if g)), None
    return None, None


_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d",
                 "%d %B %Y", "%d %b %Y", "%B %Y", "%b %Y")


def _parse_date(cell: str) -> str:
    """UK day-first dates as people type them (and ISO dates) as ``YYYY-MM-DD``."""
    if not cell:
        return ""
    value = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?$", "", cell)  # Excel's "2025-06-14 00:00:00"
    value = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value, flags=re.I)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise _CellError("last_checked", f"'{cell}' is not a date (use DD/MM/YYYY, e.g. 14/06/2025)")


def _parse_email(cell: str) -> str:
    value = re.sub(r"^mailto:", "", cell, flags=re.I).strip()
    if value and not re.fullmatch(r"[^@\s;,]+@[^@\s;,]+\.[a-zA-Z]{2,}", value):
        raise _CellError("contact_email", f"'{cell}' is not an email address")
    return value


def _parse_website(cell: str) -> str:
    if not cell:
        return ""
    value = cell if re.match(r"^https?://", cell, flags=re.I) else f"https://{cell}"
    if not re.fullmatch(r"https?://[^\s/.]+(\.[^\s/.]+)+(/\S*)?", value, flags=re.I):
        raise _CellError("website", f"'{cell}' is not a web address (e.g. www.example.org)")
    return value


def _parse_phone(cell: str) -> str:
    """A UK number, tidied; puts back the leading 0 that Excel drops from number cells."""
    value = cell.strip()
    digits = re.sub(r"\D", "", value)
    if re.search(r"[a-z]", value, flags=re.I) or not 10 <= len(digits) <= 12:
        raise _CellError("contact_phone", f"'{cell}' is not a phone number (e.g. 020 7946 0123)")
    if digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits
    if re.fullmatch(r"02\d{9}", digits):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if re.fullmatch(r"0[38]\d{9}", digits):
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if re.fullmatch(r"0[17]\d{9}", digits):
        return f"{digits[:5]} {digits[5:]}"
    return re.sub(r"\s+", " ", value)


_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})\b", re.I)
_OUTWARD = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]?", re.I)


def _parse_postcode(cell: str) -> str:
    """A full postcode as ``NW5 2AA``; an outward code alone (``NW5``) is kept as it is."""
    if not cell:
        return ""
    compact = cell.upper().replace(" ", "")
    match = _POSTCODE.fullmatch(compact)
    if match:
        return f"{match.group(1)} {match.group(2)}".upper()
    if _OUTWARD.fullmatch(compact):
        return compact
    raise _CellError("postcode", f"'{cell}' is not a UK postcode (e.g. NW5 2AA)")


def _split_postcode(address: str) -> tuple[str, str]:
    """Take a trailing ", London NW5 2AA" off an address; return (address, postcode found)."""
    match = _POSTCODE.search(address.upper())
    postcode = ""
    if match and match.end() >= len(address.rstrip(" ,.")):
        postcode = f"{match.group(1)} {match.group(2)}".upper()
        address = address[: match.start()]
    address = re.sub(r"[,\s]*\blondon\b[,\s]*$", "", address.strip(" ,"), flags=re.I)
    return address.strip(" ,"), postcode


def _parse_coordinates(lat_cell: str, lon_cell: str) -> tuple[float, float] | None:
    if not lat_cell and not lon_cell:
        return None
    if not (lat_cell and lon_cell):
        column = "longitude" if lat_cell else "latitude"
        raise _CellError(column, "is empty; give both latitude and longitude, or neither")
    lat, lon = _number(lat_cell, "latitude"), _number(lon_cell, "longitude")
    if 49.8 <= lon <= 60.9 and -8.7 <= lat <= 1.8:
        raise _CellError("latitude", f"'{lat_cell}' and '{lon_cell}' look swapped: latitude "
                                     "in London is about 51.5, longitude about -0.1")
    if not 49.8 <= lat <= 60.9:
        raise _CellError("latitude", f"'{lat_cell}' is not a latitude in the UK (about 51.5)")
    if not -8.7 <= lon <= 1.8:
        raise _CellError("longitude", f"'{lon_cell}' is not a longitude in the UK (about -0.1)")
    return round(lat, 6), round(lon, 6)


def _number(cell: str, column: str) -> float:
    try:
        return float(_plain_dashes(cell))
    except ValueError:
        raise _CellError(column, f"'{cell}' is not a number") from None


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


_WEEK = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_WORDS = {
    "monday": "MO", "mon": "MO", "mo": "MO",
    "tuesday": "TU", "tues": "TU", "tue": "TU", "tu": "TU",
    "wednesday": "WE", "weds": "WE", "wed": "WE", "we": "WE",
    "thursday": "TH", "thurs": "TH", "thur": "TH", "thu": "TH", "th": "TH",
    "friday": "FR", "fri": "FR", "fr": "FR",
    "saturday": "SA", "sat": "SA", "sa": "SA",
    "sunday": "SU", "sun": "SU", "su": "SU",
}
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


# ----------------------------------------------------------------------------- delivery

_DELIVERY_WORDS = {
    "in_person": ("in person", "in-person", "face to face", "face-to-face", "venue", "on site",
                  "onsite", "drop in", "drop-in"),
    "online": ("online", "video", "zoom", "teams", "virtual", "video call", "google meet"),
    "phone": ("phone", "telephone", "by phone", "phone calls", "calls", "phone call"),
    "home_visit": ("home visit", "home visits", "at home", "visits at home", "we come to you"),
}
_ATTENDING = {"in_person": "In person", "online": "Online (video)", "phone": "By phone",
              "home_visit": "At home (home visits)"}


def _parse_delivery(cell: str) -> list[str]:
    """"In person", "Online", "Phone", "Home visits", "Hybrid", or several joined by ; / and."""
    modes: list[str] = []
    for item in re.split(r"[;,/+&]|\band\b|\bor\b", cell.lower()):
        item = item.strip(" .")
        if not item:
            continue
        found = ["in_person", "online"] if item == "hybrid" else [
            mode for mode, words in _DELIVERY_WORDS.items() if item in words]
        if not found:
            raise _CellError("delivery", f"'{item}' is not a way of taking part (use In person, "
                                         "Online, Phone, Home visits or Hybrid)")
        modes += [mode for mode in found if mode not in modes]
    return modes


def _attending_type(modes: list[str]) -> str:
    return " or ".join(_ATTENDING[mode] for mode in modes)


# ---------------------------------------------------------------------------------- cost

_PRICE = re.compile(r"£\s*(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s*(?:p\b|pence)|"
                    r"(\d+(?:\.\d{1,2})?)\s*(?:pounds?|gbp)\b", re.I)
_FREE = re.compile(r"\bfree\b|\bno charge\b|\bnothing\b|£\s*0(?:\.00)?\b(?!\.\d)", re.I)
_DONATION = re.compile(r"\b(donations?|pay what you can|pay as you feel|pwyc|by donation|"
                       r"contribution)\b", re.I)
_CONCESSION = re.compile(r"\b(conc\w*|reduced|unwaged|low income|students?|over 60s|"
                         r"benefits)\b", re.I)


def _parse_cost(cell: str) -> list[dict[str, Any]]:
    """Cost options: "Free", "£3", "£3 (£1 concessions)", "Donation", "£40 for 8 weeks".

    Free and donation-based options get amount 0 (nobody has to pay to come); a price with
    words around it keeps those words as the amount description.
    """
    if not cell:
        return []
    parts = [p.strip(" .,;") for p in re.split(r"[;/()]|,\s*|\bor\b", cell) if p.strip(" .,;")]
    options: list[dict[str, Any]] = []
    for part in parts:
        option = _cost_option(part, first=not options)
        if "amount" not in option and options:
            # Words with no price ("£2 (includes tea)") describe the option before them.
            before = options[-1]
            extra = part[0].lower() + part[1:]
            before["amount_description"] = ", ".join(
                [d for d in (before.get("amount_description"), extra) if d])
            continue
        options.append(option)
    priced = any(o.get("amount", 0) > 0 for o in options)
    if "£" in cell and not priced and not (_FREE.search(cell) or _DONATION.search(cell)):
        raise _CellError("cost", f"'{cell}' is not a price (write Free, £3, or "
                                 "£3 (£1 concessions))")
    return options


def _cost_option(part: str, *, first: bool) -> dict[str, Any]:
    option: dict[str, Any] = {}
    price = _PRICE.search(part)
    amount = _price_amount(price) if price else None
    if price is None and re.fullmatch(r"\d+(\.\d{1,2})?", part):
        amount = _money(float(part))  # "3" in a cost column means £3
    words = _PRICE.sub("", part).strip(" -:") if price else ("" if amount is not None else part)
    words = re.sub(r"\s+", " ", words)
    if _DONATION.search(part):
        option["option"] = "Pay what you can"
        option["amount"] = 0
        desc = f"Suggested donation £{amount:.2f}" if amount else "Donations welcome"
        option["amount_description"] = desc
    elif _FREE.search(part) and not amount:
        option["option"] = "Free" if words.lower() in ("free", "") else _sentence(words)
        option["amount"] = 0
    elif amount is not None:
        concession = bool(_CONCESSION.search(words))
        named = not first and not concession and bool(words)  # "£3 others": words name it
        option["option"] = ("Concessions" if concession else
                            _sentence(words) if named else "Standard")
        option["amount"] = amount
        plain = named or words.lower() in ("", "each", "concessions", "concession", "concs",
                                           "conc")
        _put(option, "amount_description", "" if plain else words)
    else:
        option["option"] = _sentence(words)
    option["currency"] = "GBP"
    return option


def _price_amount(match: re.Match[str]) -> float | int:
    pounds, pence, words = match.groups()
    return _money(float(pounds or words) if (pounds or words) else float(pence) / 100)


def _money(value: float) -> float | int:
    """Whole pounds as an int (3, not 3.0), pence to two places."""
    return int(value) if value == int(value) else round(value, 2)


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:] if words else ""


# ------------------------------------------------------------------------------ languages

# Common languages in London boroughs: ISO 639-1 codes, or 639-3 where 639-1 has none.
_LANGUAGES = {
    "english": ("English", "en"), "bengali": ("Bengali", "bn"), "bangla": ("Bengali", "bn"),
    "sylheti": ("Sylheti", "syl"), "somali": ("Somali", "so"), "arabic": ("Arabic", "ar"),
    "portuguese": ("Portuguese", "pt"), "spanish": ("Spanish", "es"),
    "turkish": ("Turkish", "tr"), "polish": ("Polish", "pl"), "urdu": ("Urdu", "ur"),
    "yoruba": ("Yoruba", "yo"), "chinese": ("Chinese", "zh"), "mandarin": ("Mandarin", "zh"),
    "cantonese": ("Cantonese", "yue"), "tigrinya": ("Tigrinya", "ti"),
    "amharic": ("Amharic", "am"), "french": ("French", "fr"), "italian": ("Italian", "it"),
    "romanian": ("Romanian", "ro"), "bulgarian": ("Bulgarian", "bg"),
    "lithuanian": ("Lithuanian", "lt"), "russian": ("Russian", "ru"),
    "ukrainian": ("Ukrainian", "uk"), "farsi": ("Persian (Farsi)", "fa"),
    "persian": ("Persian (Farsi)", "fa"), "dari": ("Dari", "prs"), "kurdish": ("Kurdish", "ku"),
    "pashto": ("Pashto", "ps"), "hindi": ("Hindi", "hi"), "punjabi": ("Punjabi", "pa"),
    "gujarati": ("Gujarati", "gu"), "tamil": ("Tamil", "ta"), "nepali": ("Nepali", "ne"),
    "greek": ("Greek", "el"), "hebrew": ("Hebrew", "he"), "yiddish": ("Yiddish", "yi"),
    "albanian": ("Albanian", "sq"), "twi": ("Twi", "tw"), "igbo": ("Igbo", "ig"),
    "hausa": ("Hausa", "ha"), "swahili": ("Swahili", "sw"), "lingala": ("Lingala", "ln"),
    "korean": ("Korean", "ko"), "japanese": ("Japanese", "ja"),
    "vietnamese": ("Vietnamese", "vi"), "tagalog": ("Tagalog", "tl"),
    "german": ("German", "de"), "dutch": ("Dutch", "nl"), "welsh": ("Welsh", "cy"),
    "irish": ("Irish", "ga"), "bsl": ("British Sign Language", "bfi"),
    "british sign language": ("British Sign Language", "bfi"),
    "sign language": ("British Sign Language", "bfi"),
}
_BY_CODE = {code: (name, code) for name, code in _LANGUAGES.values()}


def _parse_language(item: str) -> tuple[str, str, str]:
    """(name, ISO code, note) for "Bengali", "bn" or "Bengali (Sylheti speakers welcome)".

    A language not in the table keeps its name with no code rather than failing the row.
    """
    note = ""
    match = re.fullmatch(r"(.*?)\s*\((.*)\)", item.strip())
    if match:
        item, note = match.group(1), match.group(2).strip()
    key = re.sub(r"\s+", " ", item.lower().strip())
    name, code = _LANGUAGES.get(key) or _BY_CODE.get(key) or (_sentence(item.strip()), "")
    return name, code, note


# ----------------------------------------------------------------------------- categories

_CONCEPT_ID = re.compile(r"[a-z][a-z_]*\.[a-z][a-z_]*")
_FACET_LABELS = {
    "delivery": {"in_person": "In person", "online": "Online (video)", "phone": "By phone",
                 "home_visit": "At home"},
    "audience": {"women_only": "Women only", "men_only": "Men only", "lgbtq": "LGBTQ+ people",
                 "older_people": "Older people", "young_people": "Young people",
                 "families": "Families and children", "carers": "Carers"},
}
_WHO = {
    "women": re.compile(r"\b(women|woman|ladies|female|mums?|mothers?|sisters)\b"),
    "men": re.compile(r"\b(men|man|male|dads?|fathers?|grandads?|brothers)\b"),
    "carers": re.compile(r"^(unpaid |young |family )?carers\b|\b(for|unpaid|young) carers\b"
                         r"|\bcarers only\b"),
    "lgbtq": re.compile(r"\b(lgbt\w*|queer|trans|gay|lesbian)\b"),
    "young_people": re.compile(r"\b(young people|young person|youth|teenagers?|teens?|"
                               r"young carers|young adults)\b"),
    "older_people": re.compile(r"\bolder\b(?!\s+(children|kids|teens|brothers|sisters))|"
                               r"\b(elders|retired|later life|pensioners?)\b"),
    # Plural words only: "and family" welcomes relatives, "families" is who it is for.
    "families": re.compile(r"\b(families|parents|babies|toddlers|under 5s|under-fives|dads|"
                           r"mums)\b"),
}


def _audiences(who_for: str, ages: dict[str, int]) -> list[str]:
    """Linkwell audience codes for what the ``who_for`` cell (and the age limits) say.

    Only clear statements count: "Men and women 50+" is older people, not men only.
    """
    text = who_for.lower()
    found = [code for code in ("carers", "lgbtq", "young_people", "families")
             if _WHO[code].search(text)]
    women, men = bool(_WHO["women"].search(text)), bool(_WHO["men"].search(text))
    if women != men:
        found.insert(0, "women_only" if women else "men_only")
    if ages.get("minimum_age", 0) >= 50 or _WHO["older_people"].search(text):
        found.append("older_people")
    youth_only = ages.get("maximum_age", 99) <= 25
    if youth_only and not {"young_people", "families"} & set(found):
        found.append("young_people")
    return found


def _facet_term(facet: str, value: str) -> dict[str, Any]:
    """A Linkwell facet tag (``delivery:online``) as a taxonomy term the directory reads."""
    code = f"{facet}:{value}"
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, LINKWELL_TAXONOMY_BASE + code)),
        "code": code,
        "term": code,
        "name": _FACET_LABELS[facet][value],
        "description": f"Linkwell facet {code}",
        "taxonomy": LINKWELL_FACETS_TAXONOMY,
        "term_uri": LINKWELL_TAXONOMY_BASE + code,
    }


def _category_term(feed: str, label: str) -> dict[str, Any]:
    """The taxonomy term for one category: a Linkwell concept id, or the feed's own word."""
    code = label.strip().lower()
    if _CONCEPT_ID.fullmatch(code):
        term_id = str(uuid.uuid5(uuid.NAMESPACE_URL, LINKWELL_TAXONOMY_BASE + code))
        return {
            "id": term_id,
            "code": code,
            "term": code,
            "name": code,
            "description": f"Linkwell concept {code}",
            "taxonomy": "linkwell",
            "term_uri": LINKWELL_TAXONOMY_BASE + code,
        }
    term_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"linkwell:{feed}:category:{label.lower()}"))
    return {
        "id": term_id,
        "name": label,
        "description": f"'{label}', a category used in the {feed} feed",
        "taxonomy": f"{feed}-categories",
    }
