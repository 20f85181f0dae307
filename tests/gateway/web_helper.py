"""What the link worker's page tests share: a page's parts as the tests read them, a stand-in
matcher answering in issue 4's contract and what a listing's summary says. Split out of
test_web.py (issue 17); the gateway fixtures built on them (``matcher``, ``site``, ``web``)
are in conftest.py."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from flask import Flask, jsonify, request
from flask.testing import FlaskClient

from tests.factory import sid

DEAD = "http://127.0.0.1:9"
CHOIR = sid("choir")
OLD_CHOIR = sid("old-choir")
WORDS = "Since my wife died I hardly see anyone; I used to love the allotment"


class Page(HTMLParser):
    """The parts of a page these tests look at: controls, labels, links, forms, text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.labels: set[str] = set()
        self.links: list[str] = []
        self.forms: list[dict[str, str]] = []
        self.scripts: list[str] = []
        self.ids: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("input", "select", "textarea"):
            self.controls.append({"tag": tag, **a})
        elif tag == "label" and "for" in a:
            self.labels.add(a["for"])
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "form":
            self.forms.append(a)
        elif tag == "script" and "src" in a:
            self.scripts.append(a["src"])

    def visible_controls(self) -> list[dict[str, str]]:
        return [c for c in self.controls if c.get("type") != "hidden"]

    def hidden_values(self) -> list[str]:
        return [c.get("value", "") for c in self.controls if c.get("type") == "hidden"]


class StandInMatcher:
    """Answers ``POST /match`` in the issue 4 contract, with whatever the test sets."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.status = 200
        self.answer: dict[str, Any] = {"results": [], "understood": {}, "safety": None}
        self.app = Flask("stand_in_matcher")
        self.app.add_url_rule("/match", view_func=self._match, methods=["POST"])

    def _match(self) -> Any:
        self.received.append(request.get_json())
        return jsonify(self.answer), self.status


def contract_result(asset: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": asset["id"], "name": asset["name"], "score": 0.9,
            "reasons": ["Choir: matches your interest in singing", "1.2 km away",
                        "Tuesdays 10:00 to 12:00, when you are free", "Free"],
            "cautions": ["Last confirmed 14 months ago"], "distance_km": 1.24,
            "next_session": "2026-11-24T10:00:00+00:00", "asset": asset, **extra}


def summary_of(web: FlaskClient, asset_id: str) -> dict[str, Any]:
    body = web.get(f"/api/v1/services/{asset_id}").json
    return {**body["summary"], "id": body["id"], "stale": body["stale"]}
