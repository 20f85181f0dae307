"""Meaning as vectors: a static embedding model that ships inside its package, run on CPU.

Words people use rarely match a listing's words ("since my wife passed" and a bereavement
café share none), and no word list foresees them all. Each asset's text and each person's
words are embedded by the same model, and their cosine says how close in meaning they are.

The model is WordLlama's ``l2_supercat`` at 256 dimensions: its weights are in the wheel, so
nothing is downloaded, ever (loaded from the package's own folder). An embedding is a
tokenisation and a weighted mean of token vectors: about 20 µs for a listing, so it costs the
bulk load little. ``MODEL`` names the model and its version; every stored vector carries it,
and a vector made by another model is never compared with this one's (a rebuild re-embeds).
"""

from __future__ import annotations

import base64
import binascii
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

DIMS = 256
CONFIG = "l2_supercat"
Vector = npt.NDArray[np.float32]


def _version() -> str:
    try:
        return metadata.version("wordllama")
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency of Linkwell
        return "unknown"


MODEL = f"wordllama-{_version()}-{CONFIG}-{DIMS}"


class BadVector(ValueError):
    """A vector parameter that is not one of this model's vectors."""


@lru_cache(maxsize=1)
def model() -> Any:
    """The embedding model, from the files inside the installed package (never the network)."""
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wordllama.__file__).parent
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / f"{CONFIG}_tokenizer_config.json"))
    with safe_open(str(root / "weights" / f"{CONFIG}_{DIMS}.safetensors"), framework="np",
                   device="cpu") as weights:
        embedding = weights.get_tensor("embedding.weight")
    return WordLlamaInference(embedding, tokenizer)


def embed(texts: list[str]) -> npt.NDArray[np.float32]:
    """Unit vectors (one row a text); an empty text gets a zero row (similar to nothing).

    A text's vector is the mean of its tokens' vectors, as the model defines it.
    """
    found = model()
    out = np.zeros((len(texts), DIMS), np.float32)
    for row, text in enumerate(texts):
        if not (text or "").strip():
            continue
        ids = np.asarray(token_ids(text), np.int64)
        if not len(ids):
            continue
        if ids.min() < 0 or ids.max() >= len(found.embedding):  # never, from its tokeniser
            ids = np.clip(ids, 0, len(found.embedding) - 1)  # (np.clip alone cost 0.3 ms)
        vector = found.embedding[ids].astype(np.float32, copy=False).mean(axis=0)
        norm = float(np.linalg.norm(vector))
        if norm > 0:
            out[row] = vector / norm
    return out


def token_ids(text: str) -> list[int]:
    """The model's tokens for a text, word by word from a cache.

    The tokeniser (SentencePiece-style: each space becomes "▁" at the start of the next
    word, and no token spans two words) gives a text the tokens of its words one after
    another, so a word is tokenised once a process rather than once a listing: a bulk load
    spent a fifth of its time in the tokeniser. Runs of spaces and spaces at either end do
    not split that way, so such a text is tokenised whole (a test holds the two equal).
    """
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return _tokenised(text)
    out: list[int] = []
    for word in text.split(" "):
        out.extend(_word_tokens(word))
    return out


def _tokenised(text: str) -> list[int]:
    tokens = model().tokenizer.encode(text, add_special_tokens=False)
    return [i for i, keep in zip(tokens.ids, tokens.attention_mask, strict=True) if keep]


@lru_cache(maxsize=200_000)  # a directory's words, and then some: a few tens of MB at most
def _word_tokens(word: str) -> tuple[int, ...]:
    return tuple(_tokenised(word))


def embed_one(text: str) -> Vector:
    return embed([text])[0]


def asset_text(name: str, *parts: Any) -> str:
    """What an asset's vector is made from: its name (twice: a name says most) and its words."""
    words = " ".join(str(p) for p in parts if p)
    return f"{name}. {name}. {words}"[:4000]


def quantise(vector: Vector) -> npt.NDArray[np.int8]:
    """A vector as 256 bytes, scaled so its largest part is 127.

    Cosines are blind to scale, so this loses little, and both backends then compare the
    very same numbers: Elasticsearch's ``byte`` vectors and the embedded backend's matrix.
    """
    top = float(np.max(np.abs(vector))) if len(vector) else 0.0
    if top == 0.0:
        return np.zeros(DIMS, np.int8)
    return np.round(np.asarray(vector, np.float64) * (127.0 / top)).astype(np.int8)


def cosines(query: npt.NDArray[np.int8], rows: npt.NDArray[np.int8],
            lengths: npt.NDArray[np.float32] | None = None) -> npt.NDArray[np.float32]:
    """The cosine of each row (a matrix of quantised vectors) to the query; 0 for zero rows.

    ``lengths`` are the rows' lengths where the caller keeps them already.
    """
    q = query.astype(np.float32)
    if lengths is None:
        lengths = np.linalg.norm(rows.astype(np.float32), axis=1)
    norms = lengths * float(np.linalg.norm(q))
    dots = _dots(query, rows)
    return np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)


def _dots(query: npt.NDArray[Any], rows: npt.NDArray[Any]) -> npt.NDArray[np.float32]:
    """Each row's dot product with the query. Quantised rows are multiplied as integers
    (exact: 256 × 127² fits in 32 bits), never copied whole into floats first: that copy
    cost 30 times the sum over a directory's worth of rows."""
    if rows.dtype == np.int8 and query.dtype == np.int8:
        exact = np.einsum("ij,j->i", rows, query.astype(np.int32), dtype=np.int32)
        return exact.astype(np.float32)
    return (rows.astype(np.float32) @ query.astype(np.float32)).astype(np.float32)


def encode(vector: npt.NDArray[np.int8]) -> str:
    """A quantised vector as URL-safe text: 344 characters."""
    return base64.urlsafe_b64encode(np.asarray(vector, np.int8).tobytes()).decode("ascii")


def decode(text: str) -> npt.NDArray[np.int8]:
    """The vector ``encode`` wrote; ``BadVector`` for anything else."""
    try:
        raw = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
        raise BadVector("must be a vector from Linkwell's embedding (base64)") from exc
    if len(raw) != DIMS:
        raise BadVector(f"must hold {DIMS} numbers")
    return np.frombuffer(raw, np.int8).copy()
