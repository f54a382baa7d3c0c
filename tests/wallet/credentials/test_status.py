"""Offline revocation and suspension checks: Bitstring Status List, StatusList2021, 1EdTech and OB 2.0 lists."""

from __future__ import annotations

import base64
import contextlib
import gzip
import json
import time
import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wallet.credentials.limits import MAX_DECOMPRESSED_BYTES
from wallet.credentials.report import Check, CheckName, Outcome
from wallet.credentials.status import (
    NO_STATUS_MESSAGE,
    REVOKED_MESSAGE,
    SUSPENDED_MESSAGE,
    ListVerdict,
    bit_at,
    check_ob2_revocation,
    check_status,
    decode_bitstring,
)
from wallet.errors import CredentialFormatError, UsageError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "status"
FIXTURE_LIST_URL = (
    "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
    "inspector-vc/src/test/resources/ob30/bit-string-list/testlist"
)
ISSUER = "https://example.edu/issuers/565049"
LIST_URL = "https://example.edu/status/1"
NOW = datetime(2025, 6, 1, tzinfo=UTC)
LIST_BITS = 131_072  # the Bitstring Status List minimum (16 KB)


def _trusted(_doc: dict[str, Any]) -> ListVerdict:
    return ListVerdict(True, "ok")


def _source(docs: dict[str, Any]) -> Callable[[str], Any | None]:
    return docs.get


def _fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _jwt_payload(name: str) -> dict[str, Any]:
    payload = (FIXTURES / name).read_text(encoding="ascii").strip().split(".")[1]
    data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return data


def _encode(raw: bytes, *, multibase: bool = True) -> str:
    text = base64.urlsafe_b64encode(gzip.compress(raw)).decode("ascii").rstrip("=")
    return "u" + text if multibase else text


def _bits(set_bits: Iterable[int] = (), length: int = LIST_BITS) -> bytes:
    raw = bytearray(length // 8)
    for index in set_bits:
        raw[index // 8] |= 0x80 >> (index % 8)
    return bytes(raw)


def _list_doc(
    raw: bytes,
    *,
    purpose: Any = "revocation",
    kind: str = "bitstring",
    issuer: Any = ISSUER,
    doc_id: str | None = LIST_URL,
    **extra: Any,
) -> dict[str, Any]:
    bitstring = kind == "bitstring"
    doc: dict[str, Any] = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "BitstringStatusListCredential" if bitstring else "StatusList2021Credential"],
        "issuer": issuer,
        "credentialSubject": {
            "id": f"{LIST_URL}#list",
            "type": "BitstringStatusList" if bitstring else "StatusList2021",
            "statusPurpose": purpose,
            "encodedList": _encode(raw, multibase=bitstring),
        },
    }
    if bitstring:
        doc["validFrom"] = "2024-01-02T00:00:00Z"
    else:
        doc["issuanceDate"] = "2024-01-02T00:00:00Z"
    if doc_id is not None:
        doc["id"] = doc_id
    doc.update(extra)
    return doc


def _entry(
    index: Any, *, purpose: str = "revocation", kind: str = "BitstringStatusListEntry", **extra: Any
) -> dict[str, Any]:
    return {
        "id": f"{LIST_URL}#{index}",
        "type": kind,
        "statusPurpose": purpose,
        "statusListIndex": index,
        "statusListCredential": LIST_URL,
        **extra,
    }


def _credential(status: Any) -> dict[str, Any]:
    return {
        "id": "urn:uuid:4f1e2c3a-0000-4000-8000-000000000001",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": ISSUER, "type": ["Profile"]},
        "credentialStatus": status,
    }


def _one(
    status: Any,
    doc: dict[str, Any] | None,
    *,
    verify: Callable[[dict[str, Any]], ListVerdict] = _trusted,
    issuer_id: str | None = ISSUER,
    now: datetime = NOW,
) -> Check:
    checks = check_status(_credential(status), _source({LIST_URL: doc}), verify, issuer_id=issuer_id, now=now)
    assert len(checks) == 1
    assert checks[0].check is CheckName.STATUS
    return checks[0]


# --- real fixtures ---------------------------------------------------------------------------------


def test_fixture_list_holds_only_bit_23() -> None:
    """The 1EdTech test list decodes to 131072 bits with exactly bit 23 set."""
    bits = decode_bitstring(_fixture("bitstring-testlist.json")["credentialSubject"]["encodedList"])
    assert len(bits) * 8 == LIST_BITS
    assert [i for i in range(len(bits) * 8) if bit_at(bits, i)] == [23]


@pytest.mark.parametrize(
    "name", ["bitstring-credential-status-revoked.json", "bitstring-credential-status-revoked-blank-nodes.json"]
)
def test_fixture_credentials_are_revoked(name: str) -> None:
    """The 1EdTech revoked credentials are reported revoked from the fixture list at hand."""
    credential = _fixture(name)
    checks = check_status(
        credential,
        _source({FIXTURE_LIST_URL: _fixture("bitstring-testlist.json")}),
        _trusted,
        issuer_id=credential["issuer"]["id"],
        now=NOW,
    )
    assert [c.outcome for c in checks] == [Outcome.FAILED]
    assert checks[0].message.startswith(REVOKED_MESSAGE)
    assert "https://example.com/credentials/status/3" in checks[0].message  # the list names another address


def test_fixture_list_not_at_hand_is_not_checked() -> None:
    """Without the list, the fixture credential's revocation is NOT_CHECKED, never PASSED."""
    credential = _fixture("bitstring-credential-status-revoked.json")
    checks = check_status(credential, _source({}), _trusted, issuer_id=credential["issuer"]["id"], now=NOW)
    assert checks == [
        Check(
            CheckName.STATUS,
            Outcome.NOT_CHECKED,
            f"The revocation list at {FIXTURE_LIST_URL} is not available offline, so revocation was not checked.",
        )
    ]


def test_fixture_list_from_another_issuer_still_reports_the_revocation() -> None:
    """The fixture list, read for a credential said to come from a different issuer, still says revoked, naming
    its publisher: a revoked credential never passes because the list came from someone else."""
    credential = _fixture("bitstring-credential-status-revoked.json")
    checks = check_status(
        credential,
        _source({FIXTURE_LIST_URL: _fixture("bitstring-testlist.json")}),
        _trusted,
        issuer_id="did:example:someone-else",
        now=NOW,
    )
    assert checks[0].outcome is Outcome.FAILED
    assert "published by https://1edtech.edu/issuers/565049" in checks[0].message


# --- no status, shapes, methods --------------------------------------------------------------------


@pytest.mark.parametrize("status", [None, []])
def test_no_credential_status_passes(status: Any) -> None:
    """A credential without credentialStatus cannot be revoked by a list: one PASSED check."""
    credential = _credential(status)
    if status is None:
        del credential["credentialStatus"]
    assert check_status(credential, _source({}), _trusted, issuer_id=ISSUER, now=NOW) == [
        Check(CheckName.STATUS, Outcome.PASSED, NO_STATUS_MESSAGE)
    ]


def test_one_check_per_entry() -> None:
    """A list of entries gives one check each, in order."""
    revocation = _list_doc(_bits({3}), doc_id="https://example.edu/status/r")
    suspension = _list_doc(_bits({4}), purpose="suspension", doc_id="https://example.edu/status/s")
    status = [
        {**_entry(3), "statusListCredential": "https://example.edu/status/r"},
        {**_entry(4, purpose="suspension"), "statusListCredential": "https://example.edu/status/s"},
        {**_entry(5, purpose="suspension"), "statusListCredential": "https://example.edu/status/s"},
    ]
    docs = {"https://example.edu/status/r": revocation, "https://example.edu/status/s": suspension}
    checks = check_status(_credential(status), _source(docs), _trusted, issuer_id=ISSUER, now=NOW)
    assert [(c.outcome, c.message) for c in checks[:2]] == [
        (Outcome.FAILED, REVOKED_MESSAGE),
        (Outcome.FAILED, SUSPENDED_MESSAGE),
    ]
    assert checks[2].outcome is Outcome.PASSED
    assert checks[2].message.startswith("The issuer's suspension list (checked offline, dated 2024-01-02)")


def test_each_list_is_fetched_and_verified_once() -> None:
    """Two entries on one list call the source and the list verifier once each."""
    doc = _list_doc(_bits(), purpose=["revocation", "suspension"])
    fetched: list[str] = []
    verified: list[dict[str, Any]] = []

    def source(url: str) -> Any | None:
        fetched.append(url)
        return doc

    def verify(list_doc: dict[str, Any]) -> ListVerdict:
        verified.append(list_doc)
        return ListVerdict(True, "ok")

    status = [_entry(1), _entry(2, purpose="suspension")]
    checks = check_status(_credential(status), source, verify, issuer_id=ISSUER, now=NOW)
    assert [c.outcome for c in checks] == [Outcome.PASSED, Outcome.PASSED]
    assert fetched == [LIST_URL]
    assert len(verified) == 1


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ({"type": "RevocationList2020Status", "revocationListIndex": "1"}, "RevocationList2020Status"),
        ({"id": "x"}, "an unnamed method"),
        ("not an object", "not in a form"),
        ({**_entry(1), "statusListIndex": "abc"}, "statusListIndex"),
        ({**_entry(1), "statusListIndex": -1}, "statusListIndex"),
        ({**_entry(1), "statusListIndex": True}, "statusListIndex"),
        ({**_entry(1), "statusListIndex": "١٢"}, "statusListIndex"),  # Arabic-Indic digits are not an index
        ({**_entry(1), "statusSize": 0}, "statusSize"),
        ({k: v for k, v in _entry(1).items() if k != "statusListCredential"}, "does not say where"),
        ({k: v for k, v in _entry(1).items() if k != "statusPurpose"}, "does not say what it is for"),
        (_entry(1, purpose="message", kind="StatusList2021Entry"), "cannot check"),
        (_entry(1, purpose="gossip"), "cannot check"),
    ],
)
def test_unusable_entries_are_not_checked(entry: Any, words: str) -> None:
    """Unknown methods and malformed entries are NOT_CHECKED with a sentence naming the problem."""
    check = _one(entry, _list_doc(_bits({1})))
    assert check.outcome is Outcome.NOT_CHECKED
    assert words in check.message


# --- bitstrings built here -------------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 7, 8, LIST_BITS - 1])
def test_set_bit_is_revoked_and_neighbours_are_not(index: int) -> None:
    """Only the credential whose bit is set is revoked; its neighbours pass."""
    doc = _list_doc(_bits({index}))
    assert _one(_entry(index), doc) == Check(CheckName.STATUS, Outcome.FAILED, REVOKED_MESSAGE)
    assert _one(_entry(str(index)), doc).outcome is Outcome.FAILED  # statusListIndex is normally text
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < LIST_BITS:
            check = _one(_entry(str(neighbour)), doc)
            assert check == Check(
                CheckName.STATUS,
                Outcome.PASSED,
                "The issuer's revocation list (checked offline, dated 2024-01-02) does not list this credential.",
            )


def test_bit_at_reads_most_significant_bit_first() -> None:
    """Index 0 is the left-most bit of byte 0; index 15 the right-most bit of byte 1."""
    bits = bytes([0b1000_0000, 0b0000_0001])
    assert [i for i in range(16) if bit_at(bits, i)] == [0, 15]
    for outside in (-1, 16):
        with pytest.raises(IndexError):
            bit_at(bits, outside)


def test_status_list_2021() -> None:
    """A StatusList2021 list (plain base64url, VC 1.1 dates) is read the same way."""
    doc = _list_doc(_bits({42}), kind="2021")
    assert not doc["credentialSubject"]["encodedList"].startswith("u")
    assert _one(_entry("42", kind="StatusList2021Entry"), doc).outcome is Outcome.FAILED
    passed = _one(_entry("41", kind="StatusList2021Entry"), doc)
    assert passed.outcome is Outcome.PASSED
    assert "dated 2024-01-02" in passed.message
    assert _one(_entry("42"), doc).outcome is Outcome.NOT_CHECKED  # a Bitstring entry needs a Bitstring list


def test_suspension() -> None:
    """A set bit on a suspension list suspends; a clear one passes."""
    doc = _list_doc(_bits({9}), purpose="suspension")
    assert _one(_entry(9, purpose="suspension"), doc) == Check(CheckName.STATUS, Outcome.FAILED, SUSPENDED_MESSAGE)
    assert _one(_entry(10, purpose="suspension"), doc).outcome is Outcome.PASSED


@pytest.mark.parametrize(("index", "outcome"), [(0, Outcome.PASSED), (1, Outcome.FAILED), (2, Outcome.FAILED)])
def test_status_size_two(index: int, outcome: Outcome) -> None:
    """With statusSize 2 an entry spans two bits; any non-zero value counts as set."""
    # entry 0 = bits 0-1 = 00, entry 1 = bits 2-3 = 01, entry 2 = bits 4-5 = 10
    doc = _list_doc(_bits({3, 4}))
    assert _one(_entry(str(index), statusSize=2), doc).outcome is outcome


def test_status_size_past_the_end_is_too_short() -> None:
    """An entry whose bits would run past the end of the list is not checked."""
    doc = _list_doc(_bits(length=64))
    assert _one(_entry(31, statusSize=2), doc).outcome is Outcome.PASSED
    check = _one(_entry(32, statusSize=2), doc)
    assert check.outcome is Outcome.NOT_CHECKED
    assert "too short" in check.message


def test_message_purpose_quotes_the_issuer() -> None:
    """A message list is a WARNING quoting the issuer's message; value 0 without a message passes."""
    messages = [{"status": "0x0", "message": "pending review"}, {"status": "0x2", "message": "accepted"}]
    doc = _list_doc(_bits({2, 3}), purpose="message")  # entry 0 = 00, entry 1 = 11
    reviewed = _one(_entry(0, purpose="message", statusSize=2, statusMessage=messages), doc)
    assert (reviewed.outcome, "“pending review”" in reviewed.message) == (Outcome.WARNING, True)
    unexplained = _one(_entry(1, purpose="message", statusSize=2, statusMessage=messages), doc)
    assert unexplained.outcome is Outcome.WARNING
    assert "0x3" in unexplained.message
    assert _one(_entry(0, purpose="message", statusSize=2), doc).outcome is Outcome.PASSED


def test_refresh_purpose_warns() -> None:
    """A set refresh bit is a WARNING that a newer version exists, not a failure."""
    doc = _list_doc(_bits({5}), purpose="refresh")
    assert _one(_entry(5, purpose="refresh"), doc).outcome is Outcome.WARNING
    assert _one(_entry(6, purpose="refresh"), doc).outcome is Outcome.PASSED


def test_list_serving_several_purposes() -> None:
    """A list whose statusPurpose is an array serves each purpose in it."""
    doc = _list_doc(_bits({1}), purpose=["revocation", "suspension"])
    assert _one(_entry(1, purpose="suspension"), doc).outcome is Outcome.FAILED


# --- lists that cannot be relied on ----------------------------------------------------------------


def test_untrustworthy_list_is_not_checked() -> None:
    """A list whose proof fails is not relied on, even when it would say 'not revoked'."""

    def tampered(_doc: dict[str, Any]) -> ListVerdict:
        return ListVerdict(False, "The status list's signature does not match its contents.")

    for index in (1, 2):
        check = _one(_entry(index), _list_doc(_bits({1})), verify=tampered)
        assert check.outcome is Outcome.NOT_CHECKED
        assert "could not be trusted" in check.message
        assert "signature does not match" in check.message


@pytest.mark.parametrize(
    ("dates", "words"),
    [
        ({"validUntil": "2025-01-01T00:00:00Z"}, "expired on 2025-01-01"),
        ({"expirationDate": "2025-05-31T23:59:59Z"}, "expired on 2025-05-31"),
        ({"validFrom": "2026-01-01T00:00:00Z"}, "only valid from 2026-01-01"),
        ({"validUntil": "soon"}, "unreadable validUntil"),
        ({"validFrom": 20240101}, "unreadable validFrom"),
    ],
)
def test_list_outside_its_validity_window_is_not_checked(dates: dict[str, Any], words: str) -> None:
    """An expired, not-yet-valid or badly dated list is not relied on."""
    check = _one(_entry(2), _list_doc(_bits({1}), **dates))
    assert check.outcome is Outcome.NOT_CHECKED
    assert words in check.message


def test_naive_now_is_a_usage_error() -> None:
    """A naive 'now' is refused with a sentence; an aware one in another zone is compared in UTC."""
    doc = _list_doc(_bits(), validUntil="2025-06-01T12:00:00Z")
    with pytest.raises(UsageError, match="time zone"):
        _one(_entry(2), doc, now=datetime(2025, 6, 1, 11, 0))
    plus_two = timezone(timedelta(hours=2))
    assert _one(_entry(2), doc, now=datetime(2025, 6, 1, 13, 30, tzinfo=plus_two)).outcome is Outcome.PASSED
    assert _one(_entry(2), doc, now=datetime(2025, 6, 1, 14, 30, tzinfo=plus_two)).outcome is Outcome.NOT_CHECKED


@pytest.mark.parametrize("issuer", ["https://evil.example/issuer", {"id": "https://evil.example/issuer"}, None])
def test_clear_bit_in_another_publishers_list_is_not_confirmed(issuer: Any) -> None:
    """A list not published by the credential's issuer cannot confirm the credential stands: 'not confirmed'."""
    check = _one(_entry(2), _list_doc(_bits({1}), issuer=issuer))
    assert check.outcome is Outcome.NOT_CHECKED
    assert check.message.startswith("Not confirmed:") and "not by the credential's issuer" in check.message
    assert ("evil.example" in check.message) is (issuer is not None)


@pytest.mark.parametrize("purpose", ["revocation", "suspension"])
def test_set_bit_in_another_publishers_list_fails_naming_the_publisher(purpose: str) -> None:
    """Another publisher's list that says revoked or suspended fails the status check and names who said so."""
    doc = _list_doc(_bits({2}), issuer="https://registry.example/", purpose=purpose)
    check = _one(_entry(2, purpose=purpose), doc)
    assert check.outcome is Outcome.FAILED
    assert "registry.example" in check.message and ISSUER in check.message
    assert ("revoked" if purpose == "revocation" else "suspended") in check.message


def test_list_signed_with_someone_elses_key_reports_revocation_but_never_confirms() -> None:
    """A list naming the issuer but signed with another's key: a set bit fails, a clear bit is 'not confirmed'."""

    def other_signer(_doc: dict[str, Any]) -> ListVerdict:
        return ListVerdict(False, "The key is not the publisher's.", signer="did:key:z6MkOther")

    revoked = _one(_entry(1), _list_doc(_bits({1})), verify=other_signer)
    assert revoked.outcome is Outcome.FAILED and "did:key:z6MkOther" in revoked.message
    clear = _one(_entry(2), _list_doc(_bits({1})), verify=other_signer)
    assert clear.outcome is Outcome.NOT_CHECKED and clear.message.startswith("Not confirmed:")


def test_issuer_comparison_skipped_without_issuer_id() -> None:
    """With no issuer_id to compare against, a trusted list from any publisher is read."""
    doc = _list_doc(_bits({1}), issuer="https://other.example/issuer")
    assert _one(_entry(1), doc, issuer_id=None).outcome is Outcome.FAILED


def test_purpose_mismatch_is_not_checked() -> None:
    """A suspension entry is not answered from a revocation list."""
    check = _one(_entry(1, purpose="suspension"), _list_doc(_bits({1})))
    assert check.outcome is Outcome.NOT_CHECKED
    assert "is for revocation" in check.message


def test_purpose_compared_case_insensitively() -> None:
    """'Revocation' on the list matches 'revocation' on the entry, and the other way round."""
    assert _one(_entry(1), _list_doc(_bits({1}), purpose="Revocation")).outcome is Outcome.FAILED
    assert _one(_entry(1, purpose="REVOCATION"), _list_doc(_bits({1}))).outcome is Outcome.FAILED


@pytest.mark.parametrize(
    "spoil",
    [
        lambda doc: doc.update(type=["VerifiableCredential"]),
        lambda doc: doc.pop("type"),
        lambda doc: doc["credentialSubject"].update(type="SomethingElse"),
        lambda doc: doc.update(credentialSubject=[doc["credentialSubject"]]),
        lambda doc: doc["credentialSubject"].pop("statusPurpose"),
        lambda doc: doc["credentialSubject"].pop("encodedList"),
        lambda doc: doc["credentialSubject"].update(encodedList=12),
        lambda doc: doc["credentialSubject"].update(encodedList="u!!!"),
        lambda doc: doc["credentialSubject"].update(encodedList="u" + _encode(b"\x00" * 16)[1:-6]),
    ],
)
def test_malformed_list_is_not_checked(spoil: Callable[[dict[str, Any]], Any]) -> None:
    """A list of the wrong type or with a missing or broken encodedList is not relied on."""
    doc = _list_doc(_bits())
    spoil(doc)
    assert _one(_entry(2), doc).outcome is Outcome.NOT_CHECKED


@pytest.mark.parametrize("doc", ["a JWT string", ["a", "list"], 7])
def test_non_object_list_document_is_not_checked(doc: Any) -> None:
    """A source that hands back something other than a JSON object is not relied on."""
    check = _one(_entry(2), doc)
    assert check.outcome is Outcome.NOT_CHECKED
    assert "not a JSON status list" in check.message


def test_unreadable_supplied_list_is_not_checked() -> None:
    """A source that cannot read the supplied file gives NOT_CHECKED with its sentence."""

    def source(_url: str) -> Any | None:
        raise CredentialFormatError("The file is not valid JSON (it ends too early).")

    checks = check_status(_credential(_entry(2)), source, _trusted, issuer_id=ISSUER, now=NOW)
    assert checks[0].outcome is Outcome.NOT_CHECKED
    assert "ends too early" in checks[0].message


def test_index_out_of_range_is_not_checked() -> None:
    """An index past the end of the list says nothing about this credential."""
    check = _one(_entry(str(LIST_BITS)), _list_doc(_bits()))
    assert check.outcome is Outcome.NOT_CHECKED
    assert "too short" in check.message
    huge = _one(_entry("9" * 20), _list_doc(_bits()))
    assert huge.outcome is Outcome.NOT_CHECKED


def test_list_naming_another_address() -> None:
    """A list whose own id differs from the URL cannot clear a credential, but its revocation is still shown."""
    doc = _list_doc(_bits({1}), doc_id="https://example.edu/status/2")
    clear = _one(_entry(2), doc)
    assert clear.outcome is Outcome.NOT_CHECKED
    assert "may be a different list" in clear.message
    revoked = _one(_entry(1), doc)
    assert revoked.outcome is Outcome.FAILED
    assert revoked.message.startswith(REVOKED_MESSAGE)
    fragment_only = _list_doc(_bits(), doc_id=f"{LIST_URL}#list")
    assert _one(_entry(2), fragment_only).outcome is Outcome.PASSED


def test_undated_list() -> None:
    """A list with no date says so in the PASSED sentence."""
    doc = _list_doc(_bits())
    del doc["validFrom"]
    assert "(checked offline, undated)" in _one(_entry(2), doc).message


def test_untrusted_text_is_shortened_in_sentences() -> None:
    """Long or control-laden URLs from a credential do not flood the report."""
    url = "https://example.edu/" + "a" * 5000 + "\n\x1b[31m"
    entry = {**_entry(1), "statusListCredential": url}
    check = check_status(_credential(entry), _source({}), _trusted, issuer_id=ISSUER, now=NOW)[0]
    assert check.outcome is Outcome.NOT_CHECKED
    assert len(check.message) < 400
    assert "\n" not in check.message and "\x1b" not in check.message


# --- decode_bitstring ------------------------------------------------------------------------------


def test_decode_accepts_both_encodings() -> None:
    """Multibase ('u') and plain base64url, padded or not, decode to the same bits."""
    raw = _bits({0, 100}, length=1024)
    plain = _encode(raw, multibase=False)
    assert decode_bitstring("u" + plain) == raw
    assert decode_bitstring(plain) == raw
    assert decode_bitstring(plain + "=" * (-len(plain) % 4)) == raw


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("u", "empty"),
        ("u!!!!", "not valid base64url"),
        ("uH4sI A", "not valid base64url"),
        ("uA", "not valid base64url"),
        ("u" + base64.urlsafe_b64encode(b"plain, not gzip").decode(), "not GZIP"),
        ("u" + base64.urlsafe_b64encode(zlib.compress(b"\x00" * 16)).decode(), "not GZIP"),
        ("u" + base64.urlsafe_b64encode(gzip.compress(b"\x00" * 64)[:-10]).decode(), "cut short"),
        ("u" + base64.urlsafe_b64encode(gzip.compress(b"\x00" * 64) + b"junk").decode(), "extra bytes"),
    ],
)
def test_decode_refuses_bad_data(text: str, words: str) -> None:
    """Bad text, non-GZIP, truncated and trailing data each give a clear CredentialFormatError."""
    with pytest.raises(CredentialFormatError, match=words):
        decode_bitstring(text)


def test_decode_refuses_non_text() -> None:
    """A non-string encodedList is a CredentialFormatError, not a TypeError."""
    with pytest.raises(CredentialFormatError):
        decode_bitstring(12)  # type: ignore[arg-type]


def test_gzip_bomb_is_refused_quickly() -> None:
    """40 MB of zeros (tiny when compressed) is refused without a hang, and the entry is NOT_CHECKED."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1_048_576)
    bomb = b"".join(packer.compress(chunk) for _ in range(40)) + packer.flush()
    assert len(bomb) < 100_000
    encoded = "u" + base64.urlsafe_b64encode(bomb).decode("ascii").rstrip("=")
    started = time.monotonic()
    with pytest.raises(CredentialFormatError, match="compression bomb"):
        decode_bitstring(encoded)
    doc = _list_doc(_bits())
    doc["credentialSubject"]["encodedList"] = encoded
    check = _one(_entry(2), doc)
    assert check.outcome is Outcome.NOT_CHECKED
    assert "compression bomb" in check.message
    assert time.monotonic() - started < 10


def test_list_at_the_size_limit_is_read() -> None:
    """A list that expands to exactly the limit is still accepted."""
    raw = bytes(MAX_DECOMPRESSED_BYTES - 1) + b"\x01"
    bits = decode_bitstring(_encode(raw))
    assert len(bits) == MAX_DECOMPRESSED_BYTES
    assert bit_at(bits, MAX_DECOMPRESSED_BYTES * 8 - 1)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_decode_random_text_gives_bytes_or_format_error(text: str) -> None:
    """Arbitrary text never escapes as anything but bytes or CredentialFormatError."""
    with contextlib.suppress(CredentialFormatError):
        assert isinstance(decode_bitstring(text), bytes)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), st.booleans())
def test_decode_random_base64_gives_bytes_or_format_error(data: bytes, gzip_header: bool) -> None:
    """Arbitrary (optionally gzip-looking) payloads decode or fail with CredentialFormatError."""
    payload = (b"\x1f\x8b\x08\x00" + data) if gzip_header else data
    with contextlib.suppress(CredentialFormatError):
        assert isinstance(decode_bitstring("u" + base64.urlsafe_b64encode(payload).decode("ascii")), bytes)


# --- 1EdTech revocation list -----------------------------------------------------------------------


EDTECH_CREDENTIAL = "1edtech-credential-status-revoked.json"


def _edtech_list(revoked: list[Any], **extra: Any) -> dict[str, Any]:
    credential = _fixture(EDTECH_CREDENTIAL)
    return {
        "id": credential["credentialStatus"]["id"],
        "issuer": credential["issuer"]["id"],
        "revokedCredentials": revoked,
        **extra,
    }


def _edtech_check(doc: Any, *, issuer_id: str | None = None) -> Check:
    credential = _fixture(EDTECH_CREDENTIAL)
    url = credential["credentialStatus"]["id"]
    checks = check_status(
        credential,
        _source({url: doc}),
        _trusted,
        issuer_id=credential["issuer"]["id"] if issuer_id is None else issuer_id,
        now=NOW,
    )
    assert len(checks) == 1
    return checks[0]


def test_edtech_list_not_at_hand() -> None:
    """The 1EdTech fixture's revocation endpoint is not offline: NOT_CHECKED naming the URL."""
    check = _edtech_check(None)
    assert check.outcome is Outcome.NOT_CHECKED
    assert _fixture(EDTECH_CREDENTIAL)["credentialStatus"]["id"] in check.message


def test_edtech_list_naming_the_credential() -> None:
    """A 1EdTech list naming the credential's id revokes it, with the issuer's reason."""
    credential_id = _fixture(EDTECH_CREDENTIAL)["id"]
    check = _edtech_check(_edtech_list([{"id": credential_id, "revocationReason": "Awarded in error"}]))
    assert check == Check(CheckName.STATUS, Outcome.FAILED, f"{REVOKED_MESSAGE} Reason given: “Awarded in error”.")
    assert _edtech_check(_edtech_list([credential_id])).outcome is Outcome.FAILED


def test_edtech_list_not_naming_the_credential() -> None:
    """A 1EdTech list that does not name the credential passes."""
    check = _edtech_check(
        _edtech_list(["urn:uuid:someone-else", {"id": "urn:uuid:another"}], validFrom="2025-05-01T00:00:00Z")
    )
    assert check == Check(
        CheckName.STATUS,
        Outcome.PASSED,
        "The issuer's revocation list (checked offline, dated 2025-05-01) does not list this credential.",
    )


@pytest.mark.parametrize(
    "doc",
    [
        {"id": "x", "issuer": "y"},  # no revokedCredentials
        "not an object",
    ],
)
def test_edtech_malformed_list(doc: Any) -> None:
    """A document that is not a 1EdTech revocation list is not relied on."""
    assert _edtech_check(doc).outcome is Outcome.NOT_CHECKED


def test_edtech_list_from_another_issuer() -> None:
    """A 1EdTech list from someone else: not naming the credential is 'not confirmed', naming it fails."""
    check = _edtech_check(_edtech_list([]), issuer_id="did:example:the-real-issuer")
    assert check.outcome is Outcome.NOT_CHECKED
    assert "not by the credential's issuer" in check.message
    credential_id = _fixture(EDTECH_CREDENTIAL)["id"]
    named = _edtech_check(_edtech_list([credential_id]), issuer_id="did:example:the-real-issuer")
    assert named.outcome is Outcome.FAILED and "revoked" in named.message


def test_edtech_credential_without_id() -> None:
    """A credential with no id cannot be found in a 1EdTech list."""
    credential = _fixture(EDTECH_CREDENTIAL)
    del credential["id"]
    url = credential["credentialStatus"]["id"]
    checks = check_status(credential, _source({url: _edtech_list([])}), _trusted, issuer_id=None, now=NOW)
    assert checks[0].outcome is Outcome.NOT_CHECKED


# --- OB 2.0 ----------------------------------------------------------------------------------------


def test_ob20_revoked_assertion() -> None:
    """The assertion in simple-revoked.jwt is on the fixture RevocationList, with its reason."""
    assertion_id = _jwt_payload("ob20-simple-revoked.jwt")["id"]
    check = check_ob2_revocation(assertion_id, _fixture("ob20-revocation-list.json"))
    assert check == Check(
        CheckName.STATUS, Outcome.FAILED, f"{REVOKED_MESSAGE} Reason given: “A good reason, for sure”."
    )


@pytest.mark.parametrize(
    ("jwt", "revocation_list"),
    [
        ("ob20-simple-revoked.jwt", "ob20-empty-revocation-list.json"),
        ("ob20-simple-not-revoked.jwt", "ob20-revocation-list.json"),
        ("ob20-simple-not-revoked.jwt", "ob20-empty-revocation-list.json"),
    ],
)
def test_ob20_not_revoked(jwt: str, revocation_list: str) -> None:
    """An assertion absent from the RevocationList passes."""
    check = check_ob2_revocation(_jwt_payload(jwt)["id"], _fixture(revocation_list))
    assert check.outcome is Outcome.PASSED


@pytest.mark.parametrize(
    "assertion_id", ["urn:uuid:52e4c6b3-8c13-4fa8-8482-a5cf34ef37a9", "urn:uuid:6deb4a00-ebce-4b28-8cc2-afa705ef7be4"]
)
def test_ob20_plain_and_object_entries(assertion_id: str) -> None:
    """Both plain-id and object entries (without a reason) revoke."""
    check = check_ob2_revocation(assertion_id, _fixture("ob20-revocation-list.json"))
    assert check == Check(CheckName.STATUS, Outcome.FAILED, REVOKED_MESSAGE)


def test_ob20_uid_entry() -> None:
    """An entry may name the assertion by uid."""
    doc = {"type": "RevocationList", "revokedAssertions": [{"uid": "abc-123"}]}
    assert check_ob2_revocation("abc-123", doc).outcome is Outcome.FAILED


@pytest.mark.parametrize(
    "doc",
    [
        None,
        {"id": "x", "revokedAssertions": []},  # no type
        {"type": "Issuer", "revokedAssertions": []},
        {"type": "RevocationList", "revokedAssertions": "everything"},
        ["RevocationList"],
    ],
)
def test_ob20_missing_or_malformed_list(doc: Any) -> None:
    """No list, or a document that is not a readable RevocationList, is NOT_CHECKED."""
    check = check_ob2_revocation("https://example.org/beths-robotics-badge.json", doc)
    assert check.outcome is Outcome.NOT_CHECKED


def test_ob20_list_without_revoked_assertions_is_empty() -> None:
    """A RevocationList that omits revokedAssertions revokes nothing."""
    assert check_ob2_revocation("urn:x", {"type": "RevocationList"}).outcome is Outcome.PASSED
