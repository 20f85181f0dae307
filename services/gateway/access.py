"""Who is calling: API keys, roles, rate limits and cross-origin rules, checked per request."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, abort, current_app, g, request
from flask_smorest import Api

from linkwell.errors import error_response
from linkwell.gateway import limits
from linkwell.gateway.keys import ApiKey, KeyStore

KEYED: list[dict[str, list[str]]] = [{"bearerKey": []}, {"headerKey": []}]  # needs a key
OPEN_CORS_PREFIXES = ("/openreferral",)
CORS_HEADERS = "Authorization, Content-Type, X-API-Key, X-Request-Id"


def init_app(app: Flask) -> None:
    from pathlib import Path

    app.extensions["linkwell.keys"] = KeyStore(Path(app.config["DATA_DIR"]) / "gateway.sqlite3")
    app.before_request(_identify)  # before the limiter's own hook: the budget is the key's
    limits.init_app(app, client=_client, role=_role)
    app.after_request(_cors)


def init_security_schemes(api: Api) -> None:
    """How a key is sent (see ``_presented_secret``): either header, one key."""
    api.spec.components.security_scheme("bearerKey", {
        "type": "http", "scheme": "bearer",
        "description": "An API key: partner, link worker, data officer or admin"})
    api.spec.components.security_scheme("headerKey", {
        "type": "apiKey", "in": "header", "name": "X-API-Key",
        "description": "The same API key, in a header of its own"})


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
    refusal = _origin_refusal(key, request.headers.get("Origin"))
    if refusal:
        return error_response(403, refusal)
    g.api_key = key
    return None


def _origin_refusal(key: ApiKey, origin: str | None) -> str | None:
    """Why a key may not be used from where this request comes, if it may not.

    A partner key is public (it is in the partner's page source), so it works only from a
    browser on the partner's own sites; a partner's servers use their secret server key,
    which a web page must never hold.
    """
    if key.role == "partner" and (not origin or origin not in key.origins):
        return ("A partner key works only from its own website; a partner's own servers "
                "use a partner server key.")
    if key.role == "partner_server" and origin:
        return "A partner server key is a secret for servers and may not be used from a web page."
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


def _role() -> str:
    key = current_key()
    return key.role if key else "anonymous"


def _client() -> str:
    """Whose budget a request spends: a key's, or (public keys and none) a visitor's own.

    A partner key's budget is counted per visitor address within the key, so a client
    hammering with a key copied from the partner's page spends only its own allowance.
    """
    key = current_key()
    addr = request.remote_addr or "-"
    if key is None:
        return f"addr:{addr}"
    if key.role == "partner":
        return f"partner:{key.id}:{addr}"
    return f"key:{key.id}"


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
