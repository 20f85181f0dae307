"""Linkwell's stable ids: one home for the ``uuid5`` schemes every part of Linkwell shares.

A feed's own id that is already a UUID is kept (in canonical lower-case form); any other id
becomes ``uuid5(NAMESPACE_URL, "linkwell:{feed}:{kind}:{part}[:{part}...]")``, so converting or
importing the same feed twice gives the very same ids. Linkwell's own concepts and facet codes
are ``uuid5(NAMESPACE_URL, TERM_NAMESPACE + code)``. Changing any of these changes every
stored id: they are pinned by ``tests/test_ids.py``.
"""

from __future__ import annotations

import hashlib
import re
import uuid

#: Term ids of Linkwell's own taxonomy are uuid5(NAMESPACE_URL, this + concept or facet code).
TERM_NAMESPACE = "https://linkwell.example.org/taxonomy/"
_URL_NAMESPACE = uuid.NAMESPACE_URL.bytes
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_uuid(value: object) -> bool:
    """True for a string in any of the forms :class:`uuid.UUID` accepts."""
    if not isinstance(value, str):
        return False
    if len(value) == 36 and _CANONICAL.fullmatch(value):  # the usual form, without parsing it
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def feed_id(feed: str, kind: str, *parts: str) -> str:
    """``uuid5`` of ``linkwell:{feed}:{kind}:{parts...}``: a stable id for a feed's entity."""
    return url_uuid5(":".join(("linkwell", feed, kind, *parts)))


def url_uuid5(name: str) -> str:
    """``str(uuid.uuid5(uuid.NAMESPACE_URL, name))``, the same text without building UUID
    objects (a third of the time: the bulk load makes several a listing)."""
    digest = bytearray(hashlib.sha1(_URL_NAMESPACE + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def source_id(feed: str, kind: str, source: str) -> str:
    """The id for a feed's entity: its own id when that is a UUID, else :func:`feed_id`."""
    if is_uuid(source):
        return str(uuid.UUID(source))  # canonical lower-case form
    return feed_id(feed, kind, source)


def asset_id_for(record_id: str, feed: str) -> str:
    """The source's UUID where it has one; otherwise a UUID derived from feed and source id."""
    return source_id(feed, "service", record_id)


def term_id(code: str) -> str:
    """The stable UUID that ORUK output and feeds use for a Linkwell concept or facet code."""
    return url_uuid5(TERM_NAMESPACE + code)
