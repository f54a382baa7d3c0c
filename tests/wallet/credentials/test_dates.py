"""Credential dates on import: the day as written, Open Badges 1.x numeric dates read, unreadable ones never cut."""

from __future__ import annotations

import json
from typing import Any

from wallet.credentials import demo_issuers
from wallet.credentials.dates import NOT_READABLE, calendar_date, shown_date
from wallet.session import Session


def _start(session: Session, document: dict[str, Any]) -> str | None:
    [outcome] = session.credentials.import_bytes(json.dumps(document).encode(), "given.json")
    assert outcome.outcome == "imported", outcome.message
    return session.get_record(outcome.record_id or "").start


def test_unreadable_issue_date_is_left_out_not_cut_to_ten_characters(session: Session) -> None:
    """validFrom 'sometime in 2021' gives no start date (never 'sometime i'), and is shown 'date not readable'."""
    badge = demo_issuers.forklift_badge(session.did)
    badge["validFrom"] = "sometime in 2021"
    assert _start(session, badge) is None
    assert shown_date("sometime in 2021") == NOT_READABLE


def test_open_badges_1_numeric_issued_on_becomes_its_day(session: Session) -> None:
    """An OB 1.x issuedOn of seconds since 1970 is stored as the UTC day it names, not as ten digits."""
    assertion = {"uid": "a1", "recipient": {"type": "email", "hashed": False, "identity": "a@example.org"},
                 "badge": "https://issuer.example/badge.json", "issuedOn": 1359217910,
                 "verify": {"type": "hosted", "url": "https://issuer.example/a1.json"}}
    assert _start(session, assertion) == "2013-01-26"


def test_day_is_the_one_written_before_any_change_of_zone(session: Session) -> None:
    """'2023-03-01T23:30:00-05:00' is issued on 1 March (as written), not on 2 March in UTC."""
    badge = demo_issuers.forklift_badge(session.did)
    badge["validFrom"] = "2023-03-01T23:30:00-05:00"
    assert _start(session, badge) == "2023-03-01"


def test_shown_date_of_absent_readable_and_unreadable_values() -> None:
    """Absent is empty, a readable date its day, anything else 'date not readable' (numbers too big included)."""
    assert (shown_date(None), shown_date("  "), shown_date("2024-02-29")) == ("", "", "2024-02-29")
    assert shown_date("2024-02-30") == NOT_READABLE
    assert shown_date(10**30) == NOT_READABLE
    assert calendar_date(True) is None
