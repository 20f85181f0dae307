"""Which referral store a deployment uses: PostgreSQL for a postgresql:// URL, else SQLite.

Apart from :mod:`.store` (the interface and the shared SQL), so that the base classes and the
two stores built on them import one way only: store <- sqlite_store, postgres_store <- stores.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linkwell.gateway.referrals.crypto import Sealer
from linkwell.gateway.referrals.settings import referrals_keys
from linkwell.gateway.referrals.sqlite_store import SQLiteStore
from linkwell.gateway.referrals.store import ReferralStore


def open_store(settings: dict[str, Any]) -> ReferralStore:
    """The configured store: PostgreSQL for a postgresql:// URL, else SQLite.

    Its tables are made on first use, so a database that is down does not stop a start-up.
    """
    sealer = Sealer(referrals_keys(settings))
    url = settings.get("REFERRALS_DATABASE_URL")
    store: ReferralStore
    if url and str(url).startswith(("postgresql://", "postgres://")):
        from linkwell.gateway.referrals.postgres_store import PostgresStore

        store = PostgresStore(str(url), sealer)
    else:
        path = str(url).removeprefix("sqlite:///") if url else None
        store = SQLiteStore(Path(path) if path else Path(settings["DATA_DIR"])
                            / "referrals.sqlite3", sealer)
    return store
