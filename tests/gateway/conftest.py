"""The gateway fixtures the page tests share, built on the real directory: ``matcher`` (a
stand-in matcher answering in issue 4's contract), ``site`` (a gateway in front of the
directory and that matcher) and ``web`` (its test client)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import load
from tests.factory import corpus
from tests.gateway.web_helper import StandInMatcher


@pytest.fixture
def matcher() -> StandInMatcher:
    return StandInMatcher()


@pytest.fixture
def site(app: Flask, tmp_path: Path, matcher: StandInMatcher) -> Iterator[Flask]:
    from linkwell.gateway import create_app

    load(app.test_client(), corpus())
    gw = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": app,
                     "MATCHER_APP": matcher.app, "TESTING": True})
    yield gw


@pytest.fixture
def web(site: Flask) -> FlaskClient:
    return site.test_client()
