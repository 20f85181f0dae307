"""Installing a plugin package for a test: a real distribution with a ``linkwell`` entry point."""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

Install = Callable[[str, str], Path]


def write_distribution(site: Path, module: str, source: str,
                       entry_point: str | None = None) -> None:
    """``module.py`` plus ``<module>-0.1.dist-info`` declaring it in the ``linkwell`` group,
    exactly what ``pip install`` leaves in site-packages for a one-module plugin."""
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{module}.py").write_text(textwrap.dedent(source))
    info = site / f"{module}-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[linkwell]\n{entry_point or module} = {module}\n")
    (info / "RECORD").write_text("")


@pytest.fixture
def install_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """Install a one-module plugin package on sys.path; returns the site folder it is in."""
    site = tmp_path / "site-packages"
    installed: list[str] = []

    def install(module: str, source: str) -> Path:
        write_distribution(site, module, source)
        installed.append(module)
        monkeypatch.syspath_prepend(str(site))
        importlib.invalidate_caches()
        return site

    yield install
    for module in installed:
        sys.modules.pop(module, None)
