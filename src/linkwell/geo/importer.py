"""Loading postcode files into the postcode table, fast and without losing the good rows.

Two layouts are read, told apart by their header:

* the ONS Postcode Directory (ONSPD) and its smaller sibling, the National Statistics Postcode
  Lookup (NSPL), as a deployment downloads them from the ONS Open Geography Portal: ``pcds``
  (or ``pcd``/``pcd7``/``pcd8``), ``lat``, ``long``, ``doterm`` (the year and month a postcode
  was terminated; terminated postcodes are kept and marked) and the local authority code
  (``oslaua``, ``laua``, ``lad`` or ``ladNNcd``);
* a simple ``postcode,latitude,longitude`` file, with or without that header line.

The file is streamed (the real ONSPD has 2.7 million rows) and written in batches inside one
transaction. A row with bad coordinates (the ONSPD writes 99.999999 where a postcode has no
grid reference) or a bad postcode is skipped and counted; a file that cannot be read as CSV
at all (an unclosed quote, a missing column) stops the import, names the line, and leaves the
table as it was.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

from linkwell.geo.postcode import normalise_postcode
from linkwell.geo.store import PostcodeStore, Row

BATCH_SIZE = 20_000
EXAMPLES = 5  # rejected rows shown by line; the rest are only counted

# Latitude and longitude that can be in the UK, Channel Islands and Isle of Man included.
LATITUDES = (49.0, 61.0)
LONGITUDES = (-9.0, 2.0)

_POSTCODE_COLUMNS = ("pcds", "pcd", "pcd7", "pcd8", "pcd2", "postcode", "post_code")
_LATITUDE_COLUMNS = ("lat", "latitude")
_LONGITUDE_COLUMNS = ("long", "longitude", "lon", "lng")
_DISTRICT_COLUMNS = ("oslaua", "laua", "lad", "local_authority")
_ONS_MARKERS = {"pcds", "pcd", "pcd7", "pcd8", "doterm"}
_LAD_CODE = re.compile(r"lad\d\dcd")
_UNCLOSED = "a quote opens here and is never closed"


class PostcodeFileError(ValueError):
    """The file as a whole cannot be read; nothing from it was loaded."""


@dataclass
class PostcodeImport:
    """What one file's import did: rows loaded, and rows skipped by reason."""

    path: Path
    layout: str = ""
    loaded: int = 0
    terminated: int = 0
    left_out: int = 0  # rows of kinds a file may hold but Linkwell does not keep (not errors)
    rejected: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    def reject(self, line: int, reason: str, value: str) -> None:
        self.rejected[reason] += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(f"line {line}: {reason} ({value})")


@dataclass(frozen=True)
class Layout:
    """Which columns of a file hold what (indexes into each row)."""

    name: str
    postcode: int
    latitude: int
    longitude: int
    terminated: int | None = None
    district: int | None = None
    has_header: bool = True

    @property
    def width(self) -> int:
        """How many fields a row needs to hold every column this layout reads."""
        used = (self.postcode, self.latitude, self.longitude, self.terminated, self.district)
        return max(i for i in used if i is not None) + 1


SIMPLE = Layout("postcode, latitude, longitude", 0, 1, 2, has_header=False)


def import_postcodes(store: PostcodeStore, path: str | Path, *, replace: bool = False,
                     batch_size: int = BATCH_SIZE,
                     progress: Callable[[int], None] | None = None) -> PostcodeImport:
    """Load one postcode file into ``store``; ``progress`` is told the bytes read so far.

    Raises :class:`PostcodeFileError` (naming the line) when the file cannot be read; the
    table is then left exactly as it was.
    """
    report = PostcodeImport(Path(path))
    with open(path, "rb") as raw, store.writer(replace=replace) as connection:
        # utf-8-sig drops a byte-order mark; a stray undecodable byte spoils only its row.
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
        rows = read_rows(text, report)
        while batch := list(itertools.islice(rows, batch_size)):
            store.write(connection, batch)
            if progress is not None:
                progress(raw.tell())
    return report


def read_rows(text: TextIO, report: PostcodeImport) -> Iterator[Row]:
    """The good rows of a postcode file; skipped rows are counted in ``report``."""
    reader = csv.reader(text, strict=True)
    header = read_header(reader)
    layout = detect_layout(header)
    report.layout = layout.name
    if not layout.has_header:
        yield from _parse(iter([header]), layout, report, reader)
    yield from _parse(reader, layout, report, reader)


def detect_layout(header: list[str]) -> Layout:
    """The layout a header line describes; a first line of data means the simple layout."""
    names = [cell.strip().strip("\ufeff").lower() for cell in header]
    found = {name: i for i, name in reversed(list(enumerate(names)))}
    postcode = _first(found, _POSTCODE_COLUMNS)
    if postcode is None and _looks_like_data(header):
        return SIMPLE
    latitude = _first(found, _LATITUDE_COLUMNS)
    longitude = _first(found, _LONGITUDE_COLUMNS)
    for index, label, expected in ((postcode, "postcode", _POSTCODE_COLUMNS),
                                   (latitude, "latitude", _LATITUDE_COLUMNS),
                                   (longitude, "longitude", _LONGITUDE_COLUMNS)):
        if index is None:
            raise PostcodeFileError(f"line 1: no {label} column (expected one of "
                                    f"{', '.join(expected)})")
    assert postcode is not None and latitude is not None and longitude is not None
    ons = bool(_ONS_MARKERS & found.keys())
    return Layout("ONS Postcode Directory" if ons else SIMPLE.name, postcode, latitude,
                  longitude, found.get("doterm"), _district(found))


class _Lines(Protocol):
    """A csv reader, as far as line numbers go."""

    @property
    def line_num(self) -> int: ...


def _parse(rows: Iterator[list[str]], layout: Layout, report: PostcodeImport,
           reader: _Lines) -> Iterator[Row]:
    # The hot loop of a 2.7-million-row import: locals only, no per-row function calls
    # beyond the postcode check. ``reader`` is the csv reader, for its line numbers.
    width, i_code, i_lat, i_lon = layout.width, layout.postcode, layout.latitude, layout.longitude
    i_term, i_dist = layout.terminated, layout.district
    lat_min, lat_max = LATITUDES
    lon_min, lon_max = LONGITUDES
    line = reader.line_num
    try:
        for row in rows:
            line = reader.line_num
            if len(row) < width:
                if any(cell.strip() for cell in row):  # blank lines are not worth a mention
                    report.reject(line, "too few columns", f"{len(row)} of {width}")
                continue
            postcode = normalise_postcode(row[i_code])
            if postcode is None:
                report.reject(line, "not a postcode", repr(row[i_code]))
                continue
            try:
                latitude, longitude = float(row[i_lat]), float(row[i_lon])
            except ValueError:
                latitude = longitude = float("nan")
            if not (lat_min <= latitude <= lat_max and lon_min <= longitude <= lon_max):
                report.reject(line, "bad coordinates",
                              f"{postcode}: {row[i_lat]}, {row[i_lon]}")
                continue
            terminated = (row[i_term].strip() or None) if i_term is not None else None
            district = (row[i_dist].strip() or None) if i_dist is not None else None
            report.loaded += 1
            if terminated:
                report.terminated += 1
            yield postcode, latitude, longitude, terminated, district
    except csv.Error as exc:
        # The row that cannot be read starts on the line after the last one read.
        raise PostcodeFileError(f"line {line + 1}: {_reason(exc)}") from exc


def read_header(reader: Iterator[list[str]]) -> list[str]:
    """The first row of a postcode or place file; an empty or unreadable one is a
    :class:`PostcodeFileError` naming line 1."""
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise PostcodeFileError(f"line 1: {_reason(exc)}") from exc
    if header is None:
        raise PostcodeFileError("the file is empty")
    return header


def _reason(exc: csv.Error) -> str:
    return _UNCLOSED if "unexpected end of data" in str(exc) else str(exc)


def _first(found: dict[str, int], names: tuple[str, ...]) -> int | None:
    return next((found[name] for name in names if name in found), None)


def _district(found: dict[str, int]) -> int | None:
    named = _first(found, _DISTRICT_COLUMNS)
    if named is not None:
        return named
    # Newer ONS files name the column after the boundary year (lad23cd, lad25cd): the latest.
    latest = max((name for name in found if _LAD_CODE.fullmatch(name)), default=None)
    return found[latest] if latest else None


def _looks_like_data(cells: list[str]) -> bool:
    if len(cells) < 3 or normalise_postcode(cells[0]) is None:
        return False
    try:
        float(cells[1]), float(cells[2])
    except ValueError:
        return False
    return True
