"""A borough's own geography and feeds, shipped by its plugin: the hooks that hand Linkwell
the borough's feeds, the venues' postcodes and the place names residents use, from the
plugin's data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from linkwell.plugins.hookspecs import Feed, hookimpl

FilesHook = Callable[[], list[Path]]
FeedsHook = Callable[[], list[Feed]]


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


def borough_hooks(data: Path, *feeds: Feed) -> tuple[FeedsHook, FilesHook, FilesHook]:
    """The hooks of a borough plugin that publishes ``feeds`` from its ``data`` folder:
    ``linkwell_feeds`` answering them, and its geography as :func:`area_files` gives it.

    A plugin module binds them to those names (``linkwell_feeds, linkwell_postcode_files,
    linkwell_place_files = borough_hooks(DATA, Feed(...))``). The venues' postcodes
    (``data/postcodes.csv``, made by ``scripts/make_demo_postcodes.py`` for the demo boroughs)
    and the neighbourhoods residents name (``data/places.csv``: approximate middles written for
    the demo; a deployment imports the ONS Index of Place Names or OS Open Names) ship with the
    plugin, so it needs no download.
    """

    @hookimpl
    def linkwell_feeds() -> list[Feed]:
        return list(feeds)

    return (linkwell_feeds, *area_files(data))
