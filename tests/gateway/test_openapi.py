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
