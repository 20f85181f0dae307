"""A bulk load's pause of refreshes is held under a lease: restored on the way out, and by
any directory's background check once a load that died lets the lease lapse."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from linkwell.directory.backends.elastic import ElasticsearchBackend
from linkwell.directory.backends.elastic import state as elastic_state
from tests.conftest import directory_config


@pytest.fixture
def es_app(tmp_path: Path) -> Iterator[Flask]:
    from linkwell.directory import create_app

    app = create_app(directory_config("elasticsearch", tmp_path))
    yield app
    app.extensions["linkwell.backend"].drop_all()
    app.extensions["linkwell.backend"].close()


def _refresh(backend: ElasticsearchBackend) -> str | None:
    return elastic_state.IndexState.read(backend.es, backend.alias).refresh


def test_a_load_restores_what_it_found(es_app: Flask) -> None:
    backend: ElasticsearchBackend = es_app.extensions["linkwell.backend"]
    backend.es.indices.put_settings(index=backend.alias,
                                    settings={"index": {"refresh_interval": "2s"}})
    with backend.bulk_load():
        assert _refresh(backend) == elastic_state.PAUSED
        with pytest.raises(RuntimeError), backend.bulk_load():  # a second, failing load
            raise RuntimeError("a load that fails midway")
        # the inner load restored what the outer one found, never the pause itself
        assert _refresh(backend) == "2s"
    assert _refresh(backend) == "2s"


def test_a_dead_loads_pause_is_repaired_once_its_lease_lapses(
        es_app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    backend: ElasticsearchBackend = es_app.extensions["linkwell.backend"]
    before = _refresh(backend)
    lease = elastic_state.Lease(backend.es, backend.alias)
    lease.begin()
    lease.stop.set()  # the process dies: nobody renews the lease or restores the setting
    assert lease.renewer is not None
    lease.renewer.join()
    watch = es_app.extensions["linkwell.watch"]
    watch.check_now()
    assert _refresh(backend) == elastic_state.PAUSED  # the lease still holds: a load may run
    monkeypatch.setattr(time, "time", lambda: 1e12)  # ... until it lapses
    assert watch.check_now().write
    assert _refresh(backend) == before != elastic_state.PAUSED
