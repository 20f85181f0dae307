"""Crisis detection on the judged corpus (tests/matcher/data/crisis_corpus.yaml): recall and
precision on its tune part, its held-out part and the whole, and the failures; then the same
on the development probes (tests/matcher/data/crisis_probes.yaml), which are not held out.

    python bench/crisis.py                    # figures, and every corpus failure
    python bench/crisis.py --failures tune    # only the tune part's failures (while tuning)
    python bench/crisis.py --failures probes  # the development probes' failures
    python bench/crisis.py --failures none

Recall: crisis phrasings that raise at least their expected concept. Precision, as the
issue defines it: near-misses that raise nothing. "Flagged precision" is the usual kind:
of the texts that raised a safety concept, the share that were crisis phrasings.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "matcher" / "data" / "crisis_corpus.yaml"
PROBES = ROOT / "tests" / "matcher" / "data" / "crisis_probes.yaml"
LANGUAGE_PROBES = ROOT / "tests" / "matcher" / "data" / "crisis_probes_languages.yaml"
PARTS = ("tune", "held_out")
LANGUAGES = ("bn", "so", "tr", "pl", "ar", "ur")  # issue 20: besides English


def load(path: Path = CORPUS) -> dict[str, dict[str, list[dict[str, Any]]]]:
    with path.open(encoding="utf-8") as f:
        data: dict[str, dict[str, list[dict[str, Any]]]] = yaml.safe_load(f)
    return data


def evaluate(corpus: dict[str, dict[str, list[dict[str, Any]]]],
             parts: tuple[str, ...], language: str = "en") -> dict[str, Any]:
    """Recall, precision and failures over the given parts of the corpus, in one language
    (items name theirs; English where they do not). English is read by the English detector
    alone; another language as the matcher reads it, told the language."""
    from linkwell.matcher.crisis import concerns, detect

    def read(text: str) -> list[str]:
        return detect(text) if language == "en" else concerns(text, language=language)

    missed, fired = [], []
    crisis = [c for p in parts for c in corpus["crisis"][p]
              if c.get("language", "en") == language]
    near = [n for p in parts for n in corpus["near_miss"][p]
            if n.get("language", "en") == language]
    for item in crisis:
        found = read(item["text"])
        if item["concept"] not in found:
            missed.append({**item, "found": found})
    for item in near:
        found = read(item["text"])
        if found:
            fired.append({**item, "found": found})
    caught = len(crisis) - len(missed)
    return {"crisis": len(crisis), "near": len(near), "missed": missed, "fired": fired,
            "recall": caught / len(crisis) if crisis else 1.0,
            "precision": 1 - len(fired) / len(near) if near else 1.0,
            "flagged_precision": caught / (caught + len(fired)) if caught + len(fired) else 1.0}


def report(name: str, r: dict[str, Any]) -> str:
    return (f"{name:11} recall {r['recall']:6.1%} ({r['crisis'] - len(r['missed'])}/{r['crisis']})"
            f"   precision {r['precision']:6.1%} ({r['near'] - len(r['fired'])}/{r['near']} "
            f"near-misses silent)   flagged precision {r['flagged_precision']:6.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", choices=("all", "tune", "held_out", "probes", "none"),
                        default="all")
    args = parser.parse_args(argv)
    corpus = load()
    with PROBES.open(encoding="utf-8") as f:
        probes = {kind: {"probes": items} for kind, items in yaml.safe_load(f).items()}
    started = time.perf_counter()
    results = {name: evaluate(corpus, parts) for name, parts in
               (("tune", ("tune",)), ("held_out", ("held_out",)), ("whole", PARTS))}
    results["probes"] = evaluate(probes, ("probes",))
    with LANGUAGE_PROBES.open(encoding="utf-8") as f:
        language_probes = {kind: {"probes": [i for i in items if i.get("round") != 3],
                                  "blind": [i for i in items if i.get("round") == 3]}
                           for kind, items in yaml.safe_load(f).items()}
    for language in LANGUAGES:
        for name, parts in (("tune", ("tune",)), ("held_out", ("held_out",)),
                            ("whole", PARTS)):
            results[f"{language} {name}"] = evaluate(corpus, parts, language)
        results[f"{language} probes"] = evaluate(language_probes, ("probes",), language)
        results[f"{language} blind"] = evaluate(language_probes, ("blind",), language)
    elapsed = time.perf_counter() - started
    for name, result in results.items():
        print(report(name, result))
    texts = sum(r["crisis"] + r["near"] for r in results.values())
    print(f"({texts} texts, {elapsed:.2f} s including start-up)")
    if args.failures != "none":
        shown = results["whole" if args.failures == "all" else args.failures]
        for item in shown["missed"]:
            print(f"MISSED  [{item['concept']}] found {item['found']}: {item['text']}")
        for item in shown["fired"]:
            print(f"FIRED   {item['found']}: {item['text']}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
