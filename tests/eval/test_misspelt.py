"""Misspelt judged requests keep on average at least 4.5 of their top 5 options, on both
backends (issue 22): the matcher corrects before it understands."""

from __future__ import annotations

import tempfile

import pytest

from tests.conftest import BACKENDS, elasticsearch_url
from tests.eval.evaluate import directory_app
from tests.eval.misspelt import TOP, kept, misspell


def test_misspell_slips_about_a_third_of_the_longer_words_the_same_way_each_time() -> None:
    text = "Since my husband passed I hardly leave the house and I miss singing together"
    slipped = misspell(text, "seed")
    assert slipped == misspell(text, "seed")
    changed = [a for a, b in zip(text.split(), slipped.split(), strict=True) if a != b]
    assert 1 <= len(changed) <= 6
    assert all(len(w) >= 5 for w in changed)


@pytest.mark.parametrize("kind", BACKENDS)
def test_misspelt_requests_keep_their_top_five(kind: str) -> None:
    url = elasticsearch_url() if kind == "elasticsearch" else None
    with tempfile.TemporaryDirectory() as data_dir:
        directory = directory_app(kind, data_dir, url)
        try:
            rows = kept(directory)
        finally:
            backend = directory.extensions["linkwell.backend"]
            if kind == "elasticsearch":
                backend.drop_all()
            backend.close()
    mean = sum(n for _, n, _ in rows) / len(rows)
    assert len(rows) >= 30
    assert mean >= 4.5, sorted((n, p, words) for p, n, words in rows if n < TOP)[:8]
