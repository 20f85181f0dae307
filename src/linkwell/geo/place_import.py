"""Loading a gazetteer file into the place table, as postcode files load into theirs: streamed,
in batches inside one transaction, bad rows skipped and reported by line."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable
from pathlib import Path

from linkwell.geo.gazetteer import detect_gazetteer, read_places
from linkwell.geo.importer import BATCH_SIZE, PostcodeFileError, PostcodeImport, read_header
from linkwell.geo.placestore import PlaceStore


def is_place_file(path: str | Path) -> bool:
    """Whether a file's first line shows a gazetteer (IPN, OS Open Names, name/lat/long)
    rather than a postcode file."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as text:
        try:
            header = next(csv.reader(text), None)
        except csv.Error:
            return False  # the postcode importer names the line
    return header is not None and detect_gazetteer(header) is not None


def import_places(store: PlaceStore, path: str | Path, *, replace: bool = False,
                  batch_size: int = BATCH_SIZE,
                  progress: Callable[[int], None] | None = None) -> PostcodeImport:
    """Load one gazetteer file into ``store``; ``progress`` is told the bytes read so far.

    Raises :class:`PostcodeFileError` (naming the line) when the file cannot be read as CSV
    or is no gazetteer Linkwell knows; the table is then left exactly as it was.
    """
    report = PostcodeImport(Path(path))
    with open(path, "rb") as raw, store.writer(replace=replace) as connection:
        # Older IPN editions are Windows-1252: undecodable bytes are kept for the name reader.
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.reader(text, strict=True)
        header = read_header(reader)
        layout = detect_gazetteer(header)
        if layout is None:
            raise PostcodeFileError("line 1: not a place file Linkwell reads (the ONS Index of "
                                    "Place Names, OS Open Names, or name,latitude,longitude)")
        rows = read_places(reader, header, layout, report, reader)
        while batch := list(itertools.islice(rows, batch_size)):
            store.write(connection, batch)
            if progress is not None:
                progress(raw.tell())
    return report
