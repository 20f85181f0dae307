"""``linkwell referrals ...`` on the embedded SQLite store."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkwell.cli import main
from linkwell.gateway.referrals import Referrals
from linkwell.gateway.referrals.model import LINK_WORKER_REFERRAL, Asset, Person
from linkwell.gateway.referrals.settings import referrals_keys
from tests.referrals.conftest import SmtpSink

DAY = 86400


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path / "var"))
    for name in ("LINKWELL_REFERRALS_DATABASE_URL", "LINKWELL_REFERRALS_KEY",
                 "LINKWELL_REFERRALS_ROUTES"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner()


def made(tmp_path: Path, days_ago: float, **config: object) -> tuple[Referrals, str]:
    """A referral made ``days_ago`` days ago, stored where the CLI will look."""
    then = time.time() - days_ago * DAY
    service = Referrals({"DATA_DIR": str(tmp_path / "var"), **config}, clock=lambda: then)
    referral = service.create(LINK_WORKER_REFERRAL, Asset("a1", "Ladywell Walkers", "lewisham",
                                                          "walks@example.org"),
                              Person("Ezinne Baptiste", "phone", "+447700900555"),
                              follow_up=False, referrer="Catford link workers")
    return service, referral.reference


def test_purge_erases_only_details_past_the_retention_period(runner: CliRunner,
                                                             tmp_path: Path) -> None:
    service, old = made(tmp_path, days_ago=91)
    _, recent = made(tmp_path, days_ago=89)
    result = runner.invoke(main, ["referrals", "purge"])
    assert result.exit_code == 0, result.output
    assert "Erased the details of 1 referral(s) older than 90 days" in result.output
    assert service.store.get(old).person is None
    assert service.store.get(recent).person is not None
    stats = runner.invoke(main, ["referrals", "stats", "--json"])
    counts = json.loads(stats.output)
    assert counts["total"] == 2 and counts["erased"] == {"retention": 1}
    assert counts["kind"] == {LINK_WORKER_REFERRAL: 2}


def test_deliver_once_purges_first_then_delivers(runner: CliRunner, tmp_path: Path,
                                                 smtp: SmtpSink,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    service, old = made(tmp_path, days_ago=120)
    _, fresh = made(tmp_path, days_ago=0)
    smtp.start()
    monkeypatch.setenv("LINKWELL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LINKWELL_SMTP_PORT", str(smtp.port))
    result = runner.invoke(main, ["referrals", "deliver", "--once"])
    assert result.exit_code == 0, result.output
    assert "Tried 1 referral(s); erased the details of 1" in result.output
    assert [m["X-Linkwell-Reference"] for m in smtp.messages] == [fresh]
    assert service.store.job(old).state == "cancelled"  # never sent: it was too old


def test_dead_letters_retry_and_erase(runner: CliRunner, tmp_path: Path) -> None:
    service, reference = made(tmp_path, days_ago=0)
    service.outbox().run_once()  # no SMTP server is configured: an admin must look
    listed = runner.invoke(main, ["referrals", "dead-letters"], terminal_width=200)
    assert reference in listed.output and "SMTP" in listed.output
    assert "Ezinne" not in listed.output
    assert runner.invoke(main, ["referrals", "retry", reference]).exit_code == 0
    assert service.store.job(reference).state == "pending"
    again = runner.invoke(main, ["referrals", "retry", reference])
    assert again.exit_code == 1 and "not a dead letter" in again.output
    erased = runner.invoke(main, ["referrals", "erase", reference.lower()])
    assert erased.exit_code == 0 and service.store.get(reference).person is None
    missing = runner.invoke(main, ["referrals", "erase", "ZZZZ-ZZZZ-ZZZZ"])
    assert missing.exit_code == 1 and "no referral" in missing.output


def test_new_key_makes_a_usable_key(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["referrals", "new-key"])
    key = result.output.strip()
    assert len(referrals_keys({"REFERRALS_KEY": key, "DATA_DIR": str(tmp_path)})[0]) == 32
    with pytest.raises(ValueError, match="32 bytes"):
        referrals_keys({"REFERRALS_KEY": "c2hvcnQ=", "DATA_DIR": str(tmp_path)})
