"""The words people read, in their language: English (the source) and Spanish.

Every visible string is written in English in the code and wrapped in `_()` (or `N_()` where it is a constant
read later, then passed through `_()` when shown); `ngettext()` picks singular or plural. The Spanish lives in
gettext catalogues, resources/i18n/es/LC_MESSAGES/<area>.po, one per part of the code so several people can
translate at once; `python scripts/build_translations.py` extracts the marked strings, adds new ones to the
catalogues and compiles each to a .mo beside it (stdlib gettext reads those at run time, Babel is only needed
to build and to format dates).

The language is one per process: the app sets it from its settings (or the system locale) before it builds a
window; the command line stays English unless it is asked otherwise. Skills and occupations keep the
taxonomies' English labels.
"""

from __future__ import annotations

import gettext
import os
import re
import struct
from datetime import date, datetime
from functools import cache

from wallet.resources import resource_path

LANGUAGES = ("en", "es")
"""The languages the app ships, English first (the source language)."""

LANGUAGE_NAMES = {"en": "English", "es": "Español"}
"""Each language's name in itself, as a language menu shows it."""

DOMAIN_FOLDER = ("i18n",)

_language = "en"


def language_for(locale_name: str | None = None) -> str:
    """'es' for a Spanish locale ('es', 'es_MX.UTF-8', 'es-419'), else 'en'. None: the environment's locale
    (LC_ALL, LC_MESSAGES, LANG, in the order POSIX reads them)."""
    if locale_name is None:
        locale_name = next((os.environ[key] for key in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(key)),
                           "")
    code = re.split(r"[_.@-]", locale_name.strip().lower(), maxsplit=1)[0]
    return code if code in LANGUAGES else "en"


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    """Every compiled catalogue of `language` chained into one (an empty one for English or when none ship)."""
    chain: gettext.NullTranslations = gettext.NullTranslations()
    if language == "en":
        return chain
    folder = resource_path(*DOMAIN_FOLDER, language, "LC_MESSAGES")
    try:
        files = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".mo")), key=lambda e: e.name)
    except OSError:
        files = []
    for path in files:
        try:
            with path.open("rb") as handle:
                catalogue = gettext.GNUTranslations(handle)
        except (OSError, ValueError, struct.error):
            continue  # a damaged catalogue leaves its strings in English rather than stopping the app
        if isinstance(chain, gettext.GNUTranslations):
            chain.add_fallback(catalogue)
        else:
            chain = catalogue
    return chain


def set_language(language: str) -> str:
    """Use `language` ('en', 'es', or a locale name such as 'es_MX') from now on; returns the code chosen."""
    global _language
    code = language if language in LANGUAGES else language_for(language)
    _language = code
    return code


def current_language() -> str:
    """The code of the language in use ('en' until someone sets another)."""
    return _language


def _(message: str) -> str:
    """`message` in the current language (itself in English, or when no translation exists)."""
    if _language == "en" or not message:
        return message
    return _catalogue(_language).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the current language."""
    if _language == "en":
        return singular if count == 1 else plural
    return _catalogue(_language).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks `message` for translation without translating it now (a constant shown later through `_()`)."""
    return message


def format_date(value: date | datetime, style: str = "long", language: str | None = None) -> str:
    """A date as people of `language` write it ('4 December 2026' / '4 de diciembre de 2026'); `style` is
    'short', 'medium' or 'long'."""
    from babel.dates import format_date as babel_format_date  # Babel's locale data loads on first use

    day = value.date() if isinstance(value, datetime) else value
    return babel_format_date(day, format=style, locale=_locale(language))


def format_month(year: int, month: int, language: str | None = None) -> str:
    """A month of a year as people of `language` write it ('December 2022' / 'diciembre de 2022')."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", date(year, month, 1), locale=_locale(language))


def format_short_month(year: int, month: int, language: str | None = None) -> str:
    """A month of a year, short, as people of `language` write it ('Dec 2022' / 'dic 2022')."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMM", date(year, month, 1), locale=_locale(language))


def format_number(value: float | int, language: str | None = None) -> str:
    """A number with the grouping and decimal marks of `language` (1,234.5 / 1234,5)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(language))


def _locale(language: str | None) -> str:
    code = language or _language
    return {"en": "en_GB", "es": "es"}.get(code, "en_GB")


__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "N_", "_", "current_language", "format_date", "format_month", "format_number",
           "format_short_month", "language_for", "ngettext", "set_language"]
