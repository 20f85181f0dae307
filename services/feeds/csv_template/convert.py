"""One template row as an HSDS 3.0 service: the row's parts, in reading order."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linkwell.feeds.csv_template.categories import _audiences, _category_term, _facet_term
from linkwell.feeds.csv_template.cells import (
    _ages_from_words,
    _attending_type,
    _parse_age,
    _parse_coordinates,
    _parse_cost,
    _parse_date,
    _parse_delivery,
    _parse_email,
    _parse_language,
    _parse_phone,
    _parse_postcode,
    _parse_status,
    _parse_website,
    _split_postcode,
)
from linkwell.feeds.csv_template.common import (
    CsvRowError,
    Geocoder,
    _CellError,
    _ordered,
    _put,
    _split_list,
    slug,
)
from linkwell.feeds.csv_template.days import _parse_days, _parse_time
from linkwell.feeds.csv_template.read import read_rows
from linkwell.ids import feed_id, is_uuid

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
        return feed_id(self.feed, kind, *parts)

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
        if own and is_uuid(own):
            return own, str(uuid.UUID(own))
        source = own or slug(f"{self.cell('organisation')} {name}")
        return source, self.uid("service", source)

    def organization(self, name: str) -> dict[str, Any]:
        # A small group is often its own organisation: fall back to the activity's name.
        org_name = self.cell("organisation") or name
        return {
            "id": self.uid("organization", slug(org_name)),
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
        key = slug(f"{venue or address} {postcode}")
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
            entries.append({"id": self.uid("accessibility", key, slug(item)),
                            "location_id": location_id,
                            "description": text,
                            "accessibility": text})  # ORUK 3.0 reads this field name
        return entries

    def languages(self) -> list[dict[str, Any]]:
        languages = []
        for item in _split_list(self.cell("languages"), extra=r"\band\b|&"):
            name, code, note = _parse_language(item)
            language = {"id": self.uid("language", self.source_id, code or slug(name)),
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
