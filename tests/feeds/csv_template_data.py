"""What the spreadsheet template's tests share: Camden's demo files, the template and its guide,
and small helpers to build and convert a row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema.protocols import Validator

from linkwell.feeds.csv_template import (
    COLUMNS,
    convert_row,
)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "plugins" / "camden" / "linkwell_camden" / "data"
ASSETS = DATA / "assets.csv"
WITH_ERRORS = DATA / "assets-with-errors.csv"
TEMPLATE = REPO / "docs" / "csv-template.csv"
GUIDE = REPO / "docs" / "csv-template.md"
SCHEMAS = {"ORUK 3.0": "oruk-3.0/schema/compiled/service.json",
           "HSDS 3.0": "hsds-3.0/schema/compiled/service.json"}
TAXONOMY = REPO / "src" / "linkwell" / "taxonomy" / "taxonomy.yaml"  # the concepts Linkwell uses
FEED = "camden"


def row(**cells: str) -> dict[str, str]:
    """A template row with every column empty except those given."""
    return {**dict.fromkeys(COLUMNS, ""), **cells}


def convert(**cells: str) -> dict[str, Any]:
    return convert_row(row(**cells), feed=FEED, row_number=2)


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, value) in a nested JSON value."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def schema_errors(
    validators: dict[str, Validator], service: dict[str, Any]
) -> list[str]:
    return [f"{name} {'/'.join(map(str, e.path))}: {e.message}"
            for name, validator in validators.items() for e in validator.iter_errors(service)]
