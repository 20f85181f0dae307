"""The three services as deploy/ runs them (separate gunicorn processes), for fault tests that
freeze, kill and restart what lies under them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "faults-ingest-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Stack:
    """Directory, matcher and gateway on free ports, each in its own process group."""

    env: dict[str, str]
    logs: Path
    ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def start(self, *names: str, workers: dict[str, int] | None = None) -> None:
        for name in ("directory", "matcher", "gateway"):  # known even if not started
            self.ports.setdefault(name, free_port())
        env = {**self.env, "LINKWELL_DIRECTORY_URL": self.url("directory"),
               "LINKWELL_MATCHER_URL": self.url("matcher")}
        for name in names:
            config = "gunicorn_public.py" if name == "gateway" else "gunicorn_internal.py"
            count = (workers or {}).get(name, 1 if name == "gateway" else 3)
            command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / config),
                       "-b", f"127.0.0.1:{self.ports[name]}", f"linkwell.{name}:create_app()"]
            handle = self.log(name).open("ab")
            self.processes[name] = subprocess.Popen(
                command, env={**env, "LINKWELL_WORKERS": str(count)}, cwd=ROOT,
                stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        for name in names:
            self.wait_for(name)

    def log(self, name: str) -> Path:
        return self.logs / f"{name}.log"

    def wait_for(self, name: str, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                raise RuntimeError(f"{name} exited:\n{self.log(name).read_text()[-3000:]}")
            try:
                if timed("GET", self.url(name) + "/readyz")[0] == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{name} not ready in {seconds}s:\n{self.log(name).read_text()[-3000:]}")

    def signal(self, name: str, sig: signal.Signals) -> None:
        """Send ``sig`` to the service's master and workers (its process group)."""
        os.killpg(self.processes[name].pid, sig)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGCONT)
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def timed(method: str, url: str, **kwargs: Any) -> tuple[int, float, requests.Response | None]:
    """(status, seconds, response) of one call; status 0 when none came within 30 s."""
    began = time.monotonic()
    try:
        with requests.Session() as session:
            session.trust_env = False  # straight to 127.0.0.1, whatever proxy is configured
            response = session.request(method, url, timeout=30, **kwargs)
    except requests.RequestException:
        return 0, time.monotonic() - began, None
    return response.status_code, time.monotonic() - began, response


def api_key(stack: Stack) -> dict[str, str]:
    """Headers with a link worker's key: the anonymous limit (60 a minute) is too low here."""
    from linkwell.gateway.keys import KeyStore

    path = Path(stack.env["LINKWELL_DATA_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    _, secret = KeyStore(path / "gateway.sqlite3").create("fault tests", "link_worker")
    return {"X-API-Key": secret}


def load(stack: Stack, records: list[dict[str, Any]], feed: str = "faults",
         refresh: bool = True) -> dict[str, Any]:
    """Records into the directory as a feed sync sends them."""
    status, _, response = timed("POST", stack.url("directory") + "/assets",
                                json={"feed": feed, "records": records, "refresh": refresh},
                                headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and response is not None, response.text if response else status
    answer: dict[str, Any] = response.json()
    return answer
