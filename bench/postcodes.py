"""Benchmark: load a generated ONS Postcode Directory file into the postcode table.

The real ONSPD has about 2.7 million rows of some 55 columns (about 1.4 GB). This writes a
file of the same shape (the ONSPD header, quoted codes, bare coordinates, about 1 row in 50
without coordinates and 1 in 4 terminated, as in the real file) and times
``linkwell.geo.importer.import_postcodes`` on it, then a second, replacing run.

    python bench/postcodes.py [--rows 500000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from linkwell.geo.importer import import_postcodes
from linkwell.geo.store import PostcodeStore

HEADER = ("pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,"
          "osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,"
          "statsward,oa01,casward,npark,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,"
          "sicbl,bua11,buasd11,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,"
          "lsoa21,msoa21")
AREAS = ("AB", "B", "BR", "CR", "E", "EC", "N", "NW", "SE", "SW", "W", "WC", "M", "LS", "G")
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcodes(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct, well-formed postcodes, sorted as the ONS sorts them."""
    seen: set[str] = set()
    while len(seen) < count:
        outward = f"{rng.choice(AREAS)}{rng.randint(1, 99)}"
        inward = f"{rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
        seen.add(f"{outward} {inward}")
    return sorted(seen)


def code(rng: random.Random) -> str:
    return f"E0{rng.randint(0, 9_999_999):07d}"


def row(postcode: str, rng: random.Random) -> str:
    """One ONSPD line: quoted codes, bare coordinates, in the header's 53 columns."""
    outward, inward = postcode.split()
    no_grid = rng.random() < 0.02
    lat = 99.999999 if no_grid else rng.uniform(50.0, 58.5)
    lon = 0.0 if no_grid else rng.uniform(-5.5, 1.7)
    terminated = f"{rng.randint(1980, 2024)}{rng.randint(1, 12):02d}" \
        if rng.random() < 0.25 else ""
    cells = [f"{outward:<4}{inward}", f"{outward:<5}{inward}", postcode, "198001", terminated]
    cells += [code(rng) for _ in range(6)]  # oscty .. usertype
    cells += [str(rng.randint(100000, 600000)), str(rng.randint(100000, 900000)), "1"]
    cells += [code(rng) for _ in range(28)]  # oshlthau .. oac11
    quoted = ",".join(f'"{cell}"' for cell in cells)
    tail = ",".join(f'"{code(rng)}"' for _ in range(9))  # lep1 .. msoa21
    return f"{quoted},{lat:.6f},{lon:.6f},{tail}\n"

def write_file(path: Path, count: int) -> None:
    rng = random.Random(8)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n")
        for postcode in postcodes(count, rng):
            handle.write(row(postcode, rng))


def timed_import(store: PostcodeStore, path: Path, replace: bool) -> None:
    started = time.perf_counter()
    report = import_postcodes(store, path, replace=replace)
    seconds = time.perf_counter() - started
    rows = report.loaded + report.rejected_total
    megabytes = path.stat().st_size / 1e6
    print(f"  {'replace' if replace else 'first load'}: {rows:,} rows in {seconds:.1f} s = "
          f"{rows / seconds:,.0f} rows/s ({megabytes / seconds:.0f} MB/s); loaded "
          f"{report.loaded:,}, terminated {report.terminated:,}, skipped "
          f"{report.rejected_total:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--keep", type=Path, help="write the file and table here, and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "onspd-generated.csv"
        started = time.perf_counter()
        write_file(path, args.rows)
        print(f"Generated {args.rows:,} rows, {path.stat().st_size / 1e6:.0f} MB, in "
              f"{time.perf_counter() - started:.1f} s")
        store = PostcodeStore(folder / "postcodes.sqlite3")
        timed_import(store, path, replace=False)
        timed_import(store, path, replace=True)
        print(f"  table: {store.count():,} postcodes, "
              f"{store.path.stat().st_size / 1e6:.0f} MB on disk")


if __name__ == "__main__":
    main()
