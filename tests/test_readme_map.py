"""The README's map ("How Linkwell is built") names real folders and files.

A newcomer reads that section first; a path it names that has moved sends them the wrong way.
Every path in backticks (a folder ending in ``/`` or a file) under one of the repository's top
folders must exist, and the import names it gives for the service folders must be those in
pyproject.toml's package-dir.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROOTS = ("services/", "src/", "plugins/", "tests/", "docs/", "scripts/", "bench/", "deploy/")


def section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("## How Linkwell is built")
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def named_paths(text: str) -> list[str]:
    return [code for code in re.findall(r"`([^`\s]+)`", text) if code.startswith(ROOTS)]


def test_the_map_names_paths() -> None:
    paths = named_paths(section())
    assert len(paths) >= 20
    for needed in ("services/feeds/", "services/directory/", "services/matcher/",
                   "services/gateway/", "src/linkwell/", "plugins/"):
        assert needed in paths
    assert named_paths("`services/nowhere/` and `pyproject.toml`") == ["services/nowhere/"]


def test_every_path_the_map_names_exists() -> None:
    missing = [path for path in named_paths(section()) if not (REPO / path).exists()]
    assert not missing, f"README 'How Linkwell is built' names paths that do not exist: {missing}"


def test_its_import_names_are_the_package_dirs() -> None:
    package_dir = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-dir"]
    rows = re.findall(r"^\| [^|]+\| `([^`]+)`[^|]*\| `(linkwell[.\w]*)`", section(), re.M)
    assert rows
    for folder, name in rows:
        if name in package_dir:
            assert package_dir[name].rstrip("/") == folder.rstrip("/"), name
    services = {name for folder, name in rows if folder.startswith("services/")}
    assert services == {name for name in package_dir if name != "linkwell"}
