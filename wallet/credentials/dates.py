"""A credential's dates as people see them: the calendar day as the issuer wrote it, or "date not readable".

A date the wallet cannot read is never cut to its first ten characters (that would show a made-up day); it is
left out of the record's dates and shown as "date not readable". Open Badges 1.x numeric dates (seconds since
1970) are read as the UTC day they name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wallet.credentials.validity import numeric_date, parse_time

NOT_READABLE = "date not readable"


def calendar_date(value: Any) -> str | None:
    """`YYYY-MM-DD` for a readable date (the day as written, before any change of zone); None otherwise."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        moment = numeric_date(value)
        return moment.date().isoformat() if moment is not None and moment.year >= 1 else None
    if parse_time(value) is None:
        return None
    text = str(value).strip().replace("z", "Z")
    try:
        written = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except ValueError:
        return None
    return written.date().isoformat()


def shown_date(value: Any) -> str:
    """The date to show: `YYYY-MM-DD`, "date not readable" when one is given but unreadable, "" when absent."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    return calendar_date(value) or NOT_READABLE
