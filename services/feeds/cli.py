"""``linkwell feeds``: list the installed feeds, sync them, and see how the last sync went."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any, NoReturn

import click
import pluggy
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from linkwell.client import ServiceClient, service_client
from linkwell.config import ingest_token, settings
from linkwell.errors import EXIT_WRITES_REFUSED
from linkwell.feeds.state import Reject, RunRecord, SyncState
from linkwell.feeds.sync import FeedRun, FeedSync, quiet_directory_log, writes_refused_now
from linkwell.plugins.hookspecs import Feed
from linkwell.plugins.manager import PluginError, feeds, plugin_manager

console = Console(stderr=True, soft_wrap=True)
MAX_REJECTS_SHOWN = 50
COLUMNS = ("added", "updated", "unchanged", "rejected", "withdrawn")


@click.group("feeds")
def feeds_group() -> None:
    """Borough and group data feeds: list them, sync them, see what went in and what not."""


@feeds_group.command("list")
def list_command() -> None:
    """The feeds the installed plugins provide."""
    found = _feeds(_plugins(settings()))
    if not found:
        console.print("No feeds: install a borough's plugin (see docs/plugins.md).")
        return
    table = Table(title=f"{len(found)} feeds")
    for heading in ("Name", "Area", "Kind", "Location"):
        table.add_column(heading, overflow="fold")
    for feed in found.values():
        table.add_row(feed.name, feed.area, feed.kind, feed.location)
    Console(soft_wrap=True).print(table)


@feeds_group.command("sync")
@click.argument("names", nargs=-1)
@click.option("--all", "all_feeds", is_flag=True, help="Sync every installed feed.")
@click.option("--full", is_flag=True, help="Read everything and withdraw the assets a feed "
              "no longer lists (default: only what changed since the last complete run; a "
              "feed with nothing to resume from is always read whole).")
@click.option("--directory-url", envvar="LINKWELL_DIRECTORY_URL",
              help="A running directory service (default: the embedded one).")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 2000))
def sync_command(names: tuple[str, ...], all_feeds: bool, full: bool,
                 directory_url: str | None, batch_size: int) -> None:
    """Bring the directory in line with feeds: NAME..., or --all."""
    config = settings()
    pm = _plugins(config)
    chosen = _choose(_feeds(pm), names, all_feeds)
    from linkwell.geo.cli import load_plugin_postcodes_if_empty

    load_plugin_postcodes_if_empty(config, console)
    client = _client(config, directory_url)
    refused = writes_refused_now(client)
    if refused is not None:  # said now: a run with nothing to write would report "ok"
        cluster_refuses_writes("Nothing was synced", f"The feeds are not at fault. {refused}")
    state = SyncState(config["DATA_DIR"])
    with quiet_directory_log():
        runs = _sync_with_progress(pm, client, state, chosen, full, batch_size)
    print_summary(runs)
    if any(run.writes_refused for run in runs):
        cluster_refuses_writes("Syncing stopped", "The feeds are not at fault. "
                               + next(str(r.reason) for r in runs if r.writes_refused))
    sys.exit(1 if any(not run.ok for run in runs) else 0)


def cluster_refuses_writes(what: str, reason: object) -> NoReturn:
    """The cluster refuses every write: one operator error with its own exit code, nothing
    reported as done or rejected (``linkwell feeds sync`` and ``linkwell import``)."""
    console.print(f"[red]{what}: the search cluster refuses writes[/red]. {reason}")
    sys.exit(EXIT_WRITES_REFUSED)


@feeds_group.command("status")
@click.argument("names", nargs=-1)
def status_command(names: tuple[str, ...]) -> None:
    """Each feed's last sync: when, counts, rejects and unmapped terms."""
    config = settings()
    state = SyncState(config["DATA_DIR"])
    known = set(state.feeds()) | set(_feeds(_plugins(config)))
    wanted = sorted(set(names) or known)
    runs = {name: state.last_run(name) for name in wanted}
    out = Console(soft_wrap=True)
    out.print(_status_table(runs))
    for name, run in runs.items():
        if run is not None:
            _print_run_details(out, name, run, state.cursor(name))


def _plugins(config: Mapping[str, Any]) -> pluggy.PluginManager:
    try:
        return plugin_manager(config=config)
    except PluginError as exc:
        console.print(f"[red]A plugin stopped the start-up[/red]: {exc}")
        raise SystemExit(2) from exc


def _feeds(pm: pluggy.PluginManager) -> dict[str, Feed]:
    try:
        return dict(sorted(feeds(pm).items()))
    except PluginError as exc:
        console.print(f"[red]The feeds are not in order[/red]: {exc}")
        raise SystemExit(2) from exc


def _choose(found: dict[str, Feed], names: tuple[str, ...], all_feeds: bool) -> list[Feed]:
    if all_feeds:
        return list(found.values())
    if not names:
        raise click.UsageError("name the feeds to sync, or give --all")
    unknown = [n for n in names if n not in found]
    if unknown:
        raise click.UsageError(f"no feed named {', '.join(unknown)}; installed: "
                               f"{', '.join(found) or 'none'}")
    return [found[n] for n in dict.fromkeys(names)]


def _client(config: Mapping[str, Any], url: str | None) -> ServiceClient:
    from linkwell.directory import create_app

    return service_client("directory", config, url=url, embedded=create_app,
                          token=ingest_token(config), timeout=300, trust_env=True)


def _sync_with_progress(pm: pluggy.PluginManager, client: ServiceClient, state: SyncState,
                        chosen: list[Feed], full: bool, batch_size: int) -> list[FeedRun]:
    columns = (TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed} records"), TimeElapsedColumn())
    runs: list[FeedRun] = []
    with Progress(*columns, console=console) as progress:
        for feed in chosen:
            task = progress.add_task(f"Syncing {feed.name}", total=None)

            def advance(_: str, done: int, task: TaskID = task) -> None:
                progress.update(task, completed=done)

            run = FeedSync(pm, client, state, feed, full=full, batch_size=batch_size,
                           progress=advance).run()
            progress.update(task, total=max(run.read, 1), completed=max(run.read, 1))
            runs.append(run)
    return runs


def print_summary(runs: list[FeedRun]) -> None:
    """The summary table, then every reject and failure, named."""
    table = Table(title="Feed sync")
    for heading in ("Feed", "Run", "Status", *(c.capitalize() for c in COLUMNS)):
        table.add_column(heading, justify="left" if heading in ("Feed", "Run", "Status")
                         else "right")
    for run in runs:
        table.add_row(run.feed.name, "full" if run.full else "changes", _status_word(run.status),
                      *(str(run.counts.get(c, 0)) for c in COLUMNS))
    Console(soft_wrap=True).print(table)
    for run in runs:
        if run.geocoded:
            console.print(f"{run.feed.name}: {_count(run.geocoded, 'venue')} placed on the map "
                          "from their postcodes", highlight=False)
        _print_rejects(run.feed.name, run.rejects)
        if not run.ok:
            console.print(f"[red]{run.feed.name} failed[/red]: {run.reason}. What it wrote "
                          "before that is kept and nothing was withdrawn; run it again.")


def _print_rejects(feed: str, rejects: list[Reject]) -> None:
    for reject in rejects[:MAX_REJECTS_SHOWN]:
        name = f" ({reject.name})" if reject.name else ""
        console.print(f"  [yellow]rejected[/yellow] {feed} {reject.record_id}{name}: "
                      f"{reject.field}: {reject.reason}", highlight=False)
    if len(rejects) > MAX_REJECTS_SHOWN:
        console.print(f"  ... and {len(rejects) - MAX_REJECTS_SHOWN} more rejects: "
                      f"`linkwell feeds status {feed}` lists them all")


def _status_word(status: str) -> str:
    colour = {"ok": "green", "failed": "red", "interrupted": "red"}.get(status, "yellow")
    return f"[{colour}]{status}[/{colour}]"


def _status_table(runs: dict[str, RunRecord | None]) -> Table:
    table = Table(title="Feeds: last sync")
    for heading in ("Feed", "Last run", "Run", "Status", *(c.capitalize() for c in COLUMNS)):
        table.add_column(heading)
    for name, run in runs.items():
        if run is None:
            table.add_row(name, "never", "", "", *("" for _ in COLUMNS))
            continue
        table.add_row(name, _when(run.finished or run.started), "full" if run.full else "changes",
                      _status_word(run.status), *(str(run.counts.get(c, 0)) for c in COLUMNS))
    return table


def _print_run_details(out: Console, name: str, run: RunRecord, cursor: str | None) -> None:
    if run.reason:
        out.print(f"{name}: {run.status}: {run.reason}", highlight=False)
    if run.rejects:
        out.print(f"{name}: {len(run.rejects)} rejects in the last run", highlight=False)
        for reject in run.rejects:
            label = f" ({reject.name})" if reject.name else ""
            out.print(f"  rejected {name} {reject.record_id}{label}: {reject.field}: "
                      f"{reject.reason}", highlight=False)
    if run.unmapped:
        out.print(f"{name}: {len(run.unmapped)} terms map to nothing in Linkwell's taxonomy",
                  highlight=False)
        for taxonomy, code, term, records in run.unmapped:
            where = " ".join(x for x in (taxonomy, code) if x)
            out.print(f"  unmapped {term!r} ({where}): {_count(records, 'record')}",
                      highlight=False)
    if cursor:
        out.print(f"{name}: next incremental sync asks for changes after {cursor}",
                  highlight=False)


def _when(moment: str) -> str:
    return moment[:16].replace("T", " ")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
