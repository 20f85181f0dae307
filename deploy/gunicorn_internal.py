"""gunicorn settings for Linkwell's internal services: the directory and the matcher.

    gunicorn -c deploy/gunicorn_internal.py -b 0.0.0.0:8001 'linkwell.directory:create_app()'
    gunicorn -c deploy/gunicorn_internal.py -b 0.0.0.0:8002 'linkwell.matcher:create_app()'

They answer the gateway (and each other) over a private network, never a browser, so the
plain synchronous worker suits them: one request per process at a time, the fastest way
through gunicorn for short calls (about 1-2 ms less per call than threaded workers on the
benchmark machine), and enough processes that the matcher's parallel searches are served
side by side. The public gateway uses gunicorn_public.py.

LINKWELL_WORKERS overrides the number of processes (default 2 × CPUs + 1, gunicorn's advice).
"""

import multiprocessing
import os

import gunicorn.config

worker_class = "sync"
workers = int(os.environ.get("LINKWELL_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
timeout = 60
# Longer request lines reach the app, which refuses them (414) in Linkwell's JSON error
# shape (linkwell.errors.MAX_URL_CHARS); gunicorn's own refusal is an HTML page. 0 lets
# lines up to gunicorn's hard 1 MB through.
limit_request_line = 0
accesslog = None  # each service writes its own JSON request log (without personal data)
if hasattr(gunicorn.config, "ControlSocketDisable"):  # gunicorn 24+: one shared socket path
    control_socket_disable = True
