"""The partner widget (one script tag, or an iframe) and the API documentation page."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, request

from linkwell.gateway.access import keys
from linkwell.gateway.web import i18n
from linkwell.gateway.web.views import page_policy

bp = Blueprint("embed", __name__)
STATIC = Path(__file__).resolve().parent.parent / "static"
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_FONT = re.compile(r"^[A-Za-z0-9 ,'-]{1,80}$")
# The widget's files under static/js, in the order they run: one function's body in parts,
# none of them long, with no build step (the gateway joins them when /widget.js is asked for).
WIDGET_PARTS = ("widget.js", "widget/results.js", "widget/join.js", "widget/start.js")


def widget_script() -> str:
    """The one script a partner adds: the suggestions' combobox (a global of its own), then
    the widget's parts inside one strict-mode function, so they share its scope and nothing
    else of the partner's page."""
    read = [(STATIC / "js" / name).read_text(encoding="utf-8") for name in WIDGET_PARTS]
    combobox = (STATIC / "js" / "combobox.js").read_text(encoding="utf-8")
    return "\n".join((combobox, '(function () {\n  "use strict";', *read, "}());\n"))


@bp.get("/widget.js")
def widget_js() -> Response:
    """The partner widget's one script: it finds its own tag and renders beside it."""
    # One file with the suggestions' combobox first, so a partner adds one script tag still.
    response = Response(widget_script(), mimetype="text/javascript",
                        headers={"Cache-Control": "public, max-age=300"})
    # Partner pages on other sites load this script; it sets no cookies and reads none.
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/widget/messages.json")
def widget_messages() -> Response:
    """The widget's words in the person's language (``?lang=``, else the browser's
    Accept-Language), the languages it offers, and the deployment's distance unit."""
    from flask import jsonify

    from linkwell import distances

    code = i18n.current()
    body = {"lang": code, "dir": i18n.direction(code),
            "languages": [{"code": c, "name": n, "dir": d}
                          for c, n, d in i18n.page_context()["switch_languages"]],
            "distance_unit": distances.unit(current_app.config.get("DISTANCE_UNIT")),
            "quick_exit": quick_exit_url(),
            "messages": i18n.translated((*(m for part in WIDGET_PARTS
                                           for m in i18n.script_msgids(part)),
                                         *i18n.safety_msgids()))}
    response = jsonify(body)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "public, max-age=300"
    response.vary.add("Accept-Language")
    return response


def quick_exit_url() -> str:
    """The neutral page "Leave this site quickly" goes to."""
    return str(current_app.config.get("QUICK_EXIT_URL") or "https://www.bbc.co.uk/weather")


@bp.get("/embed")
def embed() -> tuple[str, int, dict[str, str]]:
    """The iframe alternative: the same widget on a Linkwell page, framed only by the
    partner's own sites (the origins its key names)."""
    partner = keys().find(request.args.get("key", ""))
    if partner is None or partner.role != "partner":
        abort(403, "This page needs a live partner key (?key=lw_...).")
    ancestors = " ".join(partner.origins) if partner.origins else "*"
    theme = {"accent": _valid(_COLOUR, request.args.get("accent")),
             "font": _valid(_FONT, request.args.get("font"))}
    # The frame in the visitor's language (Accept-Language, or ?lang= from the partner).
    code = i18n.current()
    html = render_template("embed.html", theme={k: v for k, v in theme.items() if v},
                           page_lang=code, page_dir=i18n.direction(code))
    return html, 200, {"Content-Security-Policy": page_policy(ancestors)}


def _valid(pattern: re.Pattern[str], value: str | None) -> str:
    return value if value and pattern.match(value) else ""


@bp.get("/embed/theme.css")
def embed_theme() -> Response:
    """The iframe's colours and font, from its query string (CSS variables cannot cross a frame)."""
    accent = _valid(_COLOUR, request.args.get("accent"))
    font = _valid(_FONT, request.args.get("font"))
    rules = [f"--linkwell-accent: {accent};" if accent else "",
             f"--linkwell-font: {font};" if font else ""]
    css = ":root { " + " ".join(r for r in rules if r) + " }\n"
    return Response(css, mimetype="text/css", headers={"Cache-Control": "public, max-age=300"})


@bp.get("/api/docs")
def api_docs() -> tuple[str, int, dict[str, str]]:
    """The OpenAPI document, rendered by a copy of Redoc served from here."""
    # Redoc styles itself with generated <style> elements and searches in a blob: worker.
    policy = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src blob:; "
              "base-uri 'none'; object-src 'none'; frame-ancestors 'none'")
    html = render_template("docs.html", spec_url=current_app.config.get(
        "OPENAPI_URL_PREFIX", "/api").rstrip("/") + "/openapi.json")
    return html, 200, {"Content-Security-Policy": policy}
