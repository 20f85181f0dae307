"""The ``linkwell`` command: run everything on one machine, import data, look after the index."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from linkwell.client import ServiceClient, ServiceError, service_client
from linkwell.config import ingest_token, settings
from linkwell.directory.backends.base import BackendUnavailable, WritesRefused
from linkwell.errors import writes_refused
from linkwell.feeds.cli import cluster_refuses_writes, feeds_group
from linkwell.feeds.importer import (
    ImportFileError,
    ImportReport,
    RecordFile,
    feed_name_for,
    import_locally,
    import_records,
    open_records,
)
from linkwell.feeds.sync import writes_refused_now
from linkwell.gateway.referrals.cli import referrals
from linkwell.geo.cli import geo, load_plugin_postcodes_if_empty

console = Console(stderr=True, soft_wrap=True)


def directory_client(url: str | None) -> ServiceClient:
    """A client for the configured directory: over HTTP, or the embedded one in-process."""
    from linkwell.directory import create_app

    config = settings()
    return service_client("directory", config, url=url, embedded=create_app,
                          token=ingest_token(config), timeout=120, trust_env=True)


@click.group()
@click.version_option(package_name="linkwell")
def main() -> None:
    """Linkwell: community groups, peer support and activities, found and matched."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--demo/--no-demo", default=True, show_default=True,
              help="Load the demo boroughs' data when the directory is empty.")
@click.option("--workers", default=1, show_default=True, type=int)
def serve(host: str, port: int, demo: bool, workers: int) -> None:
    """Run the whole system on this machine (embedded SQLite unless configured otherwise)."""
    from linkwell.cli.server import build_site, run_gunicorn

    site, directory = build_site()
    load_plugin_postcodes_if_empty(directory.config, console)  # "SE6 4RU" works with no download
    if demo:
        from linkwell.cli.demo import load_demo_if_empty

        load_demo_if_empty(directory, console)
    console.print(f"Linkwell is running: http://{host}:{port}/ "
                  "(the API: /api/v1/services?q=walking)")
    run_gunicorn(site, host, port, workers)


@main.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--feed", help="Feed name the records belong to (default: from the file name).")
@click.option("--area", help="Borough or area the feed covers, e.g. Lewisham.")
@click.option("--directory-url", envvar="LINKWELL_DIRECTORY_URL",
              help="A running directory service (default: this machine's directory, loaded "
                   "directly).")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 2000))
@click.option("--concurrency", type=click.IntRange(1, 64),
              help="Batches in flight at once to a directory service (default 2), or worker "
                   "processes preparing records when loading directly (default: one a CPU, "
                   "up to 8).")
def import_command(paths: tuple[Path, ...], feed: str | None, area: str | None,
                   directory_url: str | None, batch_size: int, concurrency: int | None) -> None:
    """Load HSDS / Open Referral UK 3.0 services from JSON or newline-delimited JSON files."""
    try:
        load = _importer(directory_url, batch_size, concurrency)
    except BackendUnavailable as exc:
        console.print(f"[red]The directory's search backend did not answer[/red]: {exc}")
        raise SystemExit(2) from exc
    failed = False
    for path in paths:
        try:
            records = open_records(path)
        except (ImportFileError, OSError) as exc:
            console.print(f"[red]Could not read[/red] {exc}")
            failed = True
            continue
        report = _import_with_progress(load, records, feed or feed_name_for(path), area, path)
        _print_report(path, report)
        failed = failed or bool(report.counts["rejected"])
    sys.exit(1 if failed else 0)


Loader = Callable[[Iterator[tuple[str, Any]], str, str | None, Callable[[int], None]],
                  ImportReport]


def _importer(url: str | None, batch_size: int, concurrency: int | None) -> Loader:
    """How records get in: batches sent to the directory service at ``url`` (or the one
    configured), else this machine's backend loaded directly, as a bulk load."""
    url = url or settings().get("DIRECTORY_URL")
    if url:
        client = directory_client(url)
        _refuse_if(writes_refused_now(client))
        return lambda pairs, feed, area, progress: import_records(
            client, list(pairs), feed, area, batch_size, progress, concurrency or 2)
    from linkwell.directory import create_app

    backend = create_app().extensions["linkwell.backend"]
    found = backend.status()
    _refuse_if(found.reason if found.read and not found.write else None)
    return lambda pairs, feed, area, progress: import_locally(
        backend, pairs, feed, area, batch_size, progress, concurrency)


def _refused(reason: object) -> NoReturn:
    cluster_refuses_writes("Nothing more was imported", reason)


def _refuse_if(reason: str | None) -> None:
    """Before anything is read: a file with nothing new would otherwise import "unchanged"
    into a cluster that refuses every write, and say nothing of it."""
    if reason is not None:
        cluster_refuses_writes("Nothing was imported", reason)


def _import_with_progress(load: Loader, records: RecordFile, feed: str,
                          area: str | None, path: Path) -> ImportReport:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(f"Importing {path.name}", total=records.count)
        try:
            return load(records.pairs, feed, area, lambda n: progress.advance(task, n))
        except WritesRefused as exc:
            _refused(exc)
        except ServiceError as exc:
            if writes_refused(exc.status, exc.body):
                _refused(exc.body.get("message", str(exc)))
            console.print(f"[red]The directory refused the import[/red]: {exc}")
            raise SystemExit(2) from exc
        except BackendUnavailable as exc:
            console.print(f"[red]The directory's search backend did not answer[/red]: {exc}")
            raise SystemExit(2) from exc


def _print_report(path: Path, report: ImportReport) -> None:
    table = Table(title=f"{path.name}: {report.total} records")
    for name in report.counts:
        table.add_column(name.capitalize(), justify="right")
    table.add_row(*(str(v) for v in report.counts.values()))
    Console().print(table)
    for reject in report.rejected:
        name = reject.get("name") or reject.get("source_id") or ""
        label = f"{reject['where']}" + (f" ({name})" if name else "")
        for field_name, reasons in reject.get("errors", {}).items():
            console.print(f"  [yellow]rejected[/yellow] {label}: {field_name}: "
                          f"{'; '.join(map(str, reasons))}")


main.add_command(geo)
main.add_command(feeds_group)
main.add_command(referrals)


@main.group()
def directory() -> None:
    """Look after the directory's index."""


@directory.command()
@click.option("--directory-url", envvar="LINKWELL_DIRECTORY_URL")
def rebuild(directory_url: str | None) -> None:
    """Re-derive every asset into a fresh index and switch to it without downtime."""
    answer = directory_client(directory_url).post("/admin/rebuild", {})
    console.print(f"Rebuilt {answer['assets']} assets on {answer['backend']}.")


@main.group()
def keys() -> None:
    """API keys for partner sites, link workers, data officers and admins."""


def _key_store() -> Any:
    from linkwell.gateway.keys import KeyStore

    return KeyStore(Path(settings()["DATA_DIR"]) / "gateway.sqlite3")


@keys.command("create")
@click.option("--name", required=True, help="Who the key is for, e.g. 'Lewisham Council site'.")
@click.option("--role", required=True,
              type=click.Choice(["partner", "partner_server", "link_worker", "data_officer",
                                 "admin", "oruk_reader"]))
@click.option("--feed", "feeds", multiple=True, help="A feed a data officer may manage.")
@click.option("--origin", "origins", multiple=True,
              help="A website origin allowed to use the key, e.g. https://www.example.org.")
@click.option("--team", default="", help="A link worker key's practice or team: its referrals "
              "then show in that team's workspace, for the team's lead.")
def keys_create(name: str, role: str, feeds: tuple[str, ...], origins: tuple[str, ...],
                team: str) -> None:
    """Create a key; its secret is shown once and stored only as a hash."""
    if team and role != "link_worker":
        raise click.UsageError("--team is for a link_worker key only")
    if role == "data_officer" and not feeds:
        raise click.UsageError("a data officer's key needs at least one --feed")
    if role == "partner" and not origins:
        raise click.UsageError("a partner key works only from its website: give its --origin "
                               "(a partner's servers use a partner_server key)")
    key, secret = _key_store().create(name, role, feeds, origins, team)
    console.print(f"Created key {key.id} ({role}) for {name}. Keep this secret safe; it will "
                  "not be shown again:")
    click.echo(secret)


@keys.command("list")
def keys_list() -> None:
    """List keys (never their secrets)."""
    table = Table("id", "name", "role", "team", "feeds", "origins", "created", "revoked")
    for key in _key_store().all():
        table.add_row(key.id, key.name, key.role, key.team, ", ".join(key.feeds),
                      ", ".join(key.origins), key.created, key.revoked or "")
    Console().print(table)


@keys.command("revoke")
@click.argument("key_id")
def keys_revoke(key_id: str) -> None:
    """Revoke a key at once."""
    if not _key_store().revoke(key_id):
        raise click.ClickException(f"no live key with id {key_id}")
    console.print(f"Revoked {key_id}.")


@main.group()
def accounts() -> None:
    """Accounts for signing in on the pages: admins, data officers, groups, link workers."""


def _account_store() -> Any:
    from linkwell.gateway.accounts.store import AccountStore

    return AccountStore(Path(settings()["DATA_DIR"]) / "gateway.sqlite3")


@accounts.command("add")
@click.option("--email", required=True, help="The address sign-in links are sent to.")
@click.option("--role", required=True,
              type=click.Choice(["admin", "data_officer", "group", "link_worker", "lead"]))
@click.option("--borough", help="A data officer's borough (its feed name, e.g. lewisham).")
@click.option("--team", help="A link worker's or lead's team.")
@click.option("--listing", "listings", multiple=True, help="A listing id a group has claimed.")
def accounts_add(email: str, role: str, borough: str | None, team: str | None,
                 listings: tuple[str, ...]) -> None:
    """Add an account; its holder signs in with a link sent to the email."""
    from linkwell.gateway.accounts.store import AccountError

    try:
        account = _account_store().add(email, role, borough, team, listings)
    except AccountError as exc:
        raise click.UsageError(str(exc)) from exc
    console.print(f"Added {account.role} account {account.id} for {account.email}.")


@accounts.command("list")
def accounts_list() -> None:
    """List accounts and their scope."""
    table = Table("id", "email", "role", "borough", "team", "listings", "disabled")
    for a in _account_store().all():
        table.add_row(a.id, a.email, a.role, a.borough or "", a.team or "",
                      ", ".join(a.listings), a.disabled or "")
    Console().print(table)


@accounts.command("disable")
@click.option("--email", required=True)
def accounts_disable(email: str) -> None:
    """Disable an account and end its sessions at once."""
    if not _account_store().disable(email):
        raise click.ClickException(f"no live account for {email}")
    console.print(f"Disabled {email}.")


@main.group()
def confirmations() -> None:
    """Ask groups whether their listings are still right (issue 15)."""


@confirmations.command("send")
@click.option("--feed", "feed_names", multiple=True,
              help="A borough's feed to ask about (default: every registered feed).")
def confirmations_send(feed_names: tuple[str, ...]) -> None:
    """Ask about stale listings, send reminders, hand unanswered ones to officers (daily)."""
    from linkwell.gateway import confirmations as asking
    from linkwell.gateway import create_app
    from linkwell.gateway.feeds import _directory_writer
    from linkwell.plugins.manager import feeds

    app = create_app()
    with app.app_context():
        names = list(feed_names) or sorted(feeds(app.extensions["linkwell.feed_plugins"]))
        report = asking.send_due(app, _directory_writer(app), names)
    console.print(f"Asked {report.asked}, reminded {report.reminded}, handed "
                  f"{report.to_officer} to data officers; {report.sent} emails tried.")


@main.command("openapi")
def openapi_command() -> None:
    """Print the public API's OpenAPI document (docs/openapi.json is this, committed)."""
    import json
    import tempfile

    from linkwell.gateway import create_app

    with tempfile.TemporaryDirectory() as scratch:  # the document needs no real data
        app = create_app({"DATA_DIR": scratch, "TESTING": True})
        document = app.test_client().get("/api/openapi.json").get_json()
    click.echo(json.dumps(document, indent=2, sort_keys=True))
