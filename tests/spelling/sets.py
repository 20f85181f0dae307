"""The hand-written spelling sets (see the YAML files beside this module)."""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).parent


def misspellings() -> list[tuple[str, str, str]]:
    """(kind, typed, meant) for every misspelt search of misspellings.yaml."""
    data = yaml.safe_load((HERE / "misspellings.yaml").read_text(encoding="utf-8"))
    return [(kind, typed, meant) for kind, pairs in data.items() for typed, meant in pairs.items()]


def right_words() -> list[str]:
    """Every search of right_words.yaml: spelt right, to be searched as typed."""
    data = yaml.safe_load((HERE / "right_words.yaml").read_text(encoding="utf-8"))
    return [str(w) for words in data.values() for w in words]
