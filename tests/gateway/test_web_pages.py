"""The link worker's other pages and what every page shares, through Flask's test client: the
map, cookies and scripts, reporting a problem, the widget, the API docs, security headers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from linkwell.gateway.keys import KeyStore
from tests.factory import corpus, sid
from tests.gateway.web_helper import CHOIR, DEAD, Page, summary_of


def test_map_is_off_by_default_and_on_when_a_tile_source_is_set(
        web: FlaskClient, app: Flask, tmp_path: Path) -> None:
    plain = web.get("/search?q=choir")
    html = plain.get_data(as_text=True)
    assert 'id="map"' not in html and "leaflet" not in html
    assert 'class="place-list"' in html  # the places, as a list
    policy = plain.headers["Content-Security-Policy"]
    assert "img-src 'self' data:;" in policy and "default-src 'self'" in policy
    from linkwell.gateway import create_app

    tiles = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    gw = create_app({"DATA_DIR": str(tmp_path / "gw2"), "DIRECTORY_APP": app,
                     "MATCHER_URL": DEAD, "MAP_TILES_URL": tiles,
                     "MAP_TILES_ATTRIBUTION": "© Example"}).test_client()
    mapped = gw.get("/search?q=choir")
    page = Page(mapped.get_data(as_text=True))
    assert "/static/vendor/leaflet/leaflet.js" in page.scripts
    assert "map" in page.ids and "map-points" in page.ids
    assert "img-src 'self' data: https://*.tiles.example.org;" in mapped.headers[
        "Content-Security-Policy"]
    assert gw.get("/static/vendor/leaflet/leaflet.js").status_code == 200


def test_pages_set_no_cookies_and_load_scripts_only_from_here(web: FlaskClient) -> None:
    for path in ("/", "/search?q=walk", f"/services/{CHOIR}", f"/shortlist?ids={CHOIR}",
                 "/api/docs", "/widget.js"):
        response = web.get(path)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, path
        if response.mimetype == "text/html":
            page = Page(response.get_data(as_text=True))
            assert page.scripts and all(s.startswith("/static/") for s in page.scripts), path


def test_report_a_problem_is_stored_for_the_listings_borough(site: Flask, web: FlaskClient,
                                                             tmp_path: Path) -> None:
    form = web.get(f"/services/{CHOIR}/report").get_data(as_text=True)
    assert "The day or time is wrong" in form and "personal details" in form
    missing = web.post(f"/services/{CHOIR}/report", data={"details": "x"})
    assert missing.status_code == 400 and 'id="problem-error"' in missing.get_data(as_text=True)
    sent = web.post(f"/services/{CHOIR}/report", data={"problem": "time",
                                                       "details": "It moved to Wednesdays"})
    assert sent.status_code == 200 and "Thank you" in sent.get_data(as_text=True)
    assert web.get(f"/services/{sid('nowhere')}/report").status_code == 404

    keys = KeyStore(tmp_path / "gw" / "gateway.sqlite3")
    _, ours = keys.create("Tests borough", "data_officer", feeds=("tests",))
    _, theirs = keys.create("Camden", "data_officer", feeds=("camden",))
    _, admin = keys.create("Admin", "admin")
    _, partner = keys.create("Partner", "partner")

    def reports(secret: str | None, query: str = "?feed=tests") -> Any:
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        return web.get(f"/api/v1/reports{query}", headers=headers)

    assert reports(None).status_code == 401
    assert reports(partner).status_code == 403
    assert reports(theirs).status_code == 403
    assert reports(theirs, "").json == {"reports": []}  # its own feeds only
    mine = reports(ours).json["reports"]
    assert [(r["asset_id"], r["feed"], r["problem"], r["details"]) for r in mine] == [
        (CHOIR, "tests", "time", "It moved to Wednesdays")]
    assert mine[0]["problem_label"] == "The day or time is wrong"
    assert reports(admin, "").json["reports"] == mine
    stored = (tmp_path / "gw" / "gateway.sqlite3").read_bytes()
    assert b"127.0.0.1" not in stored  # nothing about who sent it


def test_the_widget_script_and_the_iframe_alternative(web: FlaskClient, tmp_path: Path) -> None:
    script = web.get("/widget.js")
    assert script.mimetype == "text/javascript"
    assert script.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    text = script.get_data(as_text=True)
    assert "attachShadow" in text and "--linkwell-accent" in text
    assert "document.cookie" not in text and "localStorage" not in text
    assert not re.search(r"https?://(?!LINKWELL)", text)  # no address of any other site
    assert web.get("/embed").status_code == 403
    _, secret = KeyStore(tmp_path / "gw" / "gateway.sqlite3").create(
        "Hub", "partner", origins=("https://hub.example.org",))
    framed = web.get(f"/embed?key={secret}&accent=%23aa3300&font=Georgia")
    assert framed.status_code == 200
    assert "frame-ancestors https://hub.example.org" in framed.headers["Content-Security-Policy"]
    assert "/embed/theme.css?" in framed.get_data(as_text=True)
    theme = web.get("/embed/theme.css?accent=%23aa3300&font=Georgia").get_data(as_text=True)
    assert "--linkwell-accent: #aa3300;" in theme and "--linkwell-font: Georgia;" in theme
    injected = web.get("/embed/theme.css?accent=red;}body{x:y&font=a{}").get_data(as_text=True)
    assert "body" not in injected and "{}" not in injected.replace(":root { ", "").rstrip("}\n ")


def test_api_docs_page_uses_the_local_copy_of_redoc(web: FlaskClient) -> None:
    response = web.get("/api/docs")
    page = Page(response.get_data(as_text=True))
    assert "/static/vendor/redoc/redoc.standalone.js" in page.scripts
    assert "connect-src 'self'" in response.headers["Content-Security-Policy"]
    bundle = web.get("/static/vendor/redoc/redoc.standalone.js")
    assert bundle.status_code == 200 and b"cdn.redoc.ly" not in bundle.data
    static = Path(__file__).resolve().parents[2] / "services" / "gateway" / "static" / "vendor"
    assert (static / "redoc" / "LICENSE").exists() and (static / "leaflet" / "LICENSE").exists()
    assert "/api/v1/reports" in web.get("/api/openapi.json").json["paths"]


def test_every_html_answer_carries_the_same_security_headers(web: FlaskClient) -> None:
    """The page, search, a listing, the join form, a group's referral link (even a forged
    one), a page that is not there: the same policy on each, referral pages included."""
    listing = summary_of(web, corpus()[0]["id"])["id"]
    routes = ["/", "/search?q=singing", f"/services/{listing}", f"/services/{listing}/join",
              "/referrals/respond/not-a-real-token", "/shortlist"]
    for route in routes:
        response = web.get(route)
        assert response.mimetype == "text/html", route
        headers = response.headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], route
        assert "script-src 'self'" in headers["Content-Security-Policy"], route
        assert headers["X-Frame-Options"] == "DENY", route
        assert headers["X-Content-Type-Options"] == "nosniff", route
        assert headers["Referrer-Policy"] == "no-referrer", route
    assert web.get("/no-such-page").headers["X-Content-Type-Options"] == "nosniff"  # JSON too
