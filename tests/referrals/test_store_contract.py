"""The referral store's contract, run against SQLite and PostgreSQL alike."""

from __future__ import annotations

import base64
import threading
from pathlib import Path
from typing import Any

import pytest

from linkwell.gateway.referrals.crypto import Sealer, UnreadableDetails
from linkwell.gateway.referrals.model import (
    ACCEPTED,
    CANCELLED,
    DEAD,
    DELIVERED,
    PENDING,
    RECEIVED,
    SELF_REFERRAL,
    SENT,
    WITHDRAWN,
    Asset,
    Person,
    Referral,
)
from linkwell.gateway.referrals.reference import new_reference
from linkwell.gateway.referrals.settings import new_key
from linkwell.gateway.referrals.store import ReferralStore
from linkwell.gateway.referrals.stores import open_store
from tests.referrals.conftest import raw_contents

NAME, EMAIL, PHONE = "Winifred Adebayo-Kowalski", "winnie.ak@mailbox.example.net", "+447700900987"
ASSET = Asset("asset-1", "Ladywell Walkers", "lewisham", "walks@example.org")


def make_store(url: str, tmp_path: Path, keys: str | None = None) -> ReferralStore:
    return open_store({"REFERRALS_DATABASE_URL": url, "DATA_DIR": str(tmp_path),
                       "REFERRALS_KEY": keys or KEY})


KEY = new_key()


@pytest.fixture
def store(store_url: str, tmp_path: Path) -> ReferralStore:
    return make_store(store_url, tmp_path)


def make_referral(created: float = 1_000_000.0, **changes: Any) -> Referral:
    values: dict[str, Any] = dict(
        reference=new_reference(), kind=SELF_REFERRAL, asset=ASSET, status=RECEIVED,
        created=created, updated=created, referrer="Lewisham Council website", follow_up=True,
        person=Person(NAME, "email", PHONE, EMAIL, "Evenings", "Looking forward to it"))
    values.update(changes)
    return Referral(**values)


def test_a_referral_round_trips_with_its_details(store: ReferralStore) -> None:
    referral = make_referral()
    store.add(referral, next_attempt=referral.created)
    assert store.get(referral.reference) == referral
    job = store.job(referral.reference)
    assert job is not None and job.state == PENDING and job.attempts == 0
    assert store.get("NOPE-NOPE-NOPE") is None


def test_details_are_not_stored_in_plain_text(store: ReferralStore, store_url: str,
                                              tmp_path: Path) -> None:
    for _ in range(3):
        store.add(make_referral(), next_attempt=0)
    raw = raw_contents(store_url)
    assert b"Ladywell Walkers" in raw  # the check can see stored text at all
    for secret in (NAME, EMAIL, PHONE, "07700900987", "Looking forward"):
        assert secret.encode() not in raw


def test_claims_are_exclusive_and_leases_expire(store: ReferralStore) -> None:
    referral = make_referral()
    store.add(referral, next_attempt=100.0)
    assert store.claim("w1", now=50.0, lease=30) is None  # not due yet
    claimed = store.claim("w1", now=100.0, lease=30)
    assert claimed is not None and claimed[0].attempts == 1
    assert claimed[1].person == referral.person
    assert store.claim("w2", now=110.0, lease=30) is None  # w1 holds the lease
    again = store.claim("w2", now=131.0, lease=30)  # w1 died: its lease ran out
    assert again is not None and again[0].attempts == 2
    assert not store.delivered(referral.reference, "w1", "email", 132.0)  # w1 lost it
    assert store.delivered(referral.reference, "w2", "email", 132.0)
    job = store.job(referral.reference)
    assert job is not None and job.state == DELIVERED and job.channel == "email"
    stored = store.get(referral.reference)
    assert stored is not None and stored.status == SENT
    assert store.claim("w3", now=1e9, lease=30) is None  # delivered is done


def test_racing_workers_never_claim_one_job_twice(store: ReferralStore) -> None:
    references = []
    for _ in range(12):
        referral = make_referral()
        store.add(referral, next_attempt=0)
        references.append(referral.reference)
    claimed: list[str] = []
    lock = threading.Lock()

    def work(worker: str) -> None:
        while (got := store.claim(worker, now=10.0, lease=600)) is not None:
            with lock:
                claimed.append(got[0].reference)

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(claimed) == sorted(references)


def test_failures_retry_then_dead_letter_then_requeue(store: ReferralStore) -> None:
    referral = make_referral()
    store.add(referral, next_attempt=0)
    assert store.claim("w", 1.0, 30) is not None
    assert store.failed(referral.reference, "w", "the mail server did not answer", 50.0, False)
    assert store.claim("w", 10.0, 30) is None  # waiting for its back-off
    assert store.claim("w", 50.0, 30) is not None
    assert store.failed(referral.reference, "w", "the webhook answered 410", 99.0, True)
    job = store.job(referral.reference)
    assert job is not None and job.state == DEAD and job.attempts == 2
    letters = store.dead_letters()
    assert [(d.reference, d.asset_id, d.last_error) for d in letters] == [
        (referral.reference, "asset-1", "the webhook answered 410")]
    assert store.claim("w", 1e9, 30) is None  # dead letters wait for an admin
    assert store.requeue(referral.reference, 200.0)
    assert store.dead_letters() == []
    assert store.claim("w", 200.0, 30) is not None


def test_erasure_keeps_an_anonymous_count(store: ReferralStore) -> None:
    kept, erased = make_referral(), make_referral()
    for referral in (kept, erased):
        store.add(referral, next_attempt=0)
    assert store.erase(erased.reference, "request", now=1_000_500.0)
    assert not store.erase("ABCD-EFGH-JKMN", "request", now=1.0)
    after = store.get(erased.reference)
    assert after is not None
    assert after.person is None and after.status == WITHDRAWN
    assert after.erased_reason == "request" and not after.follow_up
    assert after.created % 86400 == 0  # only the day is kept
    job = store.job(erased.reference)
    assert job is not None and job.state == CANCELLED
    assert store.claim("w", 1e9, 30) is not None  # the other one is still delivered
    assert store.claim("w", 1e9, 30) is None
    stats = store.stats()
    assert stats["total"] == 2
    assert stats["status"] == {RECEIVED: 1, WITHDRAWN: 1}
    assert stats["erased"] == {"request": 1}
    assert stats["kind"] == {SELF_REFERRAL: 2}


def test_purge_erases_only_what_is_older_than_the_cutoff(store: ReferralStore) -> None:
    old, new = make_referral(created=1000.0), make_referral(created=9000.0)
    for referral in (old, new):
        store.add(referral, next_attempt=0)
    assert store.purge(created_before=5000.0, now=10_000.0) == 1
    purged, kept = store.get(old.reference), store.get(new.reference)
    assert purged is not None and purged.person is None
    assert purged.erased_reason == "retention" and purged.status == RECEIVED
    assert kept is not None and kept.person is not None
    assert store.purge(created_before=5000.0, now=10_000.0) == 0  # nothing twice


def test_the_group_answer_is_kept_unless_withdrawn(store: ReferralStore) -> None:
    referral = make_referral()
    store.add(referral, next_attempt=0)
    assert store.set_status(referral.reference, ACCEPTED, 5.0)
    stored = store.get(referral.reference)
    assert stored is not None and stored.status == ACCEPTED
    store.erase(referral.reference, "request", 6.0)
    assert not store.set_status(referral.reference, ACCEPTED, 7.0)


def test_keys_rotate_and_tampering_is_caught(store_url: str, tmp_path: Path) -> None:
    referral = make_referral()
    make_store(store_url, tmp_path).add(referral, next_attempt=0)
    rotated = make_store(store_url, tmp_path, keys=f"{new_key()},{KEY}")
    stored = rotated.get(referral.reference)
    assert stored is not None and stored.person == referral.person
    with pytest.raises(UnreadableDetails):
        make_store(store_url, tmp_path, keys=new_key()).get(referral.reference)


def test_sealed_details_are_bound_to_their_reference() -> None:
    sealer = Sealer([base64.urlsafe_b64decode(KEY)])
    sealed = sealer.seal("AAAA-BBBB-CCCC", {"name": NAME})
    assert sealer.open("AAAA-BBBB-CCCC", sealed) == {"name": NAME}
    with pytest.raises(UnreadableDetails):
        sealer.open("AAAA-BBBB-CCCD", sealed)
    with pytest.raises(UnreadableDetails):
        sealer.open("AAAA-BBBB-CCCC", sealed[:-1] + bytes([sealed[-1] ^ 1]))
