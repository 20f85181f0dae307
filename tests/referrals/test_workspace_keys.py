"""Referrals made with a link worker's API key: a key that belongs to a team (``keys create
--team``) makes that team's casework, so the team's lead follows it in My referrals; a key
with no team, or another team, sees none of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkwell.gateway.keys import KeyStore
from tests.gateway.accounts_helper import signed_in_client
from tests.referrals.conftest import Gateway, referral

URL = "/api/v1/referrals"


def test_a_team_keys_referrals_are_the_teams_casework(gateway: Gateway) -> None:
    keys = KeyStore(Path(gateway.app.config["DATA_DIR"]) / "gateway.sqlite3")
    key, secret = keys.create("Catford Surgery's patient system", "link_worker",
                              team="catford")
    assert keys.find(secret) == key and key.team == "catford"
    made = gateway.client.post(URL, json=referral(), headers={"X-API-Key": secret})
    assert made.status_code == 201, made.json
    teamless = gateway.client.post(URL, json=referral(), headers=gateway.link_worker)
    assert teamless.status_code == 201
    ours, theirs = made.json["reference"], teamless.json["reference"]

    case = gateway.referrals.workspace.casework(ours)
    assert case is not None and case.team == "catford" and case.link_worker == ""
    loose = gateway.referrals.workspace.casework(theirs)
    assert loose is not None and loose.team == ""  # a key with no team: no team's casework

    lead = signed_in_client(gateway.app, "lead", team="catford")
    page = lead.get("/workspace/referrals").get_data(as_text=True)
    assert ours in page and theirs not in page
    assert lead.get(f"/workspace/referrals/{ours}").status_code == 200
    # A link worker's own list is theirs alone: a key is no one person.
    worker = signed_in_client(gateway.app, "link_worker", team="catford")
    assert ours not in worker.get("/workspace/referrals").get_data(as_text=True)
    other = signed_in_client(gateway.app, "lead", team="deptford")
    assert ours not in other.get("/workspace/referrals").get_data(as_text=True)
    assert other.get(f"/workspace/referrals/{ours}").status_code == 404


def test_only_a_link_worker_key_has_a_team_and_old_key_files_gain_the_column(
        tmp_path: Path) -> None:
    path = tmp_path / "gateway.sqlite3"
    with sqlite3.connect(path) as conn:  # the table as it was before teams
        conn.execute("CREATE TABLE api_keys (id TEXT PRIMARY KEY, digest TEXT NOT NULL UNIQUE,"
                     " name TEXT NOT NULL, role TEXT NOT NULL, feeds TEXT NOT NULL DEFAULT"
                     " '[]', origins TEXT NOT NULL DEFAULT '[]', created TEXT NOT NULL,"
                     " revoked TEXT)")
        conn.execute("INSERT INTO api_keys VALUES ('k1', 'd', 'Old key', 'admin', '[]', '[]',"
                     " '2026-01-01T00:00:00+00:00', NULL)")
    conn.close()
    keys = KeyStore(path)
    assert [(k.id, k.team) for k in keys.all()] == [("k1", "")]
    with pytest.raises(ValueError, match="team"):
        keys.create("Admins", "admin", team="catford")


def test_the_cli_makes_a_team_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linkwell.cli import main

    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    made = runner.invoke(main, ["keys", "create", "--name", "Catford system", "--role",
                                "link_worker", "--team", "catford"])
    assert made.exit_code == 0, made.output
    assert [k.team for k in KeyStore(tmp_path / "gateway.sqlite3").all()] == ["catford"]
    wrong = runner.invoke(main, ["keys", "create", "--name", "x", "--role", "admin",
                                 "--team", "catford"])
    assert wrong.exit_code == 2 and "--team" in wrong.output
