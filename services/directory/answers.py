"""A cache of search answers, keyed by the analysed query and the index's change counter.

Popular searches ("food bank", a borough's first page of services) are asked over and over,
and the index changes far less often than it is read: an answer stays right until the next
write, withdrawal or deletion, which changes ``SearchBackend.generation()``.

Each query keeps its latest answer and the generation it was found at. A query asked again
reads the counter (on SQLite the change log's last entry, one indexed lookup; on
Elasticsearch a size-0 search answered from the node's request cache until the next refresh)
and is answered from the cache if the index has not changed since. A query not in the cache is
searched at once, and the search reports the generation it saw (``search_at``: on
Elasticsearch the same request, so one round trip, not a counter read and then a search).
So every search costs one call to the backend, and a repeated one only the counter's. The
counter is never held between requests: that would answer from the cache while the node is
down, or miss another worker's write.
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
        # query key -> (the generation it was found at, its answer)
        self._answers: OrderedDict[str, tuple[str, SearchPage]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def search(self, query: SearchQuery) -> SearchPage:
        """The backend's answer to ``query``, reused while the index has not changed."""
        key = query_key(query)
        with self._lock:
            held = self._answers.get(key)
        if held is not None and held[0] == self.backend.generation():
            with self._lock:
                if key in self._answers:
                    self._answers.move_to_end(key)
                self.hits += 1
            return held[1]
        generation, page = self.backend.search_at(query)
        with self._lock:
            self.misses += 1
            self._answers[key] = (generation, page)
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return page

    def stats(self) -> dict[str, Any]:
        return {"hits": self.hits, "misses": self.misses, "size": len(self._answers)}
