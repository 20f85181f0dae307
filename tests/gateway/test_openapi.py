"""The public OpenAPI document: valid, and the committed copy kept current."""

from __future__ import annotations

import json
from pathlib import Path

from flask.testing import FlaskClient
from openapi_spec_validator import validate

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def _document(tmp_path: Path) -> dict[str, object]:
    from linkwell.gateway import create_app

    app = create_app({"DATA_DIR": str(tmp_path), "TESTING": True})
    client: FlaskClient = app.test_client()
    document: dict[str, object] = client.get("/api/openapi.json").get_json()
    return document


def test_the_document_is_valid_openapi(tmp_path: Path) -> None:
    document = _document(tmp_path)
    validate(document)  # raises with the failing part named
    paths = document["paths"]
    assert isinstance(paths, dict)
    assert {"/api/v1/services", "/api/v1/match", "/api/v1/referrals", "/api/v1/feeds"} <= set(paths)


def test_the_committed_copy_is_current(tmp_path: Path) -> None:
    committed = json.loads(COMMITTED.read_text())
    assert committed == _document(tmp_path), (
        "docs/openapi.json is out of date: run `linkwell openapi > docs/openapi.json`")


def test_every_form_of_place_is_documented(tmp_path: Path) -> None:
    """A postcode, its first half, a place name or a point: for match and for near=."""
    document = _document(tmp_path)
    schemas = document["components"]["schemas"]  # type: ignore[index]
    match = document["paths"]["/api/v1/match"]["post"]  # type: ignore[index]
    body = match["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body == "#/components/schemas/MatchRequest"
    assert "200" in match["responses"] and "400" in match["responses"]
    location = schemas["MatchRequest"]["properties"]["location"]  # type: ignore[index]
    assert location["$ref"] == "#/components/schemas/Location"
    fields = schemas["Location"]["properties"]  # type: ignore[index]
    assert {"postcode", "lat", "lon"} <= set(fields)
    said = fields["postcode"]["description"]
    for form in ("SE6 4RU", "(SE6)", "place name", "sector or district", "400"):
        assert form in said, form
    near = next(p for p in document["paths"]["/api/v1/services"]["get"]["parameters"]  # type: ignore[index]
                if p["name"] == "near")
    for form in ("latitude,longitude", "postcode", "first half", "place name", "found"):
        assert form in near["description"], form
    understood = schemas["Understood"]["properties"]["location"]["description"]  # type: ignore[index]
    for key in ("precision", "note", "found", "source"):
        assert key in understood, key


def test_every_operation_documents_its_success_and_keys_are_described(
        tmp_path: Path) -> None:
    document = _document(tmp_path)
    components = document["components"]
    assert isinstance(components, dict)
    schemes = components["securitySchemes"]
    assert schemes["bearerKey"] == {**schemes["bearerKey"], "type": "http", "scheme": "bearer"}
    assert schemes["headerKey"]["name"] == "X-API-Key" and schemes["headerKey"]["in"] == "header"
    paths = document["paths"]
    assert isinstance(paths, dict)
    undocumented = [f"{method.upper()} {path}" for path, operations in paths.items()
                    for method, operation in operations.items()
                    if method in ("get", "post", "put", "patch", "delete")
                    and not any(code[0] in "23" for code in operation["responses"])]
    assert undocumented == []
    for path in ("/api/v1/feeds", "/api/v1/feeds/{name}", "/api/v1/feeds/{name}/sync"):
        for method, operation in paths[path].items():
            if method == "parameters":
                continue
            assert operation["security"] == [{"bearerKey": []}, {"headerKey": []}]
