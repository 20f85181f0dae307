"""Parsers for the template's simple cells: status, ages, dates, contacts, postcodes,
coordinates, delivery, cost and languages. Each raises ``_CellError`` naming its column.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from linkwell.feeds.csv_template.common import _CellError, _plain_dashes, _put, _sentence
from linkwell.vocab import WRITTEN_LANGUAGES

# --------------------------------------------------------------------------- simple cells

_STATUSES = {
    "active": ("running", "active", "open", "yes", "on", "live", "current", "ok"),
    "inactive": ("paused", "on hold", "inactive", "temporarily closed", "closed for now",
                 "suspended", "not running", "not running at the moment", "on a break"),
    "defunct": ("ended", "stopped", "closed", "finished", "defunct", "no longer running",
                "closed down", "no"),
}


def _parse_status(cell: str) -> str:
    """Running/Paused/Ended (and everyday synonyms) as HSDS active/inactive/defunct."""
    value = cell.lower().strip(" .!")
    if not value:
        return "active"  # a listed activity with no status is taken to be running
    for status, words in _STATUSES.items():
        if value in words:
            return status
    raise _CellError("status", f"'{cell}' is not a status (use Running, Paused or Ended)")


def _parse_age(cell: str, column: str) -> int | None:
    if not cell:
        return None
    match = re.fullmatch(r"(\d{1,3})\s*(?:\+|years?|yrs?)?(?:\s*old)?", cell.lower())
    if not match or int(match.group(1)) > 120:
        raise _CellError(column, f"'{cell}' is not an age in years (e.g. 18)")
    return int(match.group(1))


def _ages_from_words(who_for: str) -> tuple[int | None, int | None]:
    """Ages people write in "who it is for" ("Men 50+", "young people 11-25", "over 60s").

    Used only when the age columns are empty, so search can still filter by age. Children's
    ages in a family activity ("families with children aged 3 to 8") are not the age limit
    of the grown-ups who come too, so they are left alone.
    """
    text = _plain_dashes(who_for.lower())
    span = re.search(r"\b(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\b", text)
    # A bare span ("children 0-5") may describe who comes along, not an age limit, so only
    # words that speak of the person's own age count.
    about_age = re.search(r"\b(aged?|ages|young|youth|years?|yrs)\b", text)
    about_children = re.search(r"\b(famil\w*|parents?|children|child|babies|toddlers)\b", text)
    if span and about_age and not about_children and int(span.group(1)) <= int(span.group(2)):
        return int(span.group(1)), int(span.group(2))
    over = re.search(r"\b(\d{1,2})\s*\+|\bover\s*(\d{1,2})s?\b|\b(\d{1,2})s? and over\b", text)
    if over:
        return int(next(g for g in over.groups() if g)), None
    return None, None


_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d",
                 "%d %B %Y", "%d %b %Y", "%B %Y", "%b %Y")


def _parse_date(cell: str) -> str:
    """UK day-first dates as people type them (and ISO dates) as ``YYYY-MM-DD``."""
    if not cell:
        return ""
    value = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?$", "", cell)  # Excel's "2025-06-14 00:00:00"
    value = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value, flags=re.I)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise _CellError("last_checked", f"'{cell}' is not a date (use DD/MM/YYYY, e.g. 14/06/2025)")


def _parse_email(cell: str) -> str:
    value = re.sub(r"^mailto:", "", cell, flags=re.I).strip()
    if value and not re.fullmatch(r"[^@\s;,]+@[^@\s;,]+\.[a-zA-Z]{2,}", value):
        raise _CellError("contact_email", f"'{cell}' is not an email address")
    return value


def _parse_website(cell: str) -> str:
    if not cell:
        return ""
    value = cell if re.match(r"^https?://", cell, flags=re.I) else f"https://{cell}"
    if not re.fullmatch(r"https?://[^\s/.]+(\.[^\s/.]+)+(/\S*)?", value, flags=re.I):
        raise _CellError("website", f"'{cell}' is not a web address (e.g. www.example.org)")
    return value


def _parse_phone(cell: str) -> str:
    """A UK number, tidied; puts back the leading 0 that Excel drops from number cells."""
    value = cell.strip()
    digits = re.sub(r"\D", "", value)
    if re.search(r"[a-z]", value, flags=re.I) or not 10 <= len(digits) <= 12:
        raise _CellError("contact_phone", f"'{cell}' is not a phone number (e.g. 020 7946 0123)")
    if digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits
    if re.fullmatch(r"02\d{9}", digits):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if re.fullmatch(r"0[38]\d{9}", digits):
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if re.fullmatch(r"0[17]\d{9}", digits):
        return f"{digits[:5]} {digits[5:]}"
    return re.sub(r"\s+", " ", value)


_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})\b", re.I)
_OUTWARD = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]?", re.I)


def _parse_postcode(cell: str) -> str:
    """A full postcode as ``NW5 2AA``; an outward code alone (``NW5``) is kept as it is."""
    if not cell:
        return ""
    compact = cell.upper().replace(" ", "")
    match = _POSTCODE.fullmatch(compact)
    if match:
        return f"{match.group(1)} {match.group(2)}".upper()
    if _OUTWARD.fullmatch(compact):
        return compact
    raise _CellError("postcode", f"'{cell}' is not a UK postcode (e.g. NW5 2AA)")


def _split_postcode(address: str) -> tuple[str, str]:
    """Take a trailing ", London NW5 2AA" off an address; return (address, postcode found)."""
    match = _POSTCODE.search(address.upper())
    postcode = ""
    if match and match.end() >= len(address.rstrip(" ,.")):
        postcode = f"{match.group(1)} {match.group(2)}".upper()
        address = address[: match.start()]
    address = re.sub(r"[,\s]*\blondon\b[,\s]*$", "", address.strip(" ,"), flags=re.I)
    return address.strip(" ,"), postcode


def _parse_coordinates(lat_cell: str, lon_cell: str) -> tuple[float, float] | None:
    if not lat_cell and not lon_cell:
        return None
    if not (lat_cell and lon_cell):
        column = "longitude" if lat_cell else "latitude"
        raise _CellError(column, "is empty; give both latitude and longitude, or neither")
    lat, lon = _number(lat_cell, "latitude"), _number(lon_cell, "longitude")
    if 49.8 <= lon <= 60.9 and -8.7 <= lat <= 1.8:
        raise _CellError("latitude", f"'{lat_cell}' and '{lon_cell}' look swapped: latitude "
                                     "in London is about 51.5, longitude about -0.1")
    if not 49.8 <= lat <= 60.9:
        raise _CellError("latitude", f"'{lat_cell}' is not a latitude in the UK (about 51.5)")
    if not -8.7 <= lon <= 1.8:
        raise _CellError("longitude", f"'{lon_cell}' is not a longitude in the UK (about -0.1)")
    return round(lat, 6), round(lon, 6)


def _number(cell: str, column: str) -> float:
    try:
        return float(_plain_dashes(cell))
    except ValueError:
        raise _CellError(column, f"'{cell}' is not a number") from None


# ----------------------------------------------------------------------------- delivery

_DELIVERY_WORDS = {
    "in_person": ("in person", "in-person", "face to face", "face-to-face", "venue", "on site",
                  "onsite", "drop in", "drop-in"),
    "online": ("online", "video", "zoom", "teams", "virtual", "video call", "google meet"),
    "phone": ("phone", "telephone", "by phone", "phone calls", "calls", "phone call"),
    "home_visit": ("home visit", "home visits", "at home", "visits at home", "we come to you"),
}
_ATTENDING = {"in_person": "In person", "online": "Online (video)", "phone": "By phone",
              "home_visit": "At home (home visits)"}


def _parse_delivery(cell: str) -> list[str]:
    """"In person", "Online", "Phone", "Home visits", "Hybrid", or several joined by ; / and."""
    modes: list[str] = []
    for item in re.split(r"[;,/+&]|\band\b|\bor\b", cell.lower()):
        item = item.strip(" .")
        if not item:
            continue
        found = ["in_person", "online"] if item == "hybrid" else [
            mode for mode, words in _DELIVERY_WORDS.items() if item in words]
        if not found:
            raise _CellError("delivery", f"'{item}' is not a way of taking part (use In person, "
                                         "Online, Phone, Home visits or Hybrid)")
        modes += [mode for mode in found if mode not in modes]
    return modes


def _attending_type(modes: list[str]) -> str:
    return " or ".join(_ATTENDING[mode] for mode in modes)


# ---------------------------------------------------------------------------------- cost

_PRICE = re.compile(r"£\s*(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s*(?:p\b|pence)|"
                    r"(\d+(?:\.\d{1,2})?)\s*(?:pounds?|gbp)\b", re.I)
_FREE = re.compile(r"\bfree\b|\bno charge\b|\bnothing\b|£\s*0(?:\.00)?\b(?!\.\d)", re.I)
_DONATION = re.compile(r"\b(donations?|pay what you can|pay as you feel|pwyc|by donation|"
                       r"contribution)\b", re.I)
_CONCESSION = re.compile(r"\b(conc\w*|reduced|unwaged|low income|students?|over 60s|"
                         r"benefits)\b", re.I)


def _parse_cost(cell: str) -> list[dict[str, Any]]:
    """Cost options: "Free", "£3", "£3 (£1 concessions)", "Donation", "£40 for 8 weeks".

    Free and donation-based options get amount 0 (nobody has to pay to come); a price with
    words around it keeps those words as the amount description.
    """
    if not cell:
        return []
    parts = [p.strip(" .,;") for p in re.split(r"[;/()]|,\s*|\bor\b", cell) if p.strip(" .,;")]
    options: list[dict[str, Any]] = []
    for part in parts:
        option = _cost_option(part, first=not options)
        if "amount" not in option and options:
            # Words with no price ("£2 (includes tea)") describe the option before them.
            before = options[-1]
            extra = part[0].lower() + part[1:]
            before["amount_description"] = ", ".join(
                [d for d in (before.get("amount_description"), extra) if d])
            continue
        options.append(option)
    priced = any(o.get("amount", 0) > 0 for o in options)
    if "£" in cell and not priced and not (_FREE.search(cell) or _DONATION.search(cell)):
        raise _CellError("cost", f"'{cell}' is not a price (write Free, £3, or "
                                 "£3 (£1 concessions))")
    return options


def _cost_option(part: str, *, first: bool) -> dict[str, Any]:
    option: dict[str, Any] = {}
    price = _PRICE.search(part)
    amount = _price_amount(price) if price else None
    if price is None and re.fullmatch(r"\d+(\.\d{1,2})?", part):
        amount = _money(float(part))  # "3" in a cost column means £3
    words = _PRICE.sub("", part).strip(" -:") if price else ("" if amount is not None else part)
    words = re.sub(r"\s+", " ", words)
    if _DONATION.search(part):
        option["option"] = "Pay what you can"
        option["amount"] = 0
        desc = f"Suggested donation £{amount:.2f}" if amount else "Donations welcome"
        option["amount_description"] = desc
    elif _FREE.search(part) and not amount:
        option["option"] = "Free" if words.lower() in ("free", "") else _sentence(words)
        option["amount"] = 0
    elif amount is not None:
        concession = bool(_CONCESSION.search(words))
        named = not first and not concession and bool(words)  # "£3 others": words name it
        option["option"] = ("Concessions" if concession else
                            _sentence(words) if named else "Standard")
        option["amount"] = amount
        plain = named or words.lower() in ("", "each", "concessions", "concession", "concs",
                                           "conc")
        _put(option, "amount_description", "" if plain else words)
    else:
        option["option"] = _sentence(words)
    option["currency"] = "GBP"
    return option


def _price_amount(match: re.Match[str]) -> float | int:
    pounds, pence, words = match.groups()
    return _money(float(pounds or words) if (pounds or words) else float(pence) / 100)


def _money(value: float) -> float | int:
    """Whole pounds as an int (3, not 3.0), pence to two places."""
    return int(value) if value == int(value) else round(value, 2)


# ------------------------------------------------------------------------------ languages

_LANGUAGES = WRITTEN_LANGUAGES
_BY_CODE = {code: (name, code) for name, code in _LANGUAGES.values()}


def _parse_language(item: str) -> tuple[str, str, str]:
    """(name, ISO code, note) for "Bengali", "bn" or "Bengali (Sylheti speakers welcome)".

    A language not in the table keeps its name with no code rather than failing the row.
    """
    note = ""
    match = re.fullmatch(r"(.*?)\s*\((.*)\)", item.strip())
    if match:
        item, note = match.group(1), match.group(2).strip()
    key = re.sub(r"\s+", " ", item.lower().strip())
    name, code = _LANGUAGES.get(key) or _BY_CODE.get(key) or (_sentence(item.strip()), "")
    return name, code, note
