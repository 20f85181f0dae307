"""The embedded backend: one SQLite file (the store of record, and FTS5 for the words) and
the search columns, which every process on the machine maps from files beside it.

- ``store.py``: ``SQLiteBackend``, the file's connections, transactions and writes;
- ``schema.py``: the tables, and the columns added to older files;
- ``columns.py``: the narrow fields searches filter, sort and count on, as numpy arrays;
- ``shared.py``: those arrays written to files once and mapped by every process;
- ``query.py``: one search over those columns (filters, scores, order, the page's hits);
- ``venues.py``: how far each asset's nearest venue is from a point;
- ``fts.py``: the words, matched and scored (bm25) by FTS5, each word's figures kept;
- ``connection.py``: one connection a thread and process.
"""

from linkwell.directory.backends.sqlite.store import SQLiteBackend

__all__ = ["SQLiteBackend"]
