"""The citizen pages' catalogs are current, complete and compiled from what is committed.

When one fails: run ``scripts/translations`` (extract, update, compile), translate what it
added to each ``services/gateway/translations/<lang>/LC_MESSAGES/messages.po``, and run it
again to compile.
"""

from __future__ import annotations

import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "services" / "gateway" / "translations"
LANGUAGES = sorted(p.name for p in TRANSLATIONS.iterdir() if (p / "LC_MESSAGES").is_dir())
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
# The words of urgent help (services/matcher/safety.py) and the page's own around them.
URGENT = ("If you need help now", "If someone is in danger right now, call 999.", "call",
          "Emergency services", "Samaritans", "111, then option 2")


def po(lang: str) -> Catalog:
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def ids(catalog: Catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_there_are_bengali_and_somali_catalogs() -> None:
    assert {"bn", "so"} <= set(LANGUAGES)


def test_the_template_holds_every_string_the_code_marks(tmp_path: Path) -> None:
    """A fresh extraction (babel.cfg, as scripts/translations runs it) finds no new string."""
    fresh = tmp_path / "fresh.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "-k", "_l", "-k", "N_", "--no-location", "-o", str(fresh), "."],
                   cwd=ROOT, check=True, capture_output=True)
    with fresh.open("rb") as handle:
        extracted = ids(read_po(handle))
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        committed = ids(read_po(handle))
    assert extracted - committed == set(), "run scripts/translations"
    assert committed - extracted == set(), "run scripts/translations"
    assert set(URGENT) <= extracted


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated_with_its_placeholders(lang: str) -> None:
    catalog = po(lang)
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        assert ids(catalog) >= ids(read_po(handle))
    for message in catalog:
        if not message.id:
            continue
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, f"{lang}: untranslated {originals[0]!r}"
        wanted = set(PLACEHOLDER.findall(originals[-1]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == wanted, (lang, originals[0], text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalog_says_who_translated_it_and_that_it_needs_review(lang: str) -> None:
    text = (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    header = text.split('msgid ""', 1)[0]
    assert "Translated by" in header and "a native speaker must review" in header


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalog_is_the_committed_one_compiled(lang: str) -> None:
    catalog = po(lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.mo").open("rb") as handle:
        committed = read_mo(handle)
    expected = read_mo(compiled)

    def pairs(c: Catalog) -> dict[object, object]:
        def key(value: object) -> object:  # read_mo gives plurals as lists
            return tuple(value) if isinstance(value, list | tuple) else value

        return {key(m.id): key(m.string) for m in c if m.id}

    assert pairs(committed) == pairs(expected), "run scripts/translations compile"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_urgent_help_is_translated(lang: str) -> None:
    catalog = po(lang)
    for words in URGENT:
        found = catalog.get(words)
        assert found is not None and found.string, (lang, words)
