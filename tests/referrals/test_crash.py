"""A real gateway under gunicorn, killed with SIGKILL after taking a referral: nothing is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
import yaml

from linkwell.gateway.keys import KeyStore
from linkwell.gateway.referrals import Referrals
from linkwell.gateway.referrals.model import DEAD as DEAD_LETTER
from linkwell.gateway.referrals.model import DELIVERED, PENDING
from linkwell.gateway.referrals.outbox import INTERRUPTED
from tests.referrals.conftest import (
    CHOIR,
    DEAD,
    WALK,
    WEBHOOK_SECRET,
    SmtpSink,
    WebhookSink,
    free_port,
    listings,
    referral,
)
from tests.referrals.test_delivery import wait_for

PERSONAL = ("Bernadette", "Okonkwo", "900461", "mailbox.example.net", "hip operation")


class Server:
    """``gunicorn 'linkwell.gateway:create_app()'`` in its own process group."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.env = env
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{self.port}", "-w", "1",
                 "-k", "gthread", "--threads", "4", "--access-logfile", "-",
                 "linkwell.gateway:create_app()"],
                env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(self._up, timeout=60)

    def _up(self) -> bool:
        assert self.process is not None and self.process.poll() is None, self.log.read_text()
        try:
            return requests.get(f"{self.url}/healthz", timeout=1).status_code == 200
        except requests.RequestException:
            return False

    def kill(self) -> None:
        """SIGKILL to the master and its worker: no clean-up code runs."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(30)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[dict[str, str], str]]:
    """A data directory with the listings and a link worker key, and the server's settings."""
    from linkwell.directory import create_app

    data = tmp_path / "var"
    directory = create_app({"DATA_DIR": str(data), "SEARCH_BACKEND": "sqlite",
                            "INGEST_TOKEN": "t"})
    loaded = directory.test_client().post("/assets", json={"feed": "tests", "records": listings()},
                                          headers={"Authorization": "Bearer t"})
    assert loaded.status_code == 200
    directory.extensions["linkwell.backend"].close()
    _, secret = KeyStore(data / "gateway.sqlite3").create("Catford link workers", "link_worker")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINKWELL_")}
    env.update(LINKWELL_DATA_DIR=str(data), LINKWELL_SEARCH_BACKEND="sqlite",
               LINKWELL_MATCHER_URL=DEAD, LINKWELL_REFERRALS_WORKER="thread",
               LINKWELL_REFERRALS_POLL_SECONDS="0.2", LINKWELL_REFERRALS_LEASE_SECONDS="3",
               LINKWELL_REFERRALS_RETRY_BASE_SECONDS="0.2",
               LINKWELL_REFERRALS_RETRY_MAX_SECONDS="0.5", LINKWELL_REFERRALS_ROUTES="")
    yield env, secret


def routes(tmp_path: Path, webhook: WebhookSink) -> str:
    path = tmp_path / "routes.yaml"
    path.write_text(yaml.safe_dump({"assets": {CHOIR: {"webhook": webhook.url,
                                                       "secret": WEBHOOK_SECRET}}}))
    return str(path)


def store_view(env: dict[str, str]) -> Referrals:
    return Referrals({"DATA_DIR": env["LINKWELL_DATA_DIR"], "REFERRALS_WORKER": "off"})


def refer_then_kill(env: dict[str, str], secret: str, log: Path, listing: str,
                    busy: Callable[[str], bool]) -> str:
    """Start the gateway, refer someone to ``listing``, wait until ``busy(reference)``, then
    SIGKILL it; the referral's reference."""
    server = Server(env, log)
    server.start()
    try:
        answer = requests.post(f"{server.url}/api/v1/referrals", json=referral(listing),
                               headers={"X-API-Key": secret}, timeout=10)
        assert answer.status_code == 201, answer.text
        reference = str(answer.json()["reference"])
        wait_for(lambda: busy(reference))
        server.kill()
    finally:
        server.stop()
    return reference


def killed_mid_send(env: dict[str, str], secret: str, log: Path, listing: str,
                    receiver: SmtpSink | WebhookSink, taken: Callable[[], bool],
                    arrived: Callable[[], bool]) -> str:
    """The receiver takes the referral and does not answer; the gateway is killed while the
    worker waits (``taken``); then the receiver finishes with it after all (``arrived``)."""
    receiver.hold = threading.Event()
    receiver.start()
    reference = refer_then_kill(env, secret, log, listing, lambda _: taken())
    receiver.hold.set()
    wait_for(arrived)
    return reference


def restart_until(env: dict[str, str], log: Path, done: Callable[[], bool],
                  timeout: float = 20.0) -> None:
    """Start the gateway again (no request needed: it picks up what is waiting), wait until
    ``done``, and stop it."""
    restarted = Server(env, log)
    restarted.start()
    try:
        wait_for(done, timeout=timeout)
    finally:
        restarted.stop()


def test_killed_before_delivery_then_restarted_delivers_once(
        site: tuple[dict[str, str], str], tmp_path: Path, webhook: WebhookSink) -> None:
    env, secret = site
    env["LINKWELL_REFERRALS_ROUTES"] = routes(tmp_path, webhook)  # the webhook is down
    view = store_view(env)
    reference = refer_then_kill(env, secret, tmp_path / "server.log", CHOIR,
                                lambda ref: view.store.job(ref).attempts >= 1)  # tried, failed
    job = view.store.job(reference)
    assert job.state == PENDING and not webhook.received  # accepted, not delivered
    webhook.start()
    restart_until(env, tmp_path / "server.log",
                  lambda: view.store.job(reference).state == DELIVERED)
    assert [r["reference"] for r in webhook.received] == [reference]
    assert webhook.requests == 1
    logged = (tmp_path / "server.log").read_text()
    assert "POST /api/v1/referrals" in logged and "referral delivered" in logged
    for personal in PERSONAL:
        assert personal not in logged


def test_killed_in_the_middle_of_delivering_is_delivered_once_after_restart(
        site: tuple[dict[str, str], str], tmp_path: Path, webhook: WebhookSink) -> None:
    env, secret = site
    env["LINKWELL_REFERRALS_ROUTES"] = routes(tmp_path, webhook)
    reference = killed_mid_send(env, secret, tmp_path / "server.log", CHOIR, webhook,
                                taken=lambda: webhook.requests == 1,
                                arrived=lambda: len(webhook.received) == 1)
    view = store_view(env)
    assert view.store.job(reference).state == PENDING  # Linkwell could not know it arrived
    # The dead worker's lease runs out, then the referral goes again with the same key.
    restart_until(env, tmp_path / "server.log",
                  lambda: view.store.job(reference).state == DELIVERED, timeout=30)
    assert webhook.requests == 2 and len(webhook.seen_keys) == 1
    assert [r["reference"] for r in webhook.received] == [reference]  # once, for the group


def test_an_email_in_flight_at_a_kill_is_not_sent_again_with_the_same_message_id(
        site: tuple[dict[str, str], str], tmp_path: Path, smtp: SmtpSink) -> None:
    """A mail system would deliver a repeat: the referral goes to an admin instead."""
    env, secret = site
    env.update(LINKWELL_SMTP_HOST="127.0.0.1", LINKWELL_SMTP_PORT=str(smtp.port),
               LINKWELL_SMTP_FROM="Linkwell <referrals@linkwell.example.org>")
    reference = killed_mid_send(env, secret, tmp_path / "server.log", WALK, smtp,
                                taken=lambda: smtp.arrived == 1,
                                arrived=lambda: len(smtp.messages) == 1)
    view = store_view(env)
    restart_until(env, tmp_path / "server.log",
                  lambda: view.store.job(reference).state == DEAD_LETTER, timeout=30)
    assert smtp.arrived == 1 and len(smtp.message_ids()) == 1  # not sent a second time
    letters = view.store.dead_letters()
    assert [(d.reference, d.last_error) for d in letters] == [(reference, INTERRUPTED)]
    assert view.store.requeue(reference, 0.0)  # an admin asked the group: it did not arrive
    worker = Referrals({"DATA_DIR": env["LINKWELL_DATA_DIR"], "REFERRALS_WORKER": "off",
                        "SMTP_HOST": "127.0.0.1", "SMTP_PORT": smtp.port,
                        "SMTP_FROM": "Linkwell <referrals@linkwell.example.org>"})
    assert worker.outbox().run_once() == 1
    assert view.store.job(reference).state == DELIVERED and len(smtp.messages) == 2
