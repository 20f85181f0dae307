"""The shared package is a contract, not a second application: nothing in it imports a service.

``src/linkwell`` holds what every service agrees on (schemas, taxonomy, vocabularies, ids,
text analysis, config, the service client, the plugin contract). The services (directory,
matcher, gateway, feeds and the ``linkwell`` command) are installed into the same ``linkwell``
namespace through ``package-dir`` in pyproject.toml, so an upward import would still work at
run time: this test is what keeps the arrows pointing one way. It reads every import, at the
top of a module or inside a function, with ``ast``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / "src" / "linkwell"
SERVICE = re.compile(r"^linkwell\.(directory|matcher|gateway|feeds|cli)(\.|$)")
# ``python -m linkwell`` must find a __main__ in the package the name linkwell starts from;
# it is the one place the shared folder names the command (services/cli), and does nothing else.
ENTRY_POINTS = {SHARED / "__main__.py"}


def imported(text: str, package: str) -> list[tuple[int, str]]:
    """(line, dotted name) for every import in ``text``; relative imports are resolved
    against ``package``, and ``from a import b`` also counts ``a.b`` (b may be a module)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = parts[:len(parts) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.append((node.lineno, base))
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
    return found


def package_of(path: Path) -> str:
    return ".".join(("linkwell", *path.relative_to(SHARED).parent.parts))


def test_the_walk_sees_every_form_of_import() -> None:
    text = ("import os\nfrom linkwell import gateway\nimport linkwell.matcher.api\n\n"
            "def f():\n    from linkwell.directory.backends import base\n"
            "    from ..feeds import sync\n")
    names = {name for _, name in imported(text, "linkwell.geo")}
    assert {"linkwell.gateway", "linkwell.matcher.api", "linkwell.directory.backends",
            "linkwell.feeds.sync"} <= names
    assert not any(SERVICE.match(n) for n in ("linkwell.geo", "linkwell.feedsx", "os"))


def test_nothing_in_the_shared_package_imports_a_service() -> None:
    upward = [f"{path.relative_to(REPO)}:{line}: {name}"
              for path in sorted(SHARED.rglob("*.py")) if path not in ENTRY_POINTS
              for line, name in imported(path.read_text(encoding="utf-8"), package_of(path))
              if SERVICE.match(name)]
    assert not upward, "the shared package imports a service:\n" + "\n".join(upward)
