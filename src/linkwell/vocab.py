"""Linkwell's shared vocabularies: languages (ISO 639 codes, English and own names) and days.

A label a person reads names a language in English and, where it has one, in its own
script ("Bengali (বাংলা)"), never as a bare code. Days are iCalendar codes (``MO``...``SU``,
as HSDS schedules write them) in week order from Monday, with their English names.
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
# Languages as the spreadsheet template's ``languages`` cell names them: the name it writes
# into the service (its own spelling, "Persian (Farsi)", "Mandarin") and the ISO 639-1 code,
# or 639-3 where 639-1 has none. Common languages in London boroughs.
WRITTEN_LANGUAGES: dict[str, tuple[str, str]] = {
    "english": ("English", "en"), "bengali": ("Bengali", "bn"), "bangla": ("Bengali", "bn"),
    "sylheti": ("Sylheti", "syl"), "somali": ("Somali", "so"), "arabic": ("Arabic", "ar"),
    "portuguese": ("Portuguese", "pt"), "spanish": ("Spanish", "es"),
    "turkish": ("Turkish", "tr"), "polish": ("Polish", "pl"), "urdu": ("Urdu", "ur"),
    "yoruba": ("Yoruba", "yo"), "chinese": ("Chinese", "zh"), "mandarin": ("Mandarin", "zh"),
    "cantonese": ("Cantonese", "yue"), "tigrinya": ("Tigrinya", "ti"),
    "amharic": ("Amharic", "am"), "french": ("French", "fr"), "italian": ("Italian", "it"),
    "romanian": ("Romanian", "ro"), "bulgarian": ("Bulgarian", "bg"),
    "lithuanian": ("Lithuanian", "lt"), "russian": ("Russian", "ru"),
    "ukrainian": ("Ukrainian", "uk"), "farsi": ("Persian (Farsi)", "fa"),
    "persian": ("Persian (Farsi)", "fa"), "dari": ("Dari", "prs"), "kurdish": ("Kurdish", "ku"),
    "pashto": ("Pashto", "ps"), "hindi": ("Hindi", "hi"), "punjabi": ("Punjabi", "pa"),
    "gujarati": ("Gujarati", "gu"), "tamil": ("Tamil", "ta"), "nepali": ("Nepali", "ne"),
    "greek": ("Greek", "el"), "hebrew": ("Hebrew", "he"), "yiddish": ("Yiddish", "yi"),
    "albanian": ("Albanian", "sq"), "twi": ("Twi", "tw"), "igbo": ("Igbo", "ig"),
    "hausa": ("Hausa", "ha"), "swahili": ("Swahili", "sw"), "lingala": ("Lingala", "ln"),
    "korean": ("Korean", "ko"), "japanese": ("Japanese", "ja"),
    "vietnamese": ("Vietnamese", "vi"), "tagalog": ("Tagalog", "tl"),
    "german": ("German", "de"), "dutch": ("Dutch", "nl"), "welsh": ("Welsh", "cy"),
    "irish": ("Irish", "ga"), "bsl": ("British Sign Language", "bfi"),
    "british sign language": ("British Sign Language", "bfi"),
    "sign language": ("British Sign Language", "bfi"),
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

# Days of the week from Monday: lower-case English names and their iCalendar codes.
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_CODES = dict(zip(DAYS, ICAL_DAYS, strict=True))
# A day as people write it (lower-cased) and the day it means: its name, its first three
# letters, "tues" and "thurs"; and, where a format uses them, its iCalendar code ("tu").
DAY_NAMES = ({day: day for day in DAYS} | {day[:3]: day for day in DAYS}
             | {"tues": "tuesday", "thurs": "thursday"})
DAY_CODE_NAMES = {code.lower(): day for day, code in DAY_CODES.items()}


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
