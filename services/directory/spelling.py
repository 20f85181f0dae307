"""The directory's spelling vocabulary, kept in step with its index.

The vocabulary (linkwell.spelling) is built from the backend's own count of the words its
listings use, plus every word of the taxonomy. Each search first asks the backend for its
cheap stamp (SQLite's change log, or Elasticsearch's document count and last write); only when
that has moved are the words read again, by one thread while the others keep correcting with
the vocabulary they have.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Container
from typing import Any

from flask import Flask, current_app

from linkwell.directory.backends.base import SearchBackend
from linkwell.spelling import Correction, Vocabulary, english_words, taxonomy_words

# Seconds between stamp checks: Elasticsearch makes new writes visible once a second anyway.
CHECK_SECONDS = {"sqlite": 0.0, "elasticsearch": 1.0}
# Where re-reading the words takes a request of its own (an aggregation over every listing),
# a search that finds them changed does not wait for it: a thread re-reads them meanwhile.
IN_BACKGROUND = {"elasticsearch"}


class Speller:
    """One directory's vocabulary, re-read from its backend whenever the listings change."""

    def __init__(self, backend: SearchBackend, check_seconds: float | None = None) -> None:
        self.backend = backend
        self.check_seconds = (CHECK_SECONDS.get(backend.name, 1.0) if check_seconds is None
                              else check_seconds)
        self._vocabulary: Vocabulary | None = None
        self._stamp: Any = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self.background = backend.name in IN_BACKGROUND

    def vocabulary(self) -> Vocabulary:
        """The vocabulary, brought up to date first when the listings have changed."""
        vocabulary = self._vocabulary
        if vocabulary is not None and time.monotonic() - self._checked < self.check_seconds:
            return vocabulary
        # The first call waits for the words; later ones read the old vocabulary meanwhile.
        if not self._lock.acquire(blocking=vocabulary is None):
            return vocabulary  # type: ignore[return-value]  # not None: blocking otherwise
        if vocabulary is not None and self.background:
            self._checked = time.monotonic()
            threading.Thread(target=self._refresh_then_release, daemon=True).start()
            return vocabulary
        try:
            return self._refreshed()
        finally:
            self._lock.release()

    def _refresh_then_release(self) -> None:
        try:
            self._refreshed()
        except Exception:  # the backend went away: the next check tries again
            self._checked = 0.0
        finally:
            self._lock.release()

    def _refreshed(self) -> Vocabulary:
        self._checked = time.monotonic()
        vocabulary = self._vocabulary
        if vocabulary is not None and self.backend.vocabulary_stamp() == self._stamp:
            return vocabulary
        stamp, counts = self.backend.vocabulary()
        if vocabulary is None:
            vocabulary = Vocabulary(counts, base=taxonomy_words())
        else:
            vocabulary.update(counts)
        self._vocabulary, self._stamp = vocabulary, stamp
        return vocabulary

    def correct(self, text: str, eager: bool = False,
                keep: Container[str] = frozenset()) -> Correction:
        """The text corrected; a word is only ever mended against words read since the last
        listing change (a new listing's own words are never "corrected" away)."""
        if self._vocabulary is None and self._lock.locked():
            # The words are still being read (a worker's first seconds): searching the words
            # as typed beats keeping a person waiting, and nothing is mended against a
            # vocabulary that does not yet know the directory's own words.
            return Correction(text, text)
        correction = self.vocabulary().correct(text, eager, keep)
        if correction.changed and self.check_seconds:
            correction = self.current().correct(text, eager, keep)
        return correction

    def current(self) -> Vocabulary:
        """The vocabulary as of now: the stamp checked, and the words re-read if it moved."""
        with self._lock:
            return self._refreshed()


    def warm(self) -> None:
        """Build the vocabulary (and read the English word list) in a thread now, so that the
        first search of a new worker does not wait the seconds a large one takes."""
        def build() -> None:
            try:
                self.vocabulary()
                english_words()
            except Exception:  # the backend is not answering yet: the first search tries
                return

        threading.Thread(target=build, daemon=True, name="linkwell-vocabulary").start()


def init_app(app: Flask) -> None:
    seconds = app.config.get("SPELLING_CHECK_SECONDS")
    speller = Speller(app.extensions["linkwell.backend"],
                      None if seconds is None else float(seconds))
    app.extensions["linkwell.speller"] = speller
    speller.warm()


def speller() -> Speller:
    found: Speller = current_app.extensions["linkwell.speller"]
    return found
