"""Refuse page form posts made from other websites (cross-site request forgery).

Browsers say where a request comes from in Sec-Fetch-Site (and, older ones, in Origin; with
this site's no-referrer policy a same-site form posts "Origin: null", so Sec-Fetch-Site is
read first). Requests that say neither are not browser forms and carry no one's trust; they
are left to the rate limits like any other client.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, request

from linkwell.errors import error_response

# Page routes that accept form posts; the JSON API has its own CORS and key checks.
API_PREFIXES = ("/api/", "/openreferral/")


def init_app(app: Flask) -> None:
    app.before_request(_same_origin_posts)


def _same_origin_posts() -> Response | None:
    if request.method != "POST" or request.path.startswith(API_PREFIXES):
        return None
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return None if site in ("same-origin", "none") else _refused()
    origin = request.headers.get("Origin")
    if origin in (None, "null") or urlsplit(origin).netloc == request.host:
        return None
    return _refused()


def _refused() -> Response:
    return error_response(403, "This form can only be sent from Linkwell's own pages.")
