"""What deploy/ gives an operator parses, and its pieces point at each other correctly."""

from __future__ import annotations

import configparser
import importlib
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
APPS = {"directory": 8001, "matcher": 8002, "gateway": 8000}
DOCUMENTED = "\n".join(p.read_text(encoding="utf-8")
                       for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def gunicorn_command(argv: list[str]) -> tuple[str, int, str]:
    """(config file, port, app module) of a gunicorn command line, each checked to exist."""
    assert argv[0].endswith("gunicorn"), argv
    config = argv[argv.index("-c") + 1]
    port = int(argv[argv.index("-b") + 1].rsplit(":", 1)[1].split("}")[0].split("-")[-1])
    module, _, call = argv[-1].partition(":")
    assert call == "create_app()", argv
    assert (ROOT / "deploy" / Path(config).name).is_file(), config
    assert callable(importlib.import_module(module).create_app), module
    return Path(config).name, port, module


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    return data


def test_compose_runs_the_three_services_and_what_they_need() -> None:
    services = compose()["services"]
    assert set(services) == {*APPS, "elasticsearch", "postgres", "redis"}
    for name, port in APPS.items():
        config, bound, module = gunicorn_command(services[name]["command"])
        assert (bound, module) == (port, f"linkwell.{name}")
        assert config == ("gunicorn_public.py" if name == "gateway" else "gunicorn_internal.py")
    # Only the public door is published.
    assert [n for n, s in services.items() if s.get("ports")] == ["gateway"]
    assert services["gateway"]["ports"] == ["8000:8000"]
    for name, service in services.items():
        for needed in service.get("depends_on") or []:
            assert needed in services, (name, needed)


def test_compose_addresses_point_at_services_that_listen_there() -> None:
    services = compose()["services"]
    listening = {**APPS, "elasticsearch": 9200, "postgres": 5432, "redis": 6379}
    gateway = services["gateway"]["environment"]
    assert gateway["LINKWELL_RATE_LIMIT_STORAGE"].startswith("redis://")
    assert gateway["LINKWELL_REFERRALS_DATABASE_URL"].startswith("postgresql://")
    for name in APPS:
        env = services[name]["environment"]
        assert env["LINKWELL_SEARCH_BACKEND"] == "elasticsearch"
        for key, value in env.items():
            if not re.match(r"^(https?|redis|postgresql)://", str(value)):
                continue
            url = urlsplit(str(value))
            if url.hostname in ("127.0.0.1", "localhost"):
                continue  # the address people open, not a service
            assert url.hostname in listening, (name, key, value)
            assert url.port == listening[url.hostname], (name, key, value)
    postgres = services["postgres"]["environment"]
    database = urlsplit(gateway["LINKWELL_REFERRALS_DATABASE_URL"])
    assert (database.username, database.path.strip("/")) == (
        postgres["POSTGRES_USER"], postgres["POSTGRES_DB"])


def settings_named(text: str) -> set[str]:
    return set(re.findall(r"\b(LINKWELL_[A-Z_]+|ELASTICSEARCH_URL)\b", text))


def test_every_setting_the_deployment_sets_is_one_linkwell_documents() -> None:
    env_file = (DEPLOY / "linkwell.env.example").read_text(encoding="utf-8")
    used = settings_named(env_file) | {key for s in compose()["services"].values()
                                       for key in (s.get("environment") or {})
                                       if key.startswith("LINKWELL_")}
    assert {"LINKWELL_RATE_LIMIT_STORAGE", "LINKWELL_DIRECTORY_URL"} <= used
    assert sorted(name for name in used if not documented(name)) == []


def documented(name: str) -> bool:
    """Named in backticks, or as a family's `_SUFFIX` beside its first member."""
    if f"`{name}`" in DOCUMENTED:
        return True
    family, _, suffix = name.rpartition("_")
    return any(f"`{family}_" in line and f"`_{suffix}`" in line
               for line in DOCUMENTED.splitlines())


def test_the_procfile_starts_the_three_services() -> None:
    lines = [line for line in (DEPLOY / "Procfile").read_text().splitlines() if line.strip()]
    processes = dict(line.split(":", 1) for line in lines)
    assert set(processes) == set(APPS)
    for name, command in processes.items():
        _, port, module = gunicorn_command(shlex.split(command.replace("${PORT:-8000}", "8000")))
        assert (port, module) == (APPS[name], f"linkwell.{name}")


UNITS = sorted((DEPLOY / "systemd").glob("linkwell-*.service"))


@pytest.mark.parametrize("unit", UNITS, ids=lambda p: p.name)
def test_each_systemd_unit_runs_its_service(unit: Path) -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(unit)
    assert set(parser.sections()) == {"Unit", "Service", "Install"}
    service = parser["Service"]
    name = unit.stem.removeprefix("linkwell-")
    _, port, module = gunicorn_command(shlex.split(service["ExecStart"]))
    assert (port, module) == (APPS[name], f"linkwell.{name}")
    assert service["EnvironmentFile"] == "/etc/linkwell/linkwell.env"
    assert service["User"] != "root" and service["Restart"] == "on-failure"
    assert parser["Install"]["WantedBy"] == "linkwell.target"


def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (the parse test above still runs)")
    # verify insists the program exists: point the copies at one that does here.
    for unit in [*UNITS, DEPLOY / "systemd" / "linkwell.target"]:
        text = unit.read_text().replace("/opt/linkwell/venv/bin/gunicorn", sys.executable)
        (tmp_path / unit.name).write_text(text)
    result = subprocess.run([analyze, "verify", "--man=no", *sorted(map(str, tmp_path.iterdir()))],
                            capture_output=True, text=True, timeout=120)
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if line.strip() and "linkwell" in line]
    assert result.returncode == 0 and problems == [], result.stdout + result.stderr


def test_the_image_installs_linkwell_and_its_plugins() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert dockerfile.startswith("# ") and "\nFROM python:3.11" in dockerfile
    for copied in ("src", "services", "plugins", "deploy"):
        assert f"COPY {copied} {copied}" in dockerfile
    assert "USER linkwell" in dockerfile
