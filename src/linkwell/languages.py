"""One vocabulary of languages: ISO 639 codes, their English names and their own names.

A label a person reads names a language in English and, where it has one, in its own
script ("Bengali (বাংলা)"), never as a bare code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Language names as listings and people write them, to their codes.
CODES = {
    "english": "en", "bengali": "bn", "bangla": "bn", "sylheti": "syl", "somali": "so",
    "turkish": "tr", "polish": "pl", "portuguese": "pt", "spanish": "es", "urdu": "ur",
    "yoruba": "yo", "arabic": "ar", "chinese": "zh", "mandarin": "zh", "cantonese": "yue",
    "tigrinya": "ti", "french": "fr", "romanian": "ro", "punjabi": "pa", "gujarati": "gu",
    "tamil": "ta", "hindi": "hi", "kurdish": "ku", "farsi": "fa", "persian": "fa",
    "russian": "ru", "ukrainian": "uk", "italian": "it", "greek": "el", "lithuanian": "lt",
    "amharic": "am", "twi": "tw", "akan": "ak", "vietnamese": "vi", "pashto": "ps",
    "british sign language": "bfi", "bsl": "bfi",
}
# Each code's name in English, and its own name where it has one.
NAMES: dict[str, tuple[str, str | None]] = {
    "en": ("English", None), "bn": ("Bengali", "বাংলা"), "syl": ("Sylheti", None),
    "so": ("Somali", "Soomaali"), "tr": ("Turkish", "Türkçe"), "pl": ("Polish", "Polski"),
    "ar": ("Arabic", "العربية"), "ur": ("Urdu", "اردو"), "pt": ("Portuguese", "Português"),
    "es": ("Spanish", "Español"), "fr": ("French", "Français"), "yo": ("Yoruba", "Yorùbá"),
    "tw": ("Twi", None), "ak": ("Akan", None), "fa": ("Farsi", "فارسی"),
    "ti": ("Tigrinya", "ትግርኛ"), "am": ("Amharic", "አማርኛ"), "hi": ("Hindi", "हिन्दी"),
    "pa": ("Punjabi", "ਪੰਜਾਬੀ"), "gu": ("Gujarati", "ગુજરાતી"), "ta": ("Tamil", "தமிழ்"),
    "zh": ("Chinese", "中文"), "yue": ("Cantonese", "粵語"), "vi": ("Vietnamese", "Tiếng Việt"),
    "ku": ("Kurdish", "Kurdî"), "ro": ("Romanian", "Română"), "ru": ("Russian", "Русский"),
    "uk": ("Ukrainian", "Українська"), "lt": ("Lithuanian", "Lietuvių"),
    "it": ("Italian", "Italiano"), "el": ("Greek", "Ελληνικά"), "ps": ("Pashto", "پښتو"),
    "bfi": ("British Sign Language", None),
}


def english_name(code: str) -> str:
    """"Bengali" for ``bn``; a code we do not know is named as a language, not shown bare."""
    found = NAMES.get(code.lower())
    return found[0] if found else f"Language ({code})"


def label(code: str) -> str:
    """"Bengali (বাংলা)" for ``bn``: the English name, and its own where it differs."""
    found = NAMES.get(code.lower())
    if not found:
        return english_name(code)
    english, own = found
    return f"{english} ({own})" if own and own != english else english


_NAMED = re.compile(r"\b(" + "|".join(sorted(map(re.escape, CODES), key=len, reverse=True))
                    + r")\b")


def spoken_by(asset: Mapping[str, Any]) -> set[str]:
    """The languages a listing is in: its ``languages`` field, and those its own words name
    ("Somali Elders Tea", "Arabic-speaking women's group") or are written in."""
    codes = {str(c) for c in asset.get("languages") or []}
    text = " ".join(str(asset.get(key) or "") for key in ("name", "description"))
    codes.update(CODES[m] for m in _NAMED.findall(text.lower()))
    codes.update(code for code, (_, own) in NAMES.items() if own and own in text)
    return codes
