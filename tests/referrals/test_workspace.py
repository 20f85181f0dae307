"""The link worker's casework in the referral store (statuses, ONS4, erasure), on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkwell.gateway.referrals.model import (
    ACCEPTED,
    DECLINED,
    DID_NOT_ATTEND,
    JOINED,
    LINK_WORKER_REFERRAL,
    SENT,
    WITHDRAWN,
)
from linkwell.gateway.referrals.store import ReferralStore
from linkwell.gateway.referrals.workspace import (
    DAY,
    FIRST_MEETING,
    FOLLOW_UP,
    WellbeingError,
    Workspace,
    checked_scores,
)
from tests.referrals.conftest import Gateway, raw_contents, referral
from tests.referrals.test_store_contract import EMAIL, NAME, PHONE, make_referral, make_store

BEFORE = {"life_satisfaction": 3, "worthwhile": 4, "happiness": 2, "anxiety": 8}
AFTER = {"life_satisfaction": 6, "worthwhile": 7, "happiness": 6, "anxiety": 4}
REASON = "We are full until March; Winifred could try the Tuesday group"


@pytest.fixture
def store(store_url: str, tmp_path: Path) -> ReferralStore:
    return make_store(store_url, tmp_path)


def referred(store: ReferralStore, team: str = "Catford Surgery", **changes: object) -> str:
    referral = make_referral(kind=LINK_WORKER_REFERRAL, **changes)
    store.add(referral, next_attempt=referral.created)
    Workspace(store).note(referral.reference, team=team, link_worker="lw-1",  # type: ignore[arg-type]
                          need="loneliness", now=referral.created)
    return referral.reference


def test_the_link_worker_records_joined_and_the_group_cannot_undo_it(
        store: ReferralStore) -> None:
    work = Workspace(store)  # type: ignore[arg-type]
    reference = referred(store)
    assert work.casework(reference).status == "sent"  # type: ignore[union-attr]
    store.set_status(reference, ACCEPTED, 2_000_000.0)
    assert work.attendance(reference, JOINED, 2_100_000.0)
    store.set_status(reference, DECLINED, 2_200_000.0)  # a late click on the other link
    found = work.casework(reference)
    assert found is not None and found.status == JOINED and found.team == "Catford Surgery"
    assert work.attendance(reference, DID_NOT_ATTEND, 2_300_000.0)  # a correction is allowed


def test_a_withdrawn_or_declined_referral_cannot_be_marked_joined(store: ReferralStore) -> None:
    work = Workspace(store)  # type: ignore[arg-type]
    declined, withdrawn = referred(store), referred(store)
    store.set_status(declined, DECLINED, 2_000_000.0)
    store.erase(withdrawn, "request", 2_000_000.0)
    assert not work.attendance(declined, JOINED, 2_100_000.0)
    assert not work.attendance(withdrawn, JOINED, 2_100_000.0)
    with pytest.raises(WellbeingError):
        work.attendance(declined, SENT, 2_100_000.0)


def test_the_reminder_flag_appears_after_seven_days_without_an_answer(
        store: ReferralStore) -> None:
    work = Workspace(store)  # type: ignore[arg-type]
    quiet, answered = referred(store), referred(store)
    store.set_status(answered, ACCEPTED, 1_000_100.0)
    created = 1_000_000.0
    assert not work.casework(quiet).needs_reminder(created + 7 * DAY - 1)  # type: ignore[union-attr]
    assert work.casework(quiet).needs_reminder(created + 7 * DAY)  # type: ignore[union-attr]
    assert not work.casework(answered).needs_reminder(created + 30 * DAY)  # type: ignore[union-attr]


def test_wellbeing_and_the_groups_reason_are_sealed_and_read_back(
        store: ReferralStore, store_url: str) -> None:
    work = Workspace(store)  # type: ignore[arg-type]
    reference = referred(store)
    assert work.record_wellbeing(reference, FIRST_MEETING, BEFORE, 1_000_000.0)
    assert work.record_wellbeing(reference, FOLLOW_UP, AFTER, 3_000_000.0)
    work.decline_reason(reference, REASON, 2_000_000.0)
    found = work.casework(reference)
    assert found is not None and found.decline_reason == REASON
    assert found.wellbeing[FOLLOW_UP].scores == AFTER
    assert found.wellbeing[FIRST_MEETING].scores == BEFORE
    raw = raw_contents(store_url)
    assert b"Tuesday group" not in raw and b"life_satisfaction" not in raw
    assert json.dumps(BEFORE).encode() not in raw


def test_erasure_removes_the_outcomes_and_keeps_only_anonymous_counts(
        store: ReferralStore, store_url: str) -> None:
    work = Workspace(store)  # type: ignore[arg-type]
    reference, other = referred(store), referred(store, team="Other team")
    for ref in (reference, other):
        work.record_wellbeing(ref, FIRST_MEETING, BEFORE, 1_000_000.0)
    work.record_wellbeing(reference, FOLLOW_UP, AFTER, 3_000_000.0)
    work.decline_reason(reference, REASON, 2_000_000.0)
    with store.transaction() as tx:  # type: ignore[attr-defined]
        sealed = [bytes(r[0]) for r in tx.execute(
            "SELECT scores FROM referral_wellbeing WHERE reference = ?", (reference,)).fetchall()]
    assert len(sealed) == 2

    assert store.erase(reference, "request", 4_000_000.0)
    found = work.casework(reference)
    assert found is not None
    assert found.wellbeing == {} and found.decline_reason is None and found.link_worker == ""
    assert found.referral.person is None and found.referral.status == WITHDRAWN
    assert work.erased_counts() == {FIRST_MEETING: 1, FOLLOW_UP: 1}
    assert work.casework(other).wellbeing[FIRST_MEETING].scores == BEFORE  # type: ignore[union-attr]
    # Nothing can bring them back: the referral is closed to new scores.
    assert not work.record_wellbeing(reference, FOLLOW_UP, AFTER, 5_000_000.0)
    raw = raw_contents(store_url)
    for detail in (NAME, EMAIL, PHONE):
        assert detail.encode() not in raw
    for blob in sealed:  # secure_delete on SQLite; deleted rows are not read back on PostgreSQL
        assert blob[-24:] not in raw


def test_retention_erases_outcomes_too(store: ReferralStore) -> None:
    work = Workspace(store)  # type: ignore[arg-type]
    old = referred(store, created=1_000_000.0, updated=1_000_000.0)
    new = referred(store, created=9_000_000.0, updated=9_000_000.0)
    for ref in (old, new):
        work.record_wellbeing(ref, FIRST_MEETING, BEFORE, 9_000_000.0)
    assert store.purge(5_000_000.0, 9_100_000.0) == 1
    assert work.casework(old).wellbeing == {}  # type: ignore[union-attr]
    assert FIRST_MEETING in work.casework(new).wellbeing  # type: ignore[union-attr]
    assert work.erased_counts() == {FIRST_MEETING: 1}


@pytest.mark.parametrize(("phase", "scores", "field"), [
    ("before", BEFORE, "phase"),
    (FIRST_MEETING, {**BEFORE, "anxiety": 11}, "anxiety"),
    (FIRST_MEETING, {**BEFORE, "happiness": -1}, "happiness"),
    (FIRST_MEETING, {**BEFORE, "worthwhile": 5.5}, "worthwhile"),
    (FIRST_MEETING, {**BEFORE, "worthwhile": True}, "worthwhile"),
    (FIRST_MEETING, {k: v for k, v in BEFORE.items() if k != "anxiety"}, "anxiety"),
    (FIRST_MEETING, {**BEFORE, "name": 3}, "name"),
])
def test_bad_scores_are_refused_naming_the_field(phase: str, scores: dict[str, object],
                                                  field: str) -> None:
    with pytest.raises(WellbeingError) as caught:
        checked_scores(phase, scores)
    assert caught.value.field == field


def test_teams_see_only_their_own(store: ReferralStore) -> None:
    work = Workspace(store)  # type: ignore[arg-type]
    mine, theirs = referred(store), referred(store, team="Deptford Medical Centre")
    assert [c.referral.reference for c in work.cases(team="Catford Surgery")] == [mine]
    assert [c.referral.reference for c in work.cases(team="Deptford Medical Centre")] == [theirs]


def test_the_groups_no_and_its_reason_reach_the_link_worker(gateway: Gateway) -> None:
    """The decline link's page takes an optional reason; the casework shows it."""
    made = gateway.client.post("/api/v1/referrals", json=referral(), headers=gateway.link_worker)
    reference = made.json["reference"]
    links = gateway.referrals.deliverer.links(reference, gateway.referrals.clock())
    path = links.decline.removeprefix("https://linkwell.example.org")
    page = gateway.client.get(path)
    assert page.status_code == 200 and b'name="reason"' in page.data
    answered = gateway.client.post(path, data={"reason": "We are full until March"})
    assert answered.status_code == 200
    found = gateway.referrals.workspace.casework(reference)
    assert found.status == DECLINED and found.decline_reason == "We are full until March"
    # and through the API, a "no" without a reason keeps the one given
    token = links.decline.rsplit("/", 1)[1]
    api = gateway.client.post("/api/v1/referrals/respond", json={"token": token})
    assert api.status_code == 200
    assert gateway.referrals.workspace.casework(reference).decline_reason == (
        "We are full until March")
    too_long = gateway.client.post("/api/v1/referrals/respond",
                                   json={"token": token, "reason": "x" * 501})
    assert too_long.status_code == 400 and "reason" in json.dumps(too_long.json["errors"])
