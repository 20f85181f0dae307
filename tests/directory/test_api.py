"""Bad input, health, readiness and a backend that goes away and comes back."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from tests.conftest import AUTH, directory_config, elasticsearch_url, load, search
from tests.factory import corpus, service
from tests.proxy import Proxy


@pytest.mark.parametrize(("query", "field"), [
    ("sort=nearest", "sort"),
    ("per_page=100000", "per_page"),
    ("near=abc%21", "near"),
    ("near=95,0", "near"),
    ("within_km=3", "within_km"),
    ("sort=distance", "sort"),
    ("day=funday", "day"),
    ("day=monday&from=25:00", "from"),
    ("from=12:00&to=11:00", "to"),
    ("age=-1", "age"),
    ("accessibility=teleporter", "accessibility"),
    ("concept=not.a.concept", "concept"),
    ("language=Bengali", "language"),
    ("page=500&per_page=100", "page"),
])
def test_bad_parameters_get_400_naming_the_field(client: FlaskClient, query: str,
                                                 field: str) -> None:
    body = search(client, query, status=400)
    assert body["code"] == 400
    assert body["status"] == "Bad Request"
    assert field in body["errors"], body


def test_unknown_query_parameters_are_ignored(client: FlaskClient) -> None:
    assert search(client, "utm_source=newsletter")["total"] == 0


def test_unknown_body_fields_and_malformed_records_are_refused(client: FlaskClient) -> None:
    response = client.post("/assets", json={"feed": "x", "records": [service("a", "A")],
                                            "colour": "blue"}, headers=AUTH)
    assert response.status_code == 400
    assert "colour" in response.json["errors"]
    response = client.post("/assets", json={"feed": "x", "records": []}, headers=AUTH)
    assert response.status_code == 400
    assert "records" in response.json["errors"]


def test_unknown_asset_is_404_in_the_error_shape(client: FlaskClient) -> None:
    response = client.get("/services/does-not-exist")
    assert response.status_code == 404
    assert set(response.json) >= {"code", "status", "message"}


def test_health_and_readiness(client: FlaskClient, backend_kind: str) -> None:
    assert client.get("/healthz").json == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json["backend"] == backend_kind


def test_openapi_document_describes_the_search(client: FlaskClient) -> None:
    spec = client.get("/openapi.json").json
    params = {p["name"] for p in spec["paths"]["/services"]["get"]["parameters"]}
    assert {"q", "near", "within_km", "day", "from", "to", "sort", "page", "per_page"} <= params


def _readiness_becomes(client: FlaskClient, status: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while client.get("/readyz").status_code != status:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_stopped_elasticsearch_gives_503_quickly_and_recovers(tmp_path: Path) -> None:
    from linkwell.directory import create_app

    target = urlsplit(elasticsearch_url())
    proxy = Proxy(target.hostname or "127.0.0.1", target.port or 9200)
    proxy.start()
    config = directory_config("elasticsearch", tmp_path)
    config.update(ELASTICSEARCH_URL=f"http://127.0.0.1:{proxy.port}", ELASTICSEARCH_TIMEOUT=1.5)
    app = create_app(config)
    client = app.test_client()
    try:
        load(client, corpus())
        assert search(client, "q=choir")["total"] > 0
        proxy.stop()
        started = time.monotonic()
        response = client.get("/services?q=choir")
        assert response.status_code == 503
        assert time.monotonic() - started < 2.0
        assert response.json["code"] == 503 and "message" in response.json
        assert response.headers["Retry-After"].isdigit()
        # readiness is the background check's finding: it sees the loss within its period
        assert _readiness_becomes(client, 503, within=5.0)
        proxy.start()
        deadline = time.monotonic() + 30
        while client.get("/services?q=choir").status_code != 200:
            assert time.monotonic() < deadline, "search did not recover"
            time.sleep(0.5)
        assert _readiness_becomes(client, 200, within=5.0)
    finally:
        if not proxy.running:
            proxy.start()
        app.extensions["linkwell.backend"].drop_all()
        proxy.stop()
