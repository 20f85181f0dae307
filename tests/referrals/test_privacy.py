"""A whole referral flow, then a search of every log line, the search index and the stores
for the person's name, email and phone: none may be there in plain text."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from linkwell.gateway.referrals import Referrals
from linkwell.logs import JsonFormatter
from tests.conftest import load
from tests.referrals.conftest import (
    CHOIR,
    WALK,
    SmtpSink,
    WebhookSink,
    gateway_config,
    listings,
    make_gateway,
    raw_contents,
    referral,
)

URL = "/api/v1/referrals"
NAME = "Philippa Quarshie-Lindqvist"
EMAIL = "pql.private@mailbox.example.net"
PHONE = "07700 900377"
# Every way the phone number could be written down.
SECRETS = (NAME, "Quarshie", "Lindqvist", EMAIL, "pql.private", PHONE, "07700900377",
           "+447700900377", "7700900377", "900377", "my knee is bad")
# The stand-in for the group's own mail server: it must see the details, Linkwell must not log.
GROUP_SIDE_LOGGERS = ("mail.log",)


def person(asset_id: str = WALK, **changes: Any) -> dict[str, Any]:
    values = {"name": NAME, "email": EMAIL, "phone": PHONE, "contact_method": "email",
              "message": "Happy to walk slowly: my knee is bad.", **changes}
    return referral(asset_id, **values)


def test_no_personal_detail_is_logged_indexed_or_stored_in_plain_text(
        app: Flask, backend_kind: str, store_url: str, tmp_path: Path, smtp: SmtpSink,
        webhook: WebhookSink, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, everything
    load(app.test_client(), listings())
    gw = make_gateway(gateway_config(tmp_path, app, smtp.port, webhook.url,
                                     REFERRALS_DATABASE_URL=store_url))
    smtp.start()
    webhook.start()

    # People ask, and make mistakes on the way.
    assert gw.client.post(URL, json=person(phone="0770"), headers=gw.partner).status_code == 400
    assert gw.client.post(URL, json=person(aged_16_or_over=False),
                          headers=gw.partner).status_code == 400
    assert gw.client.post(URL, json=person(website="x"), headers=gw.partner).status_code == 201
    assert gw.client.post(URL, json=person(unexpected=NAME), headers=gw.partner
                          ).status_code == 400
    walk = gw.client.post(URL, json=person(), headers=gw.partner)
    choir = gw.client.post(URL, json=person(CHOIR), headers=gw.link_worker)
    assert walk.status_code == choir.status_code == 201
    references = [walk.json["reference"], choir.json["reference"]]

    # Delivery, the group's answer, status, the admins' view, withdrawal, reporting.
    worker = Referrals(dict(gw.app.config))
    assert worker.outbox().run_once() == 2
    assert len(smtp.messages) == 1 and NAME in smtp.messages[0].get_content()
    assert len(webhook.received) == 1 and webhook.received[0]["person"]["email"] == EMAIL
    accept = worker.deliverer.links(references[0], worker.clock()).accept
    assert gw.client.post(accept.removeprefix("https://linkwell.example.org")).status_code == 200
    for reference in references:
        assert gw.client.get(f"{URL}/{reference}/status").status_code == 200
    assert gw.client.get(f"{URL}/dead-letters", headers=gw.admin).status_code == 200
    assert gw.client.delete(f"{URL}/{references[1]}").status_code == 200
    worker.purge()
    stats = worker.stats()
    assert stats["total"] == 2 and stats["erased"] == {"request": 1}
    assert gw.client.get(f"/api/v1/services/{WALK}").status_code == 200
    assert gw.client.get("/api/v1/services?q=walkers").status_code == 200

    lines = logged_lines(caplog)
    assert any("referral delivered" in line for line in lines)  # the capture did capture
    assert any(references[0] in line for line in lines)
    index = indexed_text(app, backend_kind, tmp_path)
    assert "Ladywell Walkers" in index
    stored = raw_contents(store_url)
    assert references[0].encode() in stored
    data_dir = b"".join(p.read_bytes() for p in (tmp_path / "gw").rglob("*") if p.is_file())
    for secret in SECRETS:
        assert not [line for line in lines if secret in line], secret
        assert secret not in index, secret
        assert secret.encode() not in stored, secret
        assert secret.encode() not in data_dir, secret


def logged_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Each record as the JSON line Linkwell would write, plus its bare message and args."""
    formatter = JsonFormatter("test")
    lines = []
    for record in caplog.records:
        if record.name.startswith(GROUP_SIDE_LOGGERS):
            continue
        lines.append(formatter.format(record))
        lines.append(f"{record.getMessage()} {record.args!r} {record.exc_text or ''}")
    return lines


def indexed_text(app: Flask, backend_kind: str, tmp_path: Path) -> str:
    """Every document's source in the directory's index (or its SQLite files' bytes)."""
    backend = app.extensions["linkwell.backend"]
    if backend_kind == "elasticsearch":
        backend.es.indices.refresh(index=f"{backend.prefix}*")
        found = backend.es.search(index=f"{backend.prefix}*", query={"match_all": {}},
                                  size=1000)
        return json.dumps([hit["_source"] for hit in found["hits"]["hits"]])
    # The database, its journal and the search column files written beside it.
    files = [f for p in (tmp_path / "var").iterdir() if p.name.startswith("directory.sqlite3")
             for f in ([p] if p.is_file() else sorted(p.rglob("*")))]
    return b"".join(f.read_bytes() for f in files if f.is_file()).decode("utf-8", "replace")
