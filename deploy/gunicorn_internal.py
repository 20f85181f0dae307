"""gunicorn settings for Linkwell's internal services: the directory and the matcher.

    gunicorn -c deploy/gunicorn_internal.py -b 0.0.0.0:8001 'linkwell.directory:create_app()'
    gunicorn -c deploy/gunicorn_internal.py -b 0.0.0.0:8002 'linkwell.matcher:create_app()'

They answer the gateway (and each other) over a private network, never a browser. Threaded
workers, not the plain synchronous ones: with one request per process, a hung search backend
held every process, and health checks queued behind searches for seconds. Each process holds
several requests; the directory lets at most 12 of its 16 threads wait on the backend (its
search bulkhead), so health checks and ingestion always find a thread. This costs about 1-2 ms
a call against sync workers on the benchmark machine, which buys staying up on a bad day.

The settings all three services share (threads, probes on threads of their own, request
lines, logs) are in deploy/gunicorn_common.py.

LINKWELL_WORKERS overrides the number of processes (default 2 × CPUs + 1, gunicorn's advice),
LINKWELL_THREADS the threads per process (default 16).
"""

import multiprocessing
import os
import runpy
from pathlib import Path

# The settings the three services share (threads, timeout, request lines, logs). gunicorn
# reads a configuration by its path, so the one beside it is read by path too.
globals().update(runpy.run_path(str(Path(__file__).with_name("gunicorn_common.py")))["SHARED"])

workers = int(os.environ.get("LINKWELL_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
