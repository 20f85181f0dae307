"""The reference material the tests validate against is all here, named, and needs no network."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.schemas import FOLDERS, OPENREFERRAL, REFERENCE, registry, validator

SCHEMA_FILES = sorted(path for folder in FOLDERS.values()
                      for path in (OPENREFERRAL / folder).rglob("*.json"))


def refs(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str):
                yield item
            else:
                yield from refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from refs(item)


def uri_of(path: Path) -> str:
    relative = path.relative_to(OPENREFERRAL).as_posix()
    base, folder = next((b, f) for b, f in FOLDERS.items() if relative.startswith(f + "/"))
    return base + relative.removeprefix(folder + "/")


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.relative_to(OPENREFERRAL).as_posix())
def test_every_ref_resolves_to_a_file_kept_here(path: Path) -> None:
    # The registry has nothing to fetch with: a $ref it does not hold raises Unresolvable.
    resolver = registry().resolver(base_uri=uri_of(path))
    found = sorted(set(refs(json.loads(path.read_text(encoding="utf-8")))))
    for ref in found:
        assert resolver.lookup(ref).contents is not None, ref


def test_the_schemas_that_name_others_are_among_them() -> None:
    # The walk above would pass vacuously if no file named another.
    openapi = OPENREFERRAL / "oruk-3.0" / "schema" / "openapi.json"
    remote = [r for r in refs(json.loads(openapi.read_text())) if r.startswith("https://")]
    assert len(remote) >= 5


def test_a_ref_to_a_file_not_kept_here_is_an_error_not_a_download() -> None:
    from referencing.exceptions import Unresolvable

    with pytest.raises(Unresolvable):
        registry().resolver().lookup("https://raw.githubusercontent.com/openreferral/"
                                     "specification/3.0/schema/compiled/organization.json")
    outside = validator("oruk-3.0/schema/compiled/service.json")
    assert list(outside.iter_errors({"id": "not-a-service"}))  # it does check


def test_every_file_kept_is_named_in_the_readme_with_its_source() -> None:
    readme = (REFERENCE / "README.md").read_text(encoding="utf-8")
    files = [p.relative_to(REFERENCE).as_posix() for p in sorted(REFERENCE.rglob("*"))
             if p.is_file() and p.name != "README.md"]
    assert files
    assert [f for f in files if f"`{f}`" not in readme] == []
