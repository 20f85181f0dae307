"""The contract every search backend keeps, and the query and result types they share."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from linkwell.directory.backends.names import Named
from linkwell.text import AnalysedQuery

SORTS = ("relevance", "distance", "blended", "name", "modified")
FACET_FIELDS = ("concepts", "delivery", "cost", "accessibility", "languages", "audience",
                "areas", "days", "feed")
MAX_RESULT_WINDOW = 10_000
# Document fields a hit can carry besides its summary (SearchQuery.fields).
HIT_FIELDS = ("sals", "last_modified", "record", "provenance")
STALE_FACTOR = 0.8  # a listing not confirmed for a year ranks lower, never hidden
# Blended ranking halves the relevance every DECAY_SCALE_KM beyond DECAY_OFFSET_KM.
DECAY_SCALE_KM = 2.0
DECAY_OFFSET_KM = 0.5
REMOTE_DELIVERY = ("online", "phone")


class BackendUnavailable(RuntimeError):
    """The search backend did not answer (down, unreachable, or timed out)."""


class WritesRefused(RuntimeError):
    """The cluster answers but refuses every write (a read-only block after a full disk, say):
    an operator's problem with a named cause and remedy, never a fault of the records."""

    def __init__(self, cause: str, remedy: str, block: str) -> None:
        super().__init__(f"{cause} What to do: {remedy}")
        self.cause = cause
        self.remedy = remedy
        self.block = block


@dataclass(frozen=True)
class BackendStatus:
    """What a background check found: can the backend be read, can it be written, and why not."""

    read: bool
    write: bool
    reason: str | None = None


@dataclass(frozen=True)
class GeoPoint:
    lat: float
    lon: float


@dataclass
class SearchQuery:
    """One search, already parsed and validated: every backend reads the same fields."""

    analysed: AnalysedQuery | None = None
    concepts: list[str] = field(default_factory=list)  # any of
    # Relevance gains the weight of each of these concepts an asset has (score = text + sum).
    concept_weights: dict[str, float] = field(default_factory=dict)
    near: GeoPoint | None = None
    within_km: float | None = None
    include_remote: bool = False  # with within_km: online and phone assets count as near
    windows: list[tuple[int, int]] = field(default_factory=list)  # minute-of-week, any overlap
    cost: list[str] = field(default_factory=list)  # any of
    age: int | None = None
    languages: list[str] = field(default_factory=list)  # any of
    accessibility: list[str] = field(default_factory=list)  # all of
    delivery: list[str] = field(default_factory=list)  # any of
    audience: list[str] = field(default_factory=list)  # any of
    areas: list[str] = field(default_factory=list)  # any of
    feeds: list[str] = field(default_factory=list)  # any of
    ids: list[str] = field(default_factory=list)  # restrict to these
    # Open Referral UK filters: each group is "has any of these term ids"; all groups hold.
    term_ids: list[list[str]] = field(default_factory=list)
    sal_ids: list[str] = field(default_factory=list)  # has any of these service_at_locations
    modified_after: str | None = None  # last_modified on or after (linkwell.openreferral stamp)
    minimum_age_at_least: float | None = None  # a stated minimum age (none counts as 0)
    maximum_age_at_most: float | None = None  # a stated maximum age (none: no upper limit)
    sessions_within: bool = False  # sessions must lie inside a window, not merely overlap it
    fields: list[str] = field(default_factory=list)  # document fields hits carry (see Hit)
    with_summary: bool = True  # False: hits carry an empty summary (cheaper long reads)
    statuses: list[str] = field(default_factory=lambda: ["active"])
    include_duplicates: bool = False  # True: every feed's listing of the same group
    stale_before: str = "0000-01-01"  # ISO date: last confirmed before this is stale
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    facets: bool = True
    # A quantised vector of linkwell.semantic: each hit says its cosine to it, and, without
    # words or concepts, the filtered assets that have a vector come nearest in meaning first.
    vector: Any = None

    @property
    def tokens(self) -> list[str]:
        return self.analysed.tokens if self.analysed else []

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def by_meaning(self) -> bool:
        """Ranked by nearness in meaning: a vector, and nothing else to rank by."""
        return (self.vector is not None and not self.tokens and not self.concept_weights
                and self.sort in ("relevance", "blended"))


@dataclass
class Hit:
    id: str
    score: float
    distance_km: float | None
    summary: dict[str, Any]
    fields: dict[str, Any] = field(default_factory=dict)  # as asked for in SearchQuery.fields
    similarity: float | None = None  # cosine to SearchQuery.vector, when one was given


@dataclass
class SearchPage:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class IndexItem:
    """One asset to write: its search document, the whole record and where it came from."""

    id: str
    version: int
    hash: str
    document: dict[str, Any]
    record: dict[str, Any]
    provenance: dict[str, Any]
    withdrawn: bool = False
    # What the backend will store, already encoded (see SearchBackend.packer): a bulk load
    # encodes in its worker processes, so large nested documents never cross between them.
    packed: bytes | None = None


@dataclass(frozen=True)
class Member:
    """One listing of a group that several feeds list (see linkwell.directory.duplicates)."""

    id: str
    name: str
    feed: str
    status: str
    withdrawn: bool
    last_confirmed: str | None
    duplicate_of: str | None


@dataclass
class StoredAsset:
    id: str
    version: int
    hash: str
    summary: dict[str, Any]
    record: dict[str, Any]
    provenance: dict[str, Any]
    withdrawn: bool


Rederive = Callable[[StoredAsset], IndexItem]


class SearchBackend(Protocol):
    """What the directory needs from a search engine."""

    name: str

    def setup(self) -> None:
        """Create the index or tables if they do not exist yet."""

    def ping(self) -> bool:
        """Whether the backend answers now."""

    def status(self) -> BackendStatus:
        """Whether it can be read and written now (run by the background check, not by
        requests); it may also repair what a dead bulk load left behind."""

    def bulk_load(self) -> AbstractContextManager[None]:
        """A context for large loads: the backend may trade freshness for speed inside it."""

    def packer(self) -> Callable[[IndexItem], IndexItem] | None:
        """A picklable function that encodes an item ahead of ``write``, or None.

        It runs in the bulk loader's worker processes, so it must not touch this object's
        connections; the item it returns keeps ``id``, ``version``, ``hash`` and ``packed``.
        """

    def fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[str, int, bool]]:
        """(hash, version, withdrawn) of the stored assets among ``ids``."""

    def write(self, items: list[IndexItem], refresh: bool = True) -> dict[str, str]:
        """Upsert assets; returns the reason for each id the backend refused."""

    def delete(self, ids: list[str], refresh: bool = True) -> int:
        """Remove assets for good; returns how many existed."""

    def withdraw(self, ids: list[str], refresh: bool = True) -> int:
        """Hide assets from search and from ``get`` answers, keeping them for audit.

        A later write of the same asset brings it back. Returns how many were withdrawn
        now (assets already withdrawn, or unknown, are not counted).
        """

    def get(self, asset_id: str) -> StoredAsset | None:
        """One stored asset, withdrawn or not."""

    def get_many(self, ids: list[str]) -> dict[str, StoredAsset]:
        """The stored assets among ``ids`` (withdrawn or not), in a few requests: unknown ids
        are left out."""

    def dup_keys(self, ids: Iterable[str]) -> dict[str, str]:
        """The duplicate key of each stored asset among ``ids``."""

    def shared_dup_keys(self) -> set[str]:
        """Every duplicate key that more than one stored asset has."""

    def marked_dup_keys(self) -> set[str]:
        """The duplicate key of every asset marked as a repeat or naming others it stands
        for (``also_listed``): the groups whose marks may be out of date."""

    def atomic(self) -> AbstractContextManager[None]:
        """Writes inside commit together where the backend can (SQLite); elsewhere a no-op,
        and a rerun's ``duplicates.reconcile`` repairs what a crash left half-done."""

    def duplicate_groups(self, keys: Iterable[str]) -> dict[str, list[Member]]:
        """The listings that share each key."""

    def mark_duplicates(self, marks: dict[str, tuple[str | None, list[dict[str, Any]]]]) -> None:
        """Set, per asset id, which listing it repeats (None: it is shown) and, for the one
        shown, the other listings (``also_listed`` in its summary)."""

    def search(self, query: SearchQuery) -> SearchPage:
        """Matching assets, one page, with facet counts over all matches."""

    def search_many(self, queries: list[SearchQuery]) -> list[SearchPage]:
        """Each query's page, as ``search`` would give it, asked together (one snapshot on
        SQLite, one round trip on Elasticsearch)."""

    def suggest_names(self, prefix: str, limit: int) -> list[Named]:
        """Listings searches show whose name, or organisation's name, has a word starting
        with ``prefix`` (folded, see ``names.prefix_of``): names starting with it first."""

    def generation(self) -> str:
        """A cheap token that changes whenever what searches see changes (caches key on it)."""

    def search_at(self, query: SearchQuery) -> tuple[str, SearchPage]:
        """``search``'s page with a ``generation`` no newer than the state the page shows
        (so an answer cached under it is never staler than its key says): on Elasticsearch
        both come from one request."""

    def ids(self, feed: str | None = None) -> set[str]:
        """Ids of all stored assets (of one feed), withdrawn ones included."""

    def vocabulary_stamp(self) -> Any:
        """A cheap value that changes whenever a listing is written, withdrawn or deleted."""

    def vocabulary(self) -> tuple[Any, dict[str, int]]:
        """The stamp, and how many listings (withdrawn ones left out) use each word of their
        documents' ``words``: the spelling vocabulary's source."""

    def rebuild(self, rederive: Rederive) -> int:
        """Re-derive every document into a fresh index and switch to it; searches keep working,
        and writes and deletes made meanwhile by others are kept."""

    def close(self) -> None:
        """Release connections."""


EARTH_RADIUS_KM = 6371.0088  # the mean radius Elasticsearch's arc distance uses


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, as Elasticsearch's arc distance computes it."""
    r = EARTH_RADIUS_KM
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def distance_decay(distance_km: float | None) -> float:
    """Elasticsearch's ``exp`` decay with the same scale and offset (1 where no distance)."""
    if distance_km is None:
        return 1.0
    return float(0.5 ** (max(0.0, distance_km - DECAY_OFFSET_KM) / DECAY_SCALE_KM))
