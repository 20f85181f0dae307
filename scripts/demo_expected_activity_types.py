"""Derive a crosswalk feed's ``expected_activity_types.json`` from its pages and crosswalk.

The file is an output of one rule, not data of its own: a service gets, in the order its
``service_taxonomys`` list them, the Linkwell activity types its council terms map to in
``crosswalk.json``, the sorted audience values they map to, and the names of terms that map to
nothing. Run it after editing the feed or the crosswalk (``tests/feeds/test_oruk1_demo.py`` fails
until you do):

    python scripts/demo_expected_activity_types.py plugins/tower_hamlets/linkwell_tower_hamlets/data
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

FILE = "expected_activity_types.json"


def expected(folder: Path) -> str:
    """The text ``expected_activity_types.json`` should have for the feed in ``folder``."""
    crosswalk = json.loads((folder / "crosswalk.json").read_text(encoding="utf-8"))
    terms = crosswalk["vocabularies"]
    services: dict[str, Any] = {}
    for page in sorted(folder.glob("services-page-*.json"), key=_page_number):
        for service in json.loads(page.read_text(encoding="utf-8"))["content"]:
            tags = [terms[t["taxonomy"]["vocabulary"]][t["taxonomy"]["id"]]
                    for t in service["service_taxonomys"]]
            entry: dict[str, Any] = {
                "name": service["name"],
                "activity_types": list(dict.fromkeys(a for t in tags for a in t["activity_types"])),
            }
            audience = sorted({a for t in tags for a in t.get("audience", [])})
            if audience:
                entry["audience"] = audience
            unmapped = [t["name"] for t in tags
                        if not t["activity_types"] and not t.get("audience")]
            if unmapped:
                entry["unmapped_terms"] = unmapped
            services[service["id"]] = entry
    body = {"feed": crosswalk["feed"], "services": dict(sorted(services.items()))}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def _page_number(path: Path) -> int:
    return int(path.stem.rsplit("-", 1)[1])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    (folder / FILE).write_text(expected(folder), encoding="utf-8")
    print(f"wrote {folder / FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
