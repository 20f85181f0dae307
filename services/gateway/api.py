"""The public API: search, one service, match, the taxonomy; all through the one door."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from linkwell.directory.api import SEARCH_ARGS, Parser
from linkwell.directory.schemas import (
    AssetResponseSchema,
    SearchResponseSchema,
    SuggestArgs,
    SuggestResponseSchema,
)
from linkwell.gateway.upstream import Upstream
from linkwell.match_schemas import MatchRequestSchema, MatchResponseSchema
from linkwell.taxonomy import load_taxonomy


class GatewayBlueprint(Blueprint):
    ARGUMENTS_PARSER = Parser()


# One instance of each: webargs builds a new schema per request from a class, deep-copying
# every field (SearchArgs has some forty), a millisecond of each search's time.
SUGGEST_ARGS = SuggestArgs()
MATCH_REQUEST = MatchRequestSchema()

blp = GatewayBlueprint("public", __name__, url_prefix="/api/v1",
                       description="Find community groups, peer support and activities")


def upstream(name: str) -> Upstream:
    found: Upstream = current_app.extensions["linkwell.upstreams"][name]
    return found


def relay(status: int, body: Any) -> Response:
    """A service's answer as the gateway's: its JSON bytes as they came (``Upstream.relay``),
    else the parsed JSON written again."""
    if isinstance(body, bytes):
        return current_app.response_class(body, status=status, mimetype=current_app.json.mimetype)  # type: ignore[attr-defined]
    response = jsonify(body)
    response.status_code = status
    return response


@blp.route("/services")
class Services(MethodView):
    @blp.arguments(SEARCH_ARGS, location="query", as_kwargs=False)
    @blp.alt_response(200, schema=SearchResponseSchema, description="Matching assets")
    def get(self, _args: dict[str, Any]) -> Response:
        """Search community assets (checked here, answered by the directory)."""
        return relay(*upstream("directory").relay("GET", "/services",
                                                  params=request.args.to_dict(flat=False)))


@blp.route("/suggest")
class Suggest(MethodView):
    @blp.arguments(SUGGEST_ARGS, location="query", as_kwargs=False)
    @blp.alt_response(200, schema=SuggestResponseSchema, description="Suggestions")
    def get(self, args: dict[str, Any]) -> Response:
        """Suggestions as people type: needs, activities and listings whose words start with
        what has been typed, exact starts of a label first, then the most listed."""
        params = {"q": args["q"], "limit": args["limit"]}
        if args.get("kind"):
            params["kind"] = ",".join(args["kind"])
        return relay(*upstream("directory").relay("GET", "/suggest", params=params))


@blp.route("/services/<string:asset_id>")
class Service(MethodView):
    @blp.alt_response(200, schema=AssetResponseSchema, description="One asset")
    def get(self, asset_id: str) -> Response:
        """One community asset, with when it was last confirmed."""
        return relay(*upstream("directory").relay("GET", f"/services/{asset_id}"))


@blp.route("/match")
class Match(MethodView):
    @blp.arguments(MATCH_REQUEST, as_kwargs=False)
    @blp.alt_response(200, schema=MatchResponseSchema, description="The shortlist, and why")
    def post(self, _body: dict[str, Any]) -> Response:
        """Rank community assets for a person and say why each fits (checked here, answered by
        the matcher, which is sent the body as it came)."""
        body = request.get_json(silent=True)
        return relay(*upstream("matcher").relay("POST", "/match", json=body))


class TaxonomySchema(Schema):
    version = fields.String()
    needs = fields.List(fields.Dict(), metadata={"description": "A tree: id, label, children"})
    activity_types = fields.List(fields.Dict())
    facets = fields.Dict(keys=fields.String(), values=fields.List(fields.Dict()))


@blp.route("/taxonomy")
class Taxonomy(MethodView):
    @blp.alt_response(200, schema=TaxonomySchema, description="The taxonomy")
    def get(self) -> Response:
        """Needs, activity types and facet values, with plain-English labels."""
        return jsonify(taxonomy_document())


def taxonomy_document() -> dict[str, Any]:
    tax = load_taxonomy()

    def node(concept_id: str) -> dict[str, Any]:
        concept = tax.concepts[concept_id]
        out: dict[str, Any] = {"id": concept.id, "label": concept.label,
                               "description": concept.description}
        if concept.safety_route:
            out["safety_route"] = True
        children = [node(c.id) for c in tax.children(concept_id)]
        if children:
            out["children"] = children
        return out

    return {
        "version": tax.version,
        "needs": [node(c.id) for c in tax.of_kind("need") if c.parent is None],
        "activity_types": [node(c.id) for c in tax.of_kind("activity") if c.parent is None],
        "facets": {name: [{"id": v.id, "label": v.label} for v in values.values()]
                   for name, values in tax.facets.items()},
    }
