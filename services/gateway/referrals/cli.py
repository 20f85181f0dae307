"""``linkwell referrals ...``: deliver, purge, report, and look after dead letters."""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import click
from rich.console import Console
from rich.table import Table

console = Console(stderr=True, soft_wrap=True)


def _service() -> Any:
    from linkwell.gateway.referrals import Referrals

    return Referrals()


@contextmanager
def _told_as_failure() -> Iterator[None]:
    """A referral the service refuses to touch fails the command, in the service's words."""
    from linkwell.gateway.referrals import ReferralError

    try:
        yield
    except ReferralError as exc:
        raise click.ClickException(exc.message) from exc


@click.group("referrals")
def referrals() -> None:
    """Referrals to groups: deliver them, erase old details, count them."""


@referrals.command()
@click.option("--once", is_flag=True, help="Deliver what is due now, then stop.")
def deliver(once: bool) -> None:
    """Deliver stored referrals, retrying with back-off (erases expired details first)."""
    from linkwell import logs

    logs.configure("referrals")
    service = _service()
    if once:
        erased = service.purge()
        tried = service.outbox().run_once()
        console.print(f"Tried {tried} referral(s); erased the details of {erased}.")
        return
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    console.print(f"Delivering referrals from the {service.store.name} store "
                  "(Ctrl+C to stop).")
    service.work(stop)


@referrals.command()
def purge() -> None:
    """Erase the personal details of referrals older than the retention period."""
    service = _service()
    erased = service.purge()
    days = service.settings["REFERRALS_RETENTION_DAYS"]
    console.print(f"Erased the details of {erased} referral(s) older than {days} days.")


@referrals.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats(as_json: bool) -> None:
    """Anonymous counts: by status, kind and feed, erasures, deliveries."""
    counts = _service().stats()
    if as_json:
        click.echo(json.dumps(counts, indent=2))
        return
    table = Table("what", "value", "count", title=f"{counts['total']} referrals")
    for group in ("status", "kind", "feed", "erased", "delivery"):
        for value, count in sorted(counts[group].items()):
            table.add_row(group, value, str(count))
    Console().print(table)


@referrals.command("dead-letters")
def dead_letters() -> None:
    """Referrals that could not be delivered (nothing personal is shown)."""
    letters = _service().dead_letters()
    table = Table(title=f"{len(letters)} undelivered referral(s)")
    table.add_column("reference", no_wrap=True, min_width=14)
    for name in ("listing", "feed", "attempts", "last error", "made"):
        table.add_column(name, overflow="fold")
    for letter in letters:
        made = datetime.fromtimestamp(letter.created, UTC).strftime("%Y-%m-%d %H:%M")
        table.add_row(letter.reference, f"{letter.asset_name} ({letter.asset_id})",
                      letter.feed, str(letter.attempts), letter.last_error, made)
    Console().print(table)


@referrals.command()
@click.argument("reference")
def retry(reference: str) -> None:
    """Try a dead-lettered referral again (after fixing its route, say)."""
    with _told_as_failure():
        done = _service().requeue(reference)
    if not done:
        raise click.ClickException(f"{reference} is not a dead letter")
    console.print(f"{reference} will be tried again by the next delivery run.")


@referrals.command()
@click.argument("reference")
def erase(reference: str) -> None:
    """Erase one referral's personal details now (the person asked)."""
    with _told_as_failure():
        referral = _service().erase(reference)
    console.print(f"Erased the details of {referral.reference}.")


@referrals.command("new-key")
def new_key() -> None:
    """Print a fresh key for LINKWELL_REFERRALS_KEY."""
    from linkwell.gateway.referrals.settings import new_key as make_key

    click.echo(make_key())
