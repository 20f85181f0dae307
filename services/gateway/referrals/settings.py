"""Referral settings: defaults, the environment, then what the app was given.

Kept apart from :mod:`linkwell.config` so the referral subsystem can be configured (and
tested) on its own; nothing here runs at import time.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    "REFERRALS_DATABASE_URL": None,  # None: SQLite in the data directory
    "REFERRALS_KEY": None,  # None: generated once into the data directory
    "REFERRALS_LINK_KEY": None,  # None: derived from REFERRALS_KEY
    "REFERRALS_RETENTION_DAYS": 90,
    "REFERRALS_LINK_DAYS": 30,
    "REFERRALS_WORKER": "thread",  # or "off": run `linkwell referrals deliver` instead
    "REFERRALS_POLL_SECONDS": 5.0,
    "REFERRALS_LEASE_SECONDS": 120.0,
    "REFERRALS_RETRY_BASE_SECONDS": 60.0,
    "REFERRALS_RETRY_MAX_SECONDS": 3600.0,
    # With the defaults, about a day and a half of trying before an admin is asked to look.
    "REFERRALS_MAX_ATTEMPTS": 36,
    "REFERRALS_MAX_BODY_BYTES": 8192,
    "REFERRALS_RATE_LIMIT": 5,  # new referrals a minute from one person (address and key)
    "REFERRALS_KEY_RATE_LIMIT": 300,  # new referrals a minute through one partner key
    "REFERRALS_LINK_WORKER_RATE_LIMIT": 60,  # new referrals a minute from one link worker key
    "REFERRALS_ROUTES": None,  # a mapping, or a path to a YAML/JSON file (see docs)
    "REFERRALS_WEBHOOK_SECRET": None,
    "REFERRALS_DELIVERY_TIMEOUT": 20.0,
    "PUBLIC_URL": "http://127.0.0.1:8000",
    "SMTP_HOST": None,
    "SMTP_PORT": 25,
    "SMTP_USER": None,
    "SMTP_PASSWORD": None,
    "SMTP_FROM": "Linkwell <referrals@linkwell.invalid>",
    "SMTP_SECURITY": "none",  # none, starttls or ssl
}
ENVIRONMENT = {
    "LINKWELL_REFERRALS_DATABASE_URL": "REFERRALS_DATABASE_URL",
    "LINKWELL_REFERRALS_KEY": "REFERRALS_KEY",
    "LINKWELL_REFERRALS_LINK_KEY": "REFERRALS_LINK_KEY",
    "LINKWELL_REFERRALS_RETENTION_DAYS": "REFERRALS_RETENTION_DAYS",
    "LINKWELL_REFERRALS_LINK_DAYS": "REFERRALS_LINK_DAYS",
    "LINKWELL_REFERRALS_WORKER": "REFERRALS_WORKER",
    "LINKWELL_REFERRALS_POLL_SECONDS": "REFERRALS_POLL_SECONDS",
    "LINKWELL_REFERRALS_LEASE_SECONDS": "REFERRALS_LEASE_SECONDS",
    "LINKWELL_REFERRALS_RETRY_BASE_SECONDS": "REFERRALS_RETRY_BASE_SECONDS",
    "LINKWELL_REFERRALS_RETRY_MAX_SECONDS": "REFERRALS_RETRY_MAX_SECONDS",
    "LINKWELL_REFERRALS_MAX_ATTEMPTS": "REFERRALS_MAX_ATTEMPTS",
    "LINKWELL_REFERRALS_ROUTES": "REFERRALS_ROUTES",
    "LINKWELL_REFERRALS_WEBHOOK_SECRET": "REFERRALS_WEBHOOK_SECRET",
    "LINKWELL_PUBLIC_URL": "PUBLIC_URL",
    "LINKWELL_SMTP_HOST": "SMTP_HOST",
    "LINKWELL_SMTP_PORT": "SMTP_PORT",
    "LINKWELL_SMTP_USER": "SMTP_USER",
    "LINKWELL_SMTP_PASSWORD": "SMTP_PASSWORD",
    "LINKWELL_SMTP_FROM": "SMTP_FROM",
    "LINKWELL_SMTP_SECURITY": "SMTP_SECURITY",
}
NUMBERS = {"REFERRALS_RETENTION_DAYS": int, "REFERRALS_LINK_DAYS": int,
           "REFERRALS_POLL_SECONDS": float, "REFERRALS_LEASE_SECONDS": float,
           "REFERRALS_RETRY_BASE_SECONDS": float, "REFERRALS_RETRY_MAX_SECONDS": float,
           "REFERRALS_MAX_ATTEMPTS": int, "REFERRALS_MAX_BODY_BYTES": int,
           "REFERRALS_RATE_LIMIT": int, "REFERRALS_KEY_RATE_LIMIT": int,
           "REFERRALS_LINK_WORKER_RATE_LIMIT": int,
           "REFERRALS_DELIVERY_TIMEOUT": float, "SMTP_PORT": int}


def referral_settings(config: Mapping[str, Any] | None = None,
                      environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Defaults, then the environment, then ``config`` (an app's settings) where it has them.

    ``DATA_DIR`` and ``TESTING`` come from ``config`` (or the general settings) as they are.
    """
    from linkwell.config import settings

    env = os.environ if environ is None else environ
    given = dict(config) if config is not None else settings()
    out = dict(DEFAULTS)
    out.update({setting: env[name] for name, setting in ENVIRONMENT.items() if env.get(name)})
    out.update({k: v for k, v in given.items() if k in DEFAULTS})
    out["DATA_DIR"] = given.get("DATA_DIR", "./var")
    out["TESTING"] = bool(given.get("TESTING"))
    if "REFERRALS_WORKER" not in given and out["TESTING"] and not env.get(
            "LINKWELL_REFERRALS_WORKER"):
        out["REFERRALS_WORKER"] = "off"  # tests start the worker themselves
    for name, kind in NUMBERS.items():
        out[name] = kind(out[name])
    return out


def referrals_keys(config: Mapping[str, Any]) -> list[bytes]:
    """The encryption keys, newest first: configured, or generated once into the data dir.

    ``REFERRALS_KEY`` is one or more URL-safe base64 keys of 32 bytes, separated by commas;
    the first encrypts, all of them decrypt (so a key can be rotated without losing data).
    """
    text = config.get("REFERRALS_KEY") or _generated_key(Path(config["DATA_DIR"]))
    keys = [_decode_key(part.strip()) for part in str(text).split(",") if part.strip()]
    if not keys:
        raise ValueError("LINKWELL_REFERRALS_KEY is empty")
    return keys


def new_key() -> str:
    """A fresh key for ``LINKWELL_REFERRALS_KEY``."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def _decode_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError as exc:
        raise ValueError("LINKWELL_REFERRALS_KEY must be URL-safe base64") from exc
    if len(key) != 32:
        raise ValueError("LINKWELL_REFERRALS_KEY must be 32 bytes (44 base64 characters); "
                         "make one with `linkwell referrals new-key`")
    return key


def _generated_key(data_dir: Path) -> str:
    # Same pattern as the ingestion token: one machine, one data directory, one key, readable
    # only by the account that runs Linkwell. Production sets LINKWELL_REFERRALS_KEY instead.
    path = data_dir / "referrals-key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        draft = data_dir / f".referrals-key.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(new_key())
        try:
            os.link(draft, path)  # atomic: two processes starting at once agree on one key
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()
