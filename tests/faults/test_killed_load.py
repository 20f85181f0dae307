"""The node killed during a bulk load, then restarted on its data (issue 23, point 2): the
index's settings come back to a clean load's, a record synced after is searchable within 2 s,
and a rerun converges to a clean load's ids and versions."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.factory import service
from tests.faults.conftest import Node
from tests.faults.stack import ROOT, Stack, load, timed

pytestmark = pytest.mark.faults
RECORDS = 6000
SEARCHABLE_BOUND = 2.0  # seconds from a sync's write (no refresh asked) to a search finding it
# index settings that name one index rather than say how it behaves
OWN = ("creation_date", "uuid", "provided_name", "version", "history_uuid", "routing")


def big_feed(path: Path) -> Path:
    words = ["walking", "choir", "gardening", "chess", "yoga", "carers", "knitting", "football"]
    path.write_text(json.dumps([
        service(f"load-{i}", f"{words[i % len(words)].title()} group {i}",
                f"A friendly {words[i % len(words)]} group, number {i}.") for i in range(RECORDS)]))
    return path


def settings_of(node: Node, prefix: str) -> dict[str, Any]:
    found = requests.get(f"{node.url}/{prefix}assets/_settings", timeout=30).json()
    (body,) = found.values()
    return {k: v for k, v in body["settings"]["index"].items() if k not in OWN}


def ids_and_versions(node: Node, prefix: str) -> dict[str, int]:
    requests.post(f"{node.url}/{prefix}assets/_refresh", timeout=60)
    hits = requests.post(f"{node.url}/{prefix}assets/_search", timeout=60, json={
        "size": 10_000, "_source": ["version"], "query": {"term": {"feed": "load"}}}).json()
    return {h["_id"]: h["_source"]["version"] for h in hits["hits"]["hits"]}


def import_command(feed: Path) -> list[str]:
    return [sys.executable, "-m", "linkwell", "import", str(feed), "--feed", "load"]


def test_killed_load_leaves_index_as_clean_load_would(stack: Stack, node: Node,
                                                      tmp_path: Path) -> None:
    feed = big_feed(tmp_path / "load.json")
    clean_prefix = f"faults-clean-{uuid.uuid4().hex[:8]}-"
    clean_env = {**stack.env, "LINKWELL_INDEX_PREFIX": clean_prefix}
    subprocess.run(import_command(feed), env=clean_env, cwd=ROOT, check=True,
                   capture_output=True, timeout=600)
    clean_settings = settings_of(node, clean_prefix)
    clean = ids_and_versions(node, clean_prefix)
    assert len(clean) == RECORDS

    stack.start("directory")  # serving all along, as in production
    prefix = stack.env["LINKWELL_INDEX_PREFIX"]
    loading = subprocess.Popen(import_command(feed), env=stack.env, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wait_until_loading(node, prefix, loading)
    node.run("kill")
    loading.wait(timeout=120)
    assert loading.returncode != 0  # the load did not finish, and said so
    node.run("resume", timeout=600)

    deadline = time.monotonic() + 90
    while settings_of(node, prefix) != clean_settings:
        assert time.monotonic() < deadline, (settings_of(node, prefix), clean_settings)
        time.sleep(0.5)

    late = service("late-sync", "Zither circle", "Zither players meet on Mondays.")
    assert load(stack, [late], feed="sync", refresh=False)["results"][0]["result"] == "added"
    written = time.monotonic()
    while True:
        status, _, response = timed("GET", stack.url("directory") + "/services?q=zither")
        if status == 200 and response is not None and response.json()["total"] == 1:
            break
        assert time.monotonic() - written <= SEARCHABLE_BOUND, "not searchable in time"
        time.sleep(0.05)

    rerun = subprocess.run(import_command(feed), env=stack.env, cwd=ROOT,
                           capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert ids_and_versions(node, prefix) == clean
    assert settings_of(node, prefix) == clean_settings
    requests.delete(f"{node.url}/{clean_prefix}assets-v*", timeout=60)


def wait_until_loading(node: Node, prefix: str, loading: subprocess.Popen[bytes]) -> None:
    """Until the load has written a good part of the records."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert loading.poll() is None, "the load finished before the node could be killed"
        try:
            stats = requests.get(f"{node.url}/{prefix}assets/_stats/indexing", timeout=5).json()
            written = stats["_all"]["primaries"]["indexing"]["index_total"]
        except (requests.RequestException, KeyError):
            written = 0
        if written >= RECORDS // 4:
            return
        time.sleep(0.1)
    pytest.fail("the load did not get going")
