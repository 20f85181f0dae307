"""Matcher evaluation: nDCG@10 and precision@5 on the judged profiles (tests/eval/), beside a
keyword-only search with a distance filter, on the three demo boroughs' data.

    python bench/eval.py                         # SQLite (and Elasticsearch with ELASTICSEARCH_URL)
    python bench/eval.py --per-profile           # each profile's figures too
    python bench/eval.py --write docs/benchmarks.md
    python bench/eval.py --set tests/eval/southwark   # a judged set in the Open Referral shape
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from harness import arguments, markdown_table, report, with_es  # noqa: E402

from tests.eval import judged  # noqa: E402
from tests.eval.evaluate import run  # noqa: E402


def ratio(result: dict[str, Any]) -> str:
    """The matcher's nDCG@10 over the keyword-only search's."""
    keyword = result["keyword_ndcg"]
    return f"{result['matcher_ndcg'] / keyword if keyword else float('inf'):.2f}×"


def table(results: list[dict[str, Any]]) -> str:
    return markdown_table(
        [("backend", "---"), ("profiles", "---:"), ("matcher nDCG@10", "---:"),
         ("keyword-only nDCG@10", "---:"), ("ratio", "---:"),
         ("Linkwell search (synonyms) nDCG@10", "---:"), ("matcher P@5", "---:"),
         ("keyword-only P@5", "---:")],
        [(r["backend"], r["profiles"], f"{r['matcher_ndcg']:.3f}", f"{r['keyword_ndcg']:.3f}",
          ratio(r), f"{r['search_ndcg']:.3f}", f"{r['matcher_p5']:.3f}",
          f"{r['keyword_p5']:.3f}") for r in results])


def per_profile(result: dict[str, Any]) -> str:
    lines = [f"{'profile':28} matcher  keyword  (nDCG@10)"]
    for row in result["rows"]:
        lines.append(f"{row['profile']:28} {row['matcher_ndcg']:.3f}    {row['keyword_ndcg']:.3f}"
                     + ("   (safety routes first)" if row["safety"] else ""))
    return "\n".join(lines)


def main() -> None:
    parser = arguments(__doc__, one=None)
    parser.add_argument("--per-profile", action="store_true")
    parser.add_argument("--set", type=Path, action="append", default=[],
                        help="A judged set's folder (services.json, profiles.json, qrels.json)")
    args = parser.parse_args()
    if args.set:
        return judged_sets(args)
    logging.disable(logging.INFO)  # one access-log line per search says nothing here
    results = []
    for backend in with_es(args.backends, args.es_url):
        results.append(run(backend, args.es_url))
        if args.per_profile:
            print(per_profile(results[-1]), file=sys.stderr)
    summary = [{k: v for k, v in r.items() if k != "rows"} | {"per_profile": {
        row["profile"]: [round(row["matcher_ndcg"], 3), round(row["keyword_ndcg"], 3),
                         round(row["search_ndcg"], 3)]
        for row in r["rows"]}} for r in results]
    report(args, "eval", table(results), summary)


def judged_table(results: list[dict[str, Any]]) -> str:
    return markdown_table(
        [("set", "---"), ("backend", "---"), ("requests", "---:"), ("matcher nDCG@10", "---:"),
         ("keyword-only nDCG@10", "---:"), ("ratio", "---:"), ("matcher P@5", "---:"),
         ("stated requirements broken", "---:"), ("shown though the judge rules out", "---:")],
        [(r["set"], r["backend"], r["profiles"], f"{r['matcher_ndcg']:.3f}",
          f"{r['keyword_ndcg']:.3f}", ratio(r), f"{r['matcher_p5']:.3f}", r["violations"],
          r["gated"]) for r in results])


def judged_sets(args: argparse.Namespace) -> None:
    results = []
    for folder in args.set:
        for backend in with_es(args.backends, args.es_url):
            result = judged.run(folder, backend, args.es_url)
            results.append(result)
            if args.per_profile:
                for row in result["rows"]:
                    print(f"{result['set']:10} {row['profile']:6} {row['matcher_ndcg']:.3f} "
                          f"{row['keyword_ndcg']:.3f} {row['violations'] or ''}",
                          file=sys.stderr)
    report(args, "judged", judged_table(results),
           [{k: v for k, v in r.items() if k != "rows"} for r in results])


if __name__ == "__main__":
    main()
