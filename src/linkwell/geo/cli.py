"""``linkwell geo``: load the ONS Postcode Directory, and look postcodes up."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)

from linkwell.geo import Geocoded, geocode
from linkwell.geo.importer import PostcodeFileError, PostcodeImport, import_postcodes
from linkwell.geo.store import PostcodeStore, store_path

console = Console(stderr=True, soft_wrap=True)


@click.group()
def geo() -> None:
    """Postcodes: load the ONS Postcode Directory, look postcodes up."""


@geo.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True,
              help="Empty the postcode table first (in the same transaction).")
def import_command(paths: tuple[Path, ...], replace: bool) -> None:
    """Load ONS Postcode Directory (ONSPD / NSPL) or postcode,latitude,longitude CSV files.

    Download the ONSPD from the ONS Open Geography Portal and give its CSV (the single
    national file, or several per-area files). Rows without coordinates are skipped and
    counted; terminated postcodes are kept and marked.
    """
    from linkwell.config import settings

    store = PostcodeStore(store_path(settings()))
    failed = False
    for number, path in enumerate(paths):
        try:
            report = _import_with_progress(store, path, replace=replace and number == 0)
        except (PostcodeFileError, OSError) as exc:
            console.print(f"[red]Could not load[/red] {path}: {exc}. Nothing from it was loaded.")
            failed = True
            continue
        _print_report(report)
        failed = failed or report.loaded == 0
    console.print(f"The postcode table holds {store.count():,} postcodes ({store.path}).")
    sys.exit(1 if failed else 0)


@geo.command()
@click.argument("postcodes", nargs=-1, required=True)
def lookup(postcodes: tuple[str, ...]) -> None:
    """Say where postcodes are, asking the geocoders in turn (``linkwell geo lookup SE64RU``)."""
    from linkwell.plugins.manager import plugin_manager

    pm = plugin_manager()
    unknown = False
    for text in postcodes:
        answer = geocode(pm, text)
        if answer is None:
            console.print(f"{text}: not known")
            unknown = True
            continue
        click.echo(f"{_describe(text, answer)}")
    sys.exit(1 if unknown else 0)


def load_plugin_postcodes_if_empty(config: Mapping[str, Any], out: Console) -> int:
    """Load the plugins' postcode files when the table is empty; returns how many loaded.

    ``linkwell serve`` calls this so the demo boroughs geocode with no download. A broken
    file is reported and skipped; the server still starts.
    """
    from linkwell.plugins.manager import plugin_manager, postcode_files

    store = PostcodeStore(store_path(config))
    if store.count():
        return 0
    loaded = 0
    for path in postcode_files(plugin_manager(config=config)):
        try:
            loaded += import_postcodes(store, path).loaded
        except (PostcodeFileError, OSError) as exc:
            out.print(f"[yellow]Postcode file skipped[/yellow] {path}: {exc}")
    if loaded:
        out.print(f"Postcodes: loaded {loaded:,} from the installed plugins' files "
                  "(`linkwell geo import` loads the full ONS Postcode Directory).")
    return loaded


def _import_with_progress(store: PostcodeStore, path: Path, replace: bool) -> PostcodeImport:
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
               TransferSpeedColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(f"Loading {path.name}", total=path.stat().st_size)
        return import_postcodes(store, path, replace=replace,
                                progress=lambda done: progress.update(task, completed=done))


def _print_report(report: PostcodeImport) -> None:
    click.echo(f"{report.path.name} ({report.layout}): loaded {_count(report.loaded, 'postcode')}"
               f", {report.terminated:,} of them terminated; skipped "
               f"{_count(report.rejected_total, 'row')}.")
    for reason, count in report.rejected.most_common():
        click.echo(f"  skipped {count:,}: {reason}")
    for example in report.examples:
        click.echo(f"    {example}")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _describe(text: str, answer: tuple[float, float]) -> str:
    latitude, longitude = answer
    line = f"{text}: {latitude:.6f}, {longitude:.6f}"
    if isinstance(answer, Geocoded):
        line = f"{answer.postcode}: {latitude:.6f}, {longitude:.6f} ({answer.source}"
        line += f", terminated {answer.terminated})" if answer.terminated else ")"
    return line
