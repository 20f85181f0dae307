"""The plugin contract. Each hook's docstring is its documentation for plugin authors.

A plugin is a module or object with functions named like these hooks and decorated with
``@linkwell.plugins.hookimpl``; a package makes it known through the ``linkwell`` entry-point
group, e.g. in its pyproject.toml::

    [project.entry-points.linkwell]
    lewisham = "linkwell_lewisham"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pluggy

PROJECT = "linkwell"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@dataclass(frozen=True)
class Feed:
    """A source of community assets: one borough's directory, one spreadsheet, one API.

    ``kind`` says how to read it (``oruk3``, ``oruk1``, ``csv``, or a kind a plugin adds);
    ``location`` is a URL or a file or folder path; ``options`` carry anything the reader
    needs (page size, credentials' names, a crosswalk file).
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

    ``source_id`` is the record's id in the feed (used for stable asset ids and reports);
    ``record`` is None when ``error`` says why the record could not be turned into a service.
    """

    source_id: str
    record: dict[str, Any] | None = None
    error: str | None = None
    field: str | None = None
    modified: str | None = None


@hookspec
def linkwell_feeds() -> list[Feed]:
    """Register feeds: return the feeds this plugin contributes.

    Called when a command or app needs the list of feeds; every plugin's answers are
    combined. Feed names must be unique across plugins (lower case, e.g. ``lewisham``).
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def linkwell_fetch(feed: Feed, modified_after: str | None) -> Iterable[FetchedRecord] | None:
    """Read a feed's records, converted to HSDS 3.0 services.

    Return None when this plugin does not read feeds of ``feed.kind``; the first plugin that
    returns an iterable wins. ``modified_after`` (an ISO 8601 timestamp or None) asks for
    only the records changed since then, where the source supports it; a reader that cannot
    filter returns everything. A record that cannot be converted is yielded with ``error``
    (and ``field`` where known), never raised, so the rest of the feed still goes in. An
    exception means the feed itself failed (unreachable, malformed page): the sync stops
    and reports it, keeping what it had written.
    """
    raise NotImplementedError


@hookspec
def linkwell_map_term(feed: Feed, term: dict[str, Any]) -> list[str] | None:
    """Map a source taxonomy term (an HSDS ``taxonomy_term`` object) to Linkwell concepts.

    Return the Linkwell concept ids or facet codes (``moving_more.walking``,
    ``audience:women_only``) the term means, an empty list to say it means nothing Linkwell
    knows, or None to leave it to other plugins. Answers from every plugin are combined;
    when no plugin answers, Linkwell matches the term's code, label and synonyms itself.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def linkwell_geocode(postcode: str) -> tuple[float, float] | None:
    """Find the latitude and longitude of a UK postcode.

    ``postcode`` is upper case with one space (``SE6 4RU``). Return (lat, lon), or None if
    this plugin does not know it; the first answer wins, so order geocoders from the most
    trusted (an offline ONS Postcode Directory) to the least.
    """
    raise NotImplementedError


@hookspec
def linkwell_adjust_record(feed: Feed, record: dict[str, Any]) -> dict[str, Any] | None:
    """Adjust an HSDS service record from ``feed`` before it is validated and indexed.

    Return a changed copy, or None to leave it as it is. Plugins are called in turn, each
    seeing the previous one's result. Use it to fix a feed's known quirks (a missing
    status, a borough's own field names); never to drop a record silently.
    """
    raise NotImplementedError
