"""The asset model against the Open Referral reference examples and the validator's mocks."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from linkwell.directory.ingest import prepare
from linkwell.hsds import validate_service
from tests.schemas import OPENREFERRAL

PASSING = ["oruk-3.0/examples/service_full.json",
           "oruk-validator/mocks/v3.0-uk-default/service_full.json",
           "oruk-validator/mocks/v3.0-uk-warn/service_full.json",
           "hsds-3.0/examples/service_full.json"]
LISTS = ["oruk-3.0/examples/service_list.json",
         "oruk-validator/mocks/v3.0-uk-default/service_list.json"]


def _read(path: str) -> Any:
    return json.loads((OPENREFERRAL / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PASSING)
def test_reference_services_are_accepted(path: str) -> None:
    record = _read(path)
    prepared = prepare(0, record, "reference", None, None, date(2026, 11, 21))
    assert prepared.item is not None, prepared.outcome.errors
    assert prepared.item.id == record["id"]  # a UUID id is kept as the asset's id
    # The standard's example puts its venue at (100, 101): kept, but not on the map.
    assert prepared.outcome.warnings
    assert prepared.item.document["locations"] == []


@pytest.mark.parametrize("path", LISTS)
def test_reference_pages_validate(path: str) -> None:
    contents = _read(path)["contents"]
    assert contents
    assert all(validate_service(s) == {} for s in contents)


def test_the_validators_fail_mock_is_rejected_with_reasons() -> None:
    contents = _read("oruk-validator/mocks/v3.0-uk-fail/service_list.json")["contents"]
    errors = [validate_service(s) for s in contents]
    assert all(e for e in errors)
    assert all("name" in e for e in errors)


def test_field_errors_name_the_nested_field() -> None:
    record = _read("oruk-3.0/examples/service_full.json")
    record["schedules"][0]["byday"] = "TUESDAY"
    record["minimum_age"] = 70
    record["maximum_age"] = 12
    errors = validate_service(record)
    assert "schedules.0.byday" in errors
    assert errors["maximum_age"] == ["maximum_age is below minimum_age"]
    assert validate_service([1, 2]) == {"_record": ["a service must be a JSON object"]}


@pytest.mark.parametrize("url", ["javascript:alert(6)", " JaVaScRiPt:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:msgbox"])
def test_a_listing_address_that_would_run_in_a_browser_is_refused(url: str) -> None:
    record = {"id": "x", "name": "A group", "status": "active", "url": url}
    assert validate_service(record) == {
        "url": ["must be a web (http or https), mailto or tel address"]}
    organisation = {**record, "url": None, "organization": {"id": "o", "name": "O", "url": url}}
    assert "organization.url" in validate_service(organisation)


@pytest.mark.parametrize("url", ["https://example.org", "http://x.example", "mailto:a@b.org",
                                 "tel:02079460000", "www.example.org", None])
def test_web_mail_and_phone_addresses_are_kept(url: str | None) -> None:
    assert validate_service({"id": "x", "name": "A", "status": "active", "url": url}) == {}


def test_a_page_never_links_a_stored_address_that_would_run() -> None:
    from linkwell.gateway.web.present import option

    shown = option({"id": "a", "name": "A", "url": "javascript:alert(6)", "phone": "020"})
    assert shown["contact"] == {"phone": "020"}
