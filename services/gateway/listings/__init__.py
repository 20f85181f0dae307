"""Groups claim and correct their own listings; the borough's data officer approves (item 2).

A group claims a listing by receiving a signed link at the listing's published email. Its
edits are proposals: the officer sees each as a diff and approves or rejects it with a
reason; an approved edit goes into the directory with provenance ``provider`` and the time,
and a later feed sync keeps it (``linkwell.directory.amend``).
"""

from __future__ import annotations

from flask import Flask

from linkwell.gateway.listings.store import ProposalStore


def init_app(app: Flask) -> None:
    ProposalStore.install(app)


def proposals() -> ProposalStore:
    return ProposalStore.current()
