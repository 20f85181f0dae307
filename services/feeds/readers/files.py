"""Feeds published as files: one file, or a folder of page files read in page order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from linkwell.plugins.hookspecs import Feed, FeedError


def feed_files(feed: Feed, suffixes: Iterable[str]) -> list[Path]:
    """The feed's file, or the files in its folder with these suffixes, in natural order.

    A folder that holds other files too names its pages with the feed option ``pattern``
    (a glob such as ``services-page-*.json``). Natural order puts ``services-page-10.json``
    after ``services-page-9.json``.
    """
    path = Path(feed.location).expanduser()
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FeedError(f"feed {feed.name}: {path} is neither a file nor a folder")
    pattern = str(feed.options.get("pattern") or "*")
    wanted = tuple(s.lower() for s in suffixes)
    found = [p for p in path.glob(pattern) if p.is_file() and p.suffix.lower() in wanted]
    if not found:
        raise FeedError(f"feed {feed.name}: no {pattern} files ending {', '.join(wanted)} "
                        f"in {path}")
    return sorted(found, key=natural_key)


def natural_key(path: Path) -> list[int | str]:
    """Sort key that compares runs of digits as numbers."""
    return [int(part) if part.isdigit() else part.lower()
            for part in re.split(r"(\d+)", path.name)]
