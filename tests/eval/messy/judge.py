#!/usr/bin/env python3
"""Grade the messy tuning set by the Southwark set's rules (../southwark/RULES.md).

    python3 tests/eval/messy/judge.py [--check | --explain m07 | --score run.json]

The grader is Southwark's judge.py itself, loaded from its file and pointed at this folder, so
both sets are graded by one literal reading of the same rules.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    f"{__name__}_southwark", HERE.parent / "southwark" / "judge.py"
)
assert _spec is not None and _spec.loader is not None
_judge = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _judge  # dataclasses look their module up by name
_spec.loader.exec_module(_judge)
_judge.HERE = HERE  # read and write this set's files

gates = _judge.gates
person_of = _judge.person_of
judge_all = _judge.judge_all
main = _judge.main

if __name__ == "__main__":
    sys.exit(main())
