"""What the embedded backend's searches filter, sort and count on, held in memory as arrays.

SQLite stays the store of record and answers the words (FTS5, bm25). Everything else a search
does is arithmetic over every matching asset: a join, a comparison and a sort key per row,
which SQLite's row-at-a-time engine does at a few microseconds a row and numpy does at a few
nanoseconds. So each process keeps one ``Columns`` snapshot of the narrow fields (one position
per stored asset) and keeps it in step with the file through ``asset_log``: every write logs
the assets it touched, and a search first applies what was logged since its snapshot.
"""

from __future__ import annotations

import bisect
import math
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

from linkwell import semantic
from linkwell.directory.backends.base import FACET_FIELDS

Mask = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.integer[Any]]
POS = np.int32  # positions and facet codes: half the memory of int64

FACET_SEP = "\x1f"  # between "field=value" pairs in assets.facet_terms
NARROW_SQL = ("SELECT rid, withdrawn, duplicate_of IS NOT NULL, status, min_age, max_age,"
              " last_confirmed, last_modified, name_sort, id, facet_terms"
              " FROM assets INDEXED BY assets_hits")
PLACES_SQL = "SELECT asset, lat, lon, x, y, z FROM asset_places"
SESSIONS_SQL = "SELECT asset, lo, hi FROM asset_sessions"
VECTORS_SQL = f"SELECT asset, vec FROM asset_vectors WHERE model = '{semantic.MODEL}'"
MEMO_LIMIT = 32
# Facets are counted over the entries grouped by code when the hits are more than this share
# of the positions (1 / GROUPED_COUNT), else over the hits' own entries.
GROUPED_COUNT = 8
# The arrays with one row per position that a full load makes room for at once (the text
# ones' widths are only known once read).
PER_POSITION = ("rid", "duplicate", "status", "min_age", "max_age", "dated", "key_end", "vec",
                "vec_norm")
CHUNK = 5000  # rows read at a time on a full load, so the rows never sit in memory all at once
# A snapshot further behind than this (changed assets, or positions left behind by them) is
# loaded afresh rather than patched.
MIN_RELOAD = 1000
RELOAD_FRACTION = 8


class Columns:
    """One immutable snapshot: arrays indexed by position, and the log position it reflects.

    Positions only grow: a changed asset gets a new position at the end, and its old one is
    left dead until the next full load.
    """

    def __init__(self, seq: int) -> None:
        self.seq = seq
        self.n = 0
        self.dead = 0  # positions left behind by later writes
        self.rid: Ints = np.zeros(0, np.int64)
        self.pos_of: Ints = np.full(1, -1, POS)  # by rid; -1: not stored
        self.live: Mask = np.zeros(0, bool)  # the asset's current row, not withdrawn
        self.duplicate: Mask = np.zeros(0, bool)
        self.status: Ints = np.zeros(0, POS)
        self.statuses: dict[str | None, int] = {}
        self.min_age: Floats = np.zeros(0)
        self.max_age: Floats = np.zeros(0)
        self.confirmed: npt.NDArray[np.str_] = np.zeros(0, "U1")  # '' where never confirmed
        self.modified: npt.NDArray[np.str_] = np.zeros(0, "U1")  # '' where never modified
        self.dated: Mask = np.zeros(0, bool)  # modified at all
        # name_sort, NUL, id: the last sort key (one string sorts as the pair would, since
        # NUL sorts first), UTF-8 encoded (bytes sort as the text does) one after another:
        # position p's is key_blob[key_end[p - 1]:key_end[p]]. No Python object per asset,
        # so the columns can live in files every worker maps (see shared.py).
        self.key_blob: npt.NDArray[np.uint8] = np.zeros(0, np.uint8)
        self.key_end: Ints = np.zeros(0, np.int64)
        self.order: Ints = np.zeros(0, POS)  # positions in key order
        self.rank: Ints = np.zeros(0, POS)
        # Facets: the "field=value" codes of each position, as a CSR (f_ptr, f_code), and the
        # position of each entry.
        self.values: dict[str, int] = {}
        self.names: list[str] = []
        self.f_ptr: Ints = np.zeros(1, np.int64)
        self.f_code: Ints = np.zeros(0, POS)
        self.f_pos: Ints = np.zeros(0, POS)
        # The entries as of the last full load, grouped by code: the positions with code c are
        # by_code[code_start[c]:code_start[c + 1]]. Entries appended since are scanned.
        self.by_code: Ints = np.zeros(0, POS)
        self.code_start: Ints = np.zeros(1, np.int64)
        self.grouped = 0
        self.v_pos: Ints = np.zeros(0, POS)  # venues
        self.v_lat: Floats = np.zeros(0)
        self.v_lon: Floats = np.zeros(0)
        self.v_xyz: Floats = np.zeros((0, 3))
        self.s_pos: Ints = np.zeros(0, POS)  # sessions, minutes of the week
        self.s_lo: Ints = np.zeros(0, POS)
        self.s_hi: Ints = np.zeros(0, POS)
        # Meaning: each position's quantised vector (zeros where none) and its length.
        self.vec: npt.NDArray[np.int8] = np.zeros((0, semantic.DIMS), np.int8)
        self.vec_norm: npt.NDArray[np.float32] = np.zeros(0, np.float32)
        self._memo: dict[Any, Any] = {}
        # Room to grow in place: arrays whose rows so far are a view of a longer buffer (a
        # file mapped copy-on-write, or the room a full load made), by attribute name. Only
        # the newest snapshot appends, past the ends older snapshots see.
        self._buffers: dict[str, npt.NDArray[Any]] = {}

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, conn: sqlite3.Connection, seq: int) -> Columns:
        """Every stored asset, read in the caller's transaction."""
        cols = cls(seq)
        count = conn.execute("SELECT count(*) FROM assets").fetchone()[0]
        cols._make_room(count)  # no array copied again for each chunk read
        for sql, append in ((NARROW_SQL + " ORDER BY rid", cols._append),
                            (PLACES_SQL + " ORDER BY lat", cols._append_places),
                            (SESSIONS_SQL, cols._append_sessions),
                            (VECTORS_SQL, cols._append_vectors)):
            cursor = conn.execute(sql)
            while rows := cursor.fetchmany(CHUNK):
                append(rows)
        cols._rank()
        order = np.argsort(cols.f_code, kind="stable")
        cols.by_code = cols.f_pos[order]
        cols.code_start = np.searchsorted(cols.f_code[order], np.arange(len(cols.names) + 1))
        cols.grouped = len(cols.f_code)
        return cols

    def _make_room(self, count: int) -> None:
        for name in PER_POSITION:
            current = getattr(self, name)
            self._buffers[name] = np.empty((count, *current.shape[1:]), current.dtype)

    def updated(self, conn: sqlite3.Connection, rids: Sequence[int], seq: int) -> Columns:
        """A new snapshot with these assets read again (gone ones dropped)."""
        new = self._copy(seq)
        changed = np.asarray(rids, np.int64)
        old = self.positions(changed)
        new.live[old[old >= 0]] = False
        new.dead += int((old >= 0).sum())
        new.pos_of[changed[changed < len(new.pos_of)]] = -1  # set again below if still stored
        listed = orjson.dumps(sorted(rids)).decode()
        among = "IN (SELECT value FROM json_each(?))"  # one list, however many changed
        new._append(conn.execute(f"{NARROW_SQL} WHERE rid {among} ORDER BY rid",
                                 (listed,)).fetchall())
        new._append_places(conn.execute(f"{PLACES_SQL} WHERE asset {among}",
                                        (listed,)).fetchall())
        new._append_sessions(conn.execute(f"{SESSIONS_SQL} WHERE asset {among}",
                                          (listed,)).fetchall())
        new._append_vectors(conn.execute(f"{VECTORS_SQL} AND asset {among}",
                                         (listed,)).fetchall())
        new._rank()
        return new

    def behind(self, changed: int) -> bool:
        """Whether patching this many changed assets costs more than a full load."""
        return changed + self.dead > max(MIN_RELOAD, self.n // RELOAD_FRACTION)

    def _copy(self, seq: int) -> Columns:
        new = Columns(seq)
        new.__dict__.update({k: v for k, v in self.__dict__.items() if k != "_memo"})
        new.seq, new._memo = seq, {}
        new.live, new.pos_of = self.live.copy(), self.pos_of.copy()
        new.values, new.names = dict(self.values), list(self.names)
        new.statuses = dict(self.statuses)
        # The room to grow passes to the new snapshot: this one never appends again, so
        # what it sees of the buffers is never written.
        new._buffers, self._buffers = self._buffers, {}
        return new

    def _extend(self, name: str, rows: npt.NDArray[Any]) -> None:
        """Append rows to an array: in place when its buffer has room for them in the same
        type (what a concatenation would give), else by concatenating (the buffer is let
        go)."""
        current = getattr(self, name)
        end, count = len(current), len(rows)
        buffer = self._buffers.get(name)
        if (buffer is not None and end + count <= len(buffer)
                and np.result_type(current, rows) == buffer.dtype
                and (not end or current.ctypes.data == buffer.ctypes.data)):
            buffer[end:end + count] = rows
            setattr(self, name, buffer[:end + count])
            return
        self._buffers.pop(name, None)
        setattr(self, name, np.concatenate([current, rows]))

    def key(self, pos: int) -> bytes:
        """Position ``pos``'s sort key (name_sort, NUL, id), UTF-8 encoded."""
        start = int(self.key_end[pos - 1]) if pos else 0
        return self.key_blob[start:int(self.key_end[pos])].tobytes()

    def _append(self, rows: list[tuple[Any, ...]]) -> None:
        """Assets' narrow rows, at new positions (their venues and sessions come after)."""
        start, count = self.n, len(rows)
        if not count:
            return
        (rid, withdrawn, duplicate, status, min_age, max_age, confirmed, modified, name,
         asset_id, facets) = zip(*rows, strict=True)
        rids = np.asarray(rid, np.int64)
        self.n += count
        self._extend("rid", rids)
        top = int(rids.max()) + 1
        if top > len(self.pos_of):
            grown = max(top, len(self.pos_of) * 5 // 4)  # room for the next few
            self.pos_of = np.concatenate([self.pos_of, np.full(grown - len(self.pos_of), -1,
                                                                POS)])
        self.pos_of[rids] = np.arange(start, self.n)
        self.live = np.concatenate([self.live, ~np.asarray(withdrawn, bool)])
        self._extend("duplicate", np.asarray(duplicate, bool))
        codes = [self.statuses.setdefault(s, len(self.statuses)) for s in status]
        self._extend("status", np.asarray(codes, POS))
        self._extend("min_age", _floats(min_age))
        self._extend("max_age", _floats(max_age))
        self._extend("confirmed", np.asarray([c or "" for c in confirmed]))
        self._extend("modified", np.asarray([m or "" for m in modified]))
        self._extend("dated", np.asarray([m is not None for m in modified], bool))
        keys = [f"{n or ''}\0{i}".encode() for n, i in zip(name, asset_id, strict=True)]
        before = int(self.key_end[-1]) if len(self.key_end) else 0
        self._extend("key_end", before + np.cumsum([len(k) for k in keys], dtype=np.int64))
        self._extend("key_blob", np.frombuffer(b"".join(keys), np.uint8))
        self._append_facets(facets)
        self._extend("vec", np.zeros((count, semantic.DIMS), np.int8))
        self._extend("vec_norm", np.zeros(count, np.float32))

    def _rank(self) -> None:
        """Each position's place in name, then id order (the last tie-break of every sort).

        The positions ranked before are in order already: the new ones (a few, on a catch-up)
        are sorted and put in after any equal key, as a stable sort of the two would."""
        known = len(self.order)
        new = sorted(range(known, self.n), key=self.key)
        places = [bisect.bisect_right(self.order, self.key(p), key=self.key) for p in new] \
            if known else [0] * len(new)
        self.order = np.insert(self.order, places, np.asarray(new, POS)).astype(POS)
        self.rank = np.empty(self.n, POS)
        self.rank[self.order] = np.arange(self.n, dtype=POS)

    def _append_facets(self, packed: Iterable[str | None]) -> None:
        lengths: list[int] = []
        entries: list[str] = []
        for terms in packed:
            split = terms.split(FACET_SEP) if terms else []
            lengths.append(len(split))
            entries += split
        for entry in set(entries).difference(self.values):
            self.values[entry] = len(self.names)
            self.names.append(entry)
        codes = np.fromiter(map(self.values.__getitem__, entries), POS, len(entries))
        sizes = np.asarray(lengths, np.int64)
        first = self.n - len(lengths)
        self._extend("f_ptr", self.f_ptr[-1] + np.cumsum(sizes))
        self._extend("f_code", codes)
        self._extend("f_pos", np.repeat(np.arange(first, self.n, dtype=POS), sizes))

    def _append_places(self, places: list[tuple[Any, ...]]) -> None:
        if not places:
            return
        table = np.asarray(places, np.float64)
        pos = self.positions(table[:, 0].astype(np.int64))
        keep = pos >= 0
        self._extend("v_pos", pos[keep])
        self._extend("v_lat", table[keep, 1])
        self._extend("v_lon", table[keep, 2])
        self._extend("v_xyz", table[keep, 3:6])

    def _append_sessions(self, sessions: list[tuple[Any, ...]]) -> None:
        if not sessions:
            return
        table = np.asarray(sessions, np.int64)
        pos = self.positions(table[:, 0])
        keep = pos >= 0
        self._extend("s_pos", pos[keep])
        self._extend("s_lo", table[keep, 1].astype(POS))
        self._extend("s_hi", table[keep, 2].astype(POS))

    def _append_vectors(self, rows: list[tuple[Any, ...]]) -> None:
        """Vectors of assets appended just now (their rows are new, so written in place)."""
        if not rows:
            return
        pos = self.positions(np.asarray([r[0] for r in rows], np.int64))
        matrix = np.frombuffer(b"".join(r[1] for r in rows), np.int8).reshape(-1, semantic.DIMS)
        keep = pos >= 0
        self.vec[pos[keep]] = matrix[keep]
        self.vec_norm[pos[keep]] = np.linalg.norm(matrix[keep].astype(np.float32), axis=1)

    def positions(self, rids: Ints) -> Ints:
        """The position of each rid (-1 where not stored)."""
        inside = (rids >= 0) & (rids < len(self.pos_of))
        out = np.full(len(rids), -1, POS)
        out[inside] = self.pos_of[rids[inside]]
        return out

    # -- what searches ask ------------------------------------------------------------------

    def memoised(self, key: Any, make: Callable[[], Any]) -> Any:
        """What this snapshot worked out once for ``key`` (threads may both work it out)."""
        value = self._memo.get(key)
        if value is None:
            value = make()
            if len(self._memo) > MEMO_LIMIT:  # status lists and dates seen: a few a day
                self._memo.clear()
            self._memo[key] = value
        return value

    def shown(self, statuses: list[str], include_duplicates: bool) -> Mask:
        """Current assets with one of these statuses (and not repeating another listing)."""
        def make() -> Mask:
            codes = [self.statuses[s] for s in statuses if s in self.statuses]
            mask = self.live & np.isin(self.status, codes)
            return mask if include_duplicates else mask & ~self.duplicate
        mask: Mask = self.memoised(("shown", tuple(statuses), include_duplicates), make)
        return mask.copy()  # the caller narrows it in place

    def stale(self, before: str) -> Mask:
        """Not confirmed since ``before`` (an ISO date), or never."""
        mask: Mask = self.memoised(("stale", before), lambda: self.confirmed < before)
        return mask

    def venues_of(self, field_name: str, values: tuple[str, ...]) -> Ints:
        """The venues of the positions with one of these values (dead ones too)."""
        found: Ints = self.memoised(("venues", field_name, values), lambda: np.flatnonzero(
            self.has_any(field_name, values)[self.v_pos]))
        return found

    def has_any(self, field_name: str, values: Iterable[str]) -> Mask:
        """Positions with at least one of these values in a facet field."""
        mask = np.zeros(self.n, bool)
        for value in values:
            mask[self.postings(f"{field_name}={value}")] = True
        return mask

    def postings(self, entry: str) -> Ints:
        """The positions with this "field=value" (dead ones too: the caller masks them)."""
        code = self.values.get(entry)
        if code is None:
            return np.zeros(0, POS)
        found = self.by_code[self.code_start[code]:self.code_start[code + 1]] \
            if code + 1 < len(self.code_start) else np.zeros(0, POS)
        if self.grouped < len(self.f_code):  # entries appended since the last full load
            since = self.f_pos[self.grouped:][self.f_code[self.grouped:] == code]
            found = np.concatenate([found, since])
        return found

    def of_rids(self, rids: Iterable[int]) -> Mask:
        mask = np.zeros(self.n, bool)
        pos = self.positions(np.fromiter(rids, np.int64))
        mask[pos[pos >= 0]] = True
        return mask

    def meeting(self, windows: list[tuple[int, int]], within: bool) -> Mask:
        """Positions with a session overlapping (or, ``within``, inside) any window."""
        hit = np.zeros(len(self.s_pos), bool)
        for lo, hi in windows:
            hit |= ((self.s_lo >= lo) & (self.s_hi <= hi)) if within else \
                ((self.s_lo <= hi) & (self.s_hi >= lo))
        mask = np.zeros(self.n, bool)
        mask[self.s_pos[hit]] = True
        return mask

    def entries(self, hits: Ints) -> Ints:
        """The facet codes of these positions, one after another."""
        sizes = self.f_ptr[hits + 1] - self.f_ptr[hits]
        starts = np.repeat(self.f_ptr[hits] - np.cumsum(sizes) + sizes, sizes)
        return self.f_code[starts + np.arange(int(sizes.sum()))]

    def counts(self, hits: Ints) -> dict[str, dict[str, int]]:
        """Facet counts over these positions."""
        if len(hits) * GROUPED_COUNT > self.n:
            tally = self._grouped_tally(hits)
        else:
            tally = np.bincount(self.entries(hits), minlength=len(self.names))
        out: dict[str, dict[str, int]] = {f: {} for f in FACET_FIELDS}
        for code in np.flatnonzero(tally):
            field_name, _, value = self.names[code].partition("=")
            if field_name in out:
                out[field_name][value] = int(tally[code])
        return out

    def _grouped_tally(self, hits: Ints) -> Ints:
        """The entries of these positions, counted by code over the entries grouped by code
        (a flag an entry) rather than by listing each hit's entries (three int64s an entry:
        at 500,000 assets about 100 MB for a search that matches most of them)."""
        chosen = np.zeros(self.n, bool)
        chosen[hits] = True
        flags = chosen[self.by_code]
        tally = np.zeros(len(self.names), np.int64)
        for code in range(len(self.code_start) - 1):
            tally[code] = np.count_nonzero(flags[self.code_start[code]:self.code_start[code + 1]])
        if self.grouped < len(self.f_code):  # entries appended since the last full load
            since = self.f_code[self.grouped:][chosen[self.f_pos[self.grouped:]]]
            tally += np.bincount(since, minlength=len(self.names))
        return tally

    def modified_since(self, moment: str) -> Mask:
        """Positions last modified at or after ``moment`` (never modified: no)."""
        found: Mask = (self.modified >= moment) & self.dated
        return found

    def modified_rank(self) -> Ints:
        """Each position's place when sorted undated first, then by last_modified, then id."""
        def make() -> Ints:
            keyed = [(bool(d), str(m), self.key(p).rpartition(b"\0")[2])
                     for p, (m, d) in enumerate(zip(self.modified, self.dated, strict=True))]
            rank = np.empty(self.n, POS)
            rank[sorted(range(self.n), key=keyed.__getitem__)] = np.arange(self.n, dtype=POS)
            return rank
        rank: Ints = self.memoised("modified", make)
        return rank


def _floats(values: Sequence[Any]) -> Floats:
    return np.asarray([math.nan if v is None else v for v in values], np.float64)
