"""Lewisham's demo feed, ``services.json``: ORUK 3.0 services a data officer edits directly.

These are the checks its generator used to run before writing the file (issue 17 removed it):
the Open Referral schemas, the ORUK rules on ids and nulls, Linkwell's own labels, and content
that reads like a real directory without inventing a real person, phone line or address.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import FormatChecker

from linkwell import ids
from tests import schemas
from tests.feeds import demo_data

DATA = demo_data.REPO / "plugins" / "lewisham" / "linkwell_lewisham" / "data"
SERVICES = DATA / "services.json"
AS_OF = dt.date(2026, 11, 21)  # the demo's "now": freshness is judged against this day
LONDON = (51.28, 51.70, -0.51, 0.34)  # latitude min/max, longitude min/max
FACET_KEYS = {"delivery": "delivery_mode"}  # attribute code prefix -> taxonomy.yaml facet
# Nested ids that belong to one service only; organisations, locations and terms are shared.
OWN_IDS = ("id", "schedules.id", "cost_options.id", "attributes.id", "languages.id",
           "phones.id", "service_areas.id", "service_at_locations.id")


@cache
def services() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(SERVICES.read_text(encoding="utf-8"))
    return loaded


def walk(value: Any) -> Iterator[tuple[str, Any]]:
    """Every (path, value) in a service, one path for a field of every item of a list."""
    return demo_data.walk(value, indices=False)


def test_the_file_is_written_the_one_way() -> None:
    text = SERVICES.read_text(encoding="utf-8")
    assert demo_data.canonical_json(json.loads(text)) == text


def test_every_service_validates_against_oruk_3_and_hsds_3() -> None:
    assert len(services()) >= 100
    for folder in ("oruk-3.0", "hsds-3.0"):
        validator = schemas.validator(f"{folder}/schema/compiled/service.json", FormatChecker())
        for service in services():
            errors = [f"{'/'.join(map(str, e.path))}: {e.message}"
                      for e in validator.iter_errors(service)]
            assert errors == [], f"{folder} {service['name']}: {errors[:3]}"


def test_ids_are_uuids_nothing_is_null_and_no_two_services_share_their_own_ids() -> None:
    owner: dict[str, str] = {}
    for service in services():
        for path, value in walk(service):
            assert value is not None, f"{service['name']}: null at {path}"
            key = path.rsplit(".", 1)[-1]
            if (key == "id" or key.endswith("_id")) and isinstance(value, str):
                assert ids.is_uuid(value), f"{service['name']}: {path} = {value}"
            if path in OWN_IDS:
                assert owner.setdefault(value, service["id"]) == service["id"], (path, value)


def test_labels_are_the_taxonomy_labels() -> None:
    activities = demo_data.activity_labels()
    facets = demo_data.taxonomy()["facets"]
    for service in services():
        for attribute in service["attributes"]:
            term = attribute["taxonomy_term"]
            if term["taxonomy"] == "linkwell":
                assert activities[term["code"]] == term["name"], term["code"]
            else:
                prefix, value = term["code"].split(":", 1)
                labels = {e["id"]: e["label"] for e in facets[FACET_KEYS.get(prefix, prefix)]}
                assert labels[value] == term["name"], term["code"]
            assert term["id"] == attribute["taxonomy_term_id"] == ids.term_id(term["code"])


def test_content_reads_like_a_real_directory_and_invents_no_real_contact() -> None:
    problems: list[str] = []
    for service in services():
        name = service["name"]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", service["description"].strip()) if s]
        if not 2 <= len(sentences) <= 5:
            problems.append(f"{name}: description has {len(sentences)} sentences")
        text = " ".join(v for _, v in walk(service) if isinstance(v, str))
        if banned := demo_data.BANNED_WORDS.search(text):
            problems.append(f"{name}: uses {banned.group(0)!r}")
        for address in (service["email"], service["organization"]["email"]):
            if not demo_data.is_example_email(address):
                problems.append(f"{name}: email {address} is not at example.org")
        for url in (service["url"], service["organization"]["website"]):
            if not re.match(r"https://[a-z0-9-]+\.example\.org/", url):
                problems.append(f"{name}: url {url} is not at example.org")
        problems += [f"{name}: phone {p['number']} is outside the drama range"
                     for p in service.get("phones", [])
                     if not demo_data.DRAMA_PHONE.fullmatch(p["number"])]
        if not service["assured_date"] <= service["last_modified"][:10] < AS_OF.isoformat():
            problems.append(f"{name}: last_modified not between assured_date and {AS_OF}")
        activities = [a for a in service["attributes"]
                      if a["taxonomy_term"]["taxonomy"] == "linkwell"]
        if not 1 <= len(activities) <= 3:
            problems.append(f"{name}: {len(activities)} activity types")
        for sal in service["service_at_locations"]:
            location = sal["location"]
            if not (LONDON[0] < location["latitude"] < LONDON[1]
                    and LONDON[2] < location["longitude"] < LONDON[3]):
                problems.append(f"{name}: {location['name']} is outside London")
            postcode = location["addresses"][0]["postal_code"]
            if not demo_data.POSTCODE.fullmatch(postcode):
                problems.append(f"{name}: bad postcode {postcode}")
        for rule in service["schedules"]:
            if not (re.fullmatch(r"\d\d:\d\d", rule["opens_at"])
                    and rule["opens_at"] < rule["closes_at"]):
                problems.append(f"{name}: bad times in {rule['description']}")
    assert problems == []


def test_cross_border_md_lists_the_venues_over_the_border() -> None:
    text = (DATA / "CROSS_BORDER.md").read_text(encoding="utf-8")
    listed = [(name.split(" (shared group")[0], address.rsplit(", ", 1)[1], borough)
              for name, _venue, address, borough, _when
              in demo_data.markdown_table(text, "Service")]
    over_the_border = [(service["name"], address["postal_code"], address["region"])
                       for service in services() for sal in service["service_at_locations"]
                       for address in sal["location"]["addresses"][:1]
                       if address["region"] != "Lewisham"]
    assert sorted(listed) == sorted(over_the_border)
