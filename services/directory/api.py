"""The directory's HTTP API: search, one asset, ingestion, health and readiness."""

from __future__ import annotations

import hmac
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import orjson
from flask import Request, Response, abort, current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint
from flask_smorest import abort as refuse
from marshmallow import Schema, ValidationError, missing
from webargs.flaskparser import FlaskParser
from webargs.multidictproxy import MultiDictProxy

from linkwell import capacity, vocab
from linkwell.config import ingest_token
from linkwell.directory.alternatives import alternatives
from linkwell.directory.answers import SearchAnswers, query_key
from linkwell.directory.backends.base import (
    GeoPoint,
    SearchBackend,
    SearchPage,
    SearchQuery,
    StoredAsset,
)
from linkwell.directory.schemas import (
    SUGGESTION_KINDS,
    AssetResponseSchema,
    BatchSearchRequestSchema,
    BatchSearchResponseSchema,
    SearchArgs,
    SearchResponseSchema,
    SpellingRequestSchema,
    SpellingResponseSchema,
    SuggestArgs,
    SuggestResponseSchema,
)
from linkwell.directory.spelling import speller
from linkwell.directory.suggest import Suggester
from linkwell.geo.places import Place, place
from linkwell.schedule import DAYS, MINUTES_PER_DAY
from linkwell.spelling import Correction, english_words, rewrite
from linkwell.taxonomy import load_taxonomy
from linkwell.text import AnalysedQuery, analyse_query, analyse_words

STALE_AFTER_DAYS = 365
RENDERED_ANSWERS = 2000  # whole answers kept per process (see ``Rendered``) ...
RENDERED_BYTES = 48 * 1024 * 1024  # ... and at most this much of their JSON
SEARCH_ARGS = SearchArgs()  # one instance: building a schema per request deep-copies fields


class QueryArgs(MultiDictProxy):
    """A query string as webargs reads it, but an absent argument answers ``missing`` at
    once: werkzeug's ``MultiDict.get`` raises and catches a KeyError for each one, twenty
    of a search's forty-odd arguments, a tenth of the directory's time on a cached search."""

    def __getitem__(self, key: str) -> Any:
        if key not in self.data:
            return missing
        return super().__getitem__(key)


class Parser(FlaskParser):
    DEFAULT_VALIDATION_STATUS = 400

    def load_querystring(self, req: Request, schema: Schema) -> Any:
        return self._makeproxy(req.args, schema, cls=QueryArgs)


class DirectoryBlueprint(Blueprint):
    ARGUMENTS_PARSER = Parser()


blp = DirectoryBlueprint("directory", __name__, description="Search community assets")


def backend() -> SearchBackend:
    found: SearchBackend = current_app.extensions["linkwell.backend"]
    return found


def listed(asset_id: str, kind: str = "asset") -> StoredAsset:
    """The stored asset with this id, or a 404 when there is none or it was withdrawn: both
    APIs publish a withdrawn listing as gone."""
    stored = backend().get(asset_id)
    if stored is None or stored.withdrawn:
        abort(404, f"No {kind} with id {asset_id}.")
    return stored


def require_ingest_token() -> None:
    header = request.headers.get("Authorization", "")
    given = header.removeprefix("Bearer ").strip()
    if not given or not hmac.compare_digest(given, ingest_token(current_app.config)):
        abort(401, "A valid ingestion token is needed (Authorization: Bearer <token>).")


def stale_cutoff(today: date | None = None) -> str:
    return ((today or date.today()) - timedelta(days=STALE_AFTER_DAYS)).isoformat()


def build_query(args: dict[str, Any]) -> SearchQuery:
    """The backend query for validated search arguments."""
    analysed = analysed_words(args["q"], bool(args.get("words_only"))) if args.get("q") else None
    near = GeoPoint(*args["near"]) if args.get("near") else None
    cost = list(args.get("cost") or [])
    if args.get("free"):
        cost = ["free"]
    weights = dict(args.get("concept_weight") or [])
    vector = args.get("vector")
    ranked = analysed or weights or vector is not None
    default_sort = "relevance" if ranked else ("distance" if near else "name")
    return SearchQuery(
        analysed=analysed, concepts=list(args.get("concept") or []), concept_weights=weights,
        near=near,
        within_km=args.get("within_km"), include_remote=bool(args.get("remote")),
        windows=time_windows(args), cost=cost, age=args.get("age"),
        languages=list(args.get("language") or []),
        accessibility=list(args.get("accessibility") or []),
        delivery=list(args.get("delivery") or []), audience=list(args.get("audience") or []),
        areas=list(args.get("area") or []), feeds=list(args.get("feed") or []),
        statuses=list(args["status"]), stale_before=stale_cutoff(),
        sort=args.get("sort") or default_sort, page=args["page"], per_page=args["per_page"],
        facets=args["facets"], vector=vector)


@lru_cache(maxsize=4096)
def analysed_words(text: str, words_only: bool = False) -> AnalysedQuery:
    """A query's words (and, unless ``words_only``, the concepts they name), remembered:
    the same few thousand searches are asked all day, and finding the taxonomy's phrases in
    them was a sixth of a search's time in the directory once its answer is cached. The
    answer is frozen, and depends on nothing else than the words and the taxonomy, which a
    process reads once."""
    return analyse_words(text) if words_only else analyse_query(text)


def time_windows(args: dict[str, Any]) -> list[tuple[int, int]]:
    """Minute-of-week windows (inclusive) for the days and hours a person is free."""
    days = args.get("day") or []
    start, end = args.get("from_"), args.get("to")
    if not days and start is None and end is None:
        return []
    start = 0 if start is None else start
    end = MINUTES_PER_DAY if end is None else end
    indexes = [DAYS.index(d) for d in days] if days else range(7)
    return [(i * MINUTES_PER_DAY + start, i * MINUTES_PER_DAY + end - 1) for i in indexes]


def present_page(page: SearchPage, query: SearchQuery) -> dict[str, Any]:
    tax = load_taxonomy()
    results = [present_hit(h.summary, h.score, h.distance_km, query.stale_before, h.similarity)
               for h in page.hits]
    facets = {name: _buckets(name, counts, tax) for name, counts in page.facets.items()}
    understood = {}
    if query.analysed:
        understood = {"words": list(query.analysed.terms),
                      "concepts": [{"id": c, "label": tax.label(c)}
                                   for c in query.analysed.concepts]}
    return {"total": page.total, "page": query.page, "per_page": query.per_page,
            "pages": -(-page.total // query.per_page), "results": results, "facets": facets,
            "understood": understood}


def present_hit(summary: dict[str, Any], score: float, distance: float | None,
                stale_before: str, similarity: float | None = None) -> dict[str, Any]:
    out = dict(summary)
    out["score"] = round(score, 6)
    if similarity is not None:
        out["similarity"] = round(similarity, 4)
    if distance is not None:
        out["distance_km"] = round(float(distance), 2)
    confirmed = summary.get("last_confirmed")
    out["stale"] = confirmed is None or confirmed < stale_before
    if summary.get("capacity"):
        out["capacity"] = capacity.current(summary["capacity"], date.today())
    return out


COST_LABELS = {"free": "Free", "low": "Low cost or pay what you can", "paid": "Paid",
               "unknown": "Cost not stated"}


def feed_label(feed: str) -> str:
    """A feed's key as words a person reads ("tower-hamlets" is "Tower Hamlets")."""
    small = {"and", "of", "the", "on", "upon", "in"}
    words = feed.replace("_", " ").replace("-", " ").split()
    return " ".join(w if w in small and i else w[:1].upper() + w[1:]
                    for i, w in enumerate(words)) or feed


def _buckets(name: str, counts: dict[str, int], tax: Any) -> list[dict[str, Any]]:
    def label(value: str) -> str:
        if name == "cost":
            return COST_LABELS.get(value, value)
        if name == "days":
            return DAYS[int(value)].capitalize()
        if name == "concepts":
            return str(tax.label(value))
        if name == "languages":
            return vocab.label(value)
        if name == "areas":
            return value  # an area's own name
        if name == "feed":
            return feed_label(value)
        facet = {"delivery": "delivery_mode"}.get(name, name)
        return str(tax.label(f"{facet}:{value}"))
    buckets = [{"value": DAYS[int(v)] if name == "days" else v, "label": label(v), "count": c}
               for v, c in counts.items()]
    return sorted(buckets, key=lambda b: (-b["count"], b["value"]))


@blp.route("/services")
class Services(MethodView):
    @blp.arguments(SEARCH_ARGS, location="query", as_kwargs=False)
    @blp.alt_response(200, schema=SearchResponseSchema, description="Matching assets")
    def get(self, args: dict[str, Any]) -> Response:
        """Search community assets."""
        asked = Asked.of(args)
        return presented(asked, answers().search(asked.query))


@blp.route("/services/batch")
class ServicesBatch(MethodView):
    @blp.arguments(BatchSearchRequestSchema)
    @blp.alt_response(200, schema=BatchSearchResponseSchema, description="Each search's answer")
    def post(self, body: dict[str, Any]) -> Response:
        """Several searches in one call, each answered as ``GET /services`` answers it (the
        matcher asks for its candidates this way: one round trip, and one snapshot of the
        index for all of them)."""
        asked = [Asked.of(batch_args(i, params)) for i, params in enumerate(body["searches"])]
        pages = backend().search_many([a.query for a in asked])
        return jsonify({"answers": [a.answer(page) for a, page in zip(asked, pages, strict=True)]})


def batch_args(index: int, params: dict[str, str]) -> dict[str, Any]:
    """One search of a batch, validated as ``GET /services`` validates its query string."""
    try:
        loaded: dict[str, Any] = SEARCH_ARGS.load(params)
    except ValidationError as exc:
        messages = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        refuse(400, messages={f"searches.{index}.{k}": v for k, v in messages.items()})
    return loaded


class Asked:
    """One search as asked: its place found, its words mended, its backend query."""

    def __init__(self, args: dict[str, Any], placed: Place | None,
                 correction: Correction | None) -> None:
        self.args, self.placed, self.correction = args, placed, correction
        self.query = build_query(spelt(args, correction))

    @classmethod
    def of(cls, args: dict[str, Any]) -> Asked:
        placed = None
        if isinstance(args.get("near"), str):
            placed = place(current_app.extensions["linkwell.plugins"], args["near"])
            args = placed_args(args, placed.point)
        return cls(args, placed, corrected(args))

    def answer(self, page: SearchPage) -> dict[str, Any]:
        """The answer to this search, given its page of results."""
        args, correction, query = self.args, self.correction, self.query
        if not page.total and args.get("q") and not args["as_typed"] and args["alternatives"]:
            # Nothing found even so: a bolder guess at the words nobody uses, if any.
            guessed = corrected(args, eager=True)
            if guessed is not None and guessed != correction:
                correction, query = guessed, build_query(spelt(args, guessed))
                page = answers().search(query)
        # Documented by the schema but not re-serialised through it: the answer is built
        # from plain dicts already, and this is the hottest path in Linkwell.
        answer = present_page(page, query)
        if self.placed is not None:
            answer["understood"]["location"] = self.placed.as_dict()
        if correction is not None:
            answer["understood"]["spelling"] = correction.as_dict()
        if not page.total and query.page == 1 and args["alternatives"]:
            typed = correction.text if correction is not None else args.get("q", "")
            answer["alternatives"] = alternatives(backend(), query, typed)
        return answer


def presented(asked: Asked, page: SearchPage) -> Response:
    """The answer to ``asked`` as JSON, written once for each page the answers cache holds:
    presenting a cached page again (each hit's staleness, distance and capacity, the facets'
    labels) and writing its JSON was a sixth of the directory's time on a cached search.

    Kept with the very page object it was made from (the answers cache's, which a write
    replaces), the search's query, place and mended words, and the date; an empty page is
    not kept, as its answer may search again with bolder guesses at the words."""
    if not page.total:
        return jsonify(asked.answer(page))
    about = orjson.dumps([asked.placed.as_dict() if asked.placed else None,
                          asked.correction.as_dict() if asked.correction else None],
                         option=orjson.OPT_SORT_KEYS)
    key = ("services", query_key(asked.query), about, date.today())
    return kept_json(key, lambda: asked.answer(page), tied_to=page)


def corrected(args: dict[str, Any], eager: bool = False) -> Correction | None:
    """The words' correction, when any word was mended (and the words were not to be kept
    exactly as typed)."""
    if not args.get("q") or args.get("as_typed"):
        return None
    correction = speller().correct(args["q"], eager)
    return correction if correction.changed else None


def spelt(args: dict[str, Any], correction: Correction | None) -> dict[str, Any]:
    return args if correction is None else {**args, "q": rewrite(args["q"], correction)}


def placed_args(args: dict[str, Any], point: tuple[float, float] | None) -> dict[str, Any]:
    """The search's arguments with ``near`` placed; a place nobody knows is searched without
    distances (and says so) rather than refused."""
    if point is not None:
        return {**args, "near": point}
    out = {k: v for k, v in args.items() if k not in ("near", "within_km")}
    if out.get("sort") in ("distance", "blended"):
        out.pop("sort")
    return out


@blp.route("/spelling")
class Spelling(MethodView):
    @blp.arguments(SpellingRequestSchema)
    @blp.response(200, SpellingResponseSchema)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Correct misspelt words from the directory's own words (the matcher asks this
        before it reads a person's words). Common English words are left as typed; each text
        comes back whole, only its mended words changed."""
        found = []
        for text in body["texts"]:
            correction = speller().correct(text, keep=english_words())
            found.append({**correction.as_dict(), "corrected": rewrite(text, correction)})
        return {"corrections": found}


@blp.route("/services/<string:asset_id>")
class Service(MethodView):
    @blp.response(200, AssetResponseSchema)
    def get(self, asset_id: str) -> dict[str, Any]:
        """One asset: its summary, its whole HSDS record and where it came from."""
        stored = listed(asset_id)
        confirmed = stored.summary.get("last_confirmed")
        summary = dict(stored.summary)
        if summary.get("capacity"):
            summary["capacity"] = capacity.current(summary["capacity"], date.today())
        return {"id": stored.id, "summary": summary, "record": stored.record,
                "provenance": stored.provenance,
                "stale": confirmed is None or confirmed < stale_cutoff()}


@blp.route("/suggest")
class Suggest(MethodView):
    @blp.arguments(SuggestArgs, location="query", as_kwargs=False)
    @blp.response(200, SuggestResponseSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Needs, activities and listings whose words start with what has been typed."""
        kinds = frozenset(args.get("kind") or SUGGESTION_KINDS)
        return {"q": args["q"],
                "suggestions": suggester().suggest(args["q"], args["limit"], kinds)}


def answers() -> SearchAnswers:
    """This process's cache of search answers (see ``answers.py``)."""
    found: SearchAnswers | None = current_app.extensions.get("linkwell.answers")
    if found is None or found.backend is not backend():
        found = current_app.extensions["linkwell.answers"] = SearchAnswers(backend())
    return found


def suggester() -> Suggester:
    found: Suggester | None = current_app.extensions.get("linkwell.suggester")
    if found is None or found.backend is not backend():
        found = current_app.extensions["linkwell.suggester"] = Suggester(backend())
    return found


class Rendered:
    """Whole answers of the read-only lists (their JSON bytes), per process, while nothing
    they hang on has changed.

    ``SearchAnswers`` keeps the backend's pages; what an ORUK list page still cost on top
    (fifty records conformed to the profile and dumped through its schema, the JSON
    written) was half the directory's CPU under the load.py mix. An answer is a function
    of its request's query string, the index's state (its generation: any write,
    withdrawal or deletion changes it), the date (staleness is as of today) and whatever
    ``state`` the caller names: all are in the key, read before the answer is made, so an
    answer made while a write lands is kept under the older key, which nobody asks for
    again.
    """

    def __init__(self, backend: SearchBackend, size: int = RENDERED_ANSWERS,
                 most_bytes: int = RENDERED_BYTES) -> None:
        self.backend = backend
        self.size = size
        self.most_bytes = most_bytes
        self._bodies: OrderedDict[tuple[Any, ...], tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Any:
        with self._lock:
            found = self._bodies.get(key)
            if found is None:
                return None
            self._bodies.move_to_end(key)
            return found[0]

    def put(self, key: tuple[Any, ...], value: Any, size: int) -> None:
        """Keep ``value`` (``size`` bytes of JSON), the least recently asked going first."""
        with self._lock:
            old = self._bodies.pop(key, None)
            self._bytes += size - (old[1] if old else 0)
            self._bodies[key] = (value, size)
            while self._bodies and (len(self._bodies) > self.size
                                    or self._bytes > self.most_bytes):
                self._bytes -= self._bodies.popitem(last=False)[1][1]


def rendered() -> Rendered:
    found: Rendered | None = current_app.extensions.get("linkwell.rendered")
    if found is None or found.backend is not backend():
        found = current_app.extensions["linkwell.rendered"] = Rendered(backend())
    return found


def remembered(render: Callable[[], Any], *state: Any) -> Response:
    """``render()``'s answer as JSON, kept for the same request while the index, the date
    and ``state`` are unchanged (see ``Rendered``); a ``state`` of None is not kept."""
    if any(part is None for part in state):
        return jsonify(render())
    key = (request.path, request.query_string, backend().generation(), date.today(), *state)
    return kept_json(key, render)


def kept_json(key: tuple[Any, ...], make: Callable[[], Any], tied_to: Any = None) -> Response:
    """``make()`` as JSON, the bytes kept under ``key`` (in ``Rendered``) and answered again
    while the kept answer was made for the very same ``tied_to`` object."""
    cache = rendered()
    kept = cache.get(key)
    if kept is not None and kept[0] is tied_to:
        return current_app.response_class(kept[1], mimetype=current_app.json.mimetype)  # type: ignore[attr-defined]
    response = jsonify(make())
    body = response.get_data()
    cache.put(key, (tied_to, body), len(body))
    return response
