"""One error shape for every service: ``{"code", "status", "message", "errors"}``."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException, RequestURITooLarge

log = logging.getLogger(__name__)
LOCATIONS = {"query", "json", "form", "headers", "path", "view_args", "files"}


def error_body(code: int, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "status": HTTPStatus(code).phrase, "message": message}
    if errors:
        body["errors"] = errors
    return body


def error_response(code: int, message: str, errors: dict[str, Any] | None = None) -> Response:
    response = jsonify(error_body(code, message, errors))
    response.status_code = code
    return response


def flatten_locations(messages: dict[str, Any]) -> dict[str, Any]:
    """webargs nests errors by location ({"query": {"near": [...]}}): people want the field."""
    flat: dict[str, Any] = {}
    for key, value in messages.items():
        if key in LOCATIONS and isinstance(value, dict):
            flat.update(value)
        else:
            flat[key] = value
    return flat


# A cluster that refuses every write (an index block after a full disk, say) is named in the
# error shape under this field, and the CLI exits with its own code: the operator has a
# cluster to fix, and the records are not at fault.
WRITES_REFUSED_FIELD = "_cluster"
EXIT_WRITES_REFUSED = 3


def writes_refused(status: int, body: Any) -> bool:
    """Whether an error answer says the cluster refuses writes."""
    errors = body.get("errors") if isinstance(body, dict) else None
    return status == 503 and isinstance(errors, dict) and WRITES_REFUSED_FIELD in errors


RETRY_AFTER = 1  # seconds: breakers probe several times a second, so recovery is quick


class Unavailable(Exception):
    """A dependency (a search backend, a sibling service) did not answer in time."""


def _http_error(exc: HTTPException) -> Response:
    code = exc.code or 500
    data = getattr(exc, "data", None) or {}
    errors = flatten_locations(data.get("messages", {})) if isinstance(data, dict) else {}
    message = exc.description or HTTPStatus(code).phrase
    if errors and code in (400, 422):
        code, message = 400, "The request has invalid fields: see errors."
    response = error_response(code, message, errors)
    headers = data.get("headers") if isinstance(data, dict) else None
    for header, value in (headers or {}).items():
        response.headers[header] = value
    return response


def _unavailable(exc: Exception) -> Response:
    log.warning("dependency unavailable: %s", type(exc).__name__)
    response = error_response(503, "Part of Linkwell is not answering right now; please try "
                                   "again in a minute.")
    # a client (or a partner's widget) that honours this comes back once, not in a storm
    response.headers["Retry-After"] = str(getattr(exc, "retry_after", RETRY_AFTER))
    return response


def _unexpected(exc: Exception) -> Response:
    log.exception("unexpected error")
    return error_response(500, "Something went wrong on our side.")


# The longest address any Linkwell page or API call makes is a few hundred characters.
# gunicorn is told to let longer request lines through (``limit_request_line = 0``, see
# ``deploy/``) so that this check, not gunicorn's HTML page, answers them: in the one shape.
MAX_URL_CHARS = 8190


def _refuse_long_urls() -> None:
    uri = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or \
        request.full_path
    if len(uri) > MAX_URL_CHARS:
        raise RequestURITooLarge(f"The address is {len(uri):,} characters long; the most "
                                 f"Linkwell reads is {MAX_URL_CHARS:,}.")


def init_app(app: Flask, unavailable: tuple[type[Exception], ...] = ()) -> None:
    """Register the shared handlers (after flask-smorest's, so these win)."""
    app.before_request_funcs.setdefault(None, []).insert(0, _refuse_long_urls)  # first
    app.register_error_handler(HTTPException, _http_error)
    handled: tuple[type[Exception], ...] = (Unavailable, *unavailable)
    for exc_type in handled:
        app.register_error_handler(exc_type, _unavailable)
    app.register_error_handler(Exception, _unexpected)
