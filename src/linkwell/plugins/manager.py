"""The plugin manager: built per app, never a module global."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pluggy

from linkwell.plugins import hookspecs
from linkwell.plugins.hookspecs import PROJECT, Feed

# Built-in plugins, registered the same way as third-party ones (module paths).
DEFAULT_PLUGINS: tuple[str, ...] = ()


class PluginError(RuntimeError):
    """A plugin could not be loaded, or implements a hook that does not exist."""


def plugin_manager(allow: Sequence[str] | None = None,
                   builtins: Iterable[str] = DEFAULT_PLUGINS) -> pluggy.PluginManager:
    """A plugin manager with the built-ins and the installed ``linkwell`` entry points.

    ``allow`` limits loading to the named plugins (entry-point names or built-in module
    paths); None loads everything installed. Unknown hooks stop the start-up.
    """
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    for path in builtins:
        if allow is None or path in allow:
            pm.register(_import(path), name=path)
    _load_entry_points(pm, allow)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(str(exc)) from exc
    return pm


def _import(path: str) -> Any:
    import importlib

    return importlib.import_module(path)


def _load_entry_points(pm: pluggy.PluginManager, allow: Sequence[str] | None) -> None:
    from importlib.metadata import entry_points

    for ep in entry_points(group=PROJECT):
        if allow is not None and ep.name not in allow:
            continue
        if pm.get_plugin(ep.name) is not None:
            continue
        try:
            pm.register(ep.load(), name=ep.name)
        except Exception as exc:  # a broken plugin must name itself, not crash obscurely
            raise PluginError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc


def feeds(pm: pluggy.PluginManager) -> dict[str, Feed]:
    """Every registered feed by name; two plugins claiming one name is an error."""
    found: dict[str, Feed] = {}
    for answer in pm.hook.linkwell_feeds():
        for feed in answer or []:
            if feed.name in found:
                raise PluginError(f"two plugins register a feed named {feed.name!r}")
            found[feed.name] = feed
    return found
