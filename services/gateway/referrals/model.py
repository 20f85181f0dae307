"""What a referral is, as stored, as queued for delivery and as handed to a deliverer plugin."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from linkwell.gateway.referrals.codes import REFERRAL_TO_SOCIAL_PRESCRIBING, SNOMED

SELF_REFERRAL = "self_referral"
LINK_WORKER_REFERRAL = "link_worker_referral"
KINDS = (SELF_REFERRAL, LINK_WORKER_REFERRAL)

RECEIVED, SENT, ACCEPTED, DECLINED, WITHDRAWN = (
    "received", "sent", "accepted", "declined", "withdrawn")
# What the link worker records after a follow-up: the person went, or did not.
JOINED, DID_NOT_ATTEND = "joined", "did_not_attend"
STATUSES = (RECEIVED, SENT, ACCEPTED, DECLINED, WITHDRAWN, JOINED, DID_NOT_ATTEND)
ATTENDANCE = (JOINED, DID_NOT_ATTEND)
# A status the group's answer must not overwrite: the person withdrew, or the outcome is known.
SETTLED = (WITHDRAWN, JOINED, DID_NOT_ATTEND)

# Outbox states: pending (to deliver, maybe retrying), delivered, dead (an admin must look),
# cancelled (the person withdrew before it went).
PENDING, DELIVERED, DEAD, CANCELLED = "pending", "delivered", "dead", "cancelled"

# What a link worker records in the GP record for a referral made through Linkwell.
SNOMED_SYSTEM = SNOMED
SNOMED_REFERRAL = REFERRAL_TO_SOCIAL_PRESCRIBING.coding()


@dataclass(frozen=True)
class Person:
    """The personal fields: encrypted at rest, never logged, erased on request or in time."""

    name: str
    contact_method: str  # "phone" or "email": how the person would like to be contacted
    phone: str | None = None  # E.164, e.g. +447700900123
    email: str | None = None
    good_time: str = ""
    message: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Asset:
    """The listing a referral is for, as it was when the referral was made (public data)."""

    id: str
    name: str
    feed: str = ""
    email: str | None = None  # the group's published email, if it has one


@dataclass(frozen=True)
class Referral:
    """A stored referral. ``person`` is None once the details are erased."""

    reference: str
    kind: str
    asset: Asset
    status: str
    created: float
    updated: float
    referrer: str = ""  # which partner site or link worker team sent it (an API key's name)
    follow_up: bool = False
    person: Person | None = None
    erased: float | None = None
    erased_reason: str | None = None

    @property
    def record_code(self) -> dict[str, str] | None:
        return SNOMED_REFERRAL if self.kind == LINK_WORKER_REFERRAL else None


@dataclass(frozen=True)
class Job:
    """One referral's place in the outbox, as a worker claimed it."""

    reference: str
    idempotency_key: str
    attempts: int
    state: str = PENDING
    next_attempt: float = 0.0
    last_error: str | None = None
    delivered: float | None = None
    channel: str | None = None


@dataclass(frozen=True)
class DeadLetter:
    """A referral that could not be delivered: only what an admin needs, nothing personal."""

    reference: str
    asset_id: str
    asset_name: str
    feed: str
    attempts: int
    last_error: str
    created: float


@dataclass(frozen=True)
class DeliveryTarget:
    """Where a referral goes: ``kind`` is ``email`` or ``webhook`` (or a plugin's own kind).

    ``address`` is the email address or the webhook URL; ``secret`` signs webhooks; ``options``
    carries anything else a route configured (headers, a plugin's settings).
    """

    kind: str
    address: str
    secret: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ResponseLinks:
    """Signed links the group uses to accept or decline; they stop working at ``expires``."""

    accept: str
    decline: str
    expires: float


@dataclass(frozen=True)
class ReferralDelivery:
    """Everything a deliverer needs to pass one referral to a group, once."""

    reference: str
    idempotency_key: str
    kind: str
    asset: Asset
    person: Person
    target: DeliveryTarget
    links: ResponseLinks
    referrer: str
    follow_up: bool
    created: float
    attempt: int
    record_code: dict[str, str] | None = None

    def as_payload(self) -> dict[str, Any]:
        """The JSON a webhook receives (also a plugin's natural starting point)."""
        return {"reference": self.reference, "idempotency_key": self.idempotency_key,
                "kind": self.kind, "created": self.created,
                "asset": {"id": self.asset.id, "name": self.asset.name, "feed": self.asset.feed},
                "person": self.person.as_dict(), "referrer": self.referrer,
                "follow_up_consent": self.follow_up, "record_code": self.record_code,
                "respond": {"accept": self.links.accept, "decline": self.links.decline,
                            "expires": self.links.expires}}


@dataclass(frozen=True)
class DeliveryReceipt:
    """A deliverer's word that the group's system took the referral."""

    channel: str  # e.g. "email", "webhook"
    provider_id: str | None = None  # the provider's own id, if it gave one


class DeliveryFailed(Exception):
    """Delivery did not happen this time; the outbox tries again later.

    The message is kept for admins: never put personal details in it.
    """


class PermanentDeliveryError(DeliveryFailed):
    """Trying again will not help (the address is refused, the route is wrong): dead-letter."""
