"""The embedded backend's search columns are shared by the processes on one machine: one
process reads them from the database and writes them to files beside it, the others map
those files (their pages are the page cache's, one copy for all), and each catches its
mapping up from the change log as it would its own columns. The answers are those of
columns each process reads for itself."""

from __future__ import annotations

import mmap
import random
import sqlite3
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from flask import Flask

from linkwell.directory import ingest
from linkwell.directory.backends.base import IndexItem, SearchQuery
from linkwell.directory.backends.sqlite import SQLiteBackend, columns, shared
from tests.conftest import load
from tests.directory.test_backend_upgrades import _item
from tests.directory.test_sqlite_columns import QUERIES, _change, _record
from tests.factory import service


def _answers(backend: SQLiteBackend) -> list[tuple[int, list[tuple[str, float | None]]]]:
    """Each of a range of searches straight through the backend: total, ids and scores."""
    from linkwell.directory.api import build_query
    from linkwell.directory.schemas import SearchArgs

    out = []
    for params in QUERIES:
        args = SearchArgs().load(dict(p.split("=") for p in params.split("&") if p) |
                                 {"per_page": "50"})
        page = backend.search(build_query(args))
        out.append((page.total, [(h.id, h.score, h.distance_km) for h in page.hits]))
    return out


def _mapped(cols: columns.Columns) -> bool:
    """Whether the big arrays are views of mapped files rather than this process's memory."""
    def in_file(array: object) -> bool:
        while array is not None:
            if isinstance(array, np.memmap | mmap.mmap):
                return True
            array = getattr(array, "base", None)
        return False

    return all(in_file(getattr(cols, name)) for name in ("vec", "rid", "key_blob", "f_code"))


def _held(backend: SQLiteBackend) -> columns.Columns:
    held = backend._columns
    assert held is not None
    return held


def test_a_second_process_maps_the_first_ones_files(
        two_workers: tuple[Flask, Flask], monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = (app.extensions["linkwell.backend"] for app in two_workers)
    rng = random.Random(4)
    load(two_workers[0].test_client(), [_record(f"asset-{i}", rng) for i in range(40)])
    expected = _answers(first)
    assert _mapped(_held(first))
    sets = [p.name for p in Path(first.path + ".columns").iterdir() if p.name.isdigit()]
    assert len(sets) == 1

    loads = []
    monkeypatch.setattr(columns.Columns, "load", classmethod(
        lambda cls, *a: loads.append(a) or pytest.fail("read from the database")))
    assert _answers(second) == expected
    assert loads == [] and _mapped(_held(second))


def _searched_once(two_workers: tuple[Flask, Flask], seed: int, count: int
                   ) -> tuple[Flask, random.Random, list[str], SQLiteBackend]:
    """The writer loads ``count`` random records and the reader searches them once, so the
    reader holds columns for the writer's later changes to catch up: the writer, the random
    source the records came from, their slugs and the reader's backend."""
    reader, writer = two_workers
    rng = random.Random(seed)
    slugs = [f"asset-{i}" for i in range(count)]
    load(writer.test_client(), [_record(s, rng) for s in slugs])
    backend = reader.extensions["linkwell.backend"]
    _answers(backend)
    return writer, rng, slugs, backend


def test_writes_are_caught_up_in_the_mapped_columns(two_workers: tuple[Flask, Flask]) -> None:
    """Another process's writes are in the next search, as with columns of one's own; the
    rows appended go into the room past the files' end, the files are never written."""
    writer, rng, slugs, backend = _searched_once(two_workers, seed=8, count=40)
    folder = next(p for p in Path(backend.path + ".columns").iterdir() if p.name.isdigit())
    written = {p.name: p.read_bytes() for p in folder.iterdir()}
    for step in range(4):
        _change(writer.test_client(), rng, slugs, step)
        alone = SQLiteBackend(backend.path, shared_columns=False)
        assert _answers(backend) == _answers(alone), step
        alone.close()
        held = _held(backend)
        assert held.dead > 0 and _mapped(held)  # caught up, not loaded afresh
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == written


def test_a_snapshot_further_behind_writes_a_new_set(two_workers: tuple[Flask, Flask],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    writer, rng, slugs, backend = _searched_once(two_workers, seed=12, count=30)
    first = _held(backend).seq
    monkeypatch.setattr(columns, "MIN_RELOAD", 2)  # more changed than that: load afresh
    _change(writer.test_client(), rng, slugs, 0)
    alone = SQLiteBackend(backend.path, shared_columns=False)
    assert _answers(backend) == _answers(alone)
    alone.close()
    held = _held(backend)
    assert held.dead == 0 and held.seq > first and _mapped(held)
    sets = [p.name for p in Path(backend.path + ".columns").iterdir() if p.name.isdigit()]
    assert sets == [str(held.seq)]  # the older set is gone


def _items(*slugs_and_statuses: tuple[str, str]) -> list[IndexItem]:
    out = []
    for slug, status in slugs_and_statuses:
        prepared = ingest.prepare(0, service(slug, f"Group {slug}", status=status), "tests",
                                  None, None, date(2026, 1, 1))
        assert prepared.item is not None
        out.append(prepared.item)
    return out


def test_files_of_another_database_are_not_taken(tmp_path: Path) -> None:
    """A database made anew at the same path (its log counting from the start again, the
    same rows at the same places) never maps the files written for the one before."""
    path = tmp_path / "d.sqlite3"
    old = SQLiteBackend(path)
    old.setup()
    old.write(_items(("one", "active"), ("two", "active")))
    assert len(old.search(SearchQuery()).hits) == 2
    old.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    new = SQLiteBackend(path)
    new.setup()
    new.write(_items(("one", "active"), ("two", "inactive")))
    assert [h.id for h in new.search(SearchQuery()).hits] == [_items(("one", "active"))[0].id]
    new.close()


def test_a_folder_that_cannot_be_written_keeps_columns_in_the_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = SQLiteBackend(tmp_path / "d.sqlite3")
    backend.setup()
    backend.write([_item("alone")])

    def refuse(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(shared.ColumnFiles, "locked", refuse)
    assert [h.id for h in backend.search(SearchQuery()).hits] == [_item("alone").id]
    assert not _mapped(_held(backend))
    backend.close()


def test_the_token_is_kept_once(tmp_path: Path) -> None:
    backend = SQLiteBackend(tmp_path / "d.sqlite3")
    backend.setup()
    backend.setup()
    with sqlite3.connect(tmp_path / "d.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM column_files").fetchone()[0] == 1
    backend.close()


def test_meaning_over_the_rows_left_a_slice_at_a_time_ranks_alike(
        two_workers: tuple[Flask, Flask], monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranked by meaning, the cosines of the rows left are worked out a slice of rows at a
    time (no copy of most of the mapped matrix): the same scores whatever the slice."""
    from linkwell import semantic
    from linkwell.directory.backends.sqlite import query

    client = two_workers[0].test_client()
    rng = random.Random(17)
    load(client, [_record(f"asset-{i}", rng) for i in range(40)])
    vector = semantic.encode(semantic.quantise(semantic.embed_one("singing together")))
    answers = {}
    for rows in (1, 7, 10**6):  # a row at a time, uneven slices, all at once
        monkeypatch.setattr(query, "GATHER_ROWS", rows)
        answers[rows] = [client.get(f"/services?vector={vector}&{filters}&per_page=50").json
                         for filters in ("", "free=true", "language=pl", "status=inactive")]
    assert answers[1] == answers[7] == answers[10**6]
    assert all(a["total"] for a in answers[1])


def test_facets_counted_either_way_agree(two_workers: tuple[Flask, Flask],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the entries grouped by code (many hits) or each hit's own entries (few): the
    same counts, with entries appended by a catch-up as well."""
    reader, writer = two_workers
    rng = random.Random(23)
    slugs = [f"asset-{i}" for i in range(40)]
    load(writer.test_client(), [_record(s, rng) for s in slugs])
    client = reader.test_client()
    for step in range(2):
        answers = {}
        for share in (1, 10**9):  # grouped never, always
            monkeypatch.setattr(columns, "GROUPED_COUNT", share)
            answers[share] = [client.get(f"/services?{q}").json["facets"] for q in QUERIES]
        assert answers[1] == answers[10**9], step
        assert any(f["concepts"] for f in answers[1])
        _change(writer.test_client(), rng, slugs, step)  # then again after a catch-up
