"""The semantic signal: the model from the package's own files, vectors and their encoding."""

from __future__ import annotations

import socket
from typing import Any

import numpy as np
import pytest

from linkwell import semantic


def test_the_model_loads_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("the embedding model tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    semantic.model.cache_clear()
    vectors = semantic.embed(["a walking group in the park"])
    assert vectors.shape == (1, semantic.DIMS)
    assert semantic.MODEL.startswith("wordllama-") and semantic.MODEL.endswith("-256")


def test_words_close_in_meaning_are_closer_than_unrelated_words() -> None:
    person, near, far = semantic.embed(["I would like to meet other dads with my baby",
                                        "Fathers' club: dads and babies play on Saturdays",
                                        "Free advice about council tax debts"])
    assert float(person @ near) > float(person @ far) + 0.2


def test_vectors_are_unit_length_and_empty_text_is_near_nothing() -> None:
    vectors = semantic.embed(["choir", "", "   "])
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-5)
    assert not vectors[1].any() and not vectors[2].any()


def test_quantised_vectors_keep_their_cosines() -> None:
    a, b = semantic.embed(["gardening with neighbours", "a community allotment"])
    exact = float(a @ b)
    quantised = semantic.cosines(semantic.quantise(a), semantic.quantise(b)[None, :])[0]
    assert abs(float(quantised) - exact) < 0.01


def test_encoding_round_trips_and_refuses_anything_else() -> None:
    vector = semantic.quantise(semantic.embed_one("a men's shed"))
    assert np.array_equal(semantic.decode(semantic.encode(vector)), vector)
    assert len(semantic.encode(vector)) == 344
    for bad in ("not base64!", semantic.encode(vector)[:40], "é"):
        with pytest.raises(semantic.BadVector):
            semantic.decode(bad)


def test_a_zero_vector_is_similar_to_nothing() -> None:
    zero = semantic.quantise(np.zeros(semantic.DIMS, np.float32))
    rows = semantic.quantise(semantic.embed_one("swimming"))[None, :]
    assert semantic.cosines(zero, rows)[0] == 0.0


@pytest.mark.parametrize("text", [
    "Peckham Ladies' Knit & Natter. Tues 10.30am-12pm (term time only) £2 inc. tea/coffee!",
    "WALKING FOOTBALL FOR OVER 50S - ALL ABILITIES WELCOME!!!",
    "Drop-in:  no appointment needed",           # a run of spaces
    " leading space and trailing space ",
    "Café naïve résumé — Bengali (বাংলা), Somali (Soomaali), Urdu (اردو) 😀",
    "tab\tand\nnew line, e-mail info@example.org, https://example.org/a?b=c",
    "co-operative self-help 1:1 one-to-one 24/7 07700900123",
])
def test_word_by_word_tokens_equal_the_whole_texts(text: str) -> None:
    assert semantic.token_ids(text) == semantic._tokenised(text)
