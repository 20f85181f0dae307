"""Feed administration for boroughs' data officers (their own feeds) and admins (all)."""

from __future__ import annotations

import threading
from dataclasses import asdict
from typing import Any

from flask import Flask, Response, abort, current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import Api, Blueprint
from marshmallow import Schema, fields

from linkwell.client import SIBLINGS, ServiceClient, service_client
from linkwell.config import ingest_token
from linkwell.feeds.state import FeedBusy, FeedLock, RunRecord, SyncState
from linkwell.gateway.access import KEYED, require_role
from linkwell.plugins.hookspecs import Feed
from linkwell.plugins.manager import feeds, plugin_manager

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


class RunSchema(Schema):
    status = fields.String(metadata={"description": "running, ok, failed or interrupted"})
    reason = fields.String(allow_none=True)
    full = fields.Boolean()
    started = fields.String()
    finished = fields.String(allow_none=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    rejected = fields.Integer()
    unmapped_terms = fields.Integer()
    rejects = fields.List(fields.Dict(), metadata={"description": "One feed's view only"})
    unmapped = fields.List(fields.Dict(), metadata={"description": "One feed's view only"})


class FeedSchema(Schema):
    name = fields.String()
    area = fields.String(allow_none=True)
    kind = fields.String()
    title = fields.String(allow_none=True)
    last_run = fields.Nested(RunSchema, allow_none=True)


class FeedListSchema(Schema):
    feeds = fields.List(fields.Nested(FeedSchema))


class SyncStartedSchema(Schema):
    feed = fields.String()
    status = fields.String(metadata={"description": "started"})
    full = fields.Boolean()
    status_url = fields.String()


@blp.route("")
class Feeds(MethodView):
    @blp.doc(security=KEYED)
    @blp.alt_response(200, schema=FeedListSchema, description="The feeds this key manages")
    def get(self) -> Response:
        """The feeds this key may manage, with their last sync."""
        key = require_role("data_officer", "admin")
        mine = [f for name, f in sorted(_registered().items()) if key.may_manage(name)]
        return jsonify({"feeds": [_describe(f) for f in mine]})


@blp.route("/<string:name>")
class OneFeed(MethodView):
    @blp.doc(security=KEYED)
    @blp.alt_response(200, schema=FeedSchema, description="The feed and its last sync")
    def get(self, name: str) -> Response:
        """One feed's last sync in full: counts, each refused record and unmapped terms."""
        return jsonify(_describe(_visible_feed(name), detail=True))


@blp.route("/<string:name>/sync")
class SyncFeed(MethodView):
    @blp.doc(security=KEYED)
    @blp.alt_response(202, schema=SyncStartedSchema, description="The sync has started")
    @blp.alt_response(409, description="A sync of this feed is already running")
    def post(self, name: str) -> tuple[Response, int]:
        """Start a sync of the feed now (``?full=true`` to withdraw what it no longer lists)."""
        feed = _visible_feed(name)
        try:  # the check and the claim in one step: of many requests at once, one starts
            held = _state().lock(name).acquire()
        except FeedBusy:
            abort(409, "A sync of this feed is already running.")
        full = request.args.get("full", "").lower() in ("1", "true", "yes")
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        try:
            threading.Thread(target=_sync_in_background, args=(app, feed, full, held),
                             name=f"sync-{name}", daemon=True).start()
        except BaseException:
            held.release()
            raise
        return jsonify({"feed": name, "status": "started", "full": full,
                        "status_url": f"/api/v1/feeds/{name}"}), 202


def _directory_writer(app: Flask) -> ServiceClient:
    """The directory, with the ingestion token: over HTTP, or the in-process sibling."""
    return service_client("directory", app.config, siblings=app.extensions[SIBLINGS],
                          token=ingest_token(app.config), timeout=120)


def _sync_in_background(app: Flask, feed: Feed, full: bool, held: FeedLock) -> None:
    from linkwell.feeds.sync import sync_feeds

    try:
        with app.app_context():
            pm = app.extensions["linkwell.feed_plugins"]
            state: SyncState = app.extensions["linkwell.sync_state"]
            sync_feeds(pm, _directory_writer(app), state, [feed], full=full, held=held)
    finally:
        held.release()  # the run releases it; this is for a failure before the run began
