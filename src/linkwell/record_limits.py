"""How large one service record may be: limits no real feed comes near, so a hostile or
broken record is refused by name instead of being stored, indexed and served.

Measured against the demo feeds and the Open Referral UK examples (2026-12), the largest real
records hold descriptions of a few thousand characters, a few dozen venues or schedules and
nest about six levels deep. The limits sit one to two orders of magnitude above that:

* any one text value: at most ``TEXT_CHARS`` characters (a 5 MB description is refused);
* any one list: at most ``LIST_ITEMS`` items (a 10,000-venue list is refused);
* lists and objects inside each other: at most ``DEPTH`` levels;
* the whole record: at most ``RECORD_CHARS`` characters of text and ``RECORD_VALUES`` values.

The directory checks these before anything else (``linkwell.hsds.validate_service``), and a
feed sync checks them before a record is sent, so a huge one never travels.
"""

from __future__ import annotations

from typing import Any

TEXT_CHARS = 50_000
LIST_ITEMS = 2_000
DEPTH = 32
RECORD_CHARS = 1_000_000
RECORD_VALUES = 100_000
MOST_REASONS = 5  # a record breaking every limit is named by its first few


def limit_errors(record: Any) -> dict[str, list[str]]:
    """Field errors (dotted paths) for each limit the record breaks; empty when within them."""
    if within_limits(record):  # nearly every record: no paths to spell out
        return {}
    return named_limits(record)


def named_limits(record: Any) -> dict[str, list[str]]:
    """The limits the record breaks, each at its dotted path (the walk ``limit_errors`` names
    them with; ``within_limits`` says first whether there is any)."""
    errors: dict[str, list[str]] = {}
    chars = values = 0
    stack: list[tuple[str, Any, int]] = [("", record, 1)]
    while stack and len(errors) < MOST_REASONS and values <= RECORD_VALUES:
        path, value, depth = stack.pop()
        values += 1
        if isinstance(value, str):
            chars += len(value)
            if len(value) > TEXT_CHARS:
                errors[path or "_record"] = [
                    f"is {len(value):,} characters long; a text value may hold at most "
                    f"{TEXT_CHARS:,}"]
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth > DEPTH:
            errors[path or "_record"] = [
                f"lists and objects are nested more than {DEPTH} levels deep here"]
            continue
        if isinstance(value, list) and len(value) > LIST_ITEMS:
            errors[path or "_record"] = [
                f"lists {len(value):,} items; a list may hold at most {LIST_ITEMS:,}"]
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(value, dict):
                chars += len(str(key))
            stack.append((f"{path}.{key}" if path else str(key), item, depth + 1))
    if not errors and values > RECORD_VALUES:
        errors["_record"] = [f"holds more than {RECORD_VALUES:,} values, the most a record may"]
    elif not errors and chars > RECORD_CHARS:
        errors["_record"] = [f"holds {chars:,} characters of text; a record may hold at most "
                             f"{RECORD_CHARS:,}"]
    return errors


def within_limits(record: Any) -> bool:
    """Whether ``limit_errors`` would find nothing: the same walk, without naming paths.

    Spelling each value's dotted path cost more than the rest of the walk, and only a
    record that breaks a limit needs them (``limit_errors`` then walks it again to name them).
    """
    chars = values = 0
    stack: list[tuple[Any, int]] = [(record, 1)]
    while stack:
        value, depth = stack.pop()
        values += 1
        if values > RECORD_VALUES:
            return False
        if isinstance(value, str):
            chars += len(value)
            if len(value) > TEXT_CHARS:
                return False
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth > DEPTH:
            return False
        if isinstance(value, dict):
            for key, item in value.items():
                chars += len(str(key))
                stack.append((item, depth + 1))
        elif len(value) > LIST_ITEMS:
            return False
        else:
            stack.extend((item, depth + 1) for item in value)
    return chars <= RECORD_CHARS
