"""``POST /api/v1/match`` answers in the shapes its OpenAPI document gives, and the gateway
refuses a bad body at the door with the field named (the matcher is never asked)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft4Validator

from tests.conftest import load
from tests.factory import corpus

# Varied on purpose: words only, a postcode-free point with times and requirements, a stated
# dislike of groups, urgent wording (safety routes first), and a third-person note.
REQUESTS: list[dict[str, Any]] = [
    {"about": "I love singing and used to be in a choir"},
    {"about": "I'd like some gentle exercise, my knees are bad", "age": 72,
     "location": {"lat": 51.4452, "lon": -0.0209}, "max_travel_km": 3,
     "availability": [{"day": "tuesday", "from": "09:00", "to": "13:00"}],
     "requirements": {"cost": "free", "step_free": True}},
    {"about": "I don't want some big group, just someone to talk to about money worries",
     "prefer": {"group": False}},
    {"about": "I keep thinking everyone would be better off without me"},
    {"about": "Mrs F, 84, lives alone since her husband died, likes gardening", "limit": 5},
]


def _nullable(node: Any) -> Any:
    """OpenAPI 3.0's ``nullable`` as JSON Schema says it (a null type beside the others)."""
    if isinstance(node, list):
        return [_nullable(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: _nullable(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable") and "type" in out:
        types = out["type"] if isinstance(out["type"], list) else [out["type"]]
        out["type"] = [*types, "null"]
    return out


@pytest.fixture
def gateway(app: Flask, tmp_path: Path) -> FlaskClient:
    """A gateway with the backend-parametrised directory and a matcher in this process."""
    from linkwell.gateway import create_app

    load(app.test_client(), corpus())
    return create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                       "TESTING": True}).test_client()


def test_every_match_answer_has_the_documented_shape(gateway: FlaskClient) -> None:
    document = gateway.get("/api/openapi.json").get_json()
    operation = document["paths"]["/api/v1/match"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/MatchRequest"}
    schema = _nullable({"$ref": "#/components/schemas/MatchResponse",
                        "components": document["components"]})
    validator = Draft4Validator(schema)
    shown = 0
    for body in REQUESTS:
        answer = gateway.post("/api/v1/match", json=body)
        assert answer.status_code == 200, (body, answer.json)
        problems = [f"{list(e.absolute_path)}: {e.message}"
                    for e in validator.iter_errors(answer.json)]
        assert not problems, (body["about"], problems[:5])
        shown += len(answer.json["results"])
    assert shown > 0  # the shapes of results were checked, not only of empty lists


@pytest.mark.parametrize(("body", "field"), [
    ({"about": "walks", "max_travel_km": -1}, "max_travel_km"),
    ({"about": "walks", "requirements": {"step_free": "yes please"}}, "requirements"),
    ({"about": "walks", "interestz": ["art"]}, "interestz"),
])
def test_a_bad_body_is_refused_at_the_door_with_its_field(gateway: FlaskClient,
                                                          body: dict[str, Any],
                                                          field: str) -> None:
    answer = gateway.post("/api/v1/match", json=body)
    assert answer.status_code == 400
    assert answer.json["code"] == 400
    assert field in str(answer.json["errors"]), answer.json
