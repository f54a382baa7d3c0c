"""Dates in lists and details read as words in the app's language, not as ISO numbers."""

from __future__ import annotations

import pytest

from ui.date_words import stamp_words
from ui.models import dates
from wallet.api import Record, RecordKind


@pytest.mark.parametrize(
    ("stamp", "words"),
    [("2024-02-10", "10 Feb 2024"), ("2021-03", "Mar 2021"), ("2020", "2020"), ("2024-02-10T09:30:00Z", "10 Feb 2024"),
     ("2021-13", "2021-13"), ("spring 2020", "spring 2020"), ("", ""), (None, "")],
)
def test_a_stamp_reads_as_a_date_in_words(stamp: str | None, words: str) -> None:
    """A day, a month or a year in words; what is not a date (a month 13, free text) is shown as written."""
    assert stamp_words(stamp) == words


def test_spanish_dates(spanish: None) -> None:
    """In Spanish the month is written the Spanish way."""
    assert stamp_words("2021-03") == "mar 2021"
    assert stamp_words("2024-02-10") == "10 feb 2024"


def _record(kind: RecordKind, start: str | None, end: str | None) -> Record:
    return Record(id="r", kind=kind, title="t", organisation="", start=start, end=end, description="", skills=(),
                  tags=(), created_at="", updated_at="")


def test_a_record_s_dates_in_words() -> None:
    """A range, one day once, a job still held, and a credential's single date."""
    assert dates(_record(RecordKind.ENTRY, "2021-03", "2023-08")) == "Mar 2021 – Aug 2023"
    assert dates(_record(RecordKind.ENTRY, "2024-02-10", "2024-02-10")) == "10 Feb 2024"
    assert dates(_record(RecordKind.ENTRY, "2022-01", None)) == "Jan 2022 – present"
    assert dates(_record(RecordKind.CREDENTIAL, "2023-05-04", None)) == "4 May 2023"
