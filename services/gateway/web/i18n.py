"""The citizen pages in the person's language (Flask-Babel), and a switcher that keeps the request.

The language is, in order: the one just chosen with the switcher (``lang`` in the address or
the form), the one chosen before (a ``lang`` cookie, set only by choosing), the browser's
Accept-Language, else English. Catalogs live in ``translations/<code>/LC_MESSAGES``; a
language is offered once its compiled catalog is there. Pages for link workers and groups
(the API reference, a group's reply to a referral) call no gettext and stay English.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from flask import Flask, Response, current_app, request
from flask_babel import Babel, get_locale, gettext
from markupsafe import Markup

from linkwell import vocab

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
DEFAULT = "en"
COOKIE = "lang"
COOKIE_DAYS = 365
# The switcher's field, in the address (a link) or the body (a button of a form).
SWITCH_FIELD = "lang"


@cache
def catalog_languages(root: Path = TRANSLATIONS) -> tuple[str, ...]:
    """English, then every language with a compiled catalog, in code order."""
    found = sorted(p.parent.parent.name for p in root.glob("*/LC_MESSAGES/messages.mo"))
    return (DEFAULT, *found)


def offered() -> tuple[str, ...]:
    """The languages this deployment offers: English and each compiled catalog in the
    translation directories (``LINKWELL_PAGE_LANGUAGES`` narrows them)."""
    from flask_babel import get_babel

    found = [c for root in get_babel().translation_directories
             for c in catalog_languages(Path(root))]
    have = tuple(dict.fromkeys([DEFAULT, *sorted(found)]))
    wanted = current_app.config.get("PAGE_LANGUAGES")
    if not wanted:
        return have
    chosen = [c.strip() for c in str(wanted).split(",") if c.strip() in have]
    return tuple(dict.fromkeys([DEFAULT, *chosen]))


def select_locale() -> str:
    """The page's language for this request (see the module's docstring)."""
    have = offered()
    chosen = request.values.get(SWITCH_FIELD) or request.cookies.get(COOKIE)
    if chosen in have:
        return str(chosen)
    return request.accept_languages.best_match(have, default=DEFAULT) or DEFAULT


def direction(code: str) -> str:
    """``rtl`` for a language written right to left (Arabic, Urdu...), else ``ltr``."""
    try:
        order = Locale.parse(code.replace("-", "_")).character_order
    except (ValueError, LookupError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def own_name(code: str) -> str:
    """A language as its speakers write it, for the switcher: "বাংলা", "Soomaali"."""
    english, own = vocab.NAMES.get(code, (code, None))
    return own or english


def language_label(code: str) -> str:
    """A language as a label, on a page in any language: "Bengali (বাংলা)". Its own name
    beside the English one is what its speakers look for; CLDR's names of languages in
    Somali are not reliable enough (it calls Bengali "Bangladesh")."""
    return vocab.label(code)


def current() -> str:
    return str(get_locale() or DEFAULT)


def page_context(template: str = "") -> dict[str, Any]:
    """What every citizen page needs to say its language and offer the others."""
    code = current()
    return {"page_lang": code, "page_dir": direction(code),
            "switch_languages": [(c, own_name(c), direction(c)) for c in offered()],
            "switch_link": switch_link, "switch_form": switch_form(template),
            "js_messages": js_messages()}


def switch_link(code: str) -> str:
    """This page's address in another language: every value of the query kept. A page that
    answered a form it no longer shows (a request sent) links to the listing it was about."""
    from urllib.parse import urlencode

    path = request.path
    if request.method == "POST":
        path = path.rsplit("/", 1)[0] if path.endswith(("/join", "/report")) else "/"
    args = [(k, v) for k, v in request.args.items(multi=True) if k != SWITCH_FIELD]
    return path + "?" + urlencode([*args, (SWITCH_FIELD, code)])


# Pages that answer a form and show it again: the switcher's buttons belong to that form.
SWITCH_FORMS = {"match.html": "match-form", "join.html": "join-form", "report.html": "report-form"}


def switch_form(template: str) -> str | None:
    return SWITCH_FORMS.get(template) if request.method == "POST" else None


def switching() -> bool:
    """Whether this POST is the language switcher re-sending a form, not the person sending it."""
    return request.method == "POST" and SWITCH_FIELD in request.form


STATIC_JS = Path(__file__).resolve().parent.parent / "static" / "js"
SAFETY = Path(__file__).resolve().parents[2] / "matcher" / "safety.py"


@cache
def script_msgids(name: str) -> tuple[str, ...]:
    """The strings a script of ours shows, found as pybabel finds them (``_("...")``)."""
    from babel.messages.extract import extract_javascript

    with (STATIC_JS / name).open("rb") as handle:
        found = list(extract_javascript(handle, {"_": None}, [], {}))
    return tuple(dict.fromkeys(str(m) for _, _, m, _ in found if isinstance(m, str) and m))


@cache
def safety_msgids() -> tuple[str, ...]:
    """The words of urgent help the matcher sends (marked ``N_`` in its safety module)."""
    from babel.messages.extract import extract_python

    with SAFETY.open("rb") as handle:
        found = list(extract_python(handle, {"N_": None}, [], {}))
    return tuple(dict.fromkeys(str(m) for _, _, m, _ in found if isinstance(m, str) and m))


def translated(msgids: tuple[str, ...]) -> dict[str, str]:
    """Each string in the current language, for a script to show (only those that differ)."""
    if current() == DEFAULT:
        return {}
    return {m: t for m in msgids if (t := gettext(m)) != m}


def js_messages() -> dict[str, str]:
    return translated(script_msgids("linkwell.js"))


def remember_choice(response: Response) -> Response:
    """A language chosen with the switcher is kept for the next pages (a cookie holding only
    the language code); the page's language depends on these headers, so caches are told."""
    if response.mimetype != "text/html":
        return response
    chosen = request.values.get(SWITCH_FIELD) if request.method in ("GET", "POST") else None
    # The widget's frame on a partner's page keeps no cookie: the partner chose its language.
    framed = request.endpoint == "embed.embed"
    if chosen in offered() and request.cookies.get(COOKIE) != chosen and not framed:
        response.set_cookie(COOKIE, str(chosen), max_age=COOKIE_DAYS * 86400, samesite="Lax",
                            httponly=True, secure=request.is_secure)
    response.vary.update(("Accept-Language", "Cookie"))
    return response


def in_english() -> Markup:
    """For words that come in English from the taxonomy or the matcher, on a page in another
    language: said so, so that a screen reader reads them with an English voice."""
    return Markup("") if current() == DEFAULT else Markup(' lang="en" dir="ltr"')


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale,
          default_translation_directories=str(TRANSLATIONS))
    app.config.setdefault("PAGE_LANGUAGES", None)
    app.after_request(remember_choice)
    app.add_template_global(in_english)
