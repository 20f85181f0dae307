"""The bulk load's preparation of records, in this one process: CPU time per record.

On a shared, busy machine a load's wall-clock rate says more about the neighbours than about
the code; the CPU time this process spends preparing records (validating, deriving the search
document and its vector, encoding it as Elasticsearch stores it, as each worker of
``linkwell import`` does) is what a change to them moves. With ``--profile`` it also prints
where that time goes (cProfile, by own time and by cumulative time).

    python bench/prepare.py                    # 3,000 records after 500 to warm caches
    python bench/prepare.py --records 5000 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import assets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from linkwell.directory.backends.elastic.documents import pack
    from linkwell.directory.ingest import prepare_all

    records = list(assets(args.records + 500))
    warm, timed = records[:500], records[500:]
    today = date(2026, 12, 7)
    prepare_all(warm, "bench", "London", None, today, pack)  # the model, caches, taxonomy
    started = time.process_time()
    prepared = prepare_all(timed, "bench", "London", None, today, pack)
    cpu = time.process_time() - started
    refused = sum(1 for p in prepared if p.item is None)
    print(f"{len(timed)} records prepared ({refused} refused): "
          f"{cpu * 1000 / len(timed):.3f} ms CPU a record")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(prepare_all, timed, "bench", "London", None, today, pack)
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(20)
        stats.sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
