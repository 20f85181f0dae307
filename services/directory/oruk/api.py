"""The Open Referral UK 3.0 read API, under ``/openreferral``: nine GET endpoints.

Other directories (and Linkwell's own ``oruk3`` feed reader) read the directory here, page by
page, and keep up with ``modified_after``. Lists without ``search`` come oldest change first
(then by id), so paging is stable and what changes moves to the end. Withdrawn assets are
never shown; inactive, defunct and temporarily closed ones only when ``status`` asks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, NoReturn

import pluggy
from flask import Response, abort, current_app, request, url_for
from flask.views import MethodView
from werkzeug.exceptions import BadRequest

from linkwell.directory.api import DirectoryBlueprint, answers, backend, listed, remembered
from linkwell.directory.backends.base import (
    MAX_RESULT_WINDOW,
    GeoPoint,
    SearchQuery,
    StoredAsset,
    haversine_km,
)
from linkwell.directory.oruk import content
from linkwell.directory.oruk.schemas import (
    ApiDetailsSchema,
    PageArgs,
    ServiceArgs,
    ServiceAtLocationArgs,
    ServiceAtLocationPageSchema,
    ServicePageSchema,
    TaxonomyPageSchema,
    TaxonomyTermArgs,
    TaxonomyTermPageSchema,
    page_body,
)
from linkwell.directory.oruk.shapes import (
    STATUSES,
    ServiceAtLocationFullSchema,
    ServiceSchema,
    TaxonomySchema,
    TaxonomyTermSchema,
)
from linkwell.schedule import DAYS, MINUTES_PER_DAY
from linkwell.text import analyse_query, fold

ORUK_PREFIX = "/openreferral"
ORUK_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
PUBLISHED = ["record", "provenance"]

SERVICE_PAGE = ServicePageSchema()

oruk_blp = DirectoryBlueprint("openreferral", __name__, description=(
    "Open Referral UK 3.0: the directory for other directories to read (read only)"))


def plugins() -> pluggy.PluginManager:
    found: pluggy.PluginManager = current_app.extensions["linkwell.plugins"]
    return found


@oruk_blp.after_app_request
def _cors(response: Response) -> Response:
    """Any web page may read the open data: every answer under the prefix allows it."""
    if request.path == ORUK_PREFIX or request.path.startswith(ORUK_PREFIX + "/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "*"
    return response


@oruk_blp.route("/")
class Root(MethodView):
    @oruk_blp.response(200, ApiDetailsSchema)
    def get(self) -> dict[str, Any]:
        """Which version and profile of Open Referral this API speaks."""
        return {"version": ORUK_VERSION, "profile": PROFILE_URL,
                "openapi_url": url_for("openreferral.OpenApi", _external=True)}


@oruk_blp.route("/openapi.json")
class OpenApi(MethodView):
    def get(self) -> dict[str, Any]:
        """The OpenAPI document of this API alone."""
        api = current_app.extensions["flask-smorest"]["blp_name_to_api"]["openreferral"]
        spec: dict[str, Any] = api.spec.to_dict()
        paths = {path.removeprefix(ORUK_PREFIX) or "/": item
                 for path, item in spec.get("paths", {}).items()
                 if path.startswith(ORUK_PREFIX + "/")}
        server = url_for("openreferral.Root", _external=True).rstrip("/")
        return {**spec, "info": {"title": "Linkwell: Open Referral UK", "version": ORUK_VERSION},
                "servers": [{"url": server}], "paths": paths}


@oruk_blp.route("/services")
class Services(MethodView):
    @oruk_blp.arguments(ServiceArgs(), location="query", as_kwargs=False)
    @oruk_blp.response(200, SERVICE_PAGE)
    def get(self, args: dict[str, Any]) -> Response:
        """Services, a page at a time, with each one's own fields and its organisation."""
        def render() -> dict[str, Any]:
            query = replace(service_query(args), fields=PUBLISHED)
            found = answers().search(query)
            contents = [content.service(_stored(h.id, h.summary, h.fields), full=False)
                        for h in found.hits]
            dumped: dict[str, Any] = SERVICE_PAGE.dump(
                page_body(contents, found.total, args["page"], args["per_page"]))
            return dumped

        # Sync readers and validators ask the same pages over and over: each is kept whole
        # until the index changes (the schema's dump included, as the decorator would do).
        return remembered(render)


@oruk_blp.route("/services/<string:service_id>")
class Service(MethodView):
    @oruk_blp.response(200, ServiceSchema)
    def get(self, service_id: str) -> dict[str, Any]:
        """One service, with everything about it."""
        return content.service(listed(service_id, "service"), full=True)


@oruk_blp.route("/service_at_locations")
class ServiceAtLocations(MethodView):
    @oruk_blp.arguments(ServiceAtLocationArgs(), location="query", as_kwargs=False)
    @oruk_blp.response(200, ServiceAtLocationPageSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Services at their places, a page at a time; nearest first given a postcode."""
        near = geocode(args["postcode"]) if args.get("postcode") else None
        within_km = args["proximity"] / 1000 if "proximity" in args else None
        query = replace(service_query(args), near=near, within_km=within_km)
        places = gather_places(query)
        start = (args["page"] - 1) * args["per_page"]
        shown = places[start:start + args["per_page"]]
        assets = fetch_assets(p.asset_id for p in shown)
        contents = [content.service_at_location(assets[p.asset_id], p.id, full=False)
                    for p in shown if p.asset_id in assets]
        return page_body([c for c in contents if c], len(places), args["page"],
                         args["per_page"])


@oruk_blp.route("/service_at_locations/<string:sal_id>")
class ServiceAtLocation(MethodView):
    @oruk_blp.response(200, ServiceAtLocationFullSchema)
    def get(self, sal_id: str) -> dict[str, Any]:
        """One service at one place, with everything about both."""
        found = backend().search(SearchQuery(sal_ids=[sal_id], statuses=list(STATUSES),
                                             include_duplicates=True, sort="name",
                                             per_page=1, facets=False, fields=PUBLISHED))
        published = None
        if found.hits:
            hit = found.hits[0]
            published = content.service_at_location(_stored(hit.id, hit.summary, hit.fields),
                                                     sal_id, full=True)
        if published is None:
            abort(404, f"No service_at_location with id {sal_id}.")
        return published


@oruk_blp.route("/taxonomies")
class Taxonomies(MethodView):
    @oruk_blp.arguments(PageArgs(), location="query", as_kwargs=False)
    @oruk_blp.response(200, TaxonomyPageSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Linkwell's taxonomies: needs and activities, and facets."""
        return _page(list(content.taxonomies()), args)


@oruk_blp.route("/taxonomies/<string:taxonomy_id>")
class Taxonomy(MethodView):
    @oruk_blp.response(200, TaxonomySchema)
    def get(self, taxonomy_id: str) -> dict[str, Any]:
        """One taxonomy, with all its terms."""
        for taxonomy in content.taxonomies():
            if taxonomy["id"] == taxonomy_id:
                terms = [t for t in content.taxonomy_terms() if t["taxonomy_id"] == taxonomy_id]
                return {**taxonomy, "taxonomy_terms": terms}
        abort(404, f"No taxonomy with id {taxonomy_id}.")


@oruk_blp.route("/taxonomy_terms")
class TaxonomyTerms(MethodView):
    @oruk_blp.arguments(TaxonomyTermArgs(), location="query", as_kwargs=False)
    @oruk_blp.response(200, TaxonomyTermPageSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """The terms of Linkwell's taxonomies, broader terms before narrower ones."""
        return _page([t for t in content.taxonomy_terms() if _term_matches(t, args)], args)


@oruk_blp.route("/taxonomy_terms/<string:term_id>")
class TaxonomyTerm(MethodView):
    @oruk_blp.response(200, TaxonomyTermSchema)
    def get(self, term_id: str) -> dict[str, Any]:
        """One taxonomy term."""
        for term in content.taxonomy_terms():
            if term["id"] == term_id:
                return dict(term)
        abort(404, f"No taxonomy term with id {term_id}.")


def service_query(args: dict[str, Any]) -> SearchQuery:
    """The backend query for the filters ``/services`` and ``/service_at_locations`` share."""
    analysed = analyse_query(args["search"]) if args.get("search") else None
    groups = [list(args["taxonomy_term_id"])] if args.get("taxonomy_term_id") else []
    if args.get("taxonomy_id"):
        groups.append([t for taxonomy in args["taxonomy_id"]
                       for t in content.taxonomy_term_ids(taxonomy)])
    # Every feed's record is published: other directories keep their own provenance.
    return SearchQuery(
        include_duplicates=True, analysed=analysed, term_ids=groups,
        windows=session_windows(args), sessions_within=True,
        minimum_age_at_least=args.get("minimum_age"),
        maximum_age_at_most=args.get("maximum_age"), modified_after=args.get("modified_after"),
        statuses=list(args["status"]),
        sort="relevance" if analysed and analysed.tokens else "modified",
        page=args["page"], per_page=args["per_page"], facets=False)


def session_windows(args: dict[str, Any]) -> list[tuple[int, int]]:
    """Minute-of-week windows (inclusive) a session must lie inside: day, start and end."""
    days, start, end = args.get("day") or [], args.get("start_time"), args.get("end_time")
    if not days and start is None and end is None:
        return []
    low = start or 0
    high = MINUTES_PER_DAY if end is None else end
    indexes = [DAYS.index(d) for d in days] if days else range(len(DAYS))
    return [(i * MINUTES_PER_DAY + low, i * MINUTES_PER_DAY + high - 1) for i in indexes]


def geocode(postcode: str) -> GeoPoint:
    """Where a postcode is, through the geocoder plugins; a 400 naming it if nobody knows."""
    answer = plugins().hook.linkwell_geocode(postcode=postcode)
    if answer is None:
        bad_request("postcode", f"{postcode} is not a postcode this directory can place on "
                                "the map")
    return GeoPoint(float(answer[0]), float(answer[1]))


def bad_request(field: str, message: str) -> NoReturn:
    """A 400 in the shared error shape that names ``field``, as a bad parameter gets."""
    error = BadRequest()
    error.data = {"messages": {field: [message]}}  # type: ignore[attr-defined]
    raise error


@dataclass(frozen=True)
class Place:
    """One service_at_location found: whose it is, and how far from the postcode asked."""

    id: str
    asset_id: str
    distance_km: float | None


def gather_places(query: SearchQuery) -> list[Place]:
    """Every service_at_location of the matching assets, in the order they are listed.

    A service_at_location list pages over places, not assets, so each request reads the
    places (not the records) of the matching assets, as deep as a search can page, and
    pages over those. With a postcode each place is measured on its own: an asset's far
    venue is not listed as near because its other venue is.
    """
    scan = replace(query, page=1, per_page=MAX_RESULT_WINDOW, fields=["sals"],
                   with_summary=False)
    near, within = query.near, query.within_km
    found: list[Place] = []
    for hit in backend().search(scan).hits:
        for point in hit.fields.get("sals") or []:
            distance = (haversine_km(near.lat, near.lon, point["lat"], point["lon"])
                        if near and "lat" in point else None)
            if within is None or (distance is not None and distance <= within):
                found.append(Place(point["id"], hit.id, distance))
    if near:  # nearest first; places with no map position last; otherwise as listed
        found.sort(key=lambda p: (p.distance_km is None, p.distance_km or 0.0))
    return found


def fetch_assets(ids: Iterable[str]) -> dict[str, StoredAsset]:
    """The stored assets with these ids (not withdrawn), in one backend request."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    found = backend().search(SearchQuery(ids=wanted, statuses=list(STATUSES), sort="name",
                                         include_duplicates=True,
                                         per_page=len(wanted), facets=False, fields=PUBLISHED))
    return {h.id: _stored(h.id, h.summary, h.fields) for h in found.hits}


def _stored(asset_id: str, summary: dict[str, Any], fields: dict[str, Any]) -> StoredAsset:
    return StoredAsset(asset_id, 0, "", summary, fields["record"], fields.get("provenance") or {},
                       False)


def _page(items: list[dict[str, Any]], args: dict[str, Any]) -> dict[str, Any]:
    start = (args["page"] - 1) * args["per_page"]
    return page_body(items[start:start + args["per_page"]], len(items), args["page"],
                     args["per_page"])


def _term_matches(term: dict[str, Any], args: dict[str, Any]) -> bool:
    if args.get("taxonomy_id") and term["taxonomy_id"] not in args["taxonomy_id"]:
        return False
    if args.get("parent_id") and term.get("parent_id") != args["parent_id"]:
        return False
    if args["top_only"] and "parent_id" in term:
        return False
    words = fold(args.get("search") or "")
    text = fold(f"{term['name']} {term['description']} {term['term']}")
    return all(w in text for w in words.split())
