"""Dates as people write them: a record's '2024-02-10' or '2021-03' shown as '10 Feb 2024' or 'Mar 2021'."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from wallet.api import current_language, format_date, format_short_month

_STAMP = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?")


def stamp_words(stamp: str | None) -> str:
    """'2024-02-10' → '10 Feb 2024', '2021-03' → 'Mar 2021', '2020' → '2020', in the app's language; anything
    that is not such a date is shown as written."""
    if not stamp:
        return ""
    return _words(stamp, current_language())


@lru_cache(maxsize=4096)
def _words(stamp: str, language: str) -> str:
    found = _STAMP.fullmatch(stamp.strip())
    if found is None:
        return stamp
    year, month, day = (int(part) if part else 0 for part in found.groups())
    try:
        if day:
            return format_date(date(year, month, day), "medium", language)
        if month:
            date(year, month, 1)  # refuses a month 13
            return format_short_month(year, month, language)
    except ValueError:
        return stamp
    return str(year)
