"""Records in the store: entries, credentials kept verbatim, evidence, tags, ordering and search."""

from __future__ import annotations

import datetime
import hashlib
import itertools
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import entry, raw_connection
from wallet.errors import DuplicateRecordError, InvalidInputError, RecordNotFoundError, UsageError
from wallet.lifecycle import create_wallet
from wallet.models import EntryKind, RecordKind
from wallet.session import Session
from wallet.store.repository import MAX_CREDENTIAL_BYTES, MAX_EVIDENCE_BYTES, CredentialFields, fts_query

CREDENTIAL = b'\xef\xbb\xbf{"type": ["VerifiableCredential"],\r\n  "name": "Forklift Safety"}  \n\n'


def ticking_clock(start: datetime.datetime) -> Callable[[], datetime.datetime]:
    """A clock that moves on one minute each time it is read."""
    ticks = itertools.count()
    return lambda: start + datetime.timedelta(minutes=next(ticks))


@pytest.fixture
def clocked(tmp_path: Path) -> Session:
    """A wallet whose clock starts at 2024-01-01 and ticks a minute per read."""
    clock = ticking_clock(datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    made = create_wallet(tmp_path / "clocked", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    yield made.session  # type: ignore[misc]
    made.session.lock()


def _credential(session: Session, original: bytes = CREDENTIAL, **fields: object) -> str:
    values: dict[str, object] = {"title": "Forklift Safety", "issuer": "State Training Board",
                                 "issued": "2022-04-01", "expires": "2027-04-01", "skills": ("Forklift",)}
    values.update(fields)
    return session.add_credential(original, media_type="application/vc+ld+json", fmt="ob3",
                                  fields=CredentialFields(**values))  # type: ignore[arg-type]


# -- entries -------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", list(EntryKind))
def test_entry_of_each_kind_round_trips(session: Session, kind: EntryKind) -> None:
    """Every kind of entry is stored and read back field for field, as a self-asserted entry."""
    record_id = session.add_entry(entry(f"A {kind.value}", kind, organisation="Org", start="2020-01",
                                        end="2020-12-31", description="Did things.", skills=("A", "B"),
                                        tags=("t1", "t2")))
    record = session.get_record(record_id)
    assert record.kind is RecordKind.ENTRY and record.entry_kind is kind
    assert (record.title, record.organisation, record.start, record.end) == (f"A {kind.value}", "Org", "2020-01",
                                                                              "2020-12-31")
    assert record.description == "Did things." and record.skills == ("A", "B") and record.tags == ("t1", "t2")
    assert record.credential is None and record.evidence == () and record.demo is False


def test_ids_are_32_hex(session: Session) -> None:
    """Record ids are 32 lower-case hex characters."""
    record_id = session.add_entry(entry("Cook"))
    assert len(record_id) == 32 and int(record_id, 16) >= 0 and record_id == record_id.lower()


def test_count_and_demo_flag(session: Session) -> None:
    """count() follows adds and deletes; demo records are marked as such."""
    first = session.add_entry(entry("Cook"), demo=True)
    session.add_entry(entry("Driver"))
    assert session.count() == 2
    assert session.get_record(first).demo is True
    session.delete_record(first)
    assert session.count() == 1


def test_list_order_ongoing_first_then_newest(clocked: Session) -> None:
    """Ongoing entries come first (by title), then newest end/start first; undated ones sort by when added."""
    clocked.add_entry(entry("Oldest", start="2019-01", end="2020-05"))
    clocked.add_entry(entry("dog walker", start="2015-01"))
    clocked.add_entry(entry("Middle", start="2021-03", end="2023-08"))
    clocked.add_entry(entry("Barista", start="2022-01"))
    clocked.add_entry(entry("Undated"))  # added 2024-01-01, so it counts as newest of the finished ones
    clocked.add_entry(entry("Only a start year ago", start="2023-10-01", end="2023-10-02"))
    titles = [r.title for r in clocked.list_records()]
    assert titles == ["Barista", "dog walker", "Undated", "Only a start year ago", "Middle", "Oldest"]


def test_list_paging(session: Session) -> None:
    """limit/offset page through the same order as the full list."""
    for year in range(2000, 2012):
        session.add_entry(entry(f"Job {year}", start=f"{year}-01", end=f"{year}-12"))
    full = [r.id for r in session.list_records()]
    pages = [r.id for offset in range(0, 12, 5) for r in session.list_records(limit=5, offset=offset)]
    assert pages == full and len(full) == 12


def test_list_carries_tags_but_not_evidence(session: Session) -> None:
    """Listing includes tags; evidence details are loaded only by get_record."""
    record_id = session.add_entry(entry("Cook", tags=("food",)))
    session.add_evidence(record_id, "menu.pdf", b"%PDF", media_type="application/pdf")
    listed = session.list_records()[0]
    assert listed.tags == ("food",) and listed.evidence == ()
    assert len(session.get_record(record_id).evidence) == 1


def test_update_entry(clocked: Session) -> None:
    """update_entry replaces fields and tags, moves updated_at, and the search index follows."""
    record_id = clocked.add_entry(entry("Line cook", skills=("Knife skills",), tags=("food",)))
    before = clocked.get_record(record_id)
    clocked.update_entry(record_id[:8], entry("Sous chef", EntryKind.JOB, organisation="Diner",
                                              start="2020-02", skills=("Menu planning",), tags=("kitchen",)))
    after = clocked.get_record(record_id)
    assert (after.title, after.organisation, after.start, after.skills, after.tags) == (
        "Sous chef", "Diner", "2020-02", ("Menu planning",), ("kitchen",))
    assert after.created_at == before.created_at and after.updated_at > before.updated_at
    assert clocked.search("line cook") == [] and clocked.search("knife") == [] and clocked.search("food") == []
    assert [r.id for r in clocked.search("sous")] == [record_id]
    assert [r.id for r in clocked.search("kitchen")] == [record_id]


def test_update_unknown_or_credential_refused(session: Session) -> None:
    """Updating a missing record is RecordNotFoundError; a credential cannot be edited (UsageError)."""
    with pytest.raises(RecordNotFoundError):
        session.update_entry("ffff0000", entry("Nothing"))
    credential_id = _credential(session)
    with pytest.raises(UsageError, match="issued credentials stay as issued"):
        session.update_entry(credential_id, entry("Edited"))
    assert session.get_record(credential_id).title == "Forklift Safety"


# -- ids and prefixes ----------------------------------------------------------------------------
@pytest.fixture
def fixed_ids(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make new record ids predictable: two share the prefix 'abcd', one starts with 'abce'."""
    ids = ["abcd" + "1" * 28, "abcd" + "2" * 28, "abce" + "3" * 28, *[f"{n:032x}" for n in range(1, 50)]]
    feed = iter(ids)
    monkeypatch.setattr("wallet.store.repository.new_id", lambda: next(feed))
    return ids


def test_get_by_unique_prefix(session: Session, fixed_ids: list[str]) -> None:
    """A unique prefix of 4+ characters finds the record, ignoring case and surrounding spaces."""
    for title in ("One", "Two", "Three"):
        session.add_entry(entry(title))
    assert session.get_record("abce").title == "Three"
    assert session.get_record(" ABCD1 ").title == "One"
    assert session.get_record(fixed_ids[1]).title == "Two"


def test_ambiguous_prefix(session: Session, fixed_ids: list[str]) -> None:
    """A prefix shared by two records asks for more of the id."""
    session.add_entry(entry("One"))
    session.add_entry(entry("Two"))
    with pytest.raises(UsageError, match="More than one record starts with 'abcd'"):
        session.get_record("abcd")


@pytest.mark.parametrize("typed", ["abc", "", "ffff", "zzzz-not-hex", "abcd'; DROP TABLE records; --"])
def test_unknown_or_bad_prefix(session: Session, fixed_ids: list[str], typed: str) -> None:
    """Too short, unknown or non-hex ids are RecordNotFoundError (never SQL)."""
    session.add_entry(entry("One"))
    with pytest.raises(RecordNotFoundError, match="no record with the id"):
        session.get_record(typed)
    assert session.count() == 1


# -- credentials ---------------------------------------------------------------------------------
def test_credential_bytes_kept_verbatim(session: Session) -> None:
    """The original credential bytes (BOM, CRLF, trailing whitespace) come back byte-identical."""
    record_id = _credential(session)
    assert session.credential_original(record_id) == CREDENTIAL
    record = session.get_record(record_id)
    assert record.kind is RecordKind.CREDENTIAL and record.entry_kind is None
    assert (record.title, record.organisation, record.start, record.end) == (
        "Forklift Safety", "State Training Board", "2022-04-01", "2027-04-01")
    assert record.credential is not None
    assert record.credential.sha256 == hashlib.sha256(CREDENTIAL).hexdigest()
    assert (record.credential.format, record.credential.media_type) == ("ob3", "application/vc+ld+json")


def test_binary_credential_kept_verbatim(session: Session) -> None:
    """A binary credential (a baked PNG) survives byte for byte, including NULs."""
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(4000) + b"\x00" * 100
    record_id = _credential(session, png, title="Baked badge")
    assert session.credential_original(record_id) == png


def test_duplicate_credential(session: Session) -> None:
    """The same bytes again raise DuplicateRecordError naming the existing record; nothing is added."""
    first = _credential(session)
    with pytest.raises(DuplicateRecordError, match="already in the wallet") as info:
        _credential(session, title="Another title")
    assert info.value.existing_id == first
    assert session.count() == 1
    other = _credential(session, CREDENTIAL + b" ")  # one byte more is a different credential
    assert other != first and session.count() == 2


def test_credential_original_of_an_entry(session: Session) -> None:
    """Asking for the original bytes of a self-asserted entry is RecordNotFoundError."""
    record_id = session.add_entry(entry("Cook"))
    with pytest.raises(RecordNotFoundError, match="self-asserted"):
        session.credential_original(record_id)


def test_oversized_credential_refused(session: Session) -> None:
    """A credential over 20 MB is refused with a clear message before anything is stored."""
    with pytest.raises(InvalidInputError, match="larger than 20 MB"):
        _credential(session, b"x" * (MAX_CREDENTIAL_BYTES + 1))
    assert session.count() == 0


# -- evidence ------------------------------------------------------------------------------------
def test_evidence_round_trip(session: Session) -> None:
    """Evidence bytes come back identical; its info records name, type, size, hash and description."""
    record_id = session.add_entry(entry("Cook"))
    blob = os.urandom(100_000) + b"\x00\x00"
    evidence_id = session.add_evidence(record_id, "food-hygiene.pdf", blob, media_type="application/pdf",
                                       description="Level 2 certificate")
    assert session.evidence_data(evidence_id) == blob
    (info,) = session.get_record(record_id).evidence
    assert (info.id, info.record_id, info.filename, info.media_type, info.size, info.description) == (
        evidence_id, record_id, "food-hygiene.pdf", "application/pdf", len(blob), "Level 2 certificate")
    assert info.sha256 == hashlib.sha256(blob).hexdigest()


def test_empty_evidence_file(session: Session) -> None:
    """An empty evidence file is stored and read back as empty."""
    record_id = session.add_entry(entry("Cook"))
    assert session.evidence_data(session.add_evidence(record_id, "empty.txt", b"", media_type="text/plain")) == b""


def test_evidence_filename_loses_folders(session: Session) -> None:
    """Only the base name of an evidence file is kept (no folders, no '..')."""
    record_id = session.add_entry(entry("Cook"))
    session.add_evidence(record_id, "../../home/me/secret/cv.pdf", b"%PDF", media_type="application/pdf")
    assert session.get_record(record_id).evidence[0].filename == "cv.pdf"


def test_evidence_errors(session: Session) -> None:
    """Evidence for an unknown record, an unknown evidence id, or a file over 50 MB are refused clearly."""
    with pytest.raises(RecordNotFoundError):
        session.add_evidence("ffff0000", "a.txt", b"a", media_type="text/plain")
    with pytest.raises(RecordNotFoundError, match="no evidence file"):
        session.evidence_data("nope")
    record_id = session.add_entry(entry("Cook"))
    with pytest.raises(InvalidInputError, match="at most 50 MB"):
        session.add_evidence(record_id, "big.bin", b"\0" * (MAX_EVIDENCE_BYTES + 1), media_type="x/y")
    assert session.get_record(record_id).evidence == ()


# -- tags ----------------------------------------------------------------------------------------
def test_set_tags_trims_dedups_and_sorts(session: Session) -> None:
    """set_tags replaces the tags, trimming, dropping blanks and duplicates; tags read back sorted."""
    record_id = session.add_entry(entry("Cook", tags=("old",)))
    session.set_tags(record_id, [" kitchen ", "food", "", "   ", "food"])
    assert session.get_record(record_id).tags == ("food", "kitchen")
    assert session.search("old") == []
    session.set_tags(record_id, [])
    assert session.get_record(record_id).tags == ()


# -- delete --------------------------------------------------------------------------------------
def test_delete_cascades(session: Session) -> None:
    """Deleting a record removes its evidence, tags, credential bytes and search rows; others stay."""
    keep = session.add_entry(entry("Keeper", tags=("shared",)))
    doomed = session.add_entry(entry("Doomed zebra", tags=("shared",)))
    evidence_id = session.add_evidence(doomed, "zebra.png", b"png", media_type="image/png")
    credential_id = _credential(session)
    session.delete_record(doomed)
    session.delete_record(credential_id)
    with pytest.raises(RecordNotFoundError):
        session.get_record(doomed)
    with pytest.raises(RecordNotFoundError):
        session.evidence_data(evidence_id)
    assert session.search("zebra") == [] and session.search("forklift") == []
    assert [r.id for r in session.search("shared")] == [keep]
    assert _credential(session) != credential_id  # the bytes may be added again: no duplicate left behind
    path = session.path
    session.lock()
    conn = raw_connection(path, PASSPHRASE)
    try:
        for table, column in [("record_search", "record_id"), ("evidence", "record_id"), ("tags", "record_id"),
                              ("credential_sources", "record_id"), ("records", "id")]:
            rows = conn.execute(f"SELECT count(*) FROM {table} WHERE {column} IN (?, ?)",
                                (doomed, credential_id)).fetchone()[0]
            assert rows == 0, table
    finally:
        conn.close()


def test_delete_unknown(session: Session) -> None:
    """Deleting a record that is not there is RecordNotFoundError."""
    with pytest.raises(RecordNotFoundError):
        session.delete_record("ffff0000")


# -- search --------------------------------------------------------------------------------------
@pytest.fixture
def searchable(session: Session) -> dict[str, str]:
    """A handful of records with words in every searchable place; returns name -> id."""
    ids = {
        "warehouse": session.add_entry(entry("Warehouse Associate", organisation="Riverside Distribution",
                                             skills=("Forklift operation", "Inventory control"),
                                             tags=("logistics",))),
        "resume": session.add_entry(entry("Résumé workshop", EntryKind.TRAINING,
                                          description="Wrote a CV at the Café Français.")),
        "care": session.add_entry(entry("Caring for my father", EntryKind.CAREGIVING,
                                        description="Medication schedules and appointments.")),
        "volunteer": session.add_entry(entry("Food bank", EntryKind.VOLUNTEERING,
                                             description="Sorted donations next to the forklift.")),
    }
    session.add_evidence(ids["care"], "respite-letter_2023.pdf", b"%PDF", media_type="application/pdf",
                         description="Letter from the council")
    ids["badge"] = _credential(session, title="Food hygiene level 2", issuer="Highfield", skills=("HACCP",))
    return ids


def _found(session: Session, text: str) -> list[str]:
    return [r.id for r in session.search(text)]


@pytest.mark.parametrize("typed", ["w", "wa", "war", "ware", "wareh", "warehouse", "warehouse ass", "WAREHOUSE"])
def test_search_as_you_type(session: Session, searchable: dict[str, str], typed: str) -> None:
    """Every prefix typed so far finds the record (the last word matches as a prefix, any case)."""
    assert searchable["warehouse"] in _found(session, typed)


@pytest.mark.parametrize("typed", ["resume", "RESUME", "résumé", "resu", "cafe", "francais"])
def test_search_ignores_diacritics(session: Session, searchable: dict[str, str], typed: str) -> None:
    """'resume' finds 'Résumé' and 'cafe' finds 'Café': accents do not matter either way."""
    assert _found(session, typed) == [searchable["resume"]]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("inventory", "warehouse"),  # a skill
        ("logistics", "warehouse"),  # a tag
        ("riverside", "warehouse"),  # the organisation
        ("respite", "care"),  # an evidence file name
        ("letter 2023", "care"),  # evidence file name and description
        ("council", "care"),  # evidence description
        ("caregiving", "care"),  # the kind of entry
        ("haccp", "badge"),  # a credential's skill
        ("highfield", "badge"),  # a credential's issuer
    ],
)
def test_search_finds_words_everywhere(session: Session, searchable: dict[str, str], typed: str,
                                       name: str) -> None:
    """Words from skills, tags, organisation, evidence names and descriptions and credentials are found."""
    assert searchable[name] in _found(session, typed)


def test_search_needs_every_word(session: Session, searchable: dict[str, str]) -> None:
    """All typed words must match; a word matching nothing empties the result."""
    assert _found(session, "food bank") == [searchable["volunteer"]]
    assert _found(session, "food zebra") == []


def test_search_ranks_title_above_body(session: Session) -> None:
    """A word in a title ranks above the same word in a description."""
    in_body = session.add_entry(entry("Food bank", description="Sorted donations next to the forklift."))
    in_title = session.add_entry(entry("Forklift driver"))
    assert _found(session, "forklift") == [in_title, in_body]


def test_search_limit(session: Session) -> None:
    """limit caps the number of results."""
    for number in range(8):
        session.add_entry(entry(f"Cleaner {number}"))
    assert len(session.search("cleaner", limit=3)) == 3


@pytest.mark.parametrize(
    "hostile",
    ['"', '""', "AND OR *", "NEAR(", "NEAR(a b", ")", "*", "^", "title:warehouse", "-", "'", "\\", "%", "a OR",
     "NOT", "AND", "{title}: x", "warehouse*)", '"unterminated', "\x00", "✓ ☃ 😀", "x" * 2000, "_", "a\nb"],
)
def test_hostile_search_text_never_raises(session: Session, searchable: dict[str, str], hostile: str) -> None:
    """FTS syntax typed by a person is treated as words, never as a query that errors."""
    assert isinstance(session.search(hostile), list)


def test_search_operators_are_words(session: Session, searchable: dict[str, str]) -> None:
    """'AND', 'OR' and 'NOT' are searched as plain words, not operators."""
    session.add_entry(entry("Research AND development"))
    assert len(_found(session, "research and")) == 1
    assert _found(session, "warehouse OR care") == []


@pytest.mark.parametrize("blank", ["", "   ", "!!!", '"*"'])
def test_blank_search_is_empty(session: Session, searchable: dict[str, str], blank: str) -> None:
    """Text without any word gives no results (not everything, not an error)."""
    assert session.search(blank) == []


def test_fts_query_quotes_every_word() -> None:
    """The FTS query quotes each word and makes only the last one a prefix."""
    assert fts_query('Ware "house" AND') == '"Ware" AND "house" AND "AND"*'
    assert fts_query("  ") is None
