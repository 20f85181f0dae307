"""Linkwell's plugin system: the contract (hookspecs) and the per-app plugin manager."""

from linkwell.plugins.hookspecs import Feed, FeedError, FetchedRecord, hookimpl, hookspec

__all__ = ["Feed", "FeedError", "FetchedRecord", "hookimpl", "hookspec"]
