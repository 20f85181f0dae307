"""Referral references: short, unguessable, easy to read out and type (``K7QM-3XH9-TRPA``).

Crockford's base32 (no I, L, O or U), 12 characters: 60 random bits, so guessing one is
hopeless at any rate a rate limit allows; what people type is forgiven (lower case, spaces,
O for 0, I or L for 1).
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
GROUP = 4
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_reference() -> str:
    """A fresh random reference, grouped in fours with hyphens."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return format_reference(raw)


def format_reference(raw: str) -> str:
    return "-".join(raw[i:i + GROUP] for i in range(0, len(raw), GROUP))


def normalise_reference(typed: str) -> str | None:
    """The canonical reference for what a person typed, or None if it cannot be one."""
    compact = "".join(ch for ch in typed.upper() if ch not in " -_").translate(_TYPOS)
    if len(compact) != LENGTH or any(ch not in ALPHABET for ch in compact):
        return None
    return format_reference(compact)
