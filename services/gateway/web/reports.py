"""'Report a problem with this listing': stored in the gateway's SQLite, shown to the borough.

A report says what is wrong with a listing (a few fixed choices and optional words); it needs
no personal data and stores none: no name, no address, no client address.
"""

from __future__ import annotations

from typing import Any

from flask import abort
from flask.views import MethodView
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint
from marshmallow import EXCLUDE, Schema, fields, validate

from linkwell.gateway.access import require_role
from linkwell.gateway.web.tables import GatewayTable

# What people can say is wrong, in the order the form shows them.
# (Translated on the citizen's page; the borough's API answer says them in English.)
PROBLEMS = {
    "closed": _l("It has closed or stopped running"),
    "time": _l("The day or time is wrong"),
    "place": _l("The address or place is wrong"),
    "contact": _l("The phone number, email or website is wrong"),
    "cost": _l("The cost is wrong"),
    "other": _l("Something else"),
}
MAX_DETAILS = 1000

SCHEMA = """
CREATE TABLE IF NOT EXISTS listing_reports (
    id TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL,
    asset_name TEXT NOT NULL,
    feed TEXT NOT NULL,
    problem TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS listing_reports_feed ON listing_reports (feed, created);
"""


class ReportStore(GatewayTable):
    """Reports in the gateway's SQLite file (beside its API keys)."""

    SCHEMA = SCHEMA
    EXTENSION = "linkwell.reports"

    def add(self, asset_id: str, asset_name: str, feed: str, problem: str,
            details: str = "") -> dict[str, Any]:
        """Store one report; returns it as the API shows it."""
        if problem not in PROBLEMS:
            raise ValueError(f"problem must be one of {', '.join(PROBLEMS)}")
        return _public(self._insert("listing_reports", {
            "asset_id": asset_id, "asset_name": asset_name, "feed": feed, "problem": problem,
            "details": details.strip()[:MAX_DETAILS]}))

    def for_feeds(self, feeds: list[str] | None, limit: int = 500) -> list[dict[str, Any]]:
        """Newest first; ``None`` means every feed (admins)."""
        sql = "SELECT * FROM listing_reports"
        params: list[Any] = []
        if feeds is not None:
            sql += f" WHERE feed IN ({','.join('?' * len(feeds))})"
            params.extend(feeds)
        sql += " ORDER BY created DESC, id LIMIT ?"
        return [_public(row) for row in self._select(sql, [*params, limit])]


def _public(row: dict[str, Any]) -> dict[str, Any]:
    with force_locale("en"):
        label = str(PROBLEMS.get(row["problem"], row["problem"]))
    return {**row, "problem_label": label}


def init_store(app: Any) -> None:
    ReportStore.install(app)


def reports() -> ReportStore:
    return ReportStore.current()


class ReportsArgs(Schema):
    class Meta:
        unknown = EXCLUDE

    feed = fields.String(validate=validate.Length(min=1, max=80), metadata={
        "description": "The feed (borough) whose listings' reports to show; a data officer's "
                       "key may ask only for its own feeds"})


class ReportSchema(Schema):
    id = fields.String()
    asset_id = fields.String()
    asset_name = fields.String()
    feed = fields.String()
    problem = fields.String(metadata={"enum": list(PROBLEMS)})
    problem_label = fields.String()
    details = fields.String()
    created = fields.String()


class ReportsResponseSchema(Schema):
    reports = fields.List(fields.Nested(ReportSchema))


api_blp = Blueprint("reports", __name__, url_prefix="/api/v1",
                    description="Problems people have reported with listings")


@api_blp.route("/reports")
class Reports(MethodView):
    @api_blp.arguments(ReportsArgs, location="query")
    @api_blp.response(200, ReportsResponseSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Reported problems with listings, for the borough data officer (or an admin)."""
        key = require_role("data_officer", "admin")
        feed = args.get("feed")
        if feed and not key.may_manage(feed):
            abort(403, "This key may only see reports about its own feeds.")
        if feed:
            return {"reports": reports().for_feeds([feed])}
        return {"reports": reports().for_feeds(None if key.role == "admin" else list(key.feeds))}
