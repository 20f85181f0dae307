"""'Tell us this is missing': needs that a search found nothing for, kept for the boroughs.

Kept in the gateway's SQLite file (beside the listing reports). Only the words searched and
the first half of a postcode (or an area's name) are stored, never who searched: no name, no
full postcode, no client address.
"""

from __future__ import annotations

import re
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import EXCLUDE, Schema, fields, validate

from linkwell.gateway.access import require_role
from linkwell.gateway.web.tables import GatewayTable
from linkwell.geo.postcode import district_of, normalise_postcode

MAX_WORDS = 300
SCHEMA = """
CREATE TABLE IF NOT EXISTS unmet_needs (id TEXT PRIMARY KEY, words TEXT NOT NULL,
    area TEXT NOT NULL DEFAULT '', created TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS unmet_needs_created ON unmet_needs (created);
"""


def coarse_area(near: str) -> str:
    """A full postcode cut to its first half; a district or place name kept; a point dropped
    (a point could find a home)."""
    text = " ".join(near.split())
    postcode = normalise_postcode(text)
    if postcode is not None:
        return district_of(postcode)
    return "" if re.search(r"\d+\.\d+", text) else text[:80]


class UnmetStore(GatewayTable):
    SCHEMA = SCHEMA
    EXTENSION = "linkwell.unmet"

    def add(self, words: str, near: str = "") -> dict[str, Any]:
        return self._insert("unmet_needs", {"words": " ".join(words.split())[:MAX_WORDS],
                                            "area": coarse_area(near)})

    def recent(self, limit: int = 500) -> list[dict[str, Any]]:
        return self._select("SELECT * FROM unmet_needs ORDER BY created DESC, id LIMIT ?",
                            (limit,))


def init_store(app: Any) -> None:
    UnmetStore.install(app)


def unmet() -> UnmetStore:
    return UnmetStore.current()


class UnmetRequestSchema(Schema):
    class Meta:
        unknown = EXCLUDE  # the page's form posts its other fields too

    words = fields.String(required=True, validate=validate.Length(min=1, max=MAX_WORDS),
                          metadata={"description": "What was searched for and not found"})
    near = fields.String(load_default="", validate=validate.Length(max=120), metadata={
        "description": "Where: a full postcode is kept only as its first half"})


class UnmetSchema(Schema):
    id = fields.String()
    words = fields.String()
    area = fields.String()
    created = fields.String()


class UnmetListSchema(Schema):
    unmet_needs = fields.List(fields.Nested(UnmetSchema))


api_blp = Blueprint("unmet", __name__, url_prefix="/api/v1",
                    description="Needs that a search found nothing for")


@api_blp.route("/unmet-needs")
class UnmetNeeds(MethodView):
    @api_blp.arguments(UnmetRequestSchema)
    @api_blp.response(201, UnmetSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Record a need nothing was found for (the words and the area only, never who)."""
        return unmet().add(body["words"], body.get("near", ""))

    @api_blp.response(200, UnmetListSchema)
    def get(self) -> dict[str, Any]:
        """Needs recorded as unmet, newest first (data officers and admins)."""
        require_role("data_officer", "admin")
        return {"unmet_needs": unmet().recent()}
