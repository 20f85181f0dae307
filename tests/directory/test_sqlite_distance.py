"""The embedded backend measures distance as haversine_km does: each venue is a point on the
unit sphere, and the nearest chord becomes the great-circle distance. Older files get those
points worked out in SQL, with SQLite's own math functions or, where SQLite was built without
them, the Python stand-ins."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from linkwell.directory.backends.base import GeoPoint, SearchQuery, haversine_km
from linkwell.directory.backends.sqlite import SQLiteBackend
from linkwell.directory.backends.sqlite.connection import _MATH_FALLBACKS, _has_math
from linkwell.directory.backends.sqlite.schema import ADDED_COLUMNS, AFTER_MIGRATION, SCHEMA
from linkwell.directory.backends.sqlite.venues import unit_vector

PLACES = [(51.4452, -0.0209), (51.5505, -0.1403), (51.4613, -0.0099), (53.4808, -2.2426),
          (51.4452, -0.0209001), (-33.8688, 151.2093)]


def test_search_distance_is_haversine(tmp_path: Path) -> None:
    from tests.directory.test_backend_upgrades import _item

    backend = SQLiteBackend(tmp_path / "d.sqlite3")
    backend.setup()
    items = []
    for i, (lat, lon) in enumerate(PLACES):
        item = _item(f"place-{i}")
        item.document = {**item.document, "locations": [{"lat": lat, "lon": lon}]}
        items.append(dataclasses.replace(item, id=f"{item.id[:-2]}{i:02d}"))
    assert backend.write(items) == {}
    origin = PLACES[0]
    page = backend.search(SearchQuery(near=GeoPoint(*origin), sort="distance", per_page=10))
    found = {h.id: h.distance_km for h in page.hits}
    expected = {item.id: haversine_km(*origin, lat, lon)
                for item, (lat, lon) in zip(items, PLACES, strict=True)}
    assert found == pytest.approx(expected, abs=1e-6)
    assert found[items[0].id] == pytest.approx(0, abs=1e-6)
    assert 265 < found[items[3].id] < 280  # Catford to Manchester: about 272 km
    assert [h.id for h in page.hits] == sorted(expected, key=expected.__getitem__)
    within = backend.search(SearchQuery(near=GeoPoint(*origin), within_km=300, sort="distance"))
    # Sydney is beyond 300 km; the others come nearest first.
    assert [h.id for h in within.hits] == sorted((i.id for i in items[:5]),
                                                 key=expected.__getitem__)
    backend.close()


@pytest.mark.parametrize("stand_ins", [False, True])
def test_points_worked_out_in_sql_are_the_same(stand_ins: bool) -> None:
    conn = sqlite3.connect(":memory:")
    if stand_ins:
        for name, arity, function in _MATH_FALLBACKS:
            conn.create_function(name, arity, function, deterministic=True)
    elif not _has_math(conn):
        pytest.skip("this SQLite has no math functions; the stand-ins are tested")
    conn.executescript(SCHEMA)
    present = {row[1] for row in conn.execute("PRAGMA table_info(assets)")}
    for column, kind in ADDED_COLUMNS.items():
        if column not in present:
            conn.execute(f"ALTER TABLE assets ADD COLUMN {column} {kind}")
    conn.executemany("INSERT INTO asset_places (asset, lat, lon) VALUES (?, ?, ?)",
                     [(i, lat, lon) for i, (lat, lon) in enumerate(PLACES)])
    conn.executescript(AFTER_MIGRATION)
    points = conn.execute("SELECT x, y, z FROM asset_places ORDER BY asset").fetchall()
    for point, (lat, lon) in zip(points, PLACES, strict=True):
        assert point == pytest.approx(unit_vector(lat, lon), abs=1e-12)


def test_an_older_file_gets_venue_points_and_near_searches_work(tmp_path: Path) -> None:
    """A file from before venues were stored as unit-sphere points is filled in on setup."""
    from tests.directory.test_backend_upgrades import _item

    path = tmp_path / "old.sqlite3"
    backend = SQLiteBackend(path)
    backend.setup()
    item = _item("old-venues")
    assert backend.write([item]) == {}
    backend.close()
    with sqlite3.connect(path) as conn:  # as an older version left it: no points, old index
        conn.execute("CREATE TABLE old_places AS SELECT asset, lat, lon FROM asset_places")
        conn.execute("DROP TABLE asset_places")
        conn.execute("ALTER TABLE old_places RENAME TO asset_places")
        conn.execute("CREATE INDEX asset_places_lat ON asset_places (lat, lon)")
    # never in the schema (it would name the columns an older file lacks)
    assert "CREATE INDEX IF NOT EXISTS asset_places_geo" not in SCHEMA
    backend = SQLiteBackend(path)
    backend.setup()
    lat, lon = 51.4452, -0.0209  # the factory's venue
    page = backend.search(SearchQuery(near=GeoPoint(lat + 0.009, lon), within_km=2,
                                      sort="distance"))
    assert [h.id for h in page.hits] == [item.id]
    assert page.hits[0].distance_km == pytest.approx(haversine_km(lat + 0.009, lon, lat, lon),
                                                     abs=1e-6)
    backend.close()
