"""The data-quality page: a borough's listings as its data officer checks them (issue 15).

Counts and lists of stale listings (not confirmed for over 12 months), listings missing a
contact, sessions or a venue, duplicates across feeds, open reports, and the last sync's
rejects; sortable, filterable, exportable as CSV; and a small chart of how old the
confirmations are, drawn as inline SVG. Data officers see their borough; admins any, and
every borough at once under ``/quality/``.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

from flask import Blueprint, Flask, Response, current_app, g, render_template, request

from linkwell.client import SIBLINGS, ServiceClient, service_client
from linkwell.config import ingest_token
from linkwell.gateway.accounts import refuse, require_account

bp = Blueprint("quality", __name__)
STALE_DAYS = 365
CHECKS = {"stale": "Not confirmed for over 12 months", "missing_contact": "No contact",
          "missing_sessions": "No sessions", "missing_venue": "No venue",
          "duplicate": "Listed twice (across feeds)"}
SORTS = ("name", "last_confirmed", "feed", "status")
CSV_FIELDS = ("id", "name", "feed", "status", "last_confirmed", *CHECKS)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)


def _directory() -> ServiceClient:
    """The directory with the ingestion token (the listings route is not public)."""
    return service_client("directory", current_app.config,
                          siblings=current_app.extensions[SIBLINGS],
                          token=ingest_token(current_app.config), timeout=60)


@bp.get("/quality/")
@require_account("admin")
def every_borough() -> Any:
    """Admins: every borough's listings on one page, with a row of counts per borough."""
    return _page(None)


@bp.get("/quality/<string:borough>")
@require_account("data_officer", "admin")
def one_borough(borough: str) -> Any:
    if not g.account.can_see_borough(borough):
        return refuse("That borough is not yours.")
    return _page(borough)


def listings(borough: str | None, today: date) -> list[dict[str, Any]]:
    """The borough's listings with their checks worked out for today."""
    params = {"feed": borough} if borough else {}
    body = _directory().get("/quality/listings", **params)
    cutoff = (today - timedelta(days=STALE_DAYS)).isoformat()
    rows = body.get("listings") or []
    for row in rows:
        confirmed = row.get("last_confirmed")
        row["stale"] = not confirmed or str(confirmed)[:10] < cutoff
    return rows


def counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    return {"listings": len(rows), **{k: sum(1 for r in rows if r.get(k)) for k in CHECKS}}


def _page(borough: str | None) -> Any:
    today = date.today()
    rows = listings(borough, today)
    shown = _filtered(rows)
    if request.args.get("format") == "csv":
        return _csv(shown, borough)
    feeds = [borough] if borough else sorted({str(r["feed"]) for r in rows})
    reports = current_app.extensions["linkwell.reports"].for_feeds(
        [borough] if borough else None)
    return render_template(
        "quality/page.html", borough=borough, counts=counts(rows), rows=shown,
        checks=CHECKS, sorts=SORTS, args=request.args, reports=reports,
        per_borough={f: counts([r for r in rows if r["feed"] == f]) for f in feeds}
        if not borough else {},
        rejects=_rejects(feeds), confirmations=_confirmations(feeds),
        chart=age_chart(rows, today), today=today)


def _filtered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    check = request.args.get("check", "")
    words = request.args.get("q", "").strip().lower()
    out = [r for r in rows if (check not in CHECKS or r.get(check))
           and (not words or words in str(r.get("name", "")).lower())]
    sort = request.args.get("sort", "name")
    key = sort if sort in SORTS else "name"
    out.sort(key=lambda r: (str(r.get(key) or ""), str(r.get("name", "")).lower()),
             reverse=request.args.get("order") == "desc")
    return out


def _csv(rows: list[dict[str, Any]], borough: str | None) -> Response:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("yes" if row.get(k) is True else "" if row.get(k) is False
                             else row.get(k) or "") for k in CSV_FIELDS})
    name = f"linkwell-quality-{borough or 'all'}.csv"
    return Response(buffer.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _rejects(feeds: list[str]) -> list[dict[str, Any]]:
    """The last sync's refusals per feed (when, and each record with its reason)."""
    state = current_app.extensions.get("linkwell.sync_state")
    out = []
    for feed in feeds:
        run = state.last_run(feed) if state is not None else None
        if run is not None:
            out.append({"feed": feed, "finished": run.finished or run.started,
                        "status": run.status, "rejects": run.rejects})
    return out


def _confirmations(feeds: list[str]) -> dict[str, int] | None:
    """Confirmations sent and answered (the confirmation rounds' own tally)."""
    rounds = current_app.extensions.get("linkwell.confirmations")
    if rounds is None:
        return None
    found: dict[str, int] = rounds.counts(feeds)
    return found


def age_chart(rows: list[dict[str, Any]], today: date, months: int = 24) -> dict[str, Any]:
    """Listings by the month they were last confirmed, for the last ``months`` months, plus
    older or never: how old the directory's word is, month by month."""
    bins: list[dict[str, Any]] = []
    year, month = today.year, today.month
    for _ in range(months):
        bins.append({"label": f"{year}-{month:02d}", "count": 0})
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    bins.reverse()
    index = {b["label"]: b for b in bins}
    older = 0
    for row in rows:
        found = index.get(str(row.get("last_confirmed") or "")[:7])
        if found is not None:
            found["count"] += 1
        else:
            older += 1
    bins.append({"label": "older or never", "count": older})
    top = max([b["count"] for b in bins] + [1])
    width, height, bar = 26 * len(bins), 120, 20
    for i, b in enumerate(bins):
        b["x"], b["h"] = i * 26 + 3, round(b["count"] / top * (height - 20))
        b["y"] = height - b["h"]
    return {"bins": bins, "width": width, "height": height, "bar": bar, "top": top}
