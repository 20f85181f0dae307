"""The directory's ingestion API: add, update, amend, withdraw and remove assets, and what a
data officer's tools read (every route needs the ingestion token)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Response, abort, request
from flask.views import MethodView

from linkwell.directory import amend, duplicates, ingest, quality
from linkwell.directory.api import DirectoryBlueprint, backend, require_ingest_token, suggester
from linkwell.directory.schemas import (
    AmendRequestSchema,
    AssetResponseSchema,
    DeleteRequestSchema,
    DeleteResponseSchema,
    FeedIdsArgs,
    FeedIdsResponseSchema,
    QualityArgs,
    QualityResponseSchema,
    RegroupResponseSchema,
    ResolveRequestSchema,
    StatusSchema,
    UpsertRequestSchema,
    UpsertResponseSchema,
    WithdrawRequestSchema,
    WithdrawResponseSchema,
)

ingest_blp = DirectoryBlueprint("ingestion", __name__, description="Add, update and remove "
                                "assets (needs the ingestion token)")


@ingest_blp.before_request
def _authorised() -> None:
    require_ingest_token()


@ingest_blp.after_request
def _changed(response: Response) -> Response:
    if request.method == "POST":  # a write, deletion, withdrawal or rebuild
        suggester().forget()
    return response


@ingest_blp.route("/assets")
class Assets(MethodView):
    @ingest_blp.arguments(UpsertRequestSchema)
    @ingest_blp.response(200, UpsertResponseSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Add or update a batch of HSDS 3.0 services (needs the ingestion token)."""
        fetched = body.get("fetched_at")
        outcomes = ingest.upsert(backend(), body["records"], body["feed"], body.get("area"),
                                 fetched.isoformat() if fetched else None, body["refresh"])
        return {"summary": ingest.tally(outcomes), "results": [o.as_dict() for o in outcomes]}


@ingest_blp.route("/assets/delete")
class AssetsDelete(MethodView):
    @ingest_blp.arguments(DeleteRequestSchema)
    @ingest_blp.response(200, DeleteResponseSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Remove assets for good (needs the ingestion token)."""
        with backend().atomic():
            keys = set(backend().dup_keys(body["ids"]).values())
            deleted = backend().delete(body["ids"], refresh=body["refresh"])
            duplicates.regroup(backend(), keys)  # a repeat of a deleted listing may now show
        return {"deleted": deleted}


@ingest_blp.route("/assets/amend")
class AssetsAmend(MethodView):
    @ingest_blp.arguments(AmendRequestSchema)
    @ingest_blp.response(200, AssetResponseSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """A person's change to one listing: confirmed, stopped, or an approved edit
        (needs the ingestion token; kept through feed syncs, see ``linkwell.directory.amend``)."""
        return _amended(body["id"], lambda: amend.amend(
            backend(), body["id"], body["changes"], body["by"], body["refresh"]))


@ingest_blp.route("/assets/resolve")
class AssetsResolve(MethodView):
    @ingest_blp.arguments(ResolveRequestSchema)
    @ingest_blp.response(200, AssetResponseSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """A data officer's choice where a feed sync and an approved change disagree: keep
        the provider's value or take the feed's (needs the ingestion token)."""
        return _amended(body["id"], lambda: amend.resolve(
            backend(), body["id"], body["field"], body["keep"], body["by"], body["refresh"]))


def _amended(asset_id: str, change: Callable[[], Any]) -> dict[str, Any]:
    """Make one change to a stored listing and answer with the listing as it now stands."""
    try:
        summary = change()
    except amend.AmendError as exc:
        abort(exc.status, exc.message if exc.status == 404 else str(exc))
    stored = backend().get(asset_id)
    assert stored is not None
    return {"id": stored.id, "summary": summary, "record": stored.record,
            "provenance": stored.provenance, "stale": False}


@ingest_blp.route("/assets/withdraw")
class AssetsWithdraw(MethodView):
    @ingest_blp.arguments(WithdrawRequestSchema)
    @ingest_blp.response(200, WithdrawResponseSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Withdraw assets a feed no longer lists: hidden, kept for audit (needs the token).

        Only the named feed's assets are touched; listing an asset again brings it back.
        """
        owned = backend().ids(body["feed"])
        ids = [i for i in dict.fromkeys(body["ids"]) if i in owned]
        with backend().atomic():
            withdrawn = backend().withdraw(ids, body["refresh"])
            duplicates.regroup_ids(backend(), ids)  # another feed's listing may show instead
        return {"feed": body["feed"], "withdrawn": withdrawn,
                "not_in_feed": [i for i in body["ids"] if i not in owned]}


@ingest_blp.route("/assets/regroup")
class AssetsRegroup(MethodView):
    @ingest_blp.response(200, RegroupResponseSchema)
    def post(self) -> dict[str, Any]:
        """Work out again every duplicate group that could be out of date (a sync ends with
        this, so a run killed half-way is made whole by the next; needs the token)."""
        return {"repeats": duplicates.reconcile(backend())}


@ingest_blp.route("/assets/ids")
class AssetIds(MethodView):
    @ingest_blp.arguments(FeedIdsArgs, location="query", as_kwargs=False)
    @ingest_blp.response(200, FeedIdsResponseSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Every asset id of one feed, withdrawn ones included (needs the ingestion token)."""
        ids = sorted(backend().ids(args["feed"]))
        return {"feed": args["feed"], "total": len(ids), "ids": ids}


@ingest_blp.route("/quality/listings")
class QualityListings(MethodView):
    @ingest_blp.arguments(QualityArgs, location="query", as_kwargs=False)
    @ingest_blp.response(200, QualityResponseSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """One feed's listings (every feed's without ``feed``) with what each lacks, for the
        data-quality page (needs the ingestion token)."""
        rows = quality.listing_rows(backend(), args.get("feed"))
        return {"feed": args.get("feed"), "total": len(rows), "listings": rows}


@ingest_blp.route("/admin/rebuild")
class Rebuild(MethodView):
    @ingest_blp.response(200, StatusSchema)
    def post(self) -> dict[str, Any]:
        """Re-derive every asset into a new index and switch to it with no downtime."""
        count = backend().rebuild(ingest.rederive)
        duplicates.regroup(backend(), backend().shared_dup_keys())  # marks are not re-derived
        return {"status": "rebuilt", "backend": backend().name, "assets": count}

