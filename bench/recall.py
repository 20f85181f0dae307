"""Candidate recall on the judged profiles (tests/eval/): which listings graded 2 or more never
reach the matcher's candidates, and which of its searches would have found them deeper down.

    python bench/recall.py                    # SQLite
    python bench/recall.py --backend elasticsearch --missing
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from harness import latencies  # noqa: E402

from tests.eval.evaluate import RELEVANT, directory_app, load_profiles, matcher_app  # noqa: E402

DEEP = 500  # how far down each search is looked at to say where a missed listing would be


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="sqlite")
    parser.add_argument("--es-url", default=os.environ.get("ELASTICSEARCH_URL"))
    parser.add_argument("--grade", type=int, default=RELEVANT, help="Count grades from this")
    parser.add_argument("--missing", action="store_true", help="Say why each was missed")
    parser.add_argument("--repeat", type=int, default=0,
                        help="Also time this many matches in-process (all profiles, cycled)")
    args = parser.parse_args()
    logging.disable(logging.INFO)
    from linkwell.matcher import candidates

    with tempfile.TemporaryDirectory(prefix="linkwell-recall-") as data_dir:
        directory = directory_app(args.backend, data_dir, args.es_url)
        backend = directory.extensions["linkwell.backend"]
        try:
            app = matcher_app(directory)
            seen: dict[str, Any] = {}
            real_fetch = candidates.fetch

            def fetch(client: Any, profile: Any) -> list[dict[str, Any]]:
                found = real_fetch(client, profile)
                seen.update(client=client, profile=profile, found=found)
                return found

            candidates.fetch = fetch  # type: ignore[assignment]
            matcher = app.test_client()
            total = missed = 0
            sizes = []
            for profile in load_profiles():
                answer = matcher.post("/match", json=profile["request"])
                assert answer.status_code == 200, answer.json
                found = {a["id"] for a in seen["found"]}
                sizes.append(len(found))
                # Copies of one listing in two feeds are graded alike and shown once (the
                # directory hides the other copy): a listing is found if one copy is.
                named = {g["name"] for g in profile["grades"] if g["id"] in found}
                wanted = {g["name"]: g for g in profile["grades"] if g["grade"] >= args.grade}
                lost = [g for n, g in wanted.items() if n not in named]
                total += len(wanted)
                missed += len(lost)
                print(f"{profile['id']:28} candidates {len(found):3}  graded>={args.grade}"
                      f" {len(wanted):2}  missed {len(lost)}")
                if args.missing and lost:
                    explain(seen["client"], seen["profile"], lost, candidates)
            share = (total - missed) / total
            print(f"recall of graded>={args.grade}: {total - missed}/{total} = {share:.3f};"
                  f" candidates mean {sum(sizes) / len(sizes):.1f}, max {max(sizes)}")
            candidates.fetch = real_fetch  # type: ignore[assignment]
            if args.repeat:
                time_matches(app, args.repeat)
        finally:
            if args.backend == "elasticsearch":
                backend.drop_all()
            backend.close()


def explain(client: Any, profile: Any, lost: list[dict[str, Any]], candidates: Any) -> None:
    for n, params in enumerate(candidates.calls(profile)):
        results: list[dict[str, Any]] = []
        for page in range(1, DEEP // 100 + 1):
            deep = {**params, "per_page": "100", "page": str(page), "facets": "false"}
            try:
                results += client.get("/services", **deep).get("results", [])
            except Exception as exc:  # a diagnostic: say so and go on
                print(f"    search {n} failed at depth {DEEP}: {exc}")
                break
        rank = {r["id"]: i for i, r in enumerate(results)}
        kind = ("concept" if "concept" in params else "words" if "q" in params
                else "language" if "language" in params and "vector" in params
                and params.get("per_page") == str(candidates.LANGUAGE_PER_PAGE)
                else "meaning" if "vector" in params else "nearby")
        if "delivery" in params and "concept" in params and "near" not in params:
            kind = "remote"
        hits = [f"{g['name']}@{rank[g['id']] + 1}" for g in lost if g["id"] in rank]
        print(f"    {kind:8} page {params['per_page']:>3} within {params.get('within_km', '-')}"
              f": {', '.join(hits) or '-'}")
    for g in lost:
        asset = client.get(f"/services/{g['id']}").get("summary", {})
        print(f"    MISSED {g['grade']} {g['name']}: delivery {asset.get('delivery')}, "
              f"concepts {[c['id'] for c in asset.get('concepts', [])]}, "
              f"places {[(p.get('lat'), p.get('lon')) for p in asset.get('places', [])]}")


def time_matches(app: Any, n: int) -> None:
    profiles = load_profiles()
    matcher = app.test_client()
    took = sorted(seconds * 1000 for seconds in latencies(
        lambda i: matcher.post("/match", json=profiles[i % len(profiles)]["request"]), range(n)))
    print(f"{n} matches in-process: p50 {took[len(took) // 2]:.1f} ms, "
          f"p95 {took[int(len(took) * 0.95)]:.1f} ms")


if __name__ == "__main__":
    main()
