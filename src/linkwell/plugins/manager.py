"""The plugin manager: built per app, never a module global."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import pluggy

from linkwell.plugins import hookspecs
from linkwell.plugins.hookspecs import PROJECT, Feed

# Every built-in plugin, in one list, registered the same way as third-party ones: a module
# path, or "module:Class" for a plugin made with the app's settings. Each names the plugin
# manager that loads it: "assets" (geocoders and feed readers: feeds, directory, matcher) or
# "referrals" (the deliverers: only the gateway's referral service, which imports them; the
# paths here are strings, so this contract still imports no service). Ask-order among
# geocoders comes from tryfirst/trylast on their hooks, not from this order.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("assets", "linkwell.geo.offline:OfflineGeocoder"),
    ("assets", "linkwell.geo.postcodes_io:PostcodesIoGeocoder"),
    ("assets", "linkwell.feeds.readers.oruk3"),
    ("assets", "linkwell.feeds.readers.oruk1"),
    ("assets", "linkwell.feeds.readers.spreadsheet"),
    ("referrals", "linkwell.gateway.referrals.smtp:SmtpDeliverer"),
    ("referrals", "linkwell.gateway.referrals.webhook:WebhookDeliverer"),
)


def builtin_plugins(manager: str) -> tuple[str, ...]:
    """The built-ins one plugin manager loads (``assets`` or ``referrals``), in list order."""
    return tuple(path for owner, path in BUILTIN_PLUGINS if owner == manager)


DEFAULT_PLUGINS: tuple[str, ...] = builtin_plugins("assets")


# As the directory's ingestion API accepts them (asset ids and sync state are keyed by it).
FEED_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,79}")


class PluginError(RuntimeError):
    """A plugin could not be loaded, or implements a hook that does not exist."""


def plugin_manager(allow: Sequence[str] | None = None,
                   builtins: Iterable[str] = DEFAULT_PLUGINS,
                   config: Mapping[str, Any] | None = None) -> pluggy.PluginManager:
    """A plugin manager with the built-ins and the installed ``linkwell`` entry points.

    ``allow`` limits the installed plugins to the named entry points (``lewisham``); by
    default it is the ``PLUGINS`` setting (``LINKWELL_PLUGINS``, comma-separated), and
    everything installed loads when that is unset. The built-ins always load, as datasette's
    do: they are part of Linkwell, and none acts unless a feed or a setting asks for it, so
    an allow-list naming only borough plugins still has the readers those feeds need.
    ``config`` is the settings mapping given to plugins that are classes (default:
    :func:`linkwell.config.settings`). Unknown hooks stop the start-up.
    """
    if config is None:
        from linkwell.config import settings

        config = settings()
    if allow is None:
        allow = allowed_plugins(config)
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    for path in builtins:
        pm.register(_instance(_import(path), config), name=path)
    _load_entry_points(pm, allow, config)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(str(exc)) from exc
    return pm


def allowed_plugins(config: Mapping[str, Any]) -> list[str] | None:
    """The ``PLUGINS`` allow-list as names, or None (load everything installed) when unset."""
    value = config.get("PLUGINS")
    if value is None or value == "":
        return None
    names = value.split(",") if isinstance(value, str) else list(value)
    return [str(name).strip() for name in names if str(name).strip()]


def _import(path: str) -> Any:
    import importlib

    module, _, attribute = path.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded


def _instance(plugin: Any, config: Mapping[str, Any]) -> Any:
    """A class-based plugin is made with the settings; a module is registered as it is."""
    return plugin(config) if isinstance(plugin, type) else plugin


def _load_entry_points(pm: pluggy.PluginManager, allow: Sequence[str] | None,
                       config: Mapping[str, Any]) -> None:
    from importlib.metadata import entry_points

    for ep in entry_points(group=PROJECT):
        if allow is not None and ep.name not in allow:
            continue
        if pm.get_plugin(ep.name) is not None:
            continue
        try:
            pm.register(_instance(ep.load(), config), name=ep.name)
        except Exception as exc:  # a broken plugin must name itself, not crash obscurely
            raise PluginError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc


def feeds(pm: pluggy.PluginManager) -> dict[str, Feed]:
    """Every registered feed by name; two plugins claiming one name is an error."""
    found: dict[str, Feed] = {}
    for answer in pm.hook.linkwell_feeds():
        for feed in answer or []:
            if not FEED_NAME.fullmatch(feed.name):
                raise PluginError(f"feed name {feed.name!r} is not allowed: use lower-case "
                                  "letters, digits, '-', '_' or '.' (at most 80), e.g. lewisham")
            if feed.name in found:
                raise PluginError(f"two plugins register a feed named {feed.name!r}")
            found[feed.name] = feed
    return found


def postcode_files(pm: pluggy.PluginManager) -> list[Path]:
    """Every postcode file the plugins ship (``linkwell_postcode_files``), in plugin order."""
    return [Path(path) for answer in pm.hook.linkwell_postcode_files() for path in answer or []]


def place_files(pm: pluggy.PluginManager) -> list[Path]:
    """Every place-name file the plugins ship (``linkwell_place_files``), in plugin order."""
    return [Path(path) for answer in pm.hook.linkwell_place_files() for path in answer or []]


def adjust_record(pm: pluggy.PluginManager, feed: Feed,
                  record: dict[str, Any]) -> dict[str, Any]:
    """``linkwell_adjust_record`` as a chain: each plugin sees the previous one's result.

    pluggy would give every plugin the same original record; a chain lets two plugins each
    fix one quirk of a feed. Plugins are asked in pluggy's usual order.
    """
    for impl in reversed(pm.hook.linkwell_adjust_record.get_hookimpls()):
        changed = cast("dict[str, Any] | None", impl.function(feed=feed, record=record))
        if changed is not None:
            record = changed
    return record
