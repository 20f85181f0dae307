"""gunicorn settings all three services share; deploy/gunicorn_internal.py (the directory and
the matcher) and deploy/gunicorn_public.py (the gateway) read them and choose their own number
of processes. Not a configuration to run on its own.

Threaded workers: a request waiting on a slow backend or a slow client occupies a thread, not
a whole process. /healthz and /readyz are served by two threads of their own
(linkwell.cli.server.ProbeFirstWorker): a load balancer's probe never waits behind requests
that hold every other thread. LINKWELL_THREADS sets the threads per process (default 16).
"""

import os

import gunicorn.config

SHARED: dict[str, object] = {
    "worker_class": "linkwell.cli.server.ProbeFirstWorker",  # gthread; probes on their own threads
    "threads": int(os.environ.get("LINKWELL_THREADS") or 16),
    "timeout": 60,
    # Longer request lines reach the app, which refuses them (414) in Linkwell's JSON error
    # shape (linkwell.errors.MAX_URL_CHARS); gunicorn's own refusal is an HTML page. 0 lets
    # lines up to gunicorn's hard 1 MB through.
    "limit_request_line": 0,
    "accesslog": None,  # each service writes its own JSON request log (without personal data)
}
if hasattr(gunicorn.config, "ControlSocketDisable"):  # gunicorn 24+: one shared socket path
    SHARED["control_socket_disable"] = True
