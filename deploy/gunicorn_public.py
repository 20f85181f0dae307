"""gunicorn settings for the public gateway (the API, the page, the widget).

    gunicorn -c deploy/gunicorn_public.py -b 0.0.0.0:8000 'linkwell.gateway:create_app()'

Browsers and partner sites hold connections open and can be slow to send, so the gateway
uses threaded workers: a slow client occupies a thread, not a whole process. Rate limits are
counted in LINKWELL_RATE_LIMIT_STORAGE: with the default memory:// each process counts alone,
so run more than one process only with a shared store (redis://...), which every process on
every machine then counts in.

The settings all three services share (threads, probes on threads of their own, request
lines, logs) are in deploy/gunicorn_common.py.

LINKWELL_WORKERS and LINKWELL_THREADS override the processes (default 1) and threads per
process (default 16).
"""

import os
import runpy
from pathlib import Path

# The settings the three services share (threads, timeout, request lines, logs). gunicorn
# reads a configuration by its path, so the one beside it is read by path too.
globals().update(runpy.run_path(str(Path(__file__).with_name("gunicorn_common.py")))["SHARED"])

workers = int(os.environ.get("LINKWELL_WORKERS") or 1)
