"""The embedded backend measures distance in SQL exactly as haversine_km does, with SQLite's
own math functions or, where SQLite was built without them, the Python stand-ins."""

from __future__ import annotations

import math
import sqlite3

import pytest

from linkwell.directory.backends.base import haversine_km
from linkwell.directory.backends.sqlite import _HAVERSINE_SQL, _MATH_FALLBACKS, _has_math

PLACES = [(51.4452, -0.0209), (51.5505, -0.1403), (51.4613, -0.0099), (53.4808, -2.2426),
          (51.4452, -0.0209001)]


@pytest.mark.parametrize("stand_ins", [False, True])
def test_sql_distance_is_haversine(stand_ins: bool) -> None:
    conn = sqlite3.connect(":memory:")
    if stand_ins:
        for name, arity, function in _MATH_FALLBACKS:
            conn.create_function(name, arity, function, deterministic=True)
    elif not _has_math(conn):
        pytest.skip("this SQLite has no math functions; the stand-ins are tested")
    conn.execute("CREATE TABLE p (lat REAL, lon REAL)")
    conn.executemany("INSERT INTO p VALUES (?, ?)", PLACES)
    origin = (51.4452, -0.0209)
    args = [origin[0], math.cos(math.radians(origin[0])), origin[1]]
    found = [d for (d,) in conn.execute(f"SELECT {_HAVERSINE_SQL} FROM p", args)]
    expected = [haversine_km(*origin, lat, lon) for lat, lon in PLACES]
    assert found == pytest.approx(expected, abs=1e-9)
    assert found[0] == 0 and 265 < found[3] < 280  # Catford to Manchester: about 272 km
