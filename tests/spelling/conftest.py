from __future__ import annotations

import tempfile
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from tests.conftest import BACKENDS, elasticsearch_url


@pytest.fixture(scope="module", params=BACKENDS)
def demo_client(request: pytest.FixtureRequest) -> Iterator[FlaskClient]:
    """A directory on each backend loaded with the three demo boroughs."""
    from tests.eval.evaluate import directory_app

    kind = str(request.param)
    url = elasticsearch_url() if kind == "elasticsearch" else None
    with tempfile.TemporaryDirectory() as data_dir:
        app = directory_app(kind, data_dir, url)
        app.config["SPELLING_CHECK_SECONDS"] = 0
        yield app.test_client()
        backend = app.extensions["linkwell.backend"]
        if kind == "elasticsearch":
            backend.drop_all()
        backend.close()
