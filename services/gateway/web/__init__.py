"""The gateway's web pages: the link worker's page, the partner widget and the API docs."""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api


def init_app(app: Flask, api: Api) -> None:
    """Register the pages, the widget, the listing-report store and API."""
    from linkwell.gateway.web import embed, i18n, origin, reports, unmet, views

    i18n.init_app(app)
    origin.init_app(app)
    reports.init_store(app)
    api.register_blueprint(reports.api_blp)
    unmet.init_store(app)
    api.register_blueprint(unmet.api_blp)
    app.register_blueprint(views.bp)
    app.register_blueprint(embed.bp)
