"""An index made before the ORUK fields existed keeps working, and the fields are usable."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date
from pathlib import Path

from flask.testing import FlaskClient

from linkwell.directory import ingest
from linkwell.directory.backends.base import SearchQuery
from linkwell.directory.backends.sqlite import SQLiteBackend
from linkwell.directory.backends.sqlite.schema import ADDED_COLUMNS, SCHEMA
from tests.conftest import elasticsearch_url, load, search
from tests.factory import service


def _item(slug: str) -> ingest.IndexItem:
    prepared = ingest.prepare(0, service(slug, f"Group {slug}", modified="2025-02-01T10:00:00Z"),
                              "tests", None, None, date(2026, 1, 1))
    assert prepared.item is not None
    return prepared.item


def test_an_older_sqlite_file_gets_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old_schema = "\n".join(line for line in SCHEMA.splitlines()
                           if line.strip().split(" ")[0] not in ADDED_COLUMNS)
    with sqlite3.connect(path) as conn:
        conn.executescript(old_schema)
        assert "last_modified" not in {r[1] for r in conn.execute("PRAGMA table_info(assets)")}
    backend = SQLiteBackend(path)
    backend.setup()
    backend.setup()  # twice is harmless
    item = _item("old-file")
    assert backend.write([item]) == {}
    page = backend.search(SearchQuery(fields=["sals", "last_modified"], sort="modified",
                                      modified_after="2025-02-01T10:00:00.000Z"))
    assert [h.id for h in page.hits] == [item.id]
    assert page.hits[0].fields["last_modified"] == "2025-02-01T10:00:00.000Z"
    assert page.hits[0].fields["sals"] == item.document["sals"]
    backend.close()


def test_an_older_elasticsearch_index_gets_the_new_fields() -> None:
    from linkwell.directory.backends.elastic import ElasticsearchBackend, load_mapping

    backend = ElasticsearchBackend(elasticsearch_url(), f"test-{uuid.uuid4().hex[:10]}-",
                                   timeout=10.0)
    mapping = load_mapping()
    for name in ("last_modified", "term_ids", "sal_ids", "sals"):
        del mapping["mappings"]["properties"][name]
    backend.es.indices.create(index=backend.new_index_name(), aliases={backend.alias: {
        "is_write_index": True}}, **mapping)
    try:
        backend.setup()
        item = _item("old-index")
        assert backend.write([item]) == {}  # a strict mapping would refuse the new fields
        found = backend.search(SearchQuery(sal_ids=item.document["sal_ids"], fields=["sals"]))
        assert [h.id for h in found.hits] == [item.id]
        assert found.hits[0].fields["sals"] == item.document["sals"]
    finally:
        backend.drop_all()
        backend.close()


def test_sorting_by_name_or_change_near_a_place_gives_distances(client: FlaskClient) -> None:
    load(client, [service("near", "Near Group", at=(51.4452, -0.0209)),
                  service("far", "Far Group", at=(51.5505, -0.1403))])
    for sort in ("name", "modified"):
        body = search(client, f"near=51.4452,-0.0209&sort={sort}")
        assert {r["name"]: round(r["distance_km"]) for r in body["results"]} == {
            "Near Group": 0, "Far Group": 14}
