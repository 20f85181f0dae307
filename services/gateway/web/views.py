"""The link worker's pages: what matters, search, one listing, the shortlist and its sheet.

Every page is plain HTML forms answered on the server, so the whole flow works with JavaScript
off; static/js/linkwell.js only adds the shortlist in the browser and the map.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response as BaseResponse

from linkwell import distances
from linkwell.errors import Unavailable
from linkwell.gateway.upstream import Upstream
from linkwell.gateway.web import forms, i18n
from linkwell.gateway.web.present import map_points, option
from linkwell.gateway.web.reports import MAX_DETAILS, PROBLEMS, reports
from linkwell.gateway.web.unmet import unmet
from linkwell.taxonomy import load_taxonomy

bp = Blueprint("web", __name__)


def upstream(name: str) -> Upstream:
    found: Upstream = current_app.extensions["linkwell.upstreams"][name]
    return found


def page(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
    """Render a page with what every page needs (the shortlist ids, the map settings)."""
    context.setdefault("shortlist", forms.shortlist_ids(request.values.get("shortlist")))
    context.setdefault("map_tiles", current_app.config.get("MAP_TILES_URL") or "")
    context.setdefault("map_attribution", current_app.config.get("MAP_TILES_ATTRIBUTION") or "")
    context.update(i18n.page_context(template))
    return render_template(template, **context), status


def _match_form_context(form: dict[str, Any] | None = None,
                        errors: dict[str, list[str]] | None = None) -> dict[str, Any]:
    unit = distances.unit(current_app.config.get("DISTANCE_UNIT"))
    return {"form": form or {}, "errors": errors or {}, "need_groups": forms.need_choices(),
            "travel_choices": forms.travel_choices(unit), "distance_unit": unit,
            "times": forms.TIMES, "days": _days(), "delivery_choices": forms.DELIVERY,
            "languages": [(code, i18n.language_label(code)) for code in forms.LANGUAGES]}


def _days() -> list[tuple[str, str]]:
    """Each day's key and its name in the page's language (Monday first, as DAYS is)."""
    from babel import Locale

    from linkwell.schedule import DAYS

    names = Locale.parse(i18n.current()).days["format"]["wide"]
    return [(d, str(names[i]).capitalize()) for i, d in enumerate(DAYS)]


@bp.get("/")
def index() -> tuple[str, int]:
    """The start page: "What matters to you?" and a plain search box."""
    return page("index.html", **_match_form_context())


@bp.get("/match")
def match_get() -> BaseResponse:
    # Matching is a POST (the person's words stay out of addresses and history).
    return redirect("/", code=303)


@bp.post("/match")
def match_post() -> tuple[str, int]:
    """Options for a person, with why each fits; the form comes back filled in."""
    form, errors = forms.read_match_form(request.form)
    if errors and i18n.switching():  # the switcher re-sent an unfinished form: no scolding
        return page("match.html", **_match_form_context(form))
    if errors:
        return page("match.html", 400, **_match_form_context(form, errors))
    asked = forms.match_request(form)
    try:
        status, body = upstream("matcher").call("POST", "/match", json=asked)
    except Unavailable:
        return page("match.html", 503, unavailable=True, **_match_form_context(form))
    if status == 400:
        api_errors = forms.form_errors_from_api(body.get("errors") or {})
        return page("match.html", 400, **_match_form_context(form, api_errors or {
            "about": [str(body.get("message") or gettext("Please check the form"))]}))
    if status != 200:
        return page("match.html", 503, unavailable=True, **_match_form_context(form))
    _record_unmet(asked, body, form)
    options = [option(r) for r in body.get("results") or []]
    place = (body.get("understood") or {}).get("location") or {}
    return page("match.html", options=options, points=map_points(options),
                understood=_understood(body.get("understood") or {}),
                understood_own=_understood_own(body.get("understood") or {}),
                spelling=(body.get("understood") or {}).get("spelling") or [],
                place_note=place.get("note"),
                safety=body.get("safety"), **_match_form_context(form))


def _record_unmet(asked: dict[str, Any], answer: dict[str, Any], form: dict[str, Any]) -> None:
    """A need that nothing within the person's reach offers, for the team report's unmet
    needs: the taxonomy's label and the postcode's first half only (web/unmet.py)."""
    from linkwell.gateway.referrals.report import unmet_from_match

    if i18n.switching():  # the language switcher re-sent a form already counted
        return
    need = unmet_from_match(asked, answer)
    if need is not None:
        unmet().add(need, str(form.get("postcode") or ""))


def _understood(understood: dict[str, Any]) -> list[str]:
    tax = load_taxonomy()
    found = [*(understood.get("needs") or []), *(understood.get("interests") or [])]
    # Either list may hold concept ids or plain words: show a person the plain label.
    return list(dict.fromkeys(tax.label(str(c)) if str(c) in tax.concepts else str(c)
                              for c in found))


RIGHT_TO_LEFT = frozenset({"ar", "ur", "fa", "ps", "he", "yi"})


def _understood_own(understood: dict[str, Any]) -> dict[str, Any] | None:
    """What was understood in the person's own language, where they wrote in another."""
    language = (understood.get("language") or {}).get("code")
    labels = (understood.get("labels") or {}).get(language) if language != "en" else None
    if not labels:
        return None
    return {"lang": language, "dir": "rtl" if language in RIGHT_TO_LEFT else "ltr",
            "labels": list(dict.fromkeys(str(x) for x in labels))}


@bp.get("/search")
def search() -> tuple[str, int]:
    """The directory search, with filters and how many options each would leave."""
    params = forms.search_params(request.args)
    chosen = {name: set(params.get(name, "").split(",")) for name in forms.FACET_PARAMS.values()}
    context: dict[str, Any] = {"q": params.get("q", ""), "chosen": chosen, "errors": {},
                               "page_url": lambda n: _page_url(params, n),
                               "travel_km": forms.TRAVEL_KM, "params": params}
    try:
        status, body = upstream("directory").call("GET", "/services", params=params)
    except Unavailable:
        return page("search.html", 503, unavailable=True, **context)
    if status == 400:
        return page("search.html", 400, **{**context, "errors": body.get("errors") or {}})
    options = [option(r) for r in body.get("results") or []]
    return page("search.html", options=options, points=map_points(options), body=body,
                facets=_facets(body.get("facets") or {}),
                spelling=(body.get("understood") or {}).get("spelling"),
                as_typed_url=_search_url(params, q=str(
                    ((body.get("understood") or {}).get("spelling") or {}).get("typed", "")),
                    as_typed="true"),
                offers=_offers(params, body.get("alternatives")), **context)


def _page_url(params: dict[str, str], number: int) -> str:
    return _search_url(params, page=str(number))


def _search_url(params: dict[str, str], **changes: str | None) -> str:
    """The search page's address for ``params`` with ``changes`` (None drops a parameter)."""
    from urllib.parse import urlencode

    shortlist = forms.shortlist_ids(request.args.get("shortlist"))
    extra = {"shortlist": ",".join(shortlist)} if shortlist else {}
    query = {k: v for k, v in params.items() if k not in ("page", "per_page")}
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return "/search?" + urlencode({**query, **extra})


def _offers(params: dict[str, str], alternatives: dict[str, Any] | None) -> dict[str, Any]:
    """What a search that found nothing offers, each with the address that shows it."""
    if not alternatives:
        return {}
    offers: dict[str, Any] = {"text": alternatives.get("text", ""), "links": []}
    wider = alternatives.get("wider")
    if wider:
        km = f"{wider['within_km']:g}"
        offers["links"].append((wider["text"], f"Show what is within {km} km",
                                _search_url(params, within_km=km)))
    online = alternatives.get("online")
    if online:
        offers["links"].append((online["text"], "Show online and phone options",
                                _search_url(params, delivery="online,phone", near=None,
                                            within_km=None)))
    offers["related"] = [(f"{r['label']} ({r['total']})",
                          _search_url(params, q=None, as_typed=None, concept=r["id"]))
                         for r in alternatives.get("related") or []]
    return offers


@bp.post("/search/unmet")
def search_unmet() -> tuple[str, int]:
    """'Tell us this is missing': the words and the area only (see web/unmet.py)."""
    words = " ".join(request.form.get("q", "").split())[:300]
    if words:
        unmet().add(words, request.form.get("near", ""))
    return page("search.html", recorded=bool(words), q=words, chosen={}, errors={},
                page_url=lambda n: "", travel_km=forms.TRAVEL_KM, params={})


FACET_TITLES = {"concepts": _l("Type of activity"), "cost": _l("Cost"),
                "delivery": _l("How it happens"), "accessibility": _l("Access"),
                "audience": _l("Who it is for"), "areas": _l("Area"), "days": _l("Day"),
                "languages": _l("Languages spoken")}


def _facets(facets: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    out = []
    for name, title in FACET_TITLES.items():
        buckets = facets.get(name) or []
        if name == "concepts":  # top-level activity types keep the list short
            buckets = [b for b in buckets if "." not in b["value"]]
        if name == "days":  # the day's name in the page's language
            names = dict(_days())
            buckets = [{**b, "label": names.get(b["value"], b.get("label"))} for b in buckets]
        if buckets:
            out.append({"name": forms.FACET_PARAMS[name], "id": name, "title": title,
                        "buckets": [{**b, "label": b.get("label") or b["value"].capitalize()}
                                    for b in buckets[:12]]})
    return out


def fetch_asset(asset_id: str) -> dict[str, Any] | None:
    """One asset from the directory (its summary, record and provenance), or None."""
    status, body = upstream("directory").call("GET", f"/services/{asset_id}")
    return body if status == 200 else None


@bp.get("/services/<string:asset_id>")
def listing(asset_id: str) -> tuple[str, int]:
    """One listing in full, with 'Report a problem'."""
    found = fetch_asset(asset_id) if forms.valid_asset_id(asset_id) else None
    if found is None:
        abort(404)
    item = option({**found["summary"], "id": found["id"], "stale": found.get("stale")})
    return page("listing.html", item=item, points=map_points([item]))


@bp.errorhandler(404)
def not_found(_exc: Exception) -> tuple[str, int]:
    return page("not_found.html", 404)


@bp.route("/services/<string:asset_id>/report", methods=["GET", "POST"])
def report(asset_id: str) -> tuple[str, int]:
    """'Report a problem with this listing': a few choices and optional words, nothing personal."""
    found = fetch_asset(asset_id) if forms.valid_asset_id(asset_id) else None
    if found is None:
        abort(404)
    context: dict[str, Any] = {"item": option({**found["summary"], "id": found["id"]}),
                               "problems": PROBLEMS, "errors": {}, "chosen": "", "details": ""}
    if request.method == "GET":
        return page("report.html", **context)
    chosen = request.form.get("problem", "")
    details = request.form.get("details", "").strip()
    errors = {}
    if i18n.switching():  # the language switcher: the form again, nothing sent yet
        return page("report.html", **{**context, "chosen": chosen, "details": details})
    if chosen not in PROBLEMS:
        errors["problem"] = [gettext("Choose what is wrong")]
    if len(details) > MAX_DETAILS:
        errors["details"] = [gettext("Please keep this under %(n)s characters",
                                     n=format(MAX_DETAILS, ","))]
    if errors:
        return page("report.html", 400, **{**context, "errors": errors, "chosen": chosen,
                                           "details": details})
    feed = (found.get("provenance") or {}).get("feed") or found["summary"].get("feed") or ""
    reports().add(found["id"], str(found["summary"].get("name") or ""), feed, chosen, details)
    return page("report_sent.html", **context)


@bp.get("/shortlist")
def shortlist() -> tuple[str, int]:
    """The shortlist as a printable "My options" sheet; its address carries asset ids only."""
    ids = forms.shortlist_ids(request.args.get("ids"))
    items, missing = [], 0
    for asset_id in ids:
        found = fetch_asset(asset_id)
        if found is None:
            missing += 1
            continue
        items.append(option({**found["summary"], "id": found["id"], "stale": found.get("stale")}))
    share = request.host_url.rstrip("/") + "/shortlist?ids=" + ",".join(i["id"] for i in items)
    return page("shortlist.html", items=items, missing=missing, share_url=share,
                shortlist=[i["id"] for i in items])


def without(ids: list[str], asset_id: str) -> str:
    return ",".join(i for i in ids if i != asset_id)


def with_(ids: list[str], asset_id: str) -> str:
    return ",".join(dict.fromkeys([*ids, asset_id]))


@bp.app_template_global()
def shortlist_add(ids: list[str], asset_id: str) -> str:
    """The ids a 'Add to my shortlist' button sends (without JavaScript)."""
    return with_(ids, asset_id)


@bp.app_template_global()
def shortlist_remove(ids: list[str], asset_id: str) -> str:
    return without(ids, asset_id)


@bp.after_app_request
def security_headers(response: Response) -> Response:
    """One policy for every answer of the gateway, whichever part made it (the page, the
    join and referral pages, the API): nothing loaded from elsewhere (the map's tile source,
    when configured, aside), never framed but where a page says who may frame it (the
    widget's), no referrer, no guessing of types. A part that needs another policy (the
    widget's frame, the API reference) sets its own first."""
    response.headers.setdefault("Content-Security-Policy", page_policy())
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    if "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]:
        response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def page_policy(frame_ancestors: str = "'none'") -> str:
    tiles = tile_origin(current_app.config.get("MAP_TILES_URL") or "")
    images = "'self' data:" + (f" {tiles}" if tiles else "")
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {images}; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            f"object-src 'none'; frame-ancestors {frame_ancestors}")


def tile_origin(url: str) -> str:
    """The CSP source for a tile URL template: ``https://{s}.tile.x.org/..`` -> ``https://*.tile.x.org``."""
    from urllib.parse import urlsplit

    if not url:
        return ""
    parts = urlsplit(url.replace("{s}", "a"))
    host = parts.netloc.replace("a.", "*.", 1) if "{s}" in url else parts.netloc
    return f"{parts.scheme}://{host}" if parts.scheme in ("http", "https") else ""
