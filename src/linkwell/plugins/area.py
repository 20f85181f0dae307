"""A borough's own geography, shipped by its plugin: the hooks that hand Linkwell the venues'
postcodes and the place names residents use, from the plugin's data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from linkwell.plugins.hookspecs import hookimpl

FilesHook = Callable[[], list[Path]]


def area_files(data: Path) -> tuple[FilesHook, FilesHook]:
    """``linkwell_postcode_files`` answering ``data/postcodes.csv`` and
    ``linkwell_place_files`` answering ``data/places.csv``; a plugin module binds them to
    those names (``linkwell_postcode_files, linkwell_place_files = area_files(DATA)``)."""

    @hookimpl
    def linkwell_postcode_files() -> list[Path]:
        return [data / "postcodes.csv"]

    @hookimpl
    def linkwell_place_files() -> list[Path]:
        return [data / "places.csv"]

    return linkwell_postcode_files, linkwell_place_files
