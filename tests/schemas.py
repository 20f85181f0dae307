"""The Open Referral reference schemas the tests validate against, read from ``tests/reference``.

The schemas name each other by their upstream addresses (raw.githubusercontent.com). Every
validator the tests build gets :func:`registry`, which maps those addresses to the copies kept
here and has no way to fetch anything: a ``$ref`` that is not held here is an error, never a
download (jsonschema's own default would fetch it, with only a warning).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator, Draft202012Validator, FormatChecker
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7, DRAFT202012

REFERENCE = Path(__file__).resolve().parent / "reference"
OPENREFERRAL = REFERENCE / "openreferral"
HSDS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
UK = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
VALIDATOR = ("https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/"
             "OpenReferralApi/Schemas/V3.0-UK/")
VALIDATOR_V1 = ("https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/"
                "OpenReferralApi/Schemas/V1.0-UK/")
V1_SCHEMAS = "https://raw.githubusercontent.com/OpenReferralUK/human-services/master/Schemas/"
# Upstream address -> local folder (SOURCES.md of the reference material gives the same map).
FOLDERS = {HSDS: "hsds-3.0/schema", UK: "oruk-3.0/schema",
           VALIDATOR: "oruk-validator/schemas-v3.0-uk",
           VALIDATOR_V1: "oruk-1.0/validator-schemas", V1_SCHEMAS: "oruk-1.0/schemas"}
DRAFT7_FOLDERS = {VALIDATOR_V1, V1_SCHEMAS}  # the ORUK 1.0 schemas say draft-07


@cache
def registry() -> Registry:
    """Every schema held here, under the address the documents use for it."""
    resources = []
    for base, folder in FOLDERS.items():
        root = OPENREFERRAL / folder
        spec = DRAFT7 if base in DRAFT7_FOLDERS else DRAFT202012
        for path in sorted(root.rglob("*.json")):
            contents = json.loads(path.read_text(encoding="utf-8"))
            resource = Resource.from_contents(contents, default_specification=spec)
            resources.append((base + path.relative_to(root).as_posix(), resource))
    return Registry().with_resources(resources)


def address(path: str) -> str:
    """The upstream address of a file under ``tests/reference/openreferral``."""
    for base, folder in FOLDERS.items():
        if path.startswith(folder + "/"):
            return base + path.removeprefix(folder + "/")
    raise KeyError(f"{path} is not under a folder with a known upstream address")


def validator(ref: str, format_checker: FormatChecker | None = None) -> Validator:
    """A validator for ``ref`` (an upstream address, or a path under ``openreferral/``)."""
    uri = ref if ref.startswith("https://") else address(ref)
    draft7 = any(uri.startswith(base) for base in DRAFT7_FOLDERS)
    cls: type[Validator] = Draft7Validator if draft7 else Draft202012Validator
    return cls({"$ref": uri}, registry=registry(), format_checker=format_checker)


def read(path: str) -> Any:
    """A file under ``tests/reference/openreferral``, parsed."""
    return json.loads((OPENREFERRAL / path).read_text(encoding="utf-8"))
