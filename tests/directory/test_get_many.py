"""``get_many``, part of every backend: the stored listings among some ids, withdrawn ones too,
unknown ids left out, equal to asking for each one alone."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import AUTH, load
from tests.factory import service


def test_many_listings_at_once_equal_each_asked_alone(app: Flask, client: FlaskClient) -> None:
    records = [service(f"many-{i}", f"Group {i}", "Meets weekly.") for i in range(3)]
    load(client, records)
    ids = [r["id"] for r in records]
    response = client.post("/assets/withdraw", json={"feed": "tests", "ids": ids[:1]},
                           headers=AUTH)
    assert response.status_code == 200, response.json
    backend = app.extensions["linkwell.backend"]
    found = backend.get_many([*ids, "not-a-listing"])
    assert set(found) == set(ids)
    assert found == {i: backend.get(i) for i in ids}
    assert found[ids[0]].withdrawn and not found[ids[1]].withdrawn
