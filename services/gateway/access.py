"""Who is calling: API keys, roles, rate limits and cross-origin rules, checked per request."""

from __future__ import annotations

import math
from typing import Any

from flask import Flask, Response, abort, current_app, g, request

from linkwell.errors import error_response
from linkwell.gateway.keys import ApiKey, KeyStore
from linkwell.gateway.limits import RateLimiter

# Requests per rolling minute, by who is asking (anonymous is per client address).
DEFAULT_LIMITS = {"anonymous": 60, "partner": 600, "link_worker": 600, "data_officer": 300,
                  "admin": 1200}
OPEN_CORS_PREFIXES = ("/openreferral",)
CORS_HEADERS = "Authorization, Content-Type, X-API-Key, X-Request-Id"


def init_app(app: Flask) -> None:
    from pathlib import Path

    app.extensions["linkwell.keys"] = KeyStore(Path(app.config["DATA_DIR"]) / "gateway.sqlite3")
    app.extensions["linkwell.limiter"] = RateLimiter()
    app.before_request(_identify)
    app.before_request(_limit)
    app.after_request(_cors)


def keys() -> KeyStore:
    store: KeyStore = current_app.extensions["linkwell.keys"]
    return store


def _presented_secret() -> str | None:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header.removeprefix("Bearer ").strip()
    return request.headers.get("X-API-Key") or None


def _identify() -> Response | None:
    g.api_key = None
    if request.method == "OPTIONS":
        return None
    secret = _presented_secret()
    if secret is None:
        return None
    key = keys().find(secret)
    if key is None:
        return error_response(401, "That API key is not recognised or has been revoked.")
    origin = request.headers.get("Origin")
    if origin and key.role == "partner" and key.origins and origin not in key.origins:
        return error_response(403, "This key is not allowed from this website.")
    g.api_key = key
    return None


def current_key() -> ApiKey | None:
    key: ApiKey | None = g.get("api_key")
    return key


def require_role(*roles: str) -> ApiKey:
    key = current_key()
    if key is None:
        abort(401, "This needs an API key (Authorization: Bearer <key>).")
    if key.role not in roles:
        abort(403, "This API key's role may not do that.")
    return key


# Files that cost nothing to serve (the page's CSS, scripts, map images, the widget's script):
# a page view fetches several, and counting them would spend a person's allowance on one page.
UNLIMITED_PREFIXES = ("/static/", "/widget.js", "/widget/messages.json")


def _limit() -> Response | None:
    if (request.method == "OPTIONS" or request.path in ("/healthz", "/readyz")
            or request.path.startswith(UNLIMITED_PREFIXES)):
        return None
    key = current_key()
    role = key.role if key else "anonymous"
    client = f"key:{key.id}" if key else f"addr:{request.remote_addr}"
    limits: dict[str, int] = {**DEFAULT_LIMITS, **current_app.config.get("RATE_LIMITS", {})}
    wait = current_app.extensions["linkwell.limiter"].hit(client, limits[role])
    if wait is None:
        return None
    response = error_response(429, "Too many requests: please wait a moment and try again.")
    response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
    return response


def _allowed_origin(origin: str) -> bool:
    configured: Any = current_app.config.get("CORS_ORIGINS") or ()
    if origin in configured:
        return True
    key = current_key()
    return bool(key and origin in key.origins)


def _cors(response: Response) -> Response:
    if request.path.startswith(OPEN_CORS_PREFIXES):
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
    origin = request.headers.get("Origin")
    if not origin or not request.path.startswith("/api/"):
        return response
    if _allowed_origin(origin) or (request.method == "OPTIONS" and _preflight_allowed(origin)):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Headers"] = CORS_HEADERS
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers.add("Vary", "Origin")
    return response


def _preflight_allowed(origin: str) -> bool:
    """A preflight carries no key: allow origins that some live partner key names."""
    return any(origin in k.origins for k in keys().all() if k.revoked is None)
