"""``linkwell geo``: load the ONS Postcode Directory and the gazetteers of place names, and
look postcodes and places up."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
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
from linkwell.geo.place_import import import_places, is_place_file
from linkwell.geo.placestore import PlaceStore
from linkwell.geo.store import PostcodeStore, store_path

console = Console(stderr=True, soft_wrap=True)


@click.group()
def geo() -> None:
    """Postcodes and places: load the ONS Postcode Directory and gazetteers, look them up."""


@geo.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True,
              help="Empty the postcode (or place) table first, in the same transaction.")
def import_command(paths: tuple[Path, ...], replace: bool) -> None:
    """Load postcode files and gazetteers of place names; each file's first line says which.

    Postcodes: the ONS Postcode Directory (ONSPD / NSPL) from the ONS Open Geography Portal
    (the national CSV, or several per-area files), or postcode,latitude,longitude files. Rows
    without coordinates are skipped and counted; terminated postcodes are kept and marked.

    Places ("Catford", "Kentish Town"): the ONS Index of Place Names CSV (IPN_GB_2024.csv),
    OS Open Names CSV files (the per-grid-square files under Data/, no header needed), or
    name,latitude,longitude files. Bad rows are skipped and reported by line.
    """
    from linkwell.config import settings

    path_of_store = store_path(settings())
    postcodes, places = PostcodeStore(path_of_store), PlaceStore(path_of_store)
    failed = False
    cleared: set[str] = set()
    for path in paths:
        kind = "places" if is_place_file(path) else "postcodes"
        try:
            report = _import_with_progress(postcodes, places, path, kind,
                                           replace=replace and kind not in cleared)
        except (PostcodeFileError, OSError) as exc:
            console.print(f"[red]Could not load[/red] {path}: {exc}. Nothing from it was loaded.")
            failed = True
            continue
        cleared.add(kind)
        _print_report(report, "place" if kind == "places" else "postcode")
        failed = failed or report.loaded == 0
    console.print(f"The postcode table holds {postcodes.count():,} postcodes and "
                  f"{places.count():,} place names ({path_of_store}).")
    sys.exit(1 if failed else 0)


@geo.command()
@click.argument("postcodes", nargs=-1, required=True)
def lookup(postcodes: tuple[str, ...]) -> None:
    """Say where postcodes, districts and places are (``linkwell geo lookup SE64RU Catford``).

    A full postcode is asked of the geocoders in turn; a district (SE6) or a place name is
    placed as the match and the search place it, with the words they would say.
    """
    from linkwell.geo.places import UnknownPostcode, place
    from linkwell.geo.postcode import normalise_postcode
    from linkwell.plugins.manager import plugin_manager

    pm = plugin_manager()
    unknown = False
    for text in postcodes:
        if normalise_postcode(text) is not None:
            answer = geocode(pm, text)
            if answer is None:
                console.print(f"{text}: not known")
                unknown = True
            else:
                click.echo(_describe(text, answer))
            continue
        try:
            found = place(pm, text)
        except UnknownPostcode as exc:
            console.print(f"{text}: {exc}")
            unknown = True
            continue
        if found.point is None:
            console.print(f"{text}: not known")
            unknown = True
            continue
        click.echo(f"{text}: {found.point[0]:.6f}, {found.point[1]:.6f} ({found.note})")
    sys.exit(1 if unknown else 0)


def load_plugin_postcodes_if_empty(config: Mapping[str, Any], out: Console) -> int:
    """Load the plugins' postcode files when the table is empty, and their place files when
    the place table is; returns how many postcodes loaded.

    ``linkwell serve`` calls this so the demo boroughs geocode with no download. A broken
    file is reported and skipped; the server still starts.
    """
    from linkwell.plugins.manager import plugin_manager, postcode_files

    pm = plugin_manager(config=config)
    load_plugin_places_if_empty(pm, config, out)
    return _load_if_empty(
        PostcodeStore(store_path(config)), postcode_files(pm), import_postcodes, out,
        "Postcode file", "Postcodes: loaded {:,} from the installed plugins' files "
        "(`linkwell geo import` loads the full ONS Postcode Directory).")


def load_plugin_places_if_empty(pm: Any, config: Mapping[str, Any], out: Console) -> int:
    from linkwell.plugins.manager import place_files

    return _load_if_empty(
        PlaceStore(store_path(config)), place_files(pm), import_places, out, "Place file",
        "Places: loaded {:,} place names from the installed plugins' files "
        "(`linkwell geo import` loads the ONS Index of Place Names or OS Open Names).")


def _load_if_empty(store: Any, paths: Iterable[Path], load: Callable[[Any, Path], Any],
                   out: Console, what: str, done: str) -> int:
    """A plugin-fed table filled from the plugins' files when empty; a bad file is skipped."""
    if store.count():
        return 0
    loaded = 0
    for path in paths:
        try:
            loaded += load(store, path).loaded
        except (PostcodeFileError, OSError) as exc:
            out.print(f"[yellow]{what} skipped[/yellow] {path}: {exc}")
    if loaded:
        out.print(done.format(loaded))
    return loaded


def _import_with_progress(postcodes: PostcodeStore, places: PlaceStore, path: Path, kind: str,
                          replace: bool) -> PostcodeImport:
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
               TransferSpeedColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(f"Loading {path.name}", total=path.stat().st_size)

        def advance(done: int) -> None:
            progress.update(task, completed=done)

        if kind == "places":
            return import_places(places, path, replace=replace, progress=advance)
        return import_postcodes(postcodes, path, replace=replace, progress=advance)


def _print_report(report: PostcodeImport, noun: str) -> None:
    line = f"{report.path.name} ({report.layout}): loaded {_count(report.loaded, noun)}"
    if noun == "postcode":
        line += f", {report.terminated:,} of them terminated"
    if report.left_out:
        line += f"; left out {_count(report.left_out, 'row')} that name no place people live in"
    click.echo(f"{line}; skipped {_count(report.rejected_total, 'row')}.")
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
