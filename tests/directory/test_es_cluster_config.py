"""Cluster settings of the Elasticsearch backend: several node URLs, replicas from config."""

from __future__ import annotations

import pytest

from linkwell.directory import make_backend
from linkwell.directory.backends.elastic import load_mapping, node_urls


def test_several_nodes_in_one_url_setting() -> None:
    assert node_urls("http://es1:9200, http://es2:9200,") == ["http://es1:9200",
                                                               "http://es2:9200"]
    assert node_urls("http://127.0.0.1:9200") == ["http://127.0.0.1:9200"]


def test_replicas_come_from_config_not_the_mapping_file() -> None:
    assert load_mapping()["settings"]["number_of_replicas"] == 0
    assert load_mapping(replicas=2)["settings"]["number_of_replicas"] == 2
    config = {"SEARCH_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": "http://es1:9200",
              "INDEX_PREFIX": "x-", "ELASTICSEARCH_TIMEOUT": 1.5, "ES_REPLICAS": "1"}
    assert make_backend(config).replicas == 1
    with pytest.raises(ValueError, match="LINKWELL_ES_REPLICAS"):
        make_backend({**config, "ES_REPLICAS": "-1"})
