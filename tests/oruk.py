"""Checking Open Referral UK 3.0 answers against the reference schemas, offline.

Every answer the tests read goes through :class:`OrukClient`, which checks it the way the
ORUK validator would (the profile's OpenAPI responses and the validator's own schemas), and
more strictly: the paging fields are all there and agree, no field is null, every id is a
UUID, and the CORS header is present.
"""

from __future__ import annotations

import json
import re
import uuid
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from flask import Flask
from flask.testing import FlaskClient
from jsonschema import FormatChecker

from linkwell.plugins import hookimpl
from tests.schemas import OPENREFERRAL, UK, VALIDATOR, validator

PREFIX = "/openreferral"
PAGE_FIELDS = {"total_items": int, "total_pages": int, "page_number": int, "size": int,
               "first_page": bool, "last_page": bool, "empty": bool, "contents": list}


def _response(path: str) -> str:
    """The schema the profile's OpenAPI document gives a path's 200 answer."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return f"{UK}openapi.json#/paths/{pointer}/get/responses/200/content/application~1json/schema"


# Endpoint -> the schemas its answers must satisfy. For /service_at_locations/{id} the
# profile's OpenAPI names compiled/service.json, a slip: its own description says "a fully
# nested service_at_location", and the validator checks compiled service_at_location.json.
SCHEMAS = {
    "/": [_response("/"), VALIDATOR + "api_details.json"],
    "/services": [_response("/services"), VALIDATOR + "service_list.json"],
    "/services/{id}": [_response("/services/{id}"), VALIDATOR + "service.json"],
    "/service_at_locations": [_response("/service_at_locations"),
                              VALIDATOR + "service_at_location_list.json"],
    "/service_at_locations/{id}": [UK + "compiled/service_at_location.json",
                                   VALIDATOR + "service_at_location.json"],
    "/taxonomies": [_response("/taxonomies"), VALIDATOR + "taxonomy_list.json"],
    "/taxonomies/{id}": [_response("/taxonomies/{id}"), VALIDATOR + "taxonomy.json"],
    "/taxonomy_terms": [_response("/taxonomy_terms"), VALIDATOR + "taxonomy_term_list.json"],
    "/taxonomy_terms/{id}": [_response("/taxonomy_terms/{id}"),
                             VALIDATOR + "taxonomy_term.json"],
}
LISTS = ("/services", "/service_at_locations", "/taxonomies", "/taxonomy_terms")


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc) and not any(c.isspace() for c in value)


@cache
def format_checker() -> FormatChecker:
    """jsonschema's checks (uuid, email, date-time) and a real one for ``uri``."""
    checker = FormatChecker()
    checker.checks("uri")(_is_uri)
    return checker


def schema_errors(endpoint: str, body: Any) -> list[str]:
    """Every way ``body`` breaks the reference schemas for ``endpoint`` (empty: it is valid)."""
    errors = []
    for ref in SCHEMAS[endpoint]:
        errors += [f"{ref.rsplit('/', 1)[-1]}: {'/'.join(map(str, e.absolute_path))}: "
                   f"{e.message}" for e in validator(ref, format_checker()).iter_errors(body)]
    return errors


def nulls(value: Any, path: str = "") -> list[str]:
    """Paths of every null, empty string, empty list or empty object: ORUK omits those."""
    if value is None or value == "" or value == [] or value == {}:
        return [path or "(root)"]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in nulls(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in nulls(v, f"{path}[{i}]")]
    return []


def answer_nulls(body: Any) -> list[str]:
    """:func:`nulls` of an answer; a page's ``contents`` may be empty, its items may not."""
    if isinstance(body, dict) and isinstance(body.get("contents"), list):
        rest = {k: v for k, v in body.items() if k != "contents"}
        return nulls(rest) + [p for i, item in enumerate(body["contents"])
                              for p in nulls(item, f".contents[{i}]")]
    return nulls(body)


def bad_ids(value: Any, path: str = "") -> list[str]:
    """Paths of ``id`` and ``*_id`` fields that are not UUIDs."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "id" or key.endswith("_id")) and not _is_uuid(item):
                found.append(f"{path}.{key}={item!r}")
            found += bad_ids(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += bad_ids(item, f"{path}[{i}]")
    return found


def _is_uuid(value: Any) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        return False


def page_problems(body: dict[str, Any], per_page: int | None) -> list[str]:
    """How a page's paging fields disagree with each other or with its contents."""
    missing = [f for f, kind in PAGE_FIELDS.items() if not isinstance(body.get(f), kind)]
    if missing:
        return [f"missing or mistyped: {missing}"]
    count, page, pages = len(body["contents"]), body["page_number"], body["total_pages"]
    checks = {
        "size is the number of items": body["size"] == count,
        "first_page": body["first_page"] == (page == 1),
        "last_page": body["last_page"] == (page >= pages),
        "empty": body["empty"] == (count == 0),
        "total_pages": pages == max(1, -(-body["total_items"] // (per_page or 1)))
        if per_page else pages >= 1,
        "a full page unless the last": per_page is None or count == per_page or (
            body["last_page"] or page > pages),
    }
    return [name for name, ok in checks.items() if not ok]


def endpoint_of(path: str) -> str:
    route = urlsplit(path).path.removeprefix(PREFIX) or "/"
    for endpoint in SCHEMAS:
        pattern = "^" + re.sub(r"\{id\}", "[^/]+", endpoint) + "/?$"
        if re.match(pattern, route):
            return endpoint
    raise AssertionError(f"not an ORUK endpoint: {path}")


class OrukClient:
    """GETs under /openreferral, each answer checked against the ORUK 3.0 schemas."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.checked = 0

    def get(self, path: str, status: int = 200) -> Any:
        response = self.client.get(PREFIX + path)
        assert response.status_code == status, (path, response.json)
        assert response.headers.get("Access-Control-Allow-Origin") == "*", path
        body = response.json
        assert not answer_nulls(body), (path, answer_nulls(body))
        if status != 200:
            assert {"code", "status", "message"} <= set(body), body
            return body
        endpoint = endpoint_of(path)
        assert not schema_errors(endpoint, body), (path, schema_errors(endpoint, body)[:5])
        if endpoint != "/":
            assert not bad_ids(body), (path, bad_ids(body)[:5])
        if endpoint in LISTS:
            per_page = parse_qs(urlsplit(path).query).get("per_page")
            problems = page_problems(body, int(per_page[0]) if per_page else None)
            assert not problems, (path, problems)
        self.checked += 1
        return body

    def all(self, path: str, per_page: int = 500) -> list[dict[str, Any]]:
        """Every item of a list, read page by page."""
        items: list[dict[str, Any]] = []
        joiner = "&" if "?" in path else "?"
        for page in range(1, 1000):
            body = self.get(f"{path}{joiner}per_page={per_page}&page={page}")
            items += body["contents"]
            if body["last_page"]:
                return items
        raise AssertionError("the list never ended")


def reference_properties(path: str) -> dict[str, Any]:
    """A reference schema file, read (for comparing Linkwell's shapes with it)."""
    data: dict[str, Any] = json.loads((OPENREFERRAL / Path(path)).read_text(encoding="utf-8"))
    return data


class PostcodeBook:
    """A geocoder plugin for tests: the few postcodes the test corpus needs."""

    POSTCODES = {"SE6 4RU": (51.4452, -0.0209), "NW5 2AA": (51.5505, -0.1403)}

    @hookimpl(tryfirst=True)
    def linkwell_geocode(self, postcode: str) -> tuple[float, float] | None:
        return self.POSTCODES.get(postcode)


def with_postcode_book(app: Flask) -> Flask:
    """Register :class:`PostcodeBook` with the app's plugin manager (once)."""
    pm = app.extensions["linkwell.plugins"]
    if not pm.has_plugin("tests-postcode-book"):
        pm.register(PostcodeBook(), name="tests-postcode-book")
    return app
