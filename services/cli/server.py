"""Serving: the apps together on one machine, under gunicorn."""

from __future__ import annotations

import selectors
import socket
import time
from concurrent import futures
from functools import partial
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import ThreadWorker


def build_site(config: dict[str, Any] | None = None) -> tuple[Any, Flask]:
    """The WSGI site for one machine, and the directory app inside it.

    The gateway is the one public door (the link worker's page at ``/``, the API under
    ``/api/v1``, the Open Referral UK API, the widget); the directory and the matcher run
    inside it, in-process, through the same JSON contract as when they run apart.
    """
    from linkwell.directory import create_app
    from linkwell.gateway import create_app as gateway_app

    directory = create_app(config)
    gateway = gateway_app({**(config or {}), "DIRECTORY_APP": directory})
    return gateway, directory


class _Gunicorn(BaseApplication):
    def __init__(self, app: Any, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


def run_gunicorn(app: Any, host: str, port: int, workers: int = 1) -> None:
    """Serve ``app`` with gunicorn's threaded workers until interrupted."""
    _Gunicorn(app, {"bind": f"{host}:{port}", "workers": workers, "threads": 16,
                    "worker_class": "linkwell.cli.server.ProbeFirstWorker", "timeout": 60,
                    "accesslog": None,
                    # the app answers over-long addresses itself, in the JSON error shape
                    "limit_request_line": 0}).run()


# Health probes answered by threads of their own: a load balancer's /healthz or /readyz never
# waits in the queue behind the requests that hold every worker thread (a hung dependency's
# searches, say). Two threads: the answers come from kept state, so they are quick.
PROBE_THREADS = 2
PROBE_REQUEST_LINES = tuple(f"{method} {path}{end}".encode() for method in ("GET", "HEAD")
                            for path in ("/healthz", "/readyz") for end in (" ", "?"))
FIRST_BYTES_WAIT = 5.0  # seconds a new connection may take to send its request line


class ProbeFirstWorker(ThreadWorker):
    """gunicorn's threaded worker, with ``/healthz`` and ``/readyz`` served by a pool of
    their own. Which pool a request goes to is read from its first bytes (peeked, not
    consumed) once the event loop sees them arrive, so no thread waits on a slow client."""

    def init_process(self) -> None:
        self.probe_pool = futures.ThreadPoolExecutor(PROBE_THREADS, "linkwell-probe")
        super().init_process()

    def enqueue_req(self, conn: Any) -> None:
        first = _peek(conn, self.cfg.is_ssl)
        if first == b"" and not conn.initialized and hasattr(self, "pending_conns"):
            # nothing sent yet: let the event loop wait for it (as gthread does for a
            # connection that is slow to send), then decide
            conn.timeout = time.monotonic() + FIRST_BYTES_WAIT
            self.pending_conns.append(conn)
            self.poller.register(conn.sock, selectors.EVENT_READ,
                                 partial(self.on_pending_socket_readable, conn))
            return
        pool = self.probe_pool if first.startswith(PROBE_REQUEST_LINES) else self.tpool
        done = pool.submit(self.handle, conn)
        done.add_done_callback(
            lambda fut: self.method_queue.defer(self.finish_request, conn, fut))

    def handle_quit(self, sig: int, frame: Any) -> None:
        self.probe_pool.shutdown(wait=False)
        super().handle_quit(sig, frame)


def _peek(conn: Any, ssl: bool) -> bytes:
    """The first bytes waiting on a connection, left in place; b"" when none have come yet,
    and b"?" when they cannot be read so (TLS, or bytes already read into the parser)."""
    if ssl or (conn.parser is not None and conn.parser.unreader.buf.getvalue()):
        return b"?"
    try:
        return conn.sock.recv(16, socket.MSG_PEEK | socket.MSG_DONTWAIT) or b"?"
    except BlockingIOError:
        return b""
    except OSError:
        return b"?"  # the handling thread meets the error and closes the connection
