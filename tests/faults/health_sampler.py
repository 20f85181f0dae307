"""Times health answers from a process of its own, until its standard input closes.

    python -m tests.faults.health_sampler URL...

Run apart from the test, which drives 20 concurrent searches from its own threads: sampled
from the test's process, a health answer's time would include the wait for that process's
GIL, which says nothing of the service. Prints one JSON object: {url: [seconds, ...]}.
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
import time
from urllib.parse import urlsplit

PAUSE = 0.05  # seconds between rounds of the endpoints


def ask(url: str) -> tuple[int, float]:
    """(status, seconds) of one GET on a new connection, as a load balancer's probe makes."""
    parts = urlsplit(url)
    began = time.monotonic()
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        conn.request("GET", parts.path)
        response = conn.getresponse()
        response.read()
        return response.status, time.monotonic() - began
    except OSError:
        return 0, time.monotonic() - began
    finally:
        conn.close()


def main(urls: list[str]) -> None:
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    times: dict[str, list[float]] = {url: [] for url in urls}
    statuses: set[int] = set()
    while not stop.is_set():
        for url in urls:
            status, seconds = ask(url)
            statuses.add(status)
            times[url].append(seconds)
        stop.wait(PAUSE)
    print(json.dumps({"times": times, "statuses": sorted(statuses)}))


if __name__ == "__main__":
    main(sys.argv[1:])
