"""Entry input validation and the record's presentation helpers."""

from __future__ import annotations

from typing import Any

import pytest

from wallet.errors import InvalidInputError
from wallet.models import (
    MAX_SKILLS,
    MAX_TEXT,
    CredentialInfo,
    EntryInput,
    EntryKind,
    EvidenceInfo,
    Record,
    RecordKind,
    parse_partial_date,
)


def _entry(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": "job", "title": "Warehouse Associate"}
    data.update(changes)
    return data


def test_minimal_entry() -> None:
    """Only kind and title are needed; everything else defaults to empty."""
    parsed = EntryInput.from_json(_entry())
    assert parsed == EntryInput(kind=EntryKind.JOB, title="Warehouse Associate")


@pytest.mark.parametrize("kind", [k.value for k in EntryKind])
def test_every_entry_kind_accepted(kind: str) -> None:
    """Each kind of self-asserted experience is accepted."""
    assert EntryInput.from_json(_entry(kind=kind)).kind is EntryKind(kind)


def test_full_entry_is_cleaned() -> None:
    """Text is trimmed, skills de-duplicated ignoring case, empties dropped, dates kept."""
    parsed = EntryInput.from_json(
        _entry(title="  Shift lead ", organisation=" Bistro ", start="2023-09", end="2024-01-15",
               description=" Ran the till. ", skills=["Excel", "excel", " ", "Cash handling "],
               tags=["work", "work"])
    )
    assert parsed.title == "Shift lead" and parsed.organisation == "Bistro"
    assert (parsed.start, parsed.end) == ("2023-09", "2024-01-15")
    assert parsed.description == "Ran the till."
    assert parsed.skills == ("Excel", "Cash handling") and parsed.tags == ("work",)


def test_american_spelling_of_organisation() -> None:
    """"organization" is accepted as another spelling of "organisation"."""
    assert EntryInput.from_json(_entry(organization="Acme")).organisation == "Acme"


def test_null_optional_fields_are_empty() -> None:
    """null for optional fields means 'not given'."""
    parsed = EntryInput.from_json(_entry(start=None, end="", description=None, skills=None, tags=None))
    assert parsed == EntryInput(kind=EntryKind.JOB, title="Warehouse Associate")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ([], "JSON object"),
        ("job", "JSON object"),
        (_entry(kind="astronaut"), '"kind" must be one of job, volunteering'),
        ({"title": "No kind"}, '"kind" must be one of'),
        (_entry(title=""), '"title" is required'),
        (_entry(title="   "), '"title" is required'),
        ({"kind": "job"}, '"title" is required'),
        (_entry(title=42), '"title" must be text'),
        (_entry(start="2024-13"), 'month that does not exist: "2024-13"'),
        (_entry(start="2024-00"), "month that does not exist"),
        (_entry(end="2024-02-30"), '"end" is not a real date: "2024-02-30"'),
        (_entry(start="2023-02-29"), "not a real date"),
        (_entry(start="2024/05"), '"start" must be a date like 2024-05'),
        (_entry(start="May 2024"), '"start" must be a date like 2024-05'),
        (_entry(start="24-05"), '"start" must be a date like 2024-05'),
        (_entry(start=2024), '"start" must be a date like 2024-05'),
        (_entry(start="2024-06", end="2024-05"), '"end" is before "start"'),
        (_entry(start="2024-06-02", end="2024-06-01"), '"end" is before "start"'),
        (_entry(salary=30000), "Unknown field 'salary'"),
        (_entry(skills="Excel"), '"skills" must be a list of text'),
        (_entry(skills=["Excel", 3]), '"skills" must be a list of text'),
        (_entry(tags={"a": 1}), '"tags" must be a list of text'),
        (_entry(title="x" * 301), '"title" is too long'),
        (_entry(organisation="x" * 301), '"organisation" is too long'),
        (_entry(description="x" * (MAX_TEXT + 1)), '"description" is too long (over 20,000 characters)'),
        (_entry(skills=[f"skill {n}" for n in range(MAX_SKILLS + 1)]), '"skills" has more than 200 items'),
    ],
)
def test_invalid_entries_rejected_with_clear_message(data: Any, words: str) -> None:
    """Each malformed entry raises InvalidInputError whose message names the problem."""
    with pytest.raises(InvalidInputError) as info:
        EntryInput.from_json(data)
    assert words in str(info.value)


def test_unknown_field_message_lists_allowed_fields() -> None:
    """The unknown-field message tells the person which fields exist."""
    with pytest.raises(InvalidInputError, match="allowed: description, end, kind, organisation, skills"):
        EntryInput.from_json(_entry(colour="red"))


def test_limits_are_inclusive() -> None:
    """Text exactly at the limits is accepted."""
    parsed = EntryInput.from_json(
        _entry(title="t" * 300, description="d" * MAX_TEXT, skills=[f"s{n}" for n in range(MAX_SKILLS)])
    )
    assert len(parsed.title) == 300 and len(parsed.skills) == MAX_SKILLS


def test_long_skill_is_clipped() -> None:
    """A single skill longer than 200 characters is clipped rather than refused."""
    assert EntryInput.from_json(_entry(skills=["s" * 500])).skills == ("s" * 200,)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-05", "2024-05"), ("2024-02-29", "2024-02-29"), (" 2024-05-31 ", "2024-05-31"), ("", None),
     (None, None)],
)
def test_partial_dates(value: Any, expected: str | None) -> None:
    """Year-month and full dates are accepted (trimmed); empty means none."""
    assert parse_partial_date(value, "start") == expected


def _record(**changes: Any) -> Record:
    base: dict[str, Any] = dict(
        id="ab" * 16, kind=RecordKind.ENTRY, title="Cook", organisation="Diner", start=None, end=None,
        description="", skills=("Knife skills",), tags=("food",), created_at="2025-01-01T00:00:00Z",
        updated_at="2025-01-01T00:00:00Z", entry_kind=EntryKind.JOB,
    )
    base.update(changes)
    return Record(**base)


@pytest.mark.parametrize(
    ("start", "end", "kind", "expected"),
    [
        ("2021-03", "2023-08", RecordKind.ENTRY, "2021-03 – 2023-08"),
        ("2022-01", None, RecordKind.ENTRY, "2022-01 – present"),
        ("2020-06-01", None, RecordKind.CREDENTIAL, "2020-06-01"),
        (None, "2020", RecordKind.ENTRY, "2020"),
        (None, None, RecordKind.ENTRY, ""),
        ("2024-02-10", "2024-02-10", RecordKind.ENTRY, "2024-02-10"),
    ],
)
def test_when(start: str | None, end: str | None, kind: RecordKind, expected: str) -> None:
    """Dates read as a short human range; an ongoing entry says 'present', a credential does not."""
    assert _record(start=start, end=end, kind=kind).when == expected


def test_kind_labels() -> None:
    """Entries are labelled self-asserted by kind; credentials are labelled Credential."""
    assert _record().kind_label == "Job (self-asserted)"
    assert _record(entry_kind=EntryKind.MILITARY).kind_label == "Military service (self-asserted)"
    assert _record(kind=RecordKind.CREDENTIAL, entry_kind=None).kind_label == "Credential"


def test_record_json_marks_self_asserted_and_lists_evidence() -> None:
    """to_json marks entries as self-asserted, carries credential info and evidence without bytes."""
    evidence = EvidenceInfo("e1", "ab" * 16, "cert.pdf", "application/pdf", 10, "00" * 32, "", "2025-01-01")
    data = _record(evidence=(evidence,)).to_json()
    assert data["self_asserted"] is True and data["entry_kind"] == "job"
    assert data["evidence"] == [{"id": "e1", "filename": "cert.pdf", "media_type": "application/pdf",
                                 "size": 10, "sha256": "00" * 32, "description": ""}]
    credential = _record(kind=RecordKind.CREDENTIAL, entry_kind=None,
                         credential=CredentialInfo("ob3", "application/json", "11" * 32)).to_json()
    assert credential["self_asserted"] is False and "entry_kind" not in credential
    assert credential["credential"] == {"format": "ob3", "media_type": "application/json", "sha256": "11" * 32,
                                        "verification": None, "recipient": None, "for_someone_else": False}
