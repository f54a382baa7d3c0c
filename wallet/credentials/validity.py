"""The validity period check: validFrom/validUntil (VC 2.0), issuanceDate/expirationDate (VC 1.1),
issuedOn/expires (OB 2.0) and JWT nbf/exp, against an injectable `now`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from wallet.credentials.report import Check, CheckName, Outcome, clip


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 date-time (or date) as an aware UTC datetime; None when absent or unreadable."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("z", "Z")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)




def day(moment: datetime) -> str:
    return moment.strftime("%d %B %Y").lstrip("0")


def check_validity(document: dict[str, Any], now: datetime, jwt_claims: dict[str, Any] | None = None) -> Check:
    """One Check for the validity window."""
    claims = jwt_claims or {}
    start_raw = document.get("validFrom", document.get("issuanceDate", document.get("issuedOn", claims.get("nbf"))))
    end_raw = document.get("validUntil", document.get("expirationDate", document.get("expires", claims.get("exp"))))
    start, end = parse_time(start_raw), parse_time(end_raw)
    if start_raw is not None and start is None:
        return Check(CheckName.VALIDITY, Outcome.FAILED, f"The start date {clip(start_raw, 40)!r} is not a valid date.")
    if end_raw is not None and end is None:
        return Check(CheckName.VALIDITY, Outcome.FAILED, f"The end date {clip(end_raw, 40)!r} is not a valid date.")
    if start and end and end < start:
        return Check(CheckName.VALIDITY, Outcome.FAILED, "The credential ends before it starts: its dates are wrong.")
    if start and start > now:
        return Check(CheckName.VALIDITY, Outcome.FAILED, f"Not valid yet: it only becomes valid on {day(start)}.")
    if end and end <= now:
        return Check(CheckName.VALIDITY, Outcome.FAILED, f"Expired on {day(end)}.")
    if end:
        return Check(CheckName.VALIDITY, Outcome.PASSED, f"Valid until {day(end)}.")
    if start:
        return Check(CheckName.VALIDITY, Outcome.PASSED, f"Valid since {day(start)}, with no end date.")
    return Check(CheckName.VALIDITY, Outcome.WARNING, "The credential gives no issue date.")
