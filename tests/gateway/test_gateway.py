"""The gateway in front of a real directory (both backends) and a matcher that is down."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.gateway.keys import KeyStore
from linkwell.gateway.limits import configured_limits, parse_limits
from tests.conftest import load
from tests.factory import corpus

DEAD = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def gateway(app: Flask, tmp_path: Path) -> Iterator[FlaskClient]:
    """A gateway whose directory is the backend-parametrised app, and whose matcher is down."""
    from linkwell.gateway import create_app

    load(app.test_client(), corpus())
    gw = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                     "MATCHER_URL": DEAD, "TESTING": True,
                     "CORS_ORIGINS": ["https://partner.example.org"]})
    yield gw.test_client()


def test_search_goes_through_and_bad_input_is_400(gateway: FlaskClient) -> None:
    body = gateway.get("/api/v1/services?q=choir").json
    assert "Catford Community Choir" in [r["name"] for r in body["results"]]
    bad = gateway.get("/api/v1/services?sort=nearest")
    assert bad.status_code == 400 and "sort" in bad.json["errors"]
    one = gateway.get(f"/api/v1/services/{body['results'][0]['id']}")
    assert one.status_code == 200 and one.json["record"]["name"]
    assert gateway.get("/api/v1/services/nope").status_code == 404


def test_a_dead_matcher_gives_503_quickly_and_search_keeps_working(gateway: FlaskClient) -> None:
    for _ in range(5):
        started = time.monotonic()
        response = gateway.post("/api/v1/match", json={"about": "I feel lonely"})
        assert response.status_code == 503
        assert time.monotonic() - started < 2.0
        assert set(response.json) >= {"code", "status", "message"}
    assert gateway.get("/api/v1/services?q=walk").status_code == 200
    ready = gateway.get("/readyz")
    assert ready.status_code == 503
    assert ready.json["services"] == {"directory": True, "matcher": False}


def test_taxonomy_has_plain_labels_and_safety_routes(gateway: FlaskClient) -> None:
    body = gateway.get("/api/v1/taxonomy").json
    needs = {n["id"]: n for n in body["needs"]}
    assert needs["connection"]["label"] == "Connection and company"
    feelings = {c["id"]: c for c in needs["feelings"]["children"]}
    assert feelings["feelings.urgent"]["safety_route"] is True
    assert {"id": "step_free", "label": "Step-free access"} in body["facets"]["accessibility"]


def test_keys_roles_origins_and_revocation(gateway: FlaskClient, tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "gw" / "gateway.sqlite3")
    key, secret = store.create("Lewisham site", "partner",
                               origins=("https://lewisham.example.org",))
    headers = {"X-API-Key": secret, "Origin": "https://lewisham.example.org"}
    ok = gateway.get("/api/v1/services?q=walk", headers=headers)
    assert ok.status_code == 200
    assert ok.headers["Access-Control-Allow-Origin"] == "https://lewisham.example.org"
    elsewhere = gateway.get("/api/v1/services", headers={**headers, "Origin": "https://evil.example"})
    assert elsewhere.status_code == 403
    assert gateway.get("/api/v1/services", headers={"X-API-Key": "lw_wrong"}).status_code == 401
    assert store.revoke(key.id)
    assert gateway.get("/api/v1/services", headers=headers).status_code == 401
    stored = (tmp_path / "gw" / "gateway.sqlite3").read_bytes()
    assert secret.encode() not in stored


def test_cors_for_configured_partners_and_open_referral(gateway: FlaskClient) -> None:
    partner = gateway.get("/api/v1/services", headers={"Origin": "https://partner.example.org"})
    assert partner.headers["Access-Control-Allow-Origin"] == "https://partner.example.org"
    stranger = gateway.get("/api/v1/services", headers={"Origin": "https://other.example"})
    assert "Access-Control-Allow-Origin" not in stranger.headers


def test_rate_limit_gives_429_with_retry_after(app: Flask, tmp_path: Path) -> None:
    from linkwell.gateway import create_app

    gw = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                     "MATCHER_URL": DEAD, "RATE_LIMITS": {"anonymous": 3}}).test_client()
    statuses = [gw.get("/api/v1/taxonomy").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = gw.get("/api/v1/taxonomy")
    assert limited.json["code"] == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert gw.get("/healthz").status_code == 200  # health checks are never limited


def test_limits_are_read_per_role_and_a_mistyped_one_is_refused() -> None:
    assert parse_limits("anonymous=100/minute, partner=2/second;100/minute") == {
        "anonymous": "100/minute", "partner": "2/second;100/minute"}
    budgets = configured_limits({"RATE_LIMITS": "anonymous=5/minute",
                                 "ORUK_RATE_LIMITS": {"oruk_reader": 7}})
    assert budgets["api"]["anonymous"] == "5/minute"
    assert budgets["api"]["admin"] == "1200/minute"  # the roles left out keep their defaults
    assert budgets["openreferral"]["oruk_reader"] == "7/minute"
    for bad in ("anonymous", "anonymous=lots", "=60/minute"):
        with pytest.raises(ValueError):
            parse_limits(bad)


def test_openapi_document_lists_the_public_api(gateway: FlaskClient) -> None:
    paths = gateway.get("/api/openapi.json").json["paths"]
    assert {"/api/v1/services", "/api/v1/services/{asset_id}", "/api/v1/match",
            "/api/v1/taxonomy"} <= set(paths)


def test_suggest_goes_through_checked_and_rate_limited(app: Flask, tmp_path: Path) -> None:
    from linkwell.gateway import create_app

    load(app.test_client(), corpus())
    gw = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                     "MATCHER_URL": DEAD, "TESTING": True,
                     "RATE_LIMITS": {"anonymous": 3}}).test_client()
    body = gw.get("/api/v1/suggest?q=choi").json
    assert body["q"] == "choi"
    assert ("listing", "Catford Community Choir") in {
        (s["kind"], s["label"]) for s in body["suggestions"]}
    bad = gw.get("/api/v1/suggest?q=walk&limit=500")
    assert bad.status_code == 400 and "limit" in bad.json["errors"]
    assert gw.get("/api/v1/suggest?q=walk").status_code == 200  # the third of three a minute
    limited = gw.get("/api/v1/suggest?q=walk")
    assert limited.status_code == 429 and limited.json["code"] == 429


@pytest.mark.parametrize("path", [
    "/services?q=choir", "/services?q=walk&near=51.45,-0.02&within_km=5&facets=cost,days",
    "/services?q=qwertyuiop", "/services", "/services/nope", "/openreferral/services",
    "/openreferral/services?page=2&per_page=3", "/openreferral/services?page=0",
    "/suggest?q=wa"])
def test_answers_are_the_directory_s_own_bytes(app: Flask, gateway: FlaskClient,
                                               path: str) -> None:
    """The gateway hands the directory's JSON on as it came, byte for byte, which is what
    parsing and writing it again gave (orjson writes what it reads unchanged)."""
    public = path if path.startswith("/openreferral") else "/api/v1" + path
    relayed = gateway.get(public)
    direct = app.test_client().get(path)
    assert relayed.status_code == direct.status_code
    assert relayed.content_type == direct.content_type == "application/json"
    assert relayed.data == direct.data
    assert relayed.data == orjson.dumps(orjson.loads(direct.data)) + b"\n"
