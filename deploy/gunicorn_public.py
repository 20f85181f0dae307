"""gunicorn settings for the public gateway (the API, the page, the widget).

    gunicorn -c deploy/gunicorn_public.py -b 0.0.0.0:8000 'linkwell.gateway:create_app()'

Browsers and partner sites hold connections open and can be slow to send, so the gateway
uses threaded workers: a slow client occupies a thread, not a whole process. Rate limits are
counted in LINKWELL_RATE_LIMIT_STORAGE: with the default memory:// each process counts alone,
so run more than one process only with a shared store (redis://...), which every process on
every machine then counts in.

/healthz and /readyz are served by two threads of their own (linkwell.cli.server.ProbeFirstWorker):
a load balancer's probe never waits behind requests that hold every other thread.

LINKWELL_WORKERS and LINKWELL_THREADS override the processes (default 1) and threads per
process (default 16).
"""

import os

import gunicorn.config

worker_class = "linkwell.cli.server.ProbeFirstWorker"  # gthread; probes on threads of their own
workers = int(os.environ.get("LINKWELL_WORKERS") or 1)
threads = int(os.environ.get("LINKWELL_THREADS") or 16)
timeout = 60
# Longer request lines reach the app, which refuses them (414) in Linkwell's JSON error
# shape (linkwell.errors.MAX_URL_CHARS); gunicorn's own refusal is an HTML page. 0 lets
# lines up to gunicorn's hard 1 MB through.
limit_request_line = 0
accesslog = None  # the gateway writes its own JSON request log (without personal data)
if hasattr(gunicorn.config, "ControlSocketDisable"):  # gunicorn 24+: one shared socket path
    control_socket_disable = True
