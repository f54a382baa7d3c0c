"""The validity period check: validFrom/validUntil (VC 2.0), issuanceDate/expirationDate (VC 1.1),
issuedOn/expires (OB 2.0) and, for VC-JWT / VC-JOSE, the token's own `nbf`/`exp`, against an injected `now`.

Every moment taken or compared here is timezone-aware UTC: `now` must say its zone (`utc_moment`), and a date in a
credential written without one is read as UTC. A token's window is checked as well as the credential's, never
instead of it: a passed `exp` or a future `nbf` fails the check even when the credential's own dates are fine.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from wallet.credentials.report import Check, CheckName, Outcome, clip, said
from wallet.errors import UsageError
from wallet.i18n import N_, _

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def in_utc(moment: datetime) -> datetime:
    """An aware (or naive, read as UTC) datetime as UTC; one beyond the years 1–9999 once in UTC is clamped there."""
    aware = moment if moment.tzinfo is not None and moment.utcoffset() is not None else moment.replace(tzinfo=UTC)
    try:
        return aware.astimezone(UTC)
    except OverflowError:
        return (datetime.max if aware.year > 1 else datetime.min).replace(tzinfo=UTC)


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 date-time (or date) as an aware UTC datetime; None when absent or unreadable."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return numeric_date(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("z", "Z")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return in_utc(parsed)


def numeric_date(value: Any) -> datetime | None:
    """A JWT NumericDate (seconds since 1970, UTC) as an aware datetime; None when it is not a usable number."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def utc_moment(moment: object) -> datetime:
    """`moment` in UTC; a naive datetime (or anything else) is a UsageError, never silently taken as local time."""
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise UsageError(_("The moment to verify at must be a date and time with its time zone."))
    return in_utc(moment)


def parse_instant(text: str) -> datetime:
    """A moment a person typed (`--at`): a date (the start of that day, UTC) or a date-time with Z or an offset.

    A date-time without a zone is refused with a UsageError: it could mean any of 24 hours or more.
    """
    value = text.strip() if isinstance(text, str) else ""
    if _DATE_ONLY.fullmatch(value):
        parsed = parse_time(value)
        if parsed is not None:
            return parsed
    shown = clip(value, 40)
    try:
        moment = datetime.fromisoformat(value[:-1] + "+00:00" if value[-1:] in ("Z", "z") else value)
    except ValueError:
        raise UsageError(_("{shown!r} is not an ISO 8601 date or date-time, such as 2026-01-01T09:00:00Z.").format(
            shown=shown)) from None
    if moment.tzinfo is None:
        raise UsageError(_("{shown!r} has no time zone: add Z for UTC or an offset such as +02:00.").format(
            shown=shown))
    return in_utc(moment)


def day(moment: datetime) -> str:
    return moment.strftime("%d %B %Y").lstrip("0")


STARTS = ("validFrom", "issuanceDate", "issuedOn")
ENDS = ("validUntil", "expirationDate", "expires")
"""VC 2.0, VC 1.1 and OB 2.0 names of a credential's first and last valid moments."""


def _dates(document: dict[str, Any], names: tuple[str, ...], claim: Any) -> tuple[list[datetime], Any]:
    """Every date the credential gives under `names` (the token's `claim` when it gives none), and the first
    one that is not a date. An issuer who signs two ends ("expirationDate" 2023, "validUntil" 2099) is held to the
    earlier, two starts to the later: a credential never reads as valid longer than one of its own dates allows."""
    given = [document[name] for name in names if document.get(name) is not None]
    if not given and claim is not None:
        given = [claim]
    moments = []
    for raw in given:
        moment = parse_time(raw)
        if moment is None:
            return [], raw
        moments.append(moment)
    return moments, None


def _as_written(document: dict[str, Any], names: tuple[str, ...], latest: bool) -> Any:
    given = [document[name] for name in names if document.get(name) is not None]
    dated = [(moment, raw) for raw in given if (moment := parse_time(raw)) is not None]
    if not dated:
        return given[0] if given else None
    return (max if latest else min)(dated, key=lambda pair: pair[0])[1]


def dates_as_written(document: dict[str, Any]) -> tuple[Any, Any]:
    """(start, end) as the credential writes them, the ones the validity check holds it to: the later start and
    the earlier end when it gives two, so what a summary or résumé shows agrees with the verdict."""
    return _as_written(document, STARTS, latest=True), _as_written(document, ENDS, latest=False)


def credential_end(document: dict[str, Any]) -> datetime | None:
    """The credential's own end (the earliest it gives), None when it gives none that reads as a date."""
    ends, _bad = _dates(document, ENDS, None)
    return min(ends, default=None)


def _credential_window(document: dict[str, Any], now: datetime, claims: dict[str, Any]) -> Check:
    starts, start_raw = _dates(document, STARTS, claims.get("nbf"))
    ends, end_raw = _dates(document, ENDS, claims.get("exp"))
    if start_raw is not None:
        return Check(CheckName.VALIDITY, Outcome.FAILED, said(N_("The start date {start_raw!r} is not a valid date."),
            start_raw=clip(start_raw, 40)))
    if end_raw is not None:
        return Check(CheckName.VALIDITY, Outcome.FAILED, said(N_("The end date {end_raw!r} is not a valid date."),
            end_raw=clip(end_raw, 40)))
    start, end = max(starts, default=None), min(ends, default=None)
    if start and end and end < start:
        return Check(CheckName.VALIDITY, Outcome.FAILED, said(N_("The credential ends before it starts: its dates "
                                                                 "are wrong.")))
    if start and start > now:
        return Check(CheckName.VALIDITY, Outcome.FAILED, said(N_("Not valid yet: it only becomes valid on {start}."),
            start=start))
    if end and end <= now:
        return Check(CheckName.VALIDITY, Outcome.FAILED, said(N_("Expired on {end}."), end=end))
    if end:
        return Check(CheckName.VALIDITY, Outcome.PASSED, said(N_("Valid until {end}."), end=end))
    if start:
        return Check(CheckName.VALIDITY, Outcome.PASSED, said(N_("Valid since {start}, with no end date."),
            start=start))
    return Check(CheckName.VALIDITY, Outcome.WARNING, said(N_("The credential gives no issue date.")))


def _token_window(claims: dict[str, Any], now: datetime) -> tuple[Check | None, datetime | None]:
    """A failed check when the token's `nbf`/`exp` rule it out at `now`; otherwise None and the token's end."""
    moments: dict[str, datetime | None] = {}
    for name in ("nbf", "exp"):
        if claims.get(name) is None:
            moments[name] = None
            continue
        moments[name] = numeric_date(claims[name])
        if moments[name] is None:
            return Check(
                CheckName.VALIDITY,
                Outcome.FAILED,
                said(N_("The token's {name} claim ({value!r}) is not a valid time."),
                    name=name, value=clip(claims[name], 40)),
            ), None
    start, end = moments["nbf"], moments["exp"]
    if start is not None and start > now:
        return Check(
            CheckName.VALIDITY, Outcome.FAILED, said(N_("Not valid yet: its token only becomes valid on {start}."),
                start=start)
        ), None
    if end is not None and end <= now:
        return Check(CheckName.VALIDITY, Outcome.FAILED, said(N_("Expired: its token expired on {end}."),
            end=end)), None
    return None, end


def check_validity(document: dict[str, Any], now: datetime, jwt_claims: dict[str, Any] | None = None) -> Check:
    """One Check for the validity window: the credential's own dates and, for a token, its `nbf` and `exp`."""
    moment = utc_moment(now)
    claims = jwt_claims or {}
    credential = _credential_window(document, moment, claims)
    if credential.outcome is Outcome.FAILED:
        return credential
    failed, token_end = _token_window(claims, moment)
    if failed is not None:
        return failed
    own_end = credential_end(document)
    if token_end is not None and own_end is not None and token_end < own_end:
        return Check(CheckName.VALIDITY, Outcome.PASSED, said(N_("Valid until {token_end}, when its token expires."),
            token_end=token_end))
    return credential
