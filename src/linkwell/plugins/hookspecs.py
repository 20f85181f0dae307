"""The plugin contract. Each hook's docstring is its documentation for plugin authors.

A plugin is a module or object with functions named like these hooks and decorated with
``@linkwell.plugins.hookimpl``; a package makes it known through the ``linkwell`` entry-point
group, e.g. in its pyproject.toml::

    [project.entry-points.linkwell]
    lewisham = "linkwell_lewisham"

A plugin that needs the deployment's settings (a data directory, a URL, a key) is a class
instead: the plugin manager makes one instance per app, ``Plugin(config)``, where ``config``
is the settings mapping (``DATA_DIR``, ``POSTCODES_IO_URL``, ...), and registers that
instance; its methods are the hooks. The built-in geocoders are written this way, e.g.
``linkwell.geo.offline:OfflineGeocoder``. Nothing is read from the environment at import time.

Where several plugins answer a ``firstresult`` hook, the one asked first wins. pluggy asks the
most recently registered plugin first (the installed entry points come after the built-ins),
except that ``@hookimpl(tryfirst=True)`` is asked before the others and
``@hookimpl(trylast=True)`` after them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

PROJECT = "linkwell"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@dataclass(frozen=True)
class Feed:
    """A source of community assets: one borough's directory, one spreadsheet, one API.

    ``name`` is short and lower case (``tower-hamlets``: letters, digits, ``-``, ``_``, ``.``;
    at most 80 characters), unique across plugins and never changed: asset ids and sync state
    are keyed by it. ``area`` is the borough or area it covers, as people write it
    (``Tower Hamlets``). ``kind`` says how to read it (``oruk3``, ``oruk1``, ``csv``, or a
    kind a plugin adds); ``location`` is a URL or a file or folder path; ``options`` carry
    anything the reader needs (``per_page``, ``timeout``, ``retries``, a crosswalk file).
    """

    name: str
    area: str
    kind: str
    location: str
    title: str = ""
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class FetchedRecord:
    """One record read from a feed: an HSDS 3.0 service, or the reason it could not be read.

    ``source_id`` is the record's id in the feed (kept as provenance and named in reports;
    a spreadsheet row that cannot be read is named by its row number). ``record`` is None
    when ``error`` says why the record could not be turned into a service, and ``field``
    which field (or column) was at fault, where known. ``modified`` is the record's last
    change in the source (ISO 8601), used as the feed's incremental cursor. ``listed_id``
    is the id the unreadable record has in the feed when ``source_id`` is something else
    (a row number): a full sync then keeps that listing's earlier version instead of
    withdrawing it, because the feed still lists it.
    """

    source_id: str
    record: dict[str, Any] | None = None
    error: str | None = None
    field: str | None = None
    modified: str | None = None
    listed_id: str | None = None


class FeedError(RuntimeError):
    """A feed as a whole could not be read (unreachable, a page that is not JSON).

    Raise it from ``linkwell_fetch`` with a message a data officer can act on; the sync
    reports it, keeps everything it had written in that run and withdraws nothing.
    """


@hookspec
def linkwell_feeds() -> list[Feed]:
    """Register feeds: return the feeds this plugin contributes (a list of :class:`Feed`).

    Called when a command or app needs the list of feeds (``linkwell feeds list``, a sync,
    the demo load); every plugin's answers are combined. Feed names must be unique across
    plugins: two plugins claiming one name stop the start-up. Return an empty list, not
    None, when a plugin has no feeds to offer in this deployment.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def linkwell_fetch(feed: Feed, modified_after: str | None) -> Iterable[FetchedRecord] | None:
    """Read a feed's records, converted to HSDS 3.0 services.

    Return None when this plugin does not read feeds of ``feed.kind``; the first plugin that
    returns an iterable (usually a generator of :class:`FetchedRecord`) wins. The built-in
    readers answer for ``oruk3``, ``oruk1`` and ``csv``. ``modified_after`` (an ISO 8601
    timestamp or None) asks for only the records changed since then, where the source
    supports it; a reader that cannot filter returns everything, which is always safe.
    Yield every record the feed lists, each once: on a full sync, assets the feed no longer
    lists are withdrawn. A record that cannot be converted is yielded with ``error`` (and
    ``field`` where known), never raised, so the rest of the feed still goes in. An
    exception (best a :class:`FeedError`) means the feed itself failed (unreachable, a
    malformed page): the sync stops and reports it, keeps what it had written and
    withdraws nothing.
    """
    raise NotImplementedError


@hookspec
def linkwell_map_term(feed: Feed, term: dict[str, Any]) -> list[str] | None:
    """Map a source taxonomy term (an HSDS ``taxonomy_term`` object) to Linkwell concepts.

    ``term`` has the source's ``code``, ``name`` and ``taxonomy`` (the vocabulary, such as
    ``esdServiceTypes``) where the feed gave them. Return the Linkwell concept ids or facet
    codes (``moving_more.walking``, ``audience:women_only``) the term means, an empty list
    to say it means nothing Linkwell knows, or None to leave it to other plugins. Answers
    from every plugin are combined, and ids Linkwell does not know are ignored; when no
    plugin answers, Linkwell matches the term's identifier (a concept id, or an LGA/esd
    service type id), label and synonyms itself. Terms that map to nothing are reported
    per feed (``linkwell feeds status``). Called once per distinct term in a sync.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def linkwell_geocode(postcode: str) -> tuple[float, float] | None:
    """Find the latitude and longitude of a UK postcode.

    ``postcode`` is upper case with one space before the last three characters (``SE6 4RU``);
    callers normalise what people type with ``linkwell.geo.normalise_postcode``. Return
    (latitude, longitude) in WGS84 degrees, or None if this plugin does not know it. A
    ``linkwell.geo.Geocoded`` is such a pair that also says which source answered and whether
    the postcode is terminated (terminated postcodes should still be answered: old addresses
    use them). The first answer wins, so geocoders go from the most trusted to the least: the
    built-in offline ONS Postcode Directory is ``tryfirst``, the built-in postcodes.io client
    (only on where ``POSTCODES_IO_URL`` is set) is ``trylast``, and a plugin's own geocoder
    comes between them unless it marks itself too. Never raise for a postcode you cannot
    place, and time out quickly: a person is waiting.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def linkwell_locate_area(area: str) -> tuple[float, float] | None:
    """Find the middle of an area a person names instead of a full postcode.

    ``area`` is a postcode sector (``SE6 4``), a postcode district (``SE6``) or a place name
    as the person typed it (``Catford``). Return (latitude, longitude) in WGS84 degrees of
    somewhere central to it, or None if this plugin does not know it. It is asked only where
    no geocoder knows a full postcode, or where the person gave no full postcode: the matcher
    and the search then measure distances from that point and say so. The built-in offline
    geocoder answers sectors and districts from the middle of the postcodes it holds, and place
    names from the gazetteers imported with ``linkwell geo import`` or shipped through
    ``linkwell_place_files``; a borough's plugin may answer the place names its residents use.
    Return a ``linkwell.geo.Located`` (a pair that also carries the place's ``name``,
    ``area`` and ``source``) to have the person told which place was used. The first answer
    wins; never raise, and answer quickly.
    """
    raise NotImplementedError


@hookspec
def linkwell_postcode_files() -> list[Path]:
    """Postcode files this plugin ships, for deployments that have loaded no postcodes yet.

    Return paths to CSV files in the simple layout (a ``postcode,latitude,longitude`` header,
    then one postcode a line) or the ONS Postcode Directory layout (``pcds``, ``lat``,
    ``long``, ``doterm``). Every plugin's files are combined. ``linkwell serve`` loads them
    into the offline postcode table only when it is empty, so a demo or a small borough works
    with no download; importing the ONS Postcode Directory later overwrites the postcodes
    both list.
    """
    raise NotImplementedError


@hookspec
def linkwell_place_files() -> list[Path]:
    """Place-name files this plugin ships, for deployments that have loaded no places yet.

    Return paths to CSV files in a layout ``linkwell geo import`` reads: the ONS Index of
    Place Names, OS Open Names, or a simple ``name,latitude,longitude`` file (an ``area``
    column optional) naming the places a borough's residents use ("Catford", "Ladywell").
    Every plugin's files are combined. ``linkwell serve`` loads them into the offline place
    table only when it is empty, so a person can type a place name with no download;
    importing a gazetteer later adds to them.
    """
    raise NotImplementedError


@hookspec
def linkwell_adjust_record(feed: Feed, record: dict[str, Any]) -> dict[str, Any] | None:
    """Adjust an HSDS service record from ``feed`` before it is validated and indexed.

    Called for every record of every feed, before its terms are mapped. Return a changed
    copy, or None to leave it as it is. Plugins are called in turn, each seeing the previous
    one's result (:func:`linkwell.plugins.manager.adjust_record` does the chaining). Check
    ``feed.name`` and leave other feeds' records alone. Use it to fix a feed's known quirks
    (a missing status, a borough's own field names); never to drop a record silently. If it
    raises, that record is rejected with the reason and the rest of the feed goes in.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def linkwell_deliver_referral(delivery: Any) -> Any | None:
    """Pass one referral to a group: the person's details, and links to accept or decline.

    ``delivery`` is a :class:`linkwell.gateway.referrals.model.ReferralDelivery`. Its ``target`` is
    already resolved from the listing (its published email) or from the routes configured per feed
    or asset: ``kind`` (``email``, ``webhook`` or your own), ``address``, ``secret`` and
    ``options``. Return None when this plugin does not deliver ``target.kind``; the first plugin
    that returns a :class:`~linkwell.gateway.referrals.model.DeliveryReceipt` wins. The built-in
    email (SMTP) and signed-webhook deliverers are ``trylast``, so a plugin can take over either
    kind.

    Delivery is at least once; make it exactly once for the group by passing
    ``delivery.idempotency_key`` on (the same on every retry of one referral: the email's
    Message-ID, a webhook's ``Idempotency-Key`` header). Raise
    :class:`~linkwell.gateway.referrals.model.DeliveryFailed` to be retried later with back-off, or
    :class:`~linkwell.gateway.referrals.model.PermanentDeliveryError` when retrying cannot help;
    after repeated failures a referral is shown to admins, never dropped. Exception messages are
    shown to admins: never put the person's details in them, nor log the details.
    """
    # Typed Any: the delivery's classes belong to the gateway, and this contract imports no
    # service (tests/shared/test_layout.py). Implementations annotate with the real classes.
    raise NotImplementedError
