"""Delivery through the outbox: real SMTP and webhook receivers that fail, then recover."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from linkwell.gateway.referrals import DeliveryReceipt, Referrals
from linkwell.gateway.referrals.model import DEAD, DELIVERED, PENDING, ReferralDelivery
from linkwell.gateway.referrals.outbox import RetryPolicy
from linkwell.gateway.referrals.service import referral_plugins
from linkwell.plugins import hookimpl
from tests.referrals.conftest import (
    CHOIR,
    WALK,
    WEBHOOK_SECRET,
    Gateway,
    SmtpSink,
    WebhookSink,
    gateway_config,
    make_gateway,
    referral,
)

URL = "/api/v1/referrals"


class Clock:
    """Time that moves only when a test says so: back-off without sleeping."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def worker(gateway: Gateway, clock: Clock) -> Referrals:
    """A delivery worker on the gateway's store, as `linkwell referrals deliver` would be."""
    return Referrals(dict(gateway.app.config), clock=clock)


def send(gateway: Gateway, n: int, asset_id: str = WALK) -> list[str]:
    references = []
    for i in range(n):
        response = gateway.client.post(URL, json=referral(asset_id, name=f"Person {i} Tester"),
                                       headers=gateway.link_worker)
        assert response.status_code == 201, response.json
        references.append(response.json["reference"])
    return references


def states(service: Referrals, references: list[str]) -> list[str]:
    return [service.store.job(r).state for r in references]


def test_smtp_down_for_the_first_attempts_then_each_referral_arrives_once(
        gateway: Gateway, smtp: SmtpSink) -> None:
    references = send(gateway, 3)
    clock = Clock()
    service = worker(gateway, clock)
    outbox = service.outbox()
    for attempt in (1, 2):  # the mail server is down
        assert outbox.run_once() == 3
        assert states(service, references) == [PENDING] * 3
        assert outbox.run_once() == 0  # nothing is retried before its back-off
        clock.advance(10 * 2 ** attempt)
    smtp.start()
    assert outbox.run_once() == 3
    clock.advance(86400)
    assert outbox.run_once() == 0
    assert states(service, references) == [DELIVERED] * 3
    assert len(smtp.messages) == 3
    keys = {service.store.job(r).idempotency_key for r in references}
    assert {m["Message-ID"] for m in smtp.messages} == {
        f"<referral-{k}@linkwell.referrals>" for k in keys}
    assert sorted(m["X-Linkwell-Reference"] for m in smtp.messages) == sorted(references)
    for reference in references:
        status = gateway.client.get(f"{URL}/{reference}/status").json
        assert status["status"] == "sent"


def test_the_email_tells_the_group_what_it_needs(gateway: Gateway, smtp: SmtpSink) -> None:
    smtp.start()
    [reference] = send(gateway, 1)
    worker(gateway, Clock()).outbox().run_once()
    [message] = smtp.messages
    assert message["To"] == "walks@ladywell-walkers.example.org"
    assert message["Reply-To"] == "b.okonkwo.smith@mailbox.example.net"
    body = message.get_content()
    assert "Person 0 Tester" in body and "+447700900461" in body
    assert "Weekday mornings after ten" in body and "hip operation" in body
    assert "Catford Surgery link workers" in body
    assert f"https://linkwell.example.org/referrals/respond/{reference}.a." in body
    assert f"https://linkwell.example.org/referrals/respond/{reference}.d." in body


def test_webhook_down_then_failing_then_back_delivers_each_referral_once(
        gateway: Gateway, webhook: WebhookSink) -> None:
    references = send(gateway, 2, CHOIR)
    clock = Clock()
    service = worker(gateway, clock)
    outbox = service.outbox()
    assert outbox.run_once() == 2  # nothing listening at all
    webhook.fail_next = 2
    webhook.start()
    clock.advance(25)
    assert outbox.run_once() == 2  # up, but answering 503
    assert states(service, references) == [PENDING] * 2
    clock.advance(50)
    assert outbox.run_once() == 2
    assert states(service, references) == [DELIVERED] * 2
    clock.advance(86400)
    assert outbox.run_once() == 0
    assert webhook.rejected == 0  # every signature checked out
    assert sorted(r["reference"] for r in webhook.received) == sorted(references)
    assert webhook.requests == 4  # 2 refused with 503, then each referral once
    assert all(r["respond"]["accept"].startswith("https://linkwell.example.org/")
               for r in webhook.received)


def test_a_retry_after_a_lost_answer_carries_the_same_idempotency_key(
        sqlite_directory: Flask, tmp_path: Path, smtp: SmtpSink, webhook: WebhookSink) -> None:
    gateway = make_gateway(gateway_config(tmp_path, sqlite_directory, smtp.port, webhook.url,
                                          REFERRALS_DELIVERY_TIMEOUT=0.5))
    [reference] = send(gateway, 1, CHOIR)
    webhook.hold = threading.Event()  # the receiver takes it in, but answers too late
    webhook.start()
    clock = Clock()
    service = worker(gateway, clock)
    service.outbox().run_once()
    assert service.store.job(reference).state == PENDING  # we could not know it arrived
    webhook.hold.set()
    wait_for(lambda: len(webhook.received) == 1)
    clock.advance(30)
    service.outbox().run_once()
    assert service.store.job(reference).state == DELIVERED
    assert webhook.requests == 2 and len(webhook.seen_keys) == 1
    assert [r["reference"] for r in webhook.received] == [reference]  # once, for the group


def test_two_workers_at_once_never_send_one_referral_twice(
        gateway: Gateway, webhook: WebhookSink) -> None:
    references = send(gateway, 8, CHOIR)
    webhook.start()
    services = [worker(gateway, Clock()) for _ in range(2)]
    threads = [threading.Thread(target=s.outbox().run_once) for s in services]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert webhook.requests == 8  # no duplicate request at all, not merely deduplicated
    assert sorted(r["reference"] for r in webhook.received) == sorted(references)


def test_repeated_failure_is_dead_lettered_shown_to_admins_and_can_be_retried(
        sqlite_directory: Flask, tmp_path: Path, smtp: SmtpSink, webhook: WebhookSink) -> None:
    gateway = make_gateway(gateway_config(tmp_path, sqlite_directory, smtp.port, webhook.url,
                                          REFERRALS_MAX_ATTEMPTS=3))
    [reference] = send(gateway, 1, CHOIR)
    webhook.fail_next = 10
    webhook.start()
    clock = Clock()
    service = worker(gateway, clock)
    for _ in range(3):
        service.outbox().run_once()
        clock.advance(3600)
    assert service.store.job(reference).state == DEAD
    listed = gateway.client.get(f"{URL}/dead-letters", headers=gateway.admin)
    assert listed.json["total"] == 1
    [letter] = listed.json["dead_letters"]
    assert letter["reference"] == reference and letter["asset_id"] == CHOIR
    assert letter["attempts"] == 3 and "503" in letter["last_error"]
    text = listed.get_data(as_text=True)
    assert "Person 0" not in text and "900461" not in text and "mailbox" not in text
    assert gateway.client.get(f"{URL}/{reference}/status").json["status"] == "received"
    webhook.fail_next = 0
    retried = gateway.client.post(f"{URL}/dead-letters/{reference}/retry",
                                  headers=gateway.admin)
    assert retried.json == {"reference": reference, "requeued": True}
    service.outbox().run_once()
    assert [r["reference"] for r in webhook.received] == [reference]
    assert gateway.client.get(f"{URL}/dead-letters", headers=gateway.admin).json["total"] == 0


def test_a_permanent_refusal_is_dead_lettered_at_once(gateway: Gateway) -> None:
    [reference] = send(gateway, 1, CHOIR)
    # The route now points at a webhook that is not on this machine, over plain HTTP.
    service = Referrals({**gateway.app.config, "REFERRALS_ROUTES": {"assets": {CHOIR: {
        "webhook": "http://referrals.example.org/in", "secret": WEBHOOK_SECRET}}}},
        clock=Clock())
    service.outbox().run_once()
    job = service.store.job(reference)
    assert job.state == DEAD and job.attempts == 1 and "https" in job.last_error


def test_the_background_thread_delivers_without_being_asked(
        sqlite_directory: Flask, tmp_path: Path, smtp: SmtpSink, webhook: WebhookSink) -> None:
    smtp.start()
    gateway = make_gateway(gateway_config(tmp_path, sqlite_directory, smtp.port, webhook.url,
                                          REFERRALS_WORKER="thread", REFERRALS_POLL_SECONDS=30))
    try:
        [reference] = send(gateway, 1)
        # A new referral wakes the worker: no need to wait for the 30-second poll.
        wait_for(lambda: len(smtp.messages) == 1)
        wait_for(lambda: gateway.client.get(f"{URL}/{reference}/status").json["status"] == "sent")
    finally:
        gateway.referrals.stop_worker()
    assert smtp.messages[0]["X-Linkwell-Reference"] == reference


def test_policy_backs_off_exponentially_to_a_ceiling() -> None:
    policy = RetryPolicy(base=60, ceiling=3600, max_attempts=36)
    delays = [policy.delay(n) for n in (1, 2, 3, 7, 30)]
    assert 54 <= delays[0] <= 66 and 108 <= delays[1] <= 132 and 216 <= delays[2] <= 264
    assert 3240 <= delays[3] <= 3960 and 3240 <= delays[4] <= 3960
    total = sum(min(3600, 60 * 2 ** (n - 1)) for n in range(1, 36))
    assert total > 86400  # a group's inbox can be down for a day and still get it


class CasebookDeliverer:
    """A third-party deliverer for a kind Linkwell does not know."""

    def __init__(self) -> None:
        self.deliveries: list[ReferralDelivery] = []

    @hookimpl
    def linkwell_deliver_referral(self, delivery: ReferralDelivery) -> DeliveryReceipt | None:
        if delivery.target.kind != "casebook":
            return None
        self.deliveries.append(delivery)
        return DeliveryReceipt("casebook", "case-42")


def test_hook_deliver_referral_a_plugin_delivers_its_own_kind(gateway: Gateway,
                                                              smtp: SmtpSink) -> None:
    config: dict[str, Any] = {**gateway.app.config, "REFERRALS_ROUTES": {"assets": {CHOIR: {
        "kind": "casebook", "address": "team-7", "secret": "s3"}}}}
    plugin = CasebookDeliverer()
    pm = referral_plugins(config)
    pm.register(plugin, name="casebook")
    [walk] = send(gateway, 1)
    [choir] = send(gateway, 1, CHOIR)
    service = Referrals(config, pm=pm, clock=Clock())
    smtp.start()
    assert service.outbox().run_once() == 2
    [delivery] = plugin.deliveries
    assert delivery.reference == choir and delivery.target.address == "team-7"
    assert delivery.idempotency_key == service.store.job(choir).idempotency_key
    assert delivery.person.name == "Person 0 Tester" and delivery.record_code is not None
    assert service.store.job(choir).channel == "casebook"
    assert service.store.job(walk).channel == "email"  # the built-in still handles email
    assert len(smtp.messages) == 1


def test_hook_deliver_referral_no_deliverer_is_a_dead_letter(gateway: Gateway) -> None:
    config = {**gateway.app.config, "REFERRALS_ROUTES": {"assets": {CHOIR: {
        "kind": "fax", "address": "0207"}}}}
    [reference] = send(gateway, 1, CHOIR)
    service = Referrals(config, clock=Clock())
    service.outbox().run_once()
    job = service.store.job(reference)
    assert job.state == DEAD and "fax" in job.last_error


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Poll until ``condition`` holds (a bound, not an assertion on time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("the condition did not come true in time")
        time.sleep(0.05)


def test_a_fork_waits_for_a_delivery_in_progress() -> None:
    """gunicorn forking a preloaded app must not copy a half-done delivery into the child."""
    import os

    from linkwell.gateway.referrals.outbox import FORK_GUARD

    holding, finished = threading.Event(), threading.Event()

    def deliver() -> None:
        with FORK_GUARD:
            holding.set()
            time.sleep(0.3)
            finished.set()

    thread = threading.Thread(target=deliver)
    thread.start()
    holding.wait(10)
    pid = os.fork()
    if pid == 0:  # the child: the guard is free for its own worker
        with FORK_GUARD:
            os._exit(0)
    assert finished.is_set()  # the fork happened only after the delivery finished
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0
    thread.join(10)
