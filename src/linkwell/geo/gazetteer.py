"""Reading the open gazetteers: the place names people give instead of a postcode.

Three layouts are read, told apart by their first line:

* the ONS **Index of Place Names** in Great Britain (IPN), as the ONS Open Geography Portal
  publishes it (``IPN_GB_2024.csv``): a header line naming ``placeid``, ``placeNNcd``,
  ``placeNNnm`` (NN the boundary year), ``descnm`` (the kind of place: ``LOC`` for a
  locality, ``WD`` for a ward, ``LONB`` for a London borough...), ``ladNNnm`` (the local
  authority), ``lat`` and ``long``. Older editions were written in Windows-1252, so a name that
  is not UTF-8 is read as that;
* **OS Open Names** (Ordnance Survey), whose CSV files have no header line (it ships apart,
  in ``OS_Open_Names_Header.csv``): 34 columns from ``ID`` and ``NAME1`` to ``SAME_AS_GEONAMES``,
  with the place at ``GEOMETRY_X``/``GEOMETRY_Y`` on the British National Grid. Only populated
  places (``TYPE`` ``populatedPlace``: suburbs, villages, towns) are kept; roads, rivers and
  the rest are left out and counted. A file with the header line on top reads the same;
* a simple ``name,latitude,longitude`` file (``area`` optional), for a borough's own places.

A row that is bad (no name, coordinates outside the UK, too few columns) is skipped and
reported by its line; the good rows go in. A file that cannot be read as CSV at all stops the
import, names the line, and leaves the table as it was (the postcode importer's rule).
"""

from __future__ import annotations

import csv
import itertools
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from linkwell.geo.importer import LATITUDES, LONGITUDES, PostcodeFileError, PostcodeImport

IPN = "ONS Index of Place Names"
OS_OPEN_NAMES = "OS Open Names"
SIMPLE = "name, latitude, longitude"

#: OS Open Names' columns, in order (OS_Open_Names_Header.csv in every download).
OS_OPEN_NAMES_COLUMNS = (
    "ID", "NAMES_URI", "NAME1", "NAME1_LANG", "NAME2", "NAME2_LANG", "TYPE", "LOCAL_TYPE",
    "GEOMETRY_X", "GEOMETRY_Y", "MOST_DETAIL_VIEW_RES", "LEAST_DETAIL_VIEW_RES", "MBR_XMIN",
    "MBR_YMIN", "MBR_XMAX", "MBR_YMAX", "POSTCODE_DISTRICT", "POSTCODE_DISTRICT_URI",
    "POPULATED_PLACE", "POPULATED_PLACE_URI", "POPULATED_PLACE_TYPE", "DISTRICT_BOROUGH",
    "DISTRICT_BOROUGH_URI", "DISTRICT_BOROUGH_TYPE", "COUNTY_UNITARY", "COUNTY_UNITARY_URI",
    "COUNTY_UNITARY_TYPE", "REGION", "REGION_URI", "COUNTRY", "COUNTRY_URI",
    "RELATED_SPATIAL_OBJECT", "SAME_AS_DBPEDIA", "SAME_AS_GEONAMES")
_OS = {name: i for i, name in enumerate(OS_OPEN_NAMES_COLUMNS)}

# Which of several places of one name a person most likely means: the smaller, everyday kind
# first (Lewisham the locality before Lewisham the borough). Lower is preferred.
_IPN_RANK = {"LOC": 1, "BUASD": 1, "BUA": 2, "WD": 3, "PAR": 3, "COM": 3, "CED": 3,
             "LONB": 4, "MD": 4, "NMD": 4, "UA": 4, "CA": 4}
_OS_RANK = {"suburban area": 1, "village": 1, "hamlet": 1, "other settlement": 1,
            "town": 2, "city": 2, "capital city": 2}
_OTHER_RANK = 5  # counties, regions, national parks: a very rough middle

# The British National Grid's extent, in metres.
_EASTINGS, _NORTHINGS = (0.0, 700_000.0), (0.0, 1_300_000.0)

#: One row of the place table: (source, ident, key, name, kind, rank, area, lat, lon).
PlaceRow = tuple[str, str, str, str, str, int, str | None, float, float]


def place_key(text: str) -> str:
    """What two spellings of one place name share: ``Kentish-Town`` and ``kentish town`` ->
    ``kentishtown``; accents, case, spaces and punctuation do not count."""
    bare = unicodedata.normalize("NFKD", text.replace("&", " and "))
    return "".join(ch for ch in bare.casefold() if ch.isalnum() and ch.isascii())


@dataclass(frozen=True)
class GazetteerLayout:
    """Which columns of a place file hold what (indexes into each row)."""

    name: str
    place: int
    latitude: int  # for OS Open Names: the northing column
    longitude: int  # for OS Open Names: the easting column
    kind: int | None = None
    area: int | None = None
    ident: int | None = None
    has_header: bool = True

    @property
    def width(self) -> int:
        used = (self.place, self.latitude, self.longitude, self.kind, self.area, self.ident)
        return max(i for i in used if i is not None) + 1


_OS_LAYOUT = GazetteerLayout(OS_OPEN_NAMES, _OS["NAME1"], _OS["GEOMETRY_Y"], _OS["GEOMETRY_X"],
                             _OS["LOCAL_TYPE"], _OS["DISTRICT_BOROUGH"], _OS["ID"],
                             has_header=False)


class _HasLineNum(Protocol):
    """A csv reader, as far as line numbers go."""

    @property
    def line_num(self) -> int: ...


def detect_gazetteer(header: list[str]) -> GazetteerLayout | None:
    """The place-file layout a first line shows, or None when it is not a place file."""
    names = [cell.strip().strip("\ufeff").lower() for cell in header]
    found = {name: i for i, name in reversed(list(enumerate(names)))}
    if len(header) == len(OS_OPEN_NAMES_COLUMNS) and header[0].strip().startswith("osgb"):
        return _OS_LAYOUT  # the usual file: data from the first line
    if names[: len(OS_OPEN_NAMES_COLUMNS)] == [c.lower() for c in OS_OPEN_NAMES_COLUMNS]:
        return GazetteerLayout(**{**_OS_LAYOUT.__dict__, "has_header": True})
    if "placeid" in found and "lat" in found and "long" in found:
        place = _latest(found, r"place(\d\d)nm")
        if place is not None:
            return GazetteerLayout(IPN, place, found["lat"], found["long"], found.get("descnm"),
                                   _latest(found, r"lad(\d\d)nm"),
                                   _latest(found, r"place(\d\d)cd"))
    place = next((found[n] for n in ("name", "place", "place_name") if n in found), None)
    lat = next((found[n] for n in ("latitude", "lat") if n in found), None)
    lon = next((found[n] for n in ("longitude", "long", "lon", "lng") if n in found), None)
    if place is not None and lat is not None and lon is not None:
        return GazetteerLayout(SIMPLE, place, lat, lon, area=found.get("area"))
    return None


def read_places(reader: Iterator[list[str]], header: list[str], layout: GazetteerLayout,
                report: PostcodeImport, lines: _HasLineNum) -> Iterator[PlaceRow]:
    """The good rows of a place file (its first line already read as ``header``)."""
    report.layout = layout.name
    rows = itertools.chain([header], reader) if not layout.has_header else reader
    if layout.name == OS_OPEN_NAMES:
        yield from _grid_rows(_cells(rows, layout, report, lines), report)
        return
    for line, row, lat_text, lon_text in _cells(rows, layout, report, lines):
        try:
            latitude, longitude = float(lat_text), float(lon_text)
        except ValueError:
            latitude = longitude = math.nan
        yield from _place_row(line, row, layout, latitude, longitude, report)


def _cells(rows: Iterator[list[str]], layout: GazetteerLayout, report: PostcodeImport,
           lines: _HasLineNum) -> Iterator[tuple[int, list[str], str, str]]:
    line = lines.line_num
    try:
        for row in rows:
            line = lines.line_num
            if len(row) < layout.width:
                if any(cell.strip() for cell in row):
                    report.reject(line, "too few columns", f"{len(row)} of {layout.width}")
                continue
            if layout.name == OS_OPEN_NAMES and row[_OS["TYPE"]].strip() != "populatedPlace":
                report.left_out += 1  # a road, a river, a hill: not where people say they are
                continue
            yield line, row, row[layout.latitude], row[layout.longitude]
    except csv.Error as exc:
        reason = ("a quote opens here and is never closed" if "unexpected end of data"
                  in str(exc) else str(exc))
        raise PostcodeFileError(f"line {line + 1}: {reason}") from exc


def _grid_rows(cells: Iterator[tuple[int, list[str], str, str]],
               report: PostcodeImport) -> Iterator[PlaceRow]:
    """OS Open Names rows, their grid references turned into latitude and longitude in batches
    (the OSTN15 transformation, as Ordnance Survey defines it)."""
    from convertbng.cutil import convert_lonlat

    while batch := list(itertools.islice(cells, 5_000)):
        points: list[tuple[float, float]] = []
        for _, _, northing, easting in batch:
            try:
                east, north = float(easting), float(northing)
            except ValueError:
                east = north = math.nan
            inside = (_EASTINGS[0] <= east <= _EASTINGS[1]
                      and _NORTHINGS[0] <= north <= _NORTHINGS[1])
            points.append((east, north) if inside else (math.nan, math.nan))
        longitudes, latitudes = convert_lonlat([p[0] for p in points], [p[1] for p in points])
        for (line, row, *_), lat, lon in zip(batch, latitudes, longitudes, strict=True):
            yield from _place_row(line, row, _OS_LAYOUT, float(lat), float(lon), report)


def _place_row(line: int, row: list[str], layout: GazetteerLayout, latitude: float,
               longitude: float, report: PostcodeImport) -> Iterator[PlaceRow]:
    name = _text(row[layout.place])
    if not place_key(name):
        report.reject(line, "no place name", repr(row[layout.place]))
        return
    if not (LATITUDES[0] <= latitude <= LATITUDES[1]
            and LONGITUDES[0] <= longitude <= LONGITUDES[1]):
        report.reject(line, "bad coordinates", f"{name}: {row[layout.latitude]}, "
                                               f"{row[layout.longitude]}")
        return
    kind = row[layout.kind].strip() if layout.kind is not None else ""
    area = _text(row[layout.area]) if layout.area is not None else ""
    ident = row[layout.ident].strip() if layout.ident is not None else ""
    rank = place_rank(layout.name, kind)
    names = [name]
    if layout.name == OS_OPEN_NAMES and _text(row[_OS["NAME2"]]):
        names.append(_text(row[_OS["NAME2"]]))  # the Welsh or Gaelic name too
    report.loaded += 1
    for number, each in enumerate(names):
        key = place_key(each)
        if key:
            yield (layout.name, f"{ident or key}#{number}" if number else ident or key, key,
                   each, kind, rank, area or None, round(latitude, 6), round(longitude, 6))


def place_rank(layout: str, kind: str) -> int:
    """How everyday a kind of place is in a gazetteer: 1 a neighbourhood ... 5 a county."""
    if layout == IPN:
        return _IPN_RANK.get(kind.upper(), _OTHER_RANK)
    if layout == OS_OPEN_NAMES:
        return _OS_RANK.get(kind.lower(), _OTHER_RANK)
    return 1  # a borough's own list names places its people use


def _text(cell: str) -> str:
    """A name cell, tidied; bytes that were not UTF-8 are read as Windows-1252 (older IPNs)."""
    if any("\udc80" <= ch <= "\udcff" for ch in cell):
        cell = cell.encode("utf-8", "surrogateescape").decode("cp1252", "replace")
    return " ".join(cell.split())


def _latest(found: dict[str, int], pattern: str) -> int | None:
    """The column of the latest year of a yearly-named column: lad23nm over lad91nm (1991)."""
    matches = [(_year(m.group(1)), i) for name, i in found.items()
               if (m := re.fullmatch(pattern, name))]
    return max(matches)[1] if matches else None


def _year(two_digits: str) -> int:
    number = int(two_digits)
    return number + (1900 if number > 50 else 2000)
