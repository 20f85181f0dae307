"""Partner keys that others cannot spend: public keys from their own sites, budgets per visitor,
and a secret server key for partners' own back ends."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from linkwell.gateway.keys import KeyStore
from tests.conftest import load
from tests.factory import corpus

SITE = "https://www.lewishamhub.example.org"
ATTACKER, VISITOR, OTHER_VISITOR = "203.0.113.9", "198.51.100.7", "198.51.100.8"
DEAD = "http://127.0.0.1:9"


@pytest.fixture
def gateway(tmp_path: Path) -> Flask:
    from linkwell.directory import create_app as directory_app
    from linkwell.gateway import create_app

    directory = directory_app({"TESTING": True, "DATA_DIR": str(tmp_path / "dir"),
                               "SEARCH_BACKEND": "sqlite", "INGEST_TOKEN": "test-token"})
    load(directory.test_client(), corpus())
    return create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": directory,
                       "MATCHER_URL": DEAD, "TESTING": True})


def keys(tmp_path: Path) -> KeyStore:
    return KeyStore(tmp_path / "gw" / "gateway.sqlite3")


def search(client: FlaskClient, secret: str, addr: str, origin: str | None = SITE) -> Any:
    headers = {"X-API-Key": secret, **({"Origin": origin} if origin else {})}
    return client.get("/api/v1/services?q=walk", headers=headers,
                      environ_base={"REMOTE_ADDR": addr})


def test_someone_hammering_with_a_copied_key_leaves_the_widget_answering(
        gateway: Flask, tmp_path: Path) -> None:
    _, public = keys(tmp_path).create("Lewisham Community Hub", "partner", origins=(SITE,))
    client = gateway.test_client()
    # curl with the key from the page source, and the partner's Origin forged: 600 searches.
    attack = Counter(search(client, public, ATTACKER).status_code for _ in range(600))
    assert attack[429] >= 400, attack  # held to one visitor's budget, not the site's
    # Meanwhile people on the partner's page search as usual.
    for addr in (VISITOR, OTHER_VISITOR):
        answers = [search(client, public, addr) for _ in range(20)]
        assert [a.status_code for a in answers] == [200] * 20
        assert answers[0].headers["Access-Control-Allow-Origin"] == SITE


def test_a_public_key_works_only_from_its_own_sites(gateway: Flask, tmp_path: Path) -> None:
    _, public = keys(tmp_path).create("Hub", "partner", origins=(SITE,))
    client = gateway.test_client()
    assert search(client, public, VISITOR).status_code == 200
    for origin in (None, "https://elsewhere.example"):
        refused = search(client, public, VISITOR, origin)
        assert refused.status_code == 403 and "partner server key" in refused.json["message"]


def test_a_server_key_is_for_servers_with_a_budget_of_its_own(gateway: Flask,
                                                               tmp_path: Path) -> None:
    _, server = keys(tmp_path).create("Hub back end", "partner_server")
    client = gateway.test_client()
    # The partner's back end: no Origin, one address, more than any one visitor may ask.
    codes = Counter(search(client, server, "192.0.2.50", origin=None).status_code
                    for _ in range(200))
    assert codes == {200: 200}
    leaked = search(client, server, VISITOR, origin=SITE)
    assert leaked.status_code == 403 and "web page" in leaked.json["message"]


def test_the_cli_asks_for_a_partner_keys_origin(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from linkwell.cli import main

    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    refused = runner.invoke(main, ["keys", "create", "--name", "Hub", "--role", "partner"])
    assert refused.exit_code != 0 and "--origin" in refused.output
    for role in ("partner_server", "oruk_reader"):
        made = runner.invoke(main, ["keys", "create", "--name", "Hub", "--role", role])
        assert made.exit_code == 0, made.output
    assert {k.role for k in KeyStore(tmp_path / "gateway.sqlite3").all()} == {
        "partner_server", "oruk_reader"}
