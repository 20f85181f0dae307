"""schemathesis against the gateway's own OpenAPI document, in-process (WSGI): a bounded,
seeded run of well over 1,000 requests, with and without an admin key, over a directory
holding a few listings. Every answer must be no server error, with a documented status,
content type, headers and body shape.

Not checked: that every schema-valid request is accepted (``positive_data_acceptance``):
some rules join two parameters (``sort=distance`` needs ``near``) and OpenAPI 3.0 query
parameters cannot say so; those requests get a 400 in the documented error shape, which the
status and shape checks do hold to.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from linkwell.gateway.keys import KeyStore
from tests.conftest import AUTH
from tests.factory import service

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]
EXAMPLES = 100  # per operation (14 operations; two take few distinct requests)
SEED = 14


@pytest.fixture
def gateway(tmp_path: Path) -> Flask:
    from linkwell.directory import create_app as directory_app
    from linkwell.gateway import create_app
    from tests.conftest import directory_config

    directory = directory_app(directory_config("sqlite", tmp_path / "directory"))
    listings = [service(f"fuzz-{i}", f"Fuzz Walking Group {i}", postcode="SE6 4RU")
                for i in range(6)]
    answer = directory.test_client().post("/assets", json={"feed": "lewisham",
                                                           "records": listings}, headers=AUTH)
    assert answer.status_code == 200
    app: Flask = create_app({"DATA_DIR": str(tmp_path / "gw"), "DIRECTORY_APP": directory,
                             "INGEST_TOKEN": "test-token", "TESTING": True})
    return app


@pytest.mark.filterwarnings("ignore")
def test_schemathesis_finds_no_server_error_and_no_undocumented_answer(
        gateway: Flask, tmp_path: Path) -> None:
    _, secret = KeyStore(tmp_path / "gw" / "gateway.sqlite3").create("fuzz", "admin", ())
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", gateway)
    sent: Counter[str] = Counter()
    failures: dict[str, str] = {}
    for result in schema.get_all_operations():
        _fuzz(result.ok(), {"Authorization": f"Bearer {secret}"}, sent, failures)
    assert sum(sent.values()) >= 1000, sent
    assert failures == {}, "\n\n".join(failures.values())


def _fuzz(operation: Any, key: dict[str, str], sent: Counter[str],
          failures: dict[str, str]) -> None:
    """One operation's seeded examples, half of them with the key; failures gathered."""
    @given(case=operation.as_strategy(), keyed=st.booleans())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    def call(case: Any, keyed: bool) -> None:
        sent[operation.label] += 1
        try:
            case.call_and_validate(checks=CHECKS, headers=key if keyed else None)
        except FailureGroup as exc:  # schemathesis's failures: gather them all
            failures.setdefault(f"{operation.label}: {str(exc).splitlines()[0]}",
                                str(exc)[:2000])

    call()
