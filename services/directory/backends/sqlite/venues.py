"""How far each asset's nearest venue is from a point, over a snapshot's venue columns
(``Columns.v_pos``, ``v_lat``, ``v_lon`` and ``v_xyz``: one row a venue).

Distances are chords on the unit sphere turned into great-circle km (the same figure as
``haversine_km``). Within a radius only the venues in a box around the point are measured:
the venues are loaded in order of latitude (a full load leaves them so; a catch-up appends
after them), so the box is one stretch of latitudes, then those within its longitudes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from linkwell.directory.backends.base import EARTH_RADIUS_KM

if TYPE_CHECKING:
    from linkwell.directory.backends.sqlite.columns import Columns, Floats, Ints

KM_PER_DEGREE = 111.32


def unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    """A place as a point on the unit sphere."""
    p, q = math.radians(lat), math.radians(lon)
    return math.cos(p) * math.cos(q), math.cos(p) * math.sin(q), math.sin(p)


def distances(cols: Columns, lat: float, lon: float, box_km: float | None,
              also: Ints | None = None) -> Floats:
    """Each position's nearest venue in km (inf where none), within a bounding box of
    ``box_km`` around the point when given (and at the venues ``also`` lists, wherever
    they are)."""
    pick: Ints = np.arange(len(cols.v_pos))
    if box_km is not None:
        pick = in_box(cols, lat, lon, box_km)
        if also is not None:  # a venue twice does no harm: the nearest is kept
            pick = np.concatenate([pick, also])
    return distances_at(cols, lat, lon, pick)


def distances_at(cols: Columns, lat: float, lon: float, pick: Ints) -> Floats:
    """Each position's nearest venue in km among the venues ``pick`` lists (inf where
    none): ``distances`` over those venues."""
    diff = cols.v_xyz.take(pick, axis=0) - np.asarray(unit_vector(lat, lon))
    chord = np.sqrt(np.einsum("ij,ij->i", diff, diff))
    # km grows with the chord, so the nearest venue's km is the least of its venues' km
    out = np.full(cols.n, np.inf)
    np.minimum.at(out, cols.v_pos[pick],
                  2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, chord / 2)))
    return out


def in_box(cols: Columns, lat: float, lon: float, km: float) -> Ints:
    """The venues in a box of ``km`` around the point: a slice of the venues in order of
    latitude, then those of it within the longitudes (not a pass over every venue)."""
    order, lats = _by_latitude(cols)
    dlat = km / KM_PER_DEGREE
    dlon = km / (KM_PER_DEGREE * max(0.01, math.cos(math.radians(lat))))
    lo = int(np.searchsorted(lats, lat - dlat, side="left"))
    hi = int(np.searchsorted(lats, lat + dlat, side="right"))
    if order is None:  # the venues are in order: the band is one stretch of them
        lons = cols.v_lon[lo:hi]
        return lo + np.flatnonzero((lons >= lon - dlon) & (lons <= lon + dlon))
    band = order[lo:hi]
    lons = cols.v_lon[band]
    return band[(lons >= lon - dlon) & (lons <= lon + dlon)]


def _by_latitude(cols: Columns) -> tuple[Ints | None, Floats]:
    """The venues' order by latitude (None where they are in that order already, as a full
    load leaves them), worked out once a snapshot (a snapshot's venues never change)."""
    def make() -> tuple[Ints | None, Floats]:
        lats = cols.v_lat
        if bool(np.all(lats[1:] >= lats[:-1])):
            return None, lats
        order = np.argsort(lats, kind="stable")
        return order, lats[order]

    found: tuple[Ints | None, Floats] = cols.memoised(("latitude order",), make)
    return found
