"""Feed administration for boroughs' data officers (their own feeds) and admins (all)."""

from __future__ import annotations

import threading
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask, Response, abort, current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import Api, Blueprint

from linkwell.client import ServiceClient
from linkwell.config import ingest_token
from linkwell.gateway.access import require_role
from linkwell.plugins.hookspecs import Feed
from linkwell.plugins.manager import feeds, plugin_manager
from linkwell.syncstate import RunRecord, SyncState

blp = Blueprint("feeds", __name__, url_prefix="/api/v1/feeds",
                description="Borough feeds: what went in, what was refused and why")


def init_app(app: Flask, api: Api) -> None:
    app.extensions["linkwell.feed_plugins"] = plugin_manager(config=app.config)
    app.extensions["linkwell.sync_state"] = SyncState(app.config["DATA_DIR"])
    api.register_blueprint(blp)


def _registered() -> dict[str, Feed]:
    return feeds(current_app.extensions["linkwell.feed_plugins"])


def _state() -> SyncState:
    state: SyncState = current_app.extensions["linkwell.sync_state"]
    return state


def _visible_feed(name: str) -> Feed:
    key = require_role("data_officer", "admin")
    feed = _registered().get(name)
    if feed is None:
        abort(404, f"No feed named {name}.")
    if not key.may_manage(name):
        abort(403, "This key may not manage that feed.")
    return feed


def _run_summary(run: RunRecord | None, detail: bool) -> dict[str, Any] | None:
    if run is None:
        return None
    out: dict[str, Any] = {"status": run.status, "reason": run.reason, "full": run.full,
                           "started": run.started, "finished": run.finished,
                           "counts": run.counts, "rejected": len(run.rejects),
                           "unmapped_terms": len(run.unmapped)}
    if detail:
        out["rejects"] = [asdict(r) for r in run.rejects]
        out["unmapped"] = [{"taxonomy": t, "code": c, "name": n, "count": k}
                           for t, c, n, k in run.unmapped]
    return out


def _describe(feed: Feed, detail: bool = False) -> dict[str, Any]:
    return {"name": feed.name, "area": feed.area, "kind": feed.kind, "title": feed.title,
            "last_run": _run_summary(_state().last_run(feed.name), detail)}


@blp.route("")
class Feeds(MethodView):
    def get(self) -> Response:
        """The feeds this key may manage, with their last sync."""
        key = require_role("data_officer", "admin")
        mine = [f for name, f in sorted(_registered().items()) if key.may_manage(name)]
        return jsonify({"feeds": [_describe(f) for f in mine]})


@blp.route("/<string:name>")
class OneFeed(MethodView):
    def get(self, name: str) -> Response:
        """One feed's last sync in full: counts, each refused record and unmapped terms."""
        return jsonify(_describe(_visible_feed(name), detail=True))


@blp.route("/<string:name>/sync")
class SyncFeed(MethodView):
    def post(self, name: str) -> tuple[Response, int]:
        """Start a sync of the feed now (``?full=true`` to withdraw what it no longer lists)."""
        feed = _visible_feed(name)
        if _running(_state().last_run(name)):
            abort(409, "A sync of this feed is already running.")
        full = request.args.get("full", "").lower() in ("1", "true", "yes")
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        threading.Thread(target=_sync_in_background, args=(app, feed, full),
                         name=f"sync-{name}", daemon=True).start()
        return jsonify({"feed": name, "status": "started", "full": full,
                        "status_url": f"/api/v1/feeds/{name}"}), 202


def _running(run: RunRecord | None) -> bool:
    """A run still marked running; one started over an hour ago was cut off, not running."""
    if run is None or run.status != "running":
        return False
    started = datetime.fromisoformat(run.started)
    return datetime.now(UTC) - started < timedelta(hours=1)


def _directory_writer(app: Flask) -> ServiceClient:
    """The directory, with the ingestion token: over HTTP, or the in-process sibling."""
    token = ingest_token(app.config)
    url = app.config.get("DIRECTORY_URL")
    if url:
        return ServiceClient(str(url), token=token, timeout=120)
    sibling = app.extensions["linkwell.siblings"]["directory"]
    return ServiceClient(app=sibling, token=token, timeout=120)


def _sync_in_background(app: Flask, feed: Feed, full: bool) -> None:
    from linkwell.sync import sync_feeds

    with app.app_context():
        pm = app.extensions["linkwell.feed_plugins"]
        state: SyncState = app.extensions["linkwell.sync_state"]
        sync_feeds(pm, _directory_writer(app), state, [feed], full=full)
