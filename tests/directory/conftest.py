from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import BACKENDS, directory_config, load
from tests.factory import corpus


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_client(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    """A directory loaded with the test corpus, shared by read-only tests of one module."""
    from linkwell.directory import create_app

    app = create_app(directory_config(str(request.param), tmp_path_factory.mktemp("dir")))
    client = app.test_client()
    answer = load(client, corpus())
    assert answer["summary"]["rejected"] == 0, answer
    yield client
    backend = app.extensions["linkwell.backend"]
    if request.param == "elasticsearch":
        backend.drop_all()
    backend.close()


@pytest.fixture()
def two_workers(tmp_path: Path) -> Iterator[tuple[Flask, Flask]]:
    """Two SQLite directories on one file, as two gunicorn workers are."""
    from linkwell.directory import create_app

    config = directory_config("sqlite", tmp_path)
    apps = create_app(config), create_app(config)
    yield apps
    for app in apps:
        app.extensions["linkwell.backend"].close()
