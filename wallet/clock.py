"""Injected time: everything that depends on 'now' takes a Clock so tests are deterministic."""

from __future__ import annotations

import datetime
from collections.abc import Callable

Clock = Callable[[], datetime.datetime]


def system_clock() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def utc_iso(moment: datetime.datetime) -> str:
    """ISO 8601 in UTC with a Z, to the second."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
