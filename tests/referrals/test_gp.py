"""The message back to the GP: the right SNOMED CT codes, valid against the schema in tests/,
and the same facts in the printable letter and the export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from linkwell.gateway.referrals.codes import ALL_CODES, SNOMED, SNOMED_CODES
from linkwell.gateway.referrals.gp import gp_export, gp_export_csv, gp_letter, gp_message
from linkwell.gateway.referrals.model import (
    DECLINED,
    JOINED,
    LINK_WORKER_REFERRAL,
    WITHDRAWN,
    Asset,
    Person,
    Referral,
)
from linkwell.gateway.referrals.workspace import FIRST_MEETING, FOLLOW_UP, Casework, Wellbeing

SCHEMA = json.loads((Path(__file__).parent / "gp_message.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
NOW = 1_765_000_000.0
REFERRAL_CODE, DECLINED_CODE = "871731000000106", "871711000000103"
BEFORE = {"life_satisfaction": 3, "worthwhile": 4, "happiness": 2, "anxiety": 8}
AFTER = {"life_satisfaction": 6, "worthwhile": 7, "happiness": 6, "anxiety": 4}


def casework(status: str, *, erased: bool = False, **changes: Any) -> Casework:
    referral = Referral(reference="LW-7K3M-Q9PX", kind=LINK_WORKER_REFERRAL,
                        asset=Asset("ref-walk", "Ladywell <Walkers>", "lewisham"),
                        status=status, created=NOW - 40 * 86400, updated=NOW - 86400,
                        referrer="Catford Surgery link workers",
                        person=None if erased else Person("Ada O'Neill", "phone",
                                                          "+447700900461"))
    return Casework(referral, team="Catford Surgery", need="loneliness", **changes)


def snomed(message: dict[str, Any]) -> list[str]:
    return [c["code"] for e in message["entry"]
            for c in e["resource"].get("code", {}).get("coding", []) if c["system"] == SNOMED]


def joined() -> Casework:
    return casework(JOINED, wellbeing={
        FIRST_MEETING: Wellbeing(FIRST_MEETING, BEFORE, NOW - 40 * 86400),
        FOLLOW_UP: Wellbeing(FOLLOW_UP, AFTER, NOW - 86400)})


def test_a_joined_referral_carries_the_referral_code_and_both_ons4s() -> None:
    message = gp_message(joined(), now=NOW)
    VALIDATOR.validate(message)
    assert snomed(message) == [REFERRAL_CODE]
    request = next(e["resource"] for e in message["entry"]
                   if e["resource"]["resourceType"] == "ServiceRequest")
    assert request["status"] == "completed"
    assert request["identifier"][0]["value"] == "LW-7K3M-Q9PX"
    observations = [e["resource"] for e in message["entry"]
                    if e["resource"]["resourceType"] == "Observation"]
    assert observations[0]["code"]["coding"][0]["code"] == "joined"
    assert [c["valueInteger"] for c in observations[2]["component"]] == list(AFTER.values())


def test_a_referral_the_group_declined_says_why_without_the_persons_declined_code() -> None:
    message = gp_message(casework(DECLINED, decline_reason="Full until March"), now=NOW)
    VALIDATOR.validate(message)
    assert snomed(message) == [REFERRAL_CODE]  # the group said no, not the person
    outcome = next(e["resource"] for e in message["entry"]
                   if e["resource"]["resourceType"] == "Observation")
    assert outcome["code"]["coding"][0]["code"] == "declined"
    assert "Full until March" in outcome["note"][0]["text"]


def test_a_person_who_declined_gets_the_national_declined_code_and_no_name() -> None:
    message = gp_message(casework(WITHDRAWN, erased=True), now=NOW)
    VALIDATOR.validate(message)
    assert snomed(message) == [REFERRAL_CODE, DECLINED_CODE]
    assert not [e for e in message["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert "Ada" not in json.dumps(message)


@pytest.mark.parametrize("broken", [
    lambda m: m["entry"][2]["resource"]["code"]["coding"].clear(),  # no referral code
    lambda m: m["entry"][2]["resource"]["code"]["coding"][0].update(code="871731000000107"),
    lambda m: m["entry"][4]["resource"]["component"][0].update(valueInteger=11),
    lambda m: m["entry"].pop(0),  # no header first
])
def test_the_schema_can_fail(broken: Any) -> None:
    message = gp_message(joined(), now=NOW)
    broken(message)
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(message)


def test_the_letter_shows_the_codes_and_scores_and_escapes_what_it_is_given() -> None:
    letter = gp_letter(gp_message(joined(), now=NOW), team="Catford <Surgery>")
    assert "871731000000106" in letter and "Referral to social prescribing service" in letter
    assert "Ladywell &lt;Walkers&gt;" in letter and "Catford &lt;Surgery&gt;" in letter
    assert "Ada O&#x27;Neill" in letter and "<Walkers>" not in letter
    assert "<td>3</td><td>6</td>" in letter  # life satisfaction, before and after


def test_the_export_holds_every_message_and_one_row_per_code() -> None:
    messages = [gp_message(joined(), now=NOW), gp_message(casework(WITHDRAWN, erased=True),
                                                          now=NOW)]
    bundle = gp_export(messages, NOW)
    assert bundle["total"] == 2 and [e["resource"] for e in bundle["entry"]] == messages
    for entry in bundle["entry"]:
        VALIDATOR.validate(entry["resource"])
    rows = list(csv.DictReader(io.StringIO(gp_export_csv(messages))))
    assert [r["snomed_code"] for r in rows] == [REFERRAL_CODE, REFERRAL_CODE, DECLINED_CODE]
    assert rows[0]["outcome"] == "Person joined the group"


def test_every_code_names_its_source_and_the_snomed_ones_are_the_national_two() -> None:
    assert {c.code for c in SNOMED_CODES} == {REFERRAL_CODE, DECLINED_CODE}
    for code in ALL_CODES:
        assert code.source.startswith("https://") and code.display and code.use
