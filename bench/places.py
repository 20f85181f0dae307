"""Benchmark: load generated OS Open Names and Index of Place Names files into the place table,
and look place names up.

OS Open Names is about 3 million rows over 800 files (most are roads; some 45,000 populated
places are kept); the IPN about 110,000 rows. This writes files of the same shapes (OS Open
Names without a header, 34 columns, 1 row in 15 a populated place as in the real files,
eastings and northings on the British National Grid; the IPN's 44-column header) and times
``linkwell.geo.place_import.import_places`` on them, then the lookups the matcher makes.

    python bench/places.py [--rows 300000] [--lookups 2000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from harness import latencies

from linkwell.geo.gazetteer import OS_OPEN_NAMES_COLUMNS
from linkwell.geo.place_import import import_places
from linkwell.geo.placestore import PlaceStore

IPN_HEADER = ("placeid,place23cd,placesort,place23nm,splitind,descnm,ctyhistnm,cty61nm,cty91nm,"
              "ctyltnm,ctry23nm,cty23cd,cty23nm,lad61nm,lad61desc,lad91nm,lad91desc,lad23cd,"
              "lad23nm,lad23desc,ced23cd,wd23cd,par23cd,hlth23cd,hlth23nm,regd23cd,regd23nm,"
              "rgn23cd,rgn23nm,npark23cd,npark23nm,bua22cd,pcon23cd,pcon23nm,eer23cd,eer23nm,"
              "pfa23cd,pfa23nm,gridgb1m,gridgb1e,gridgb1n,grid1km,lat,long")
SYLLABLES = ("ash", "brook", "cat", "ford", "ham", "ley", "mere", "ton", "wick", "well", "by",
             "thorpe", "stead", "field", "green", "hill", "bury", "den", "lade", "worth")
KINDS = ("Suburban Area", "Village", "Hamlet", "Town", "Other Settlement", "City")


def name(rng: random.Random) -> str:
    words = rng.choice((1, 1, 1, 2))
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(words))


def write_open_names(path: Path, rows: int, rng: random.Random) -> list[str]:
    kept: list[str] = []
    with path.open("w", encoding="utf-8") as handle:
        for number in range(rows):
            place = rng.random() < 1 / 15
            called = name(rng)
            if place:
                kept.append(called)
            cells = [""] * len(OS_OPEN_NAMES_COLUMNS)
            east, north = rng.randint(150_000, 650_000), rng.randint(20_000, 950_000)
            cells[:10] = [f"osgb{4_000_000_000_000_000 + number}", "http://example/id",
                          called, "", "", "", "populatedPlace" if place else "transportNetwork",
                          rng.choice(KINDS) if place else "Named Road", str(east), str(north)]
            cells[21] = "Somewhere"
            handle.write(",".join(cells) + "\r\n")
    return kept


def write_ipn(path: Path, rows: int, rng: random.Random) -> list[str]:
    kept: list[str] = []
    width = len(IPN_HEADER.split(","))
    with path.open("w", encoding="utf-8") as handle:
        handle.write(IPN_HEADER + "\r\n")
        for number in range(rows):
            called = name(rng)
            kept.append(called)
            cells = [""] * width
            cells[0], cells[1], cells[3] = str(number), f"IPN{number:07d}", called
            cells[5], cells[18] = rng.choice(("LOC", "LOC", "WD", "PAR", "BUASD")), "Somewhere"
            cells[-2], cells[-1] = f"{rng.uniform(50, 58):.6f}", f"{rng.uniform(-5, 1.5):.6f}"
            handle.write(",".join(cells) + "\r\n")
    return kept


def timed(store: PlaceStore, path: Path) -> None:
    started = time.perf_counter()
    report = import_places(store, path)
    seconds = time.perf_counter() - started
    rows = report.loaded + report.rejected_total + report.left_out
    print(f"  {path.name}: {rows:,} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s; "
          f"kept {report.loaded:,}, left out {report.left_out:,}, skipped "
          f"{report.rejected_total:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--lookups", type=int, default=2_000)
    args = parser.parse_args()
    rng = random.Random(20)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        open_names = write_open_names(folder / "OS_Open_Names.csv", args.rows, rng)
        ipn = write_ipn(folder / "IPN_GB.csv", args.rows // 3, rng)
        store = PlaceStore(folder / "postcodes.sqlite3")
        timed(store, folder / "OS_Open_Names.csv")
        timed(store, folder / "IPN_GB.csv")
        names = [rng.choice(open_names + ipn) for _ in range(args.lookups)]
        times = sorted(seconds * 1000 for seconds in latencies(
            lambda typed: store.lookup(typed.lower(), home=(51.5, -0.1)), names))
        print(f"  {store.count():,} place names; {len(times):,} lookups: median "
              f"{statistics.median(times):.3f} ms, p95 {times[int(len(times) * 0.95)]:.3f} ms")


if __name__ == "__main__":
    main()
