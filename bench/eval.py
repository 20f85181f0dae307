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
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from search import write_section  # noqa: E402

from tests.eval import judged  # noqa: E402
from tests.eval.evaluate import run  # noqa: E402


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| backend | profiles | matcher nDCG@10 | keyword-only nDCG@10 | ratio | "
             "Linkwell search (synonyms) nDCG@10 | matcher P@5 | keyword-only P@5 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        ratio = r["matcher_ndcg"] / r["keyword_ndcg"] if r["keyword_ndcg"] else float("inf")
        lines.append(f"| {r['backend']} | {r['profiles']} | {r['matcher_ndcg']:.3f} | "
                     f"{r['keyword_ndcg']:.3f} | {ratio:.2f}× | {r['search_ndcg']:.3f} | "
                     f"{r['matcher_p5']:.3f} | {r['keyword_p5']:.3f} |")
    return "\n".join(lines)


def per_profile(result: dict[str, Any]) -> str:
    lines = [f"{'profile':28} matcher  keyword  (nDCG@10)"]
    for row in result["rows"]:
        lines.append(f"{row['profile']:28} {row['matcher_ndcg']:.3f}    {row['keyword_ndcg']:.3f}"
                     + ("   (safety routes first)" if row["safety"] else ""))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "elasticsearch"])
    parser.add_argument("--es-url", default=os.environ.get("ELASTICSEARCH_URL"))
    parser.add_argument("--per-profile", action="store_true")
    parser.add_argument("--write", type=Path, help="Also write the figures into this file")
    parser.add_argument("--set", type=Path, action="append", default=[],
                        help="A judged set's folder (services.json, profiles.json, qrels.json)")
    args = parser.parse_args()
    if args.set:
        return judged_sets(args)
    logging.disable(logging.INFO)  # one access-log line per search says nothing here
    results = []
    for backend in args.backends:
        if backend == "elasticsearch" and not args.es_url:
            print("skipping elasticsearch: set ELASTICSEARCH_URL or --es-url", file=sys.stderr)
            continue
        results.append(run(backend, args.es_url))
        if args.per_profile:
            print(per_profile(results[-1]), file=sys.stderr)
    print(table(results))
    if args.write:
        summary = [{k: v for k, v in r.items() if k != "rows"} | {"per_profile": {
            row["profile"]: [round(row["matcher_ndcg"], 3), round(row["keyword_ndcg"], 3),
                             round(row["search_ndcg"], 3)]
            for row in r["rows"]}} for r in results]
        write_section(args.write, "eval", table(results), summary)


def judged_table(results: list[dict[str, Any]]) -> str:
    lines = ["| set | backend | requests | matcher nDCG@10 | keyword-only nDCG@10 | ratio | "
             "matcher P@5 | stated requirements broken | shown though the judge rules out |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        ratio = r["matcher_ndcg"] / r["keyword_ndcg"] if r["keyword_ndcg"] else float("inf")
        lines.append(f"| {r['set']} | {r['backend']} | {r['profiles']} | "
                     f"{r['matcher_ndcg']:.3f} | {r['keyword_ndcg']:.3f} | {ratio:.2f}× | "
                     f"{r['matcher_p5']:.3f} | {r['violations']} | {r['gated']} |")
    return "\n".join(lines)


def judged_sets(args: argparse.Namespace) -> None:
    results = []
    for folder in args.set:
        for backend in args.backends:
            if backend == "elasticsearch" and not args.es_url:
                print("skipping elasticsearch: set ELASTICSEARCH_URL", file=sys.stderr)
                continue
            result = judged.run(folder, backend, args.es_url)
            results.append(result)
            if args.per_profile:
                for row in result["rows"]:
                    print(f"{result['set']:10} {row['profile']:6} {row['matcher_ndcg']:.3f} "
                          f"{row['keyword_ndcg']:.3f} {row['violations'] or ''}",
                          file=sys.stderr)
    print(judged_table(results))
    if args.write:
        summary = [{k: v for k, v in r.items() if k != "rows"} for r in results]
        write_section(args.write, "judged", judged_table(results), summary)


if __name__ == "__main__":
    main()
