"""gunicorn settings for Linkwell's internal services: the directory and the matcher.

    gunicorn -c deploy/gunicorn_internal.py -b 0.0.0.0:8001 'linkwell.directory:create_app()'
    gunicorn -c deploy/gunicorn_internal.py -b 0.0.0.0:8002 'linkwell.matcher:create_app()'

They answer the gateway (and each other) over a private network, never a browser. Threaded
workers, not the plain synchronous ones: with one request per process, a hung search backend
held every process, and health checks queued behind searches for seconds. Each process holds
several requests; the directory lets at most 12 of its 16 threads wait on the backend (its
search bulkhead), so health checks and ingestion always find a thread. This costs about 1-2 ms
a call against sync workers on the benchmark machine, which buys staying up on a bad day.

/healthz and /readyz are served by two threads of their own (linkwell.cli.server.ProbeFirstWorker):
a load balancer's probe never waits behind requests that hold every other thread.

LINKWELL_WORKERS overrides the number of processes (default 2 × CPUs + 1, gunicorn's advice),
LINKWELL_THREADS the threads per process (default 16).
"""

import multiprocessing
import os

import gunicorn.config

worker_class = "linkwell.cli.server.ProbeFirstWorker"  # gthread; probes on threads of their own
workers = int(os.environ.get("LINKWELL_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
threads = int(os.environ.get("LINKWELL_THREADS") or 16)
timeout = 60
# Longer request lines reach the app, which refuses them (414) in Linkwell's JSON error
# shape (linkwell.errors.MAX_URL_CHARS); gunicorn's own refusal is an HTML page. 0 lets
# lines up to gunicorn's hard 1 MB through.
limit_request_line = 0
accesslog = None  # each service writes its own JSON request log (without personal data)
if hasattr(gunicorn.config, "ControlSocketDisable"):  # gunicorn 24+: one shared socket path
    control_socket_disable = True
