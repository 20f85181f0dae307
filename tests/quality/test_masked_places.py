"""Masked places (issue 15, item 6): a listing that hides its address never lets it out.

A refuge is loaded through the directory API with a distinctive street, postcode, venue name
and point; every answer a person, a partner or another directory can get (search, the
listing, the Open Referral UK API, the gateway's API, pages, the print sheet, the join form,
the matcher), the logs, and what the index itself stores are searched for them.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.masking import mask_record, rounded_point
from tests.conftest import load
from tests.factory import service, sid

STREET = "17 Quillwort Mews"
POSTCODE = "SE15 6ZQ"
VENUE = "Quillwort House"
POINT = (51.47123, -0.06411)
# What must never leave: the street, the full postcode (with or without its space), the
# venue's name, and the exact point (as any answer would print it).
SECRETS = (STREET, POSTCODE, POSTCODE.replace(" ", ""), VENUE, "51.47123", "-0.06411",
           "Quillwort")
REFUGE = sid("masked-refuge")
PERSON = (51.4701, -0.0660)  # a person searching nearby (answers may echo their own place)


def refuge() -> dict[str, Any]:
    record = service("masked-refuge", "Southwark Women's Refuge Support Group",
                     "Peer support for women who have left an abusive home.",
                     concepts=("wellbeing.peer_support",), at=POINT, postcode=POSTCODE,
                     region="Southwark")
    location = record["service_at_locations"][0]["location"]
    location.update(name=VENUE, hide_address=True, description=f"Ring at {STREET}",
                    transportation=f"Bus to {STREET}")
    location["addresses"][0]["address_1"] = STREET
    location["addresses"][0]["address_2"] = "Flat 2"
    return record


def test_masking_keeps_the_area_and_a_rounded_point_only() -> None:
    masked = mask_record(refuge())
    location = masked["service_at_locations"][0]["location"]
    text = repr(masked)
    assert not [s for s in SECRETS if s in text]
    assert location["addresses"][0]["postal_code"] == "SE15"
    assert location["addresses"][0]["region"] == "Southwark"
    lat, lon = location["latitude"], location["longitude"]
    assert (lat, lon) == rounded_point(*POINT) == rounded_point(lat, lon)  # idempotent
    assert abs(lat - POINT[0]) * 111 < 0.6 and abs(lon - POINT[1]) * 69.5 < 0.6  # within ~1 km
    assert mask_record(masked) == masked
    plain = service("plain", "Plain Group")
    assert mask_record(plain) is plain


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture
def stack(app: Flask, tmp_path: Path, logs: pytest.LogCaptureFixture) -> Iterator[
        tuple[FlaskClient, FlaskClient, FlaskClient]]:
    """The directory (loaded through its API), the real matcher and the gateway over them."""
    from linkwell.gateway import create_app as gateway_app
    from linkwell.matcher import create_app as matcher_app

    directory = app.test_client()
    body = load(directory, [refuge(), service("masked-neighbour", "Peckham Walking Group",
                                              concepts=("activity.walking",))])
    assert body["summary"]["rejected"] == 0, body
    matcher = matcher_app({**app.config, "DIRECTORY_APP": app})
    gateway = gateway_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                           "MATCHER_APP": matcher, "TESTING": True})
    yield directory, matcher.test_client(), gateway.test_client()


def test_the_hidden_address_is_in_no_answer_page_log_or_index(
        stack: tuple[FlaskClient, FlaskClient, FlaskClient], app: Flask, backend_kind: str,
        logs: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    directory, matcher, gateway = stack
    outputs: dict[str, str] = {}

    def get(client: FlaskClient, name: str, url: str, **kwargs: Any) -> str:
        response = client.get(url, **kwargs) if "json" not in kwargs and "data" not in kwargs \
            else client.post(url, **kwargs)
        assert response.status_code == 200, (url, response.status_code)
        outputs[name] = response.get_data(as_text=True)
        return outputs[name]

    near = f"near={PERSON[0]},{PERSON[1]}"
    found = directory.get(f"/services?q=refuge&{near}").json["results"]
    assert found and found[0]["id"] == REFUGE
    # Distance is to the ~1 km cell's centre, not the door.
    assert found[0]["distance_km"] > 0.05
    get(directory, "directory search", f"/services?q=refuge&{near}")
    get(directory, "directory listing", f"/services/{REFUGE}")
    for path in ("/services", f"/services/{REFUGE}", "/service_at_locations",
                 "/services?postcode=SE15&proximity=5"):
        get(directory, f"ORUK {path}", f"/openreferral{path}")
    sal = directory.get("/openreferral/service_at_locations").json["contents"]
    for item in sal:
        get(directory, f"ORUK sal {item['id']}", f"/openreferral/service_at_locations/{item['id']}")
    get(matcher, "matcher", "/match", json={
        "about": "support for women who have left an abusive home",
        "location": {"lat": PERSON[0], "lon": PERSON[1]}})
    assert REFUGE in outputs["matcher"]
    get(gateway, "API search", f"/api/v1/services?q=refuge&{near}")
    get(gateway, "API listing", f"/api/v1/services/{REFUGE}")
    get(gateway, "API match", "/api/v1/match", json={
        "about": "support for women who have left an abusive home",
        "location": {"lat": PERSON[0], "lon": PERSON[1]}})
    get(gateway, "gateway ORUK", f"/openreferral/services/{REFUGE}")
    page = get(gateway, "search page", "/search?q=refuge")
    assert "Southwark Women" in page
    listing = get(gateway, "listing page", f"/services/{REFUGE}")
    assert "keeps its address private" in listing and f"/services/{REFUGE}/join" in listing
    assert "SE15" in listing  # the area is shown
    get(gateway, "join form", f"/services/{REFUGE}/join")
    get(gateway, "print sheet", f"/shortlist?ids={REFUGE}")
    get(gateway, "match page", "/match", data={
        "about": "support for women who have left an abusive home", "postcode": "SE15"})
    outputs["logs"] = logs.text + "\n".join(str(r.__dict__) for r in logs.records)
    out, err = capfd.readouterr()
    outputs["process output"] = out + err
    outputs["index"] = stored_index(app, backend_kind)
    assert "Southwark Women" in outputs["index"]  # the search did look at the stored listing
    leaks = {name: [s for s in SECRETS if s.lower() in text.lower()]
             for name, text in outputs.items()}
    assert not {name: found for name, found in leaks.items() if found}


def stored_index(app: Flask, backend_kind: str) -> str:
    """Everything the backend keeps: every stored document's source, or the database's bytes."""
    backend = app.extensions["linkwell.backend"]
    if backend_kind == "elasticsearch":
        import json

        from elasticsearch import Elasticsearch

        es = Elasticsearch(app.config["ELASTICSEARCH_URL"])
        prefix = app.config["INDEX_PREFIX"]
        es.indices.refresh(index=f"{prefix}*")
        hits = es.search(index=f"{prefix}*", size=1000, query={"match_all": {}})["hits"]["hits"]
        es.close()
        return json.dumps(hits)
    backend.close()  # let every page reach the file
    data_dir = Path(app.config["DATA_DIR"])
    text = []
    for path in data_dir.rglob("*"):
        if path.is_file():
            text.append(path.read_bytes().decode("utf-8", "replace"))
    for path in data_dir.rglob("*.db"):
        with sqlite3.connect(path) as db:
            text.extend(line for line in db.iterdump())
    return "\n".join(text)


def test_an_oruk_1_feed_can_ask_for_its_address_to_be_hidden() -> None:
    from linkwell.directory.ingest import cleaned
    from linkwell.feeds.oruk1 import convert_service

    v1 = {"id": "refuge-1", "name": "Refuge Group", "status": "active",
          "service_at_locations": [{"id": "sal-1", "location": {
              "id": "loc-1", "name": VENUE, "latitude": POINT[0], "longitude": POINT[1],
              "hide_address": True, "physical_addresses": [
                  {"id": "a-1", "address_1": STREET, "city": "London",
                   "postal_code": POSTCODE, "country": "GB"}]}}]}
    record = convert_service(v1, feed="tests")
    location = record["service_at_locations"][0]["location"]
    assert location["hide_address"] is True
    kept = repr(cleaned(record))
    assert not [s for s in SECRETS if s in kept] and "SE15" in kept
