"""The Elasticsearch backend: an index behind an alias, versioned mappings, bulk writes with
external versions, and searches built as Elasticsearch queries.

- ``store.py``: ``ElasticsearchBackend``: setup, writes, reads, duplicates, rebuilds;
- ``connection.py``: the client, how calls fail, reads tried again within the budget;
- ``documents.py``: the mapping (``mappings/``) and the documents and bulk bodies written;
- ``query.py``: the search body a query becomes, and the page read from the answer;
- ``state.py``: the index's state (blocks, paused refresh) and the bulk-load lease.
"""

from linkwell.directory.backends.elastic.connection import node_urls
from linkwell.directory.backends.elastic.documents import MAPPING_VERSION, load_mapping
from linkwell.directory.backends.elastic.query import search_body
from linkwell.directory.backends.elastic.store import ElasticsearchBackend

__all__ = ["MAPPING_VERSION", "ElasticsearchBackend", "load_mapping", "node_urls", "search_body"]
