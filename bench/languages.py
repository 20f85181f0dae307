"""Language detection on short requests (tests/shared/data/language_detection.yaml): accuracy
per language and the time per call, for each offline detector, unrestricted and restricted to
the languages a deployment declares; and Linkwell's own reading (restricted, English on short
or unsure text), which is what the matcher uses.

    python bench/languages.py
    python bench/languages.py --failures
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "shared" / "data" / "language_detection.yaml"
DECLARED = ("en", "bn", "so", "tr", "pl", "ar", "ur")


def load() -> dict[str, list[str]]:
    data: dict[str, list[str]] = yaml.safe_load(SET.read_text(encoding="utf-8"))
    return data


def lingua_detector(restricted: bool) -> Callable[[str], str]:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if restricted:
        builder = LanguageDetectorBuilder.from_languages(*[
            Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in DECLARED])
    else:
        builder = LanguageDetectorBuilder.from_all_languages()
    detector = builder.with_preloaded_language_models().build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "?"
    return detect


def langid_detector(restricted: bool) -> Callable[[str], str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if restricted:
        identifier.set_languages([c for c in DECLARED if c in identifier.nb_classes])

    def detect(text: str) -> str:
        return str(identifier.classify(text)[0])
    return detect


def linkwell_detector(low_accuracy: bool) -> Callable[[str], str]:
    from linkwell.langid import Detector

    detector = Detector(DECLARED, low_accuracy=low_accuracy)
    return lambda text: detector.detect(text).language


DETECTORS = {"lingua": lingua_detector, "py3langid": langid_detector}


def measure(detect: Callable[[str], str], data: dict[str, list[str]]) -> dict[str, object]:
    right: dict[str, int] = {}
    failures: list[tuple[str, str, str]] = []
    times: list[float] = []
    for lang, texts in data.items():
        for text in texts:
            started = time.perf_counter()
            found = detect(text)
            times.append(time.perf_counter() - started)
            right[lang] = right.get(lang, 0) + (found == lang)
            if found != lang:
                failures.append((lang, found, text))
    times.sort()
    return {"right": right, "failures": failures,
            "p50_ms": round(statistics.median(times) * 1000, 3),
            "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 3)}


def table(rows: list[tuple[str, dict[str, object]]], data: dict[str, list[str]]) -> str:
    langs = list(data)
    head = "| detector | " + " | ".join(langs) + " | all | p50 / p95 per call (ms) |"
    lines = [head, "|---|" + "---:|" * (len(langs) + 2)]
    total = sum(len(v) for v in data.values())
    for name, r in rows:
        right: dict[str, int] = r["right"]  # type: ignore[assignment]
        cells = [f"{right.get(lang, 0)}/{len(data[lang])}" for lang in langs]
        lines.append(f"| {name} | " + " | ".join(cells) +
                     f" | {sum(right.values()) / total:.1%} | {r['p50_ms']} / {r['p95_ms']} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    data = load()
    rows = []
    for name, make in DETECTORS.items():
        for restricted in (False, True):
            label = f"{name}, {'declared languages' if restricted else 'all languages'}"
            rows.append((label, measure(make(restricted), data)))
    for low in (False, True):
        rows.append((f"Linkwell: lingua {'low-accuracy' if low else 'full'} models, declared, "
                     "script first, English on short or unsure", measure(linkwell_detector(low),
                                                                          data)))
    print(table(rows, data))
    if args.failures:
        for name, r in rows:
            for lang, found, text in r["failures"]:  # type: ignore[attr-defined]
                print(f"{name}: {lang} read as {found}: {text}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
