"""A cache of search answers, keyed by the analysed query and the index's change counter.

Popular searches ("food bank", a borough's first page of services) are asked over and over,
and the index changes far less often than it is read: an answer stays right until the next
write, withdrawal or deletion, which changes ``SearchBackend.generation()`` and so every key.
The counter is read for every search: on SQLite the change log's last entry (one indexed
lookup), on Elasticsearch a count and the latest write time (a size-0 search answered from the
node's request cache until the next refresh). Holding it for a moment would save that round
trip, but would also answer from the cache while the node is down, or miss another worker's
write: a stale or falsely healthy answer costs more than the round trip.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any

import numpy as np

from linkwell.directory.backends.base import SearchBackend, SearchPage, SearchQuery

CACHED_ANSWERS = 2000


def query_key(query: SearchQuery) -> str:
    """Everything that shapes the answer, as text (the analysed words and concepts included;
    a vector by a digest of its bytes, as numpy's repr of a long array elides the middle)."""
    vector = "" if query.vector is None else hashlib.blake2b(
        np.ascontiguousarray(query.vector).tobytes(), digest_size=16).hexdigest()
    return f"{replace(query, vector=None)!r}|{vector}"


class SearchAnswers:
    """Answers one backend's searches, from a per-process LRU cache while the index is unchanged."""

    def __init__(self, backend: SearchBackend, size: int = CACHED_ANSWERS) -> None:
        self.backend = backend
        self.size = size
        self._answers: OrderedDict[tuple[str, str], SearchPage] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def search(self, query: SearchQuery) -> SearchPage:
        """The backend's answer to ``query``, reused while the index has not changed."""
        key = (self.backend.generation(), query_key(query))
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
                self.hits += 1
                return found
        page = self.backend.search(query)
        with self._lock:
            self.misses += 1
            self._answers[key] = page
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return page

    def stats(self) -> dict[str, Any]:
        return {"hits": self.hits, "misses": self.misses, "size": len(self._answers)}
