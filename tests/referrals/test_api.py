"""The referral API: who may send, what is checked, and what people are told."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from linkwell.gateway.referrals.model import SNOMED_REFERRAL
from linkwell.gateway.referrals.reference import normalise_reference
from linkwell.gateway.referrals.schemas import uk_phone
from tests.referrals.conftest import (
    CHOIR,
    CLOSED,
    PARTNER_ORIGIN,
    QUIET,
    WALK,
    Gateway,
    make_gateway,
    referral,
)

URL = "/api/v1/referrals"


def stored(gateway: Gateway) -> int:
    count: int = gateway.referrals.store.count()
    return count


def test_a_self_referral_gets_a_reference_and_plain_next_steps(gateway: Gateway) -> None:
    response = gateway.client.post(URL, json=referral(), headers=gateway.partner)
    assert response.status_code == 201, response.json
    body = response.json
    assert normalise_reference(body["reference"]) == body["reference"]
    assert body["status"] == "received" and body["kind"] == "self_referral"
    assert body["asset"] == {"id": WALK, "name": "Ladywell Walkers"}
    assert "Ladywell Walkers" in body["what_happens_next"] and "by phone" in body[
        "what_happens_next"]
    assert body["reference"] in body["how_to_withdraw"]
    assert body["record_code"] is None
    assert response.headers["Access-Control-Allow-Origin"] == PARTNER_ORIGIN
    assert stored(gateway) == 2  # the referral and its place in the outbox
    saved = gateway.referrals.store.get(body["reference"])
    assert saved.person.phone == "+447700900461"  # E.164
    assert saved.referrer == "Lewisham Council website" and saved.follow_up


def test_a_link_worker_referral_carries_the_snomed_code(gateway: Gateway) -> None:
    response = gateway.client.post(URL, json=referral(CHOIR), headers=gateway.link_worker)
    assert response.status_code == 201, response.json
    assert response.json["kind"] == "link_worker_referral"
    assert response.json["record_code"] == SNOMED_REFERRAL
    assert SNOMED_REFERRAL["code"] == "871731000000106"
    status = gateway.client.get(f"{URL}/{response.json['reference']}/status").json
    assert status["record_code"]["code"] == "871731000000106"
    own = gateway.client.post(URL, json=referral(kind="self_referral"),
                              headers=gateway.link_worker)
    assert own.status_code == 201 and own.json["kind"] == "self_referral"


@pytest.mark.parametrize(("changes", "field"), [
    ({"asset_id": None}, "asset_id"),
    ({"name": ""}, "name"),
    ({"name": "x" * 101}, "name"),
    ({"contact_method": "pigeon"}, "contact_method"),
    ({"phone": "12345"}, "phone"),
    ({"phone": "0909 879 0000"}, "phone"),  # premium rate
    ({"contact_method": "email", "email": "not-an-email"}, "email"),
    ({"contact_method": "phone", "phone": None}, "phone"),
    ({"contact_method": "email", "email": None}, "email"),
    ({"message": "x" * 1001}, "message"),
    ({"consent_share": False}, "consent_share"),
    ({"consent_share": None}, "consent_share"),
    ({"aged_16_or_over": None}, "aged_16_or_over"),
    ({"kind": "gp_referral"}, "kind"),
    ({"surname": "Smith"}, "surname"),  # unknown fields are refused
    ({"asset_id": "00000000-0000-4000-8000-000000000000"}, "asset_id"),  # no such listing
    ({"asset_id": QUIET}, "asset_id"),  # no email and no route
    ({"asset_id": CLOSED}, "asset_id"),  # not running
])
def test_a_malformed_referral_is_400_naming_the_field_and_nothing_is_stored(
        gateway: Gateway, changes: dict[str, Any], field: str) -> None:
    body = referral(**{k: v for k, v in changes.items() if v is not None})
    for key, value in changes.items():
        if value is None:
            body.pop(key, None)
    response = gateway.client.post(URL, json=body, headers=gateway.partner)
    assert response.status_code == 400, response.json
    assert field in response.json["errors"], response.json
    assert stored(gateway) == 0
    sent_values = [str(v) for v in body.values() if isinstance(v, str) and len(v) > 3]
    assert not any(v in response.get_data(as_text=True) for v in sent_values if v != field
                   and v not in ("phone", "email"))


def test_under_16s_are_turned_away_kindly(gateway: Gateway) -> None:
    response = gateway.client.post(URL, json=referral(aged_16_or_over=False),
                                   headers=gateway.partner)
    assert response.status_code == 400
    message = response.json["errors"]["aged_16_or_over"][0]
    assert "trusted adult" in message and "GP practice" in message
    assert stored(gateway) == 0


def _unreferenced(answer: dict[str, Any]) -> str:
    """An answer with its reference blanked out, wherever it is mentioned."""
    return json.dumps(answer, sort_keys=True).replace(answer["reference"], "REFERENCE")


def test_the_honeypot_looks_accepted_but_nothing_personal_is_kept_or_sent(
        gateway: Gateway) -> None:
    """A robot's reference answers as a real one does, so it cannot tell it was caught."""
    real = gateway.client.post(URL, json=referral(), headers=gateway.partner)
    robot = gateway.client.post(URL, json=referral(website="http://spam.example"),
                                headers=gateway.partner)
    assert real.status_code == robot.status_code == 201
    assert _unreferenced(robot.json) == _unreferenced(real.json)
    statuses = [gateway.client.get(f"{URL}/{answer.json['reference']}/status")
                for answer in (real, robot)]
    assert [s.status_code for s in statuses] == [200, 200]
    assert _unreferenced(statuses[1].json) == _unreferenced(statuses[0].json)
    kept = gateway.referrals.find(robot.json["reference"])
    assert kept.person is not None and kept.person.name == "" and kept.person.email is None
    assert gateway.referrals.store.job(robot.json["reference"]) is None  # never sent
    assert gateway.referrals.stats()["total"] == 1  # robots are not counted
    withdrawn = gateway.client.delete(f"{URL}/{robot.json['reference']}")
    assert withdrawn.status_code == 200 and withdrawn.json["status"] == "withdrawn"


def test_keys_and_origins(gateway: Gateway) -> None:
    anonymous = gateway.client.post(URL, json=referral())
    assert anonymous.status_code == 401
    elsewhere = gateway.client.post(URL, json=referral(), headers={
        **gateway.partner, "Origin": "https://evil.example"})
    assert elsewhere.status_code == 403
    no_origin = gateway.client.post(URL, json=referral(),
                                    headers={"X-API-Key": gateway.partner["X-API-Key"]})
    assert no_origin.status_code == 403
    admin = gateway.client.post(URL, json=referral(), headers=gateway.admin)
    assert admin.status_code == 403
    as_worker = gateway.client.post(URL, json=referral(kind="link_worker_referral"),
                                    headers=gateway.partner)
    assert as_worker.status_code == 400 and "kind" in as_worker.json["errors"]
    assert stored(gateway) == 0
    preflight = gateway.client.options(URL, headers={
        "Origin": PARTNER_ORIGIN, "Access-Control-Request-Method": "POST"})
    assert preflight.headers["Access-Control-Allow-Origin"] == PARTNER_ORIGIN


def test_size_and_rate_limits(sqlite_directory: Any, tmp_path: Path, smtp: Any,
                              webhook: Any) -> None:
    from tests.referrals.conftest import gateway_config

    gw = make_gateway(gateway_config(tmp_path, sqlite_directory, smtp.port, webhook.url,
                                     REFERRALS_RATE_LIMIT=2, REFERRALS_MAX_BODY_BYTES=2048))
    huge = gw.client.post(URL, json=referral(message="x" * 3000), headers=gw.partner)
    assert huge.status_code == 413 and huge.json["code"] == 413
    statuses = [gw.client.post(URL, json=referral(), headers=gw.partner).status_code
                for _ in range(2)]
    limited = gw.client.post(URL, json=referral(), headers=gw.partner)
    assert statuses == [201, 201]  # the refused oversized body did not count
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    # Other people on the same partner site are not held back by one person's limit.
    other = gw.client.post(URL, json=referral(), headers=gw.partner,
                           environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 201
    assert gw.client.get(f"{URL}/{other.json['reference']}/status").status_code == 200


def test_status_and_withdrawal(gateway: Gateway) -> None:
    reference = gateway.client.post(URL, json=referral(), headers=gateway.partner).json[
        "reference"]
    typed = reference.lower().replace("-", " ")  # as read out over the phone
    status = gateway.client.get(f"{URL}/{typed}/status")
    assert status.status_code == 200
    assert status.json["status"] == "received" and not status.json["details_erased"]
    assert set(status.json) == {"reference", "status", "message", "kind", "asset", "created",
                                "updated", "details_erased", "record_code"}
    erased = gateway.client.delete(f"{URL}/{reference}")
    assert erased.status_code == 200
    assert erased.json["status"] == "withdrawn" and erased.json["details_erased"]
    assert gateway.client.delete(f"{URL}/{reference}").status_code == 200  # idempotent
    assert gateway.client.get(f"{URL}/{reference}/status").json["status"] == "withdrawn"
    assert gateway.client.get(f"{URL}/ZZZZ-ZZZZ-ZZZZ/status").status_code == 404
    assert gateway.client.delete(f"{URL}/not-a-reference").status_code == 404
    assert gateway.referrals.stats()["erased"] == {"request": 1}


def test_dead_letters_are_for_admins(gateway: Gateway) -> None:
    assert gateway.client.get(f"{URL}/dead-letters").status_code == 401
    assert gateway.client.get(f"{URL}/dead-letters", headers=gateway.partner).status_code == 403
    answer = gateway.client.get(f"{URL}/dead-letters", headers=gateway.admin)
    assert answer.status_code == 200 and answer.json == {"total": 0, "dead_letters": []}


def test_the_group_answers_through_a_signed_link(gateway: Gateway) -> None:
    reference = gateway.client.post(URL, json=referral(), headers=gateway.partner).json[
        "reference"]
    links = gateway.referrals.deliverer.links(reference, gateway.referrals.clock())
    token = links.accept.rsplit("/", 1)[1]
    forged = token[:-1] + ("0" if token[-1] != "0" else "1")
    assert gateway.client.post(f"{URL}/respond", json={"token": forged}).status_code == 403
    answer = gateway.client.post(f"{URL}/respond", json={"token": token})
    assert answer.status_code == 200 and answer.json["status"] == "accepted"
    decline = links.decline.rsplit("/", 1)[1]
    assert gateway.client.post(f"{URL}/respond", json={"token": decline}).json[
        "status"] == "declined"
    expired = gateway.referrals.signer.token(reference, "accept", 1000)
    refused = gateway.client.post(f"{URL}/respond", json={"token": expired})
    assert refused.status_code == 403 and "expired" in refused.json["message"]
    gateway.client.delete(f"{URL}/{reference}")
    gone = gateway.client.post(f"{URL}/respond", json={"token": token})
    assert gone.status_code == 410


def test_the_group_page_asks_before_it_records(gateway: Gateway) -> None:
    reference = gateway.client.post(URL, json=referral(), headers=gateway.partner).json[
        "reference"]
    links = gateway.referrals.deliverer.links(reference, gateway.referrals.clock())
    path = links.accept.removeprefix("https://linkwell.example.org")
    page = gateway.client.get(path)
    assert page.status_code == 200 and "Yes, we can take them" in page.get_data(as_text=True)
    assert gateway.client.get(f"{URL}/{reference}/status").json["status"] == "received"
    done = gateway.client.post(path)
    assert done.status_code == 200 and "Thank you" in done.get_data(as_text=True)
    assert gateway.client.get(f"{URL}/{reference}/status").json["status"] == "accepted"
    assert gateway.client.get(path[:-2] + "xx").status_code == 403


def test_the_generated_key_is_private(gateway: Gateway, tmp_path: Path) -> None:
    key = tmp_path / "gw" / "referrals-key"
    assert key.exists()
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600


def test_openapi_lists_the_referral_api(gateway: Gateway) -> None:
    paths = gateway.client.get("/api/openapi.json").json["paths"]
    assert {"/api/v1/referrals", "/api/v1/referrals/{reference}/status",
            "/api/v1/referrals/{reference}", "/api/v1/referrals/respond",
            "/api/v1/referrals/dead-letters"} <= set(paths)
    schema = paths["/api/v1/referrals"]["post"]
    assert "requestBody" in schema and "201" in schema["responses"]


@pytest.mark.parametrize(("typed", "e164"), [
    ("07700 900123", "+447700900123"), ("+44 (0)20 7946 0000", "+442079460000"),
    ("020-7946-0000", "+442079460000"), ("0044 7700 900123", "+447700900123"),
    ("0800 123 4567", "+448001234567"), ("01632 960123", "+441632960123"),
    ("12345", None), ("0909 879 0000", None), ("07700 9001234567", None), ("+1 212 555 0100", None),
])
def test_uk_phone_numbers(typed: str, e164: str | None) -> None:
    assert uk_phone(typed) == e164


def test_a_broken_body_is_refused_without_repeating_it(gateway: Gateway) -> None:
    raw = '{"name": "Hortense Mbeki-Larsson", "phone": "07700 900222",'
    response = gateway.client.post(URL, data=raw, content_type="application/json",
                                   headers=gateway.partner)
    assert response.status_code == 400 and response.json["code"] == 400
    text = response.get_data(as_text=True)
    assert "Hortense" not in text and "900222" not in text
    assert stored(gateway) == 0


def test_a_store_that_is_down_gives_503_and_the_gateway_still_starts(
        sqlite_directory: Any, tmp_path: Path, smtp: Any, webhook: Any) -> None:
    from tests.referrals.conftest import free_port, gateway_config

    down = f"postgresql://linkwell@127.0.0.1:{free_port()}/nowhere?connect_timeout=2"
    gw = make_gateway(gateway_config(tmp_path, sqlite_directory, smtp.port, webhook.url,
                                     REFERRALS_DATABASE_URL=down))
    response = gw.client.post(URL, json=referral(), headers=gw.partner)
    assert response.status_code == 503 and response.json["code"] == 503
    assert "Bernadette" not in response.get_data(as_text=True)
    assert gw.client.get(f"{URL}/AAAA-BBBB-CCCC/status").status_code == 503
    assert gw.client.get("/api/v1/services?q=walkers").status_code == 200
