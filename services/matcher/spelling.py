"""The matcher corrects before it understands: a person's words and interests are mended
from the directory's own words (its ``POST /spelling``), so concepts, the semantic signal and
eligibility all read the corrected words. The story as typed still goes to the crisis
detector too (see understand.py), and a directory that does not answer leaves the words as
they are: matching never waits on spelling.
"""

from __future__ import annotations

from typing import Any

import requests

from linkwell.client import ServiceClient, ServiceError


def corrected(client: ServiceClient, body: dict[str, Any]
              ) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The request body with its ``about`` and ``interests`` corrected, and each change."""
    about = str(body.get("about") or "")
    interests = [str(i) for i in body.get("interests") or []]
    texts = [about, *interests]
    if not any(t.strip() for t in texts):
        return body, []
    try:
        answer = client.post("/spelling", {"texts": texts})
    except (requests.RequestException, ServiceError):
        return body, []
    found = answer.get("corrections") or []
    if len(found) != len(texts):
        return body, []
    fixed = [str(c.get("corrected", t)) for c, t in zip(found, texts, strict=True)]
    changes = [change for c in found for change in c.get("changes") or []]
    if not changes:
        return body, []
    spelt = {**body, "interests": fixed[1:]} if interests else dict(body)
    if about:
        spelt["about"] = fixed[0]
    return spelt, list({(c["typed"], c["corrected"]): c for c in changes}.values())
