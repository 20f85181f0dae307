"""marshmallow schemas for the referral API: JSON bodies reject unknown fields."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from marshmallow import (
    RAISE,
    Schema,
    ValidationError,
    fields,
    post_load,
    validate,
    validates_schema,
)

from linkwell.gateway.referrals.messages import NEED_CONSENT, UNDER_16
from linkwell.gateway.referrals.model import KINDS, STATUSES, DeadLetter

PHONE_HELP = "Enter a UK phone number, like 020 7946 0000 or 07700 900123."
_SEPARATORS = re.compile(r"[\s\-().]")
# 0 then 9 or 10 digits; not 04 or 06 (unused) nor 09 (premium rate).
_UK_NATIONAL = re.compile(r"0[123578]\d{8,9}")


def uk_phone(typed: str) -> str | None:
    """A UK phone number in E.164 (``+447700900123``), or None if it is not one."""
    digits = _SEPARATORS.sub("", typed)
    for prefix in ("+44", "0044"):
        if digits.startswith(prefix):
            digits = "0" + digits[len(prefix):].removeprefix("0")
    if not _UK_NATIONAL.fullmatch(digits):
        return None
    return "+44" + digits[1:]


class UKPhone(fields.String):
    """A UK phone number as typed; loaded as E.164. Errors never repeat what was typed."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > 30 or uk_phone(text) is None:
            raise ValidationError(PHONE_HELP)
        return uk_phone(text)


class PlainText(fields.String):
    """Text a person typed: trimmed, control characters refused, length checked after."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
            raise ValidationError("Please use ordinary text.")
        return text


class ReferralRequestSchema(Schema):
    """A self-referral ("I'd like to join") or a link worker's referral to one listing."""

    class Meta:
        unknown = RAISE

    asset_id = fields.String(required=True, validate=validate.Regexp(
        r"^[A-Za-z0-9._:-]{1,200}$", error="Not a listing id."),
        metadata={"description": "The listing's id (GET /api/v1/services)"})
    kind = fields.String(validate=validate.OneOf(KINDS), load_default=None, metadata={
        "description": "self_referral (the default with a partner key) or "
                       "link_worker_referral (the default with a link worker key)"})
    name = PlainText(required=True, validate=validate.Length(
        min=1, max=100, error="Enter a name (up to 100 characters)."),
                     metadata={"description": "The person's name, as they like to be called"})
    contact_method = fields.String(required=True, validate=validate.OneOf(
        ("phone", "email"), error="Choose phone or email."),
                                   error_messages={"required": "Choose phone or email."},
                                   metadata={"description": "How the person would like to "
                                                            "be contacted"})
    phone = UKPhone(load_default=None, allow_none=True)
    email = fields.Email(load_default=None, allow_none=True,
                         validate=validate.Length(max=254))
    good_time = PlainText(load_default="", validate=validate.Length(max=200),
                          metadata={"description": "A good time to get in touch"})
    message = PlainText(load_default="", validate=validate.Length(max=1000),
                        metadata={"description": "Anything the person wants the group to know"})
    consent_share = fields.Boolean(required=True, validate=validate.Equal(
        True, error=NEED_CONSENT), metadata={
            "description": "The person agrees to share these details with the group (must "
                           "be true)"})
    consent_follow_up = fields.Boolean(load_default=False, metadata={
        "description": "The person agrees to be contacted later to see how it went"})
    aged_16_or_over = fields.Boolean(required=True, validate=validate.Equal(
        True, error=UNDER_16), metadata={"description": "The person is 16 or over"})
    website = fields.String(load_default="", validate=validate.Length(max=500), metadata={
        "description": "Leave empty. (A field hidden from people: automated form-fillers "
                       "fill it in.)"})

    @validates_schema
    def _contact_given(self, data: dict[str, Any], **_: Any) -> None:
        method = data.get("contact_method")
        if method == "phone" and not data.get("phone"):
            raise ValidationError("Please give a phone number, or choose email.", "phone")
        if method == "email" and not data.get("email"):
            raise ValidationError("Please give an email address, or choose phone.", "email")

    @post_load
    def _tidy(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        if data.get("email"):
            data["email"] = data["email"].strip()
        return data


class AssetRefSchema(Schema):
    id = fields.String()
    name = fields.String()


class RecordCodeSchema(Schema):
    system = fields.String()
    code = fields.String()
    display = fields.String()


class ReferralCreatedSchema(Schema):
    reference = fields.String(metadata={"description": "Short and easy to read out: keep it"})
    status = fields.String(validate=validate.OneOf(STATUSES))
    kind = fields.String()
    asset = fields.Nested(AssetRefSchema)
    what_happens_next = fields.String()
    how_to_withdraw = fields.String()
    record_code = fields.Nested(RecordCodeSchema, allow_none=True, metadata={
        "description": "For a link worker's referral: the SNOMED CT concept to record in "
                       "the GP record (Linkwell does not write to GP systems)"})


class ReferralStatusSchema(Schema):
    """A referral's status: nothing personal."""

    reference = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES))
    message = fields.String()
    kind = fields.String()
    asset = fields.Nested(AssetRefSchema)
    created = fields.Date()
    updated = fields.Date()
    details_erased = fields.Boolean()
    record_code = fields.Nested(RecordCodeSchema, allow_none=True)


class GroupResponseSchema(Schema):
    class Meta:
        unknown = RAISE

    token = fields.String(required=True, validate=validate.Length(min=1, max=200),
                          metadata={"description": "The token from the group's signed link"})
    reason = fields.String(load_default="", validate=validate.Length(max=500), metadata={
        "description": "Why the group cannot take the person (a decline only; for the link "
                       "worker)"})


def _dead_letter_fields() -> dict[str, fields.Field]:
    """A dead letter's fields as the store keeps it (:class:`DeadLetter`, which holds nothing
    personal), so the API shows exactly those: its time as a date-time."""
    kinds: dict[Any, type[fields.Field]] = {"str": fields.String, "int": fields.Integer}
    return {f.name: fields.DateTime() if f.name == "created" else kinds[f.type]()
            for f in dataclasses.fields(DeadLetter)}


DeadLetterSchema = Schema.from_dict(_dead_letter_fields(), name="DeadLetterSchema")


class DeadLettersSchema(Schema):
    total = fields.Integer()
    dead_letters = fields.List(fields.Nested(DeadLetterSchema))


class RequeuedSchema(Schema):
    reference = fields.String()
    requeued = fields.Boolean()
