"""The embedded backend measures distance in SQL as haversine_km does: each venue is a point on
the unit sphere, and the nearest chord becomes the great-circle distance, with SQLite's own
math functions or, where SQLite was built without them, the Python stand-ins."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from linkwell.directory.backends.base import GeoPoint, SearchQuery, haversine_km
from linkwell.directory.backends.sqlite import (
    _ARC_KM_SQL,
    _MATH_FALLBACKS,
    SCHEMA,
    SQLiteBackend,
    _has_math,
    unit_vector,
)

PLACES = [(51.4452, -0.0209), (51.5505, -0.1403), (51.4613, -0.0099), (53.4808, -2.2426),
          (51.4452, -0.0209001), (-33.8688, 151.2093)]


@pytest.mark.parametrize("stand_ins", [False, True])
def test_sql_distance_is_haversine(stand_ins: bool) -> None:
    conn = sqlite3.connect(":memory:")
    if stand_ins:
        for name, arity, function in _MATH_FALLBACKS:
            conn.create_function(name, arity, function, deterministic=True)
    elif not _has_math(conn):
        pytest.skip("this SQLite has no math functions; the stand-ins are tested")
    conn.execute("CREATE TABLE p (lat REAL, lon REAL, x REAL, y REAL, z REAL)")
    conn.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?)",
                     [(lat, lon, *unit_vector(lat, lon)) for lat, lon in PLACES])
    origin = (51.4452, -0.0209)
    args = [c for c in unit_vector(*origin) for _ in (1, 2)]
    found = [d for (d,) in conn.execute(f"SELECT {_ARC_KM_SQL} FROM p GROUP BY rowid "
                                        "ORDER BY rowid", args)]
    expected = [haversine_km(*origin, lat, lon) for lat, lon in PLACES]
    assert found == pytest.approx(expected, abs=1e-6)
    assert found[0] == pytest.approx(0, abs=1e-6)
    assert 265 < found[3] < 280  # Catford to Manchester: about 272 km


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
    assert "CREATE INDEX IF NOT EXISTS asset_places_geo" not in SCHEMA  # made after migration
    backend = SQLiteBackend(path)
    backend.setup()
    lat, lon = 51.4452, -0.0209  # the factory's venue
    page = backend.search(SearchQuery(near=GeoPoint(lat + 0.009, lon), within_km=2,
                                      sort="distance"))
    assert [h.id for h in page.hits] == [item.id]
    assert page.hits[0].distance_km == pytest.approx(haversine_km(lat + 0.009, lon, lat, lon),
                                                     abs=1e-6)
    backend.close()
