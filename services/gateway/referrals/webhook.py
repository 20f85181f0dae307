"""Built-in deliverer: a signed webhook (a route with ``webhook: URL`` and a ``secret``).

The body is the referral as JSON. Headers: ``Linkwell-Timestamp`` (Unix seconds),
``Linkwell-Signature`` (``v1=`` and the hex HMAC-SHA256 of ``<timestamp>.<body>`` with the
route's secret) and ``Idempotency-Key`` (the same on every retry of one referral). A
receiver checks the signature and the timestamp with
:func:`linkwell.gateway.referrals.crypto.verify_webhook`, and ignores a key it has seen before.
Answer 2xx (or 409 for "already have it") to take the referral; 408, 425, 429 and 5xx mean
"try again later"; any other answer stops the retries and tells an admin.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import requests

from linkwell.gateway.referrals.crypto import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    webhook_signature,
)
from linkwell.gateway.referrals.model import (
    DeliveryFailed,
    DeliveryReceipt,
    PermanentDeliveryError,
    ReferralDelivery,
)
from linkwell.plugins.hookspecs import hookimpl

RETRYABLE = {408, 425, 429}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def signed_request(delivery: ReferralDelivery, now: float | None = None
                   ) -> tuple[bytes, dict[str, str]]:
    """The body and headers of the webhook for ``delivery``."""
    body = json.dumps(delivery.as_payload(), separators=(",", ":")).encode()
    timestamp = int(now if now is not None else time.time())
    headers = {"Content-Type": "application/json", TIMESTAMP_HEADER: str(timestamp),
               SIGNATURE_HEADER: webhook_signature(delivery.target.secret or "", timestamp, body),
               IDEMPOTENCY_HEADER: delivery.idempotency_key,
               "Linkwell-Reference": delivery.reference,
               "User-Agent": "Linkwell-Referrals/1"}
    return body, headers


class WebhookDeliverer:
    """Posts ``webhook`` targets, signed, over HTTPS (plain HTTP only to this machine)."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.timeout = float(config.get("REFERRALS_DELIVERY_TIMEOUT") or 20)

    @hookimpl(trylast=True)
    def linkwell_deliver_referral(self, delivery: ReferralDelivery) -> DeliveryReceipt | None:
        if delivery.target.kind != "webhook":
            return None
        url = urlsplit(delivery.target.address)
        if url.scheme != "https" and not (url.scheme == "http" and url.hostname in LOOPBACK):
            raise PermanentDeliveryError("webhook routes must use https")
        body, headers = signed_request(delivery)
        try:
            response = requests.post(delivery.target.address, data=body, headers=headers,
                                     timeout=self.timeout, allow_redirects=False)
        except requests.RequestException as exc:
            raise DeliveryFailed(f"the webhook did not answer ({type(exc).__name__})") from exc
        status = response.status_code
        if 200 <= status < 300 or status == 409:
            return DeliveryReceipt("webhook", response.headers.get("X-Request-Id"))
        if status in RETRYABLE or status >= 500:
            raise DeliveryFailed(f"the webhook answered {status}")
        raise PermanentDeliveryError(f"the webhook refused the referral ({status})")
