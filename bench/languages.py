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


def overhead(repeat: int = 20) -> str:
    """What reading the language adds to a match, in process: detection, the language pack's
    concepts and audiences, the crisis words in it, and the detection concerns() repeats.
    Per request, over the match benchmark's English stories and the multilingual requests."""
    sys.path.insert(0, str(ROOT / "bench"))
    from match import STORIES, written_in_languages

    from linkwell.langid import detector
    from linkwell.matcher import crisis_languages, language

    def added(text: str, clock: Callable[[], float]) -> float:
        started = clock()
        reading = language.read({"about": text})
        detector().detect(text)  # concerns() asks again whether the text is English
        if reading.code == "en":
            crisis_languages.romanised(text)
        else:
            crisis_languages.detect(text, reading.code)
        return clock() - started

    # CPU time of this thread (what the work costs, whatever else the machine is doing), and
    # wall-clock time (which on a busy shared machine includes waiting for a core).
    rows = ["| requests | CPU p50 / p95 (ms) | wall p50 / p95 (ms) |", "|---|---:|---:|"]
    for name, texts in (("English (bench/match.py stories)", STORIES),
                        ("Bengali, Somali, Turkish, Polish, Arabic, Urdu (36)",
                         written_in_languages())):
        for text in texts:
            added(text, time.perf_counter)  # warm: models and packs load once per process
        cells = []
        for clock in (time.thread_time, time.perf_counter):
            times = sorted(added(t, clock) * 1000 for _ in range(repeat) for t in texts)
            cells.append(f"{statistics.median(times):.2f} / {times[int(len(times) * 0.95)]:.2f}")
        rows.append(f"| {name} | {cells[0]} | {cells[1]} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true")
    parser.add_argument("--overhead", action="store_true",
                        help="Only what reading the language adds to a match, per request")
    args = parser.parse_args()
    if args.overhead:
        print(overhead())
        return 0
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
