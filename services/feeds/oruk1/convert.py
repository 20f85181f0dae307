"""One ORUK 1.0 service as a nested HSDS 3.0 service: its own fields, eligibility and
taxonomy attributes; locations, contacts and schedules come from the sibling modules."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from linkwell.feeds.oruk1.common import (
    ELIGIBILITY_WORDS,
    FACETS,
    NO_UPPER_AGE_FROM,
    STATUSES,
    JsonDict,
    _Context,
    _date,
    _datetime,
    _email,
    _list,
    _mapping,
    _number,
    _put,
    _text,
    _url,
)
from linkwell.feeds.oruk1.parts import (
    _contacts,
    _cost_option,
    _funding,
    _language,
    _service_area,
    _service_at_location,
)
from linkwell.feeds.oruk1.schedules import _holiday_alert, _schedules
from linkwell.ids import is_uuid
from linkwell.ids import source_id as derive_id
from linkwell.taxonomy import FACETS_TAXONOMY_NAME, term_id


def iter_page_services(page: Mapping[str, Any]) -> list[JsonDict]:
    """The v1 service objects on one page of ``GET /services`` (its ``content`` list)."""
    content = page.get("content")
    if not isinstance(content, list):
        raise ValueError("page: field content: expected a list of services")
    for index, item in enumerate(content):
        if not isinstance(item, dict):
            raise ValueError(f"page: field content[{index}]: expected a service object")
    return list(content)


def convert_service(v1: Mapping[str, Any], *, feed: str) -> JsonDict:
    """One v1 service (as ``GET /services/{id}`` returns it) as a nested HSDS 3.0 service."""
    if not isinstance(v1, Mapping):
        raise ValueError("service: expected a JSON object")
    source_id = _text(v1.get("id"))
    if not source_id:
        raise ValueError("service: field id: is required")
    ctx = _Context(feed=feed, source_id=source_id, service_id=derive_id(feed, "service", source_id))
    out: JsonDict = {"id": ctx.service_id, "_source_id": source_id}
    _service_fields(v1, ctx, out)
    _organization_fields(v1, ctx, out)
    _eligibility(v1, ctx, out)
    _item_lists(v1, ctx, out)
    _put(out, "schedules", _schedules(v1, ctx))
    _contacts(v1, ctx, out)
    _put(out, "attributes", _attributes(v1, ctx))
    _put(out, "alert", _holiday_alert(v1, ctx))
    return out

# --- service --------------------------------------------------------------------------------


def _service_fields(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    name = _text(v1.get("name"))
    if not name:
        ctx.fail("name", "is required")
    out["name"] = name
    _put(out, "description", _text(v1.get("description")))
    _put(out, "url", _url(v1.get("url")))
    _put(out, "email", _email(v1.get("email")))
    out["status"] = _status(v1.get("status"), ctx)
    fees = _text(v1.get("fees"))
    # ORUK 3.0 keeps the deprecated ``fees``; HSDS 3.0 readers look at ``fees_description``.
    _put(out, "fees", fees)
    _put(out, "fees_description", fees)
    _put(out, "accreditations", _text(v1.get("accreditations")))
    _put(out, "application_process", _text(v1.get("application_process")))
    assured = v1.get("assured_date")
    _put(out, "assured_date", _date(assured, "assured_date", ctx) if assured else None)
    modified = v1.get("last_modified")  # not in v1, but some feeds add it
    _put(out, "last_modified", _datetime(modified, "last_modified", ctx) if modified else None)


def _status(raw: Any, ctx: _Context) -> str:
    # HSDS requires a status; v1 feeds leave it out for live records, so absence means active.
    status = (_text(raw) or "active").lower()
    if status not in STATUSES:
        ctx.fail("status", f"{raw!r} is not one of {sorted(STATUSES)}")
    return status


def _organization_fields(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    organization = v1.get("organization")
    if organization is None:
        return  # v1 requires one, but a service without it is still worth listing
    org = _organization(_mapping(organization, "organization", ctx), ctx)
    out["organization_id"] = org["id"]
    out["organization"] = org


def _item_lists(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    """The v1 collections that map item for item onto HSDS lists."""
    converters: tuple[tuple[str, str, Callable[[Any, str, _Context], JsonDict]], ...] = (
        ("service_at_locations", "service_at_locations", _service_at_location),
        ("languages", "languages", _language),
        ("cost_options", "cost_options", _cost_option),
        ("funding", "fundings", _funding),
        ("service_areas", "service_areas", _service_area),
    )
    for hsds_key, v1_key, convert in converters:
        items = _list(v1, v1_key, ctx)
        _put(out, hsds_key, [convert(item, f"{v1_key}[{i}]", ctx) for i, item in enumerate(items)])


def _organization(org: Mapping[str, Any], ctx: _Context) -> JsonDict:
    name = _text(org.get("name"))
    if not name:
        ctx.fail("organization.name", "is required")
    out: JsonDict = {
        "id": ctx.entity_id("organization", org.get("id"), "organization"),
        "name": name,
        # ORUK 3.0 requires a description; v1 requires one too, but some feeds leave it blank.
        "description": _text(org.get("description")) or name,
    }
    _put(out, "email", _email(org.get("email")))
    _put(out, "website", _url(org.get("url")))
    _put(out, "logo", _url(org.get("logo")))
    _put(out, "uri", _url(org.get("uri")))
    return out


# --- eligibility ----------------------------------------------------------------------------


def _eligibility(v1: Mapping[str, Any], ctx: _Context, out: JsonDict) -> None:
    """Ages and a plain description from ``eligibilitys`` (the spelling live feeds use)."""
    key = "eligibilitys" if "eligibilitys" in v1 else "eligibilities"
    entries = [_mapping(e, f"{key}[{i}]", ctx) for i, e in enumerate(_list(v1, key, ctx))]
    if not entries:
        return
    ranges = [_age_range(e, f"{key}[{i}]", ctx) for i, e in enumerate(entries)]
    lows = [low for low, _ in ranges]
    highs = [high for _, high in ranges]
    # The service is open to anyone any entry admits, so the widest range wins.
    if None not in lows:
        out["minimum_age"] = min(low for low in lows if low is not None)
    if None not in highs:
        out["maximum_age"] = max(high for high in highs if high is not None)
    phrases = [_eligibility_phrase(e, r) for e, r in zip(entries, ranges, strict=True)]
    _put(out, "eligibility_description", "; ".join(p for p in dict.fromkeys(phrases) if p))


def _age_range(entry: Mapping[str, Any], path: str, ctx: _Context) -> tuple[int | None, int | None]:
    low = _age(entry.get("minimum_age"), f"{path}.minimum_age", ctx)
    high = _age(entry.get("maximum_age"), f"{path}.maximum_age", ctx)
    if low == 0:
        low = None
    if high is not None and (high >= NO_UPPER_AGE_FROM or high == 0):
        high = None  # 0, 99 and above are how v1 feeds write "no upper limit"
    if low is not None and high is not None and low > high:
        ctx.fail(f"{path}.maximum_age", f"{high} is below minimum_age {low}")
    return low, high


def _age(raw: Any, path: str, ctx: _Context) -> int | None:
    if raw is None or raw == "":
        return None
    number = _number(raw, path, ctx)
    if number < 0 or number > 999:
        ctx.fail(path, f"{raw!r} is not an age")
    return int(number)


def _eligibility_phrase(entry: Mapping[str, Any], ages: tuple[int | None, int | None]) -> str:
    who = ELIGIBILITY_WORDS.get((_text(entry.get("eligibility")) or "").lower(), "")
    low, high = ages
    if low is not None and high is not None:
        span = f"aged {low} to {high}"
    elif low is not None:
        span = f"aged {low} and over"
    elif high is not None:
        span = f"aged up to {high}"
    else:
        span = ""
    if who and span:
        return f"{who} {span}"
    return who or (span[0].upper() + span[1:] if span else "")


# --- taxonomy attributes --------------------------------------------------------------------


def _attributes(v1: Mapping[str, Any], ctx: _Context) -> list[JsonDict]:
    key = "service_taxonomys" if "service_taxonomys" in v1 else "service_taxonomies"
    found = [_taxonomy_attribute(x, f"{key}[{i}]", ctx)
             for i, x in enumerate(_list(v1, key, ctx))]
    values = [(field, _text(v1.get(field))) for field in ("attending_type", "attending_access")]
    eligibility_key = "eligibilitys" if "eligibilitys" in v1 else "eligibilities"
    for i, raw in enumerate(_list(v1, eligibility_key, ctx)):
        values.append(("eligibility", _text(_mapping(raw, f"{eligibility_key}[{i}]", ctx)
                                            .get("eligibility"))))
    for field, value in values:
        facet = FACETS[field].get((value or "").lower())
        if facet:
            found.append(_facet_attribute(field, facet, ctx))
    return list({a["id"]: a for a in found}.values())  # each term once per service


def _taxonomy_attribute(raw: Any, path: str, ctx: _Context) -> JsonDict:
    link = _mapping(raw, path, ctx)
    taxonomy = link.get("taxonomy")
    if not isinstance(taxonomy, Mapping):
        ctx.fail(f"{path}.taxonomy", "is required")
    code = _text(taxonomy.get("id"))
    name = _text(taxonomy.get("name"))
    if not code:
        ctx.fail(f"{path}.taxonomy.id", "is required")
    if not name:
        ctx.fail(f"{path}.taxonomy.name", "is required")
    vocabulary = _text(taxonomy.get("vocabulary"))
    term = _term(code, name, vocabulary, ctx)
    parent = taxonomy.get("parent_id", taxonomy.get("parent"))
    if isinstance(parent, Mapping):
        parent = parent.get("id")
    if _text(parent):
        term["parent_id"] = _term_id(str(_text(parent)), vocabulary, ctx)
    return _attribute(ctx.entity_id("attribute", link.get("id"), path), term, ctx)


def _facet_attribute(field: str, facet: tuple[str, str], ctx: _Context) -> JsonDict:
    code, label = facet
    term: JsonDict = {"id": term_id(code), "name": label,
                      "description": f"{label} (from the ORUK 1.0 field {field})",
                      "taxonomy": FACETS_TAXONOMY_NAME, "code": code}
    # No v1 id to keep: the attribute is named by what it links (service and facet code).
    attribute_id = derive_id(ctx.feed, "attribute", f"{ctx.source_id}/{code}")
    return _attribute(attribute_id, term, ctx)


def _term(code: str, name: str, vocabulary: str | None, ctx: _Context) -> JsonDict:
    term: JsonDict = {"id": _term_id(code, vocabulary, ctx), "name": name,
                      "description": name}  # ORUK 3.0 requires one; v1 terms have none
    _put(term, "taxonomy", vocabulary)
    term["code"] = code
    return term


def _term_id(code: str, vocabulary: str | None, ctx: _Context) -> str:
    # v1 term ids are only unique within a vocabulary ("298" may be esd or a local list).
    return derive_id(ctx.feed, "taxonomy_term", code if is_uuid(code) else f"{vocabulary}:{code}")


def _attribute(attribute_id: str, term: JsonDict, ctx: _Context) -> JsonDict:
    return {"id": attribute_id, "link_id": ctx.service_id, "link_entity": "service",
            "taxonomy_term_id": term["id"], "taxonomy_term": term}
