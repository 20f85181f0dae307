"""Encryption at rest for a person's details, and the signatures on links and webhooks."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = b"\x01"
KEY_ID_BYTES = 4
NONCE_BYTES = 12


class UnreadableDetails(Exception):
    """Stored details could not be decrypted (a missing key, or tampering)."""


def key_id(key: bytes) -> bytes:
    return hashlib.sha256(b"linkwell-referrals-key-id" + key).digest()[:KEY_ID_BYTES]


class Sealer:
    """AES-256-GCM over a JSON object, bound to the referral's reference.

    The reference is the associated data, so details cannot be moved from one referral to
    another without the decryption failing. Layout: version, key id, nonce, ciphertext.
    """

    def __init__(self, keys: list[bytes]) -> None:
        self._keys = {key_id(k): AESGCM(k) for k in keys}
        self._current = key_id(keys[0])

    def seal(self, reference: str, details: dict[str, Any]) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        plain = json.dumps(details, separators=(",", ":")).encode()
        sealed = self._keys[self._current].encrypt(nonce, plain, reference.encode())
        return VERSION + self._current + nonce + sealed

    def open(self, reference: str, blob: bytes) -> dict[str, Any]:
        blob = bytes(blob)
        if blob[:1] != VERSION:
            raise UnreadableDetails("unknown format")
        kid = blob[1:1 + KEY_ID_BYTES]
        nonce = blob[1 + KEY_ID_BYTES:1 + KEY_ID_BYTES + NONCE_BYTES]
        cipher = self._keys.get(kid)
        if cipher is None:
            raise UnreadableDetails("sealed with a key that is no longer configured")
        try:
            plain = cipher.decrypt(nonce, blob[1 + KEY_ID_BYTES + NONCE_BYTES:],
                                   reference.encode())
        except InvalidTag as exc:
            raise UnreadableDetails("the details do not match their seal") from exc
        found: dict[str, Any] = json.loads(plain)
        return found


def derive(key: bytes, purpose: str) -> bytes:
    """A separate key for each purpose, so a leaked link key reveals nothing else."""
    return hmac.new(key, f"linkwell-referrals:{purpose}".encode(), hashlib.sha256).digest()


@dataclass(frozen=True)
class ResponseToken:
    reference: str
    decision: str
    expires: int


DECISIONS = {"a": "accept", "d": "decline"}


class LinkSigner:
    """Signed, expiring tokens for the group's accept and decline links."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def token(self, reference: str, decision: str, expires: int) -> str:
        code = decision[0]
        body = f"{reference}.{code}.{expires}"
        return f"{body}.{self._signature(body)}"

    def check(self, token: str, now: float | None = None) -> ResponseToken:
        """The token's contents; ValueError (saying why, plainly) if it is not valid now."""
        parts = token.split(".")
        if len(parts) != 4 or parts[1] not in DECISIONS or not parts[2].isdigit():
            raise ValueError("This link is not complete: please copy the whole link.")
        body = ".".join(parts[:3])
        if not hmac.compare_digest(parts[3], self._signature(body)):
            raise ValueError("This link is not valid: please copy the whole link.")
        expires = int(parts[2])
        if (now if now is not None else time.time()) > expires:
            raise ValueError("This link has expired. Please contact the person directly.")
        return ResponseToken(parts[0], DECISIONS[parts[1]], expires)

    def _signature(self, body: str) -> str:
        digest = hmac.new(self._key, body.encode(), hashlib.sha256).hexdigest()
        return digest[:32]  # 128 bits: unforgeable, and keeps links short enough to click


SIGNATURE_HEADER = "Linkwell-Signature"
TIMESTAMP_HEADER = "Linkwell-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def webhook_signature(secret: str, timestamp: int, body: bytes) -> str:
    """``v1=`` and the hex HMAC-SHA256 of ``<timestamp>.<body>`` with the route's secret."""
    signed = str(timestamp).encode() + b"." + body
    return "v1=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def verify_webhook(secret: str, timestamp: str, body: bytes, signature: str,
                   tolerance: float = 300.0, now: float | None = None) -> bool:
    """For receivers: a genuine, fresh webhook? (Rejects replays older than ``tolerance`` s.)"""
    if not timestamp.isdigit():
        return False
    if abs((now if now is not None else time.time()) - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(webhook_signature(secret, int(timestamp), body), signature)
