"""Fuzzing the trust rules, with the helpers of test_fuzz_importers: odd issuer documents and key documents, proof
sets with odd co-signer proofs, odd JWT `exp`/`nbf`, status lists from other publishers, and odd `--at` text.

Every case must get a full report (no engine fault, a sentence per check), and never "verified" where a trust rule
says it must not be: an attacker's key, a changed issuer proof, a token outside its window, a revoked bit.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from tests.wallet.credentials.test_fuzz_importers import (
    FUZZ,
    JSON_LEAVES,
    JSON_VALUES,
    NOW,
    TRUSTED,
    assert_report,
    assert_sentence,
    b64url,
    dump,
    forklift,
    parse_or_error,
    signed_part,
    structural_mutations,
    token,
    verify_checked,
)
from wallet.credentials.dataintegrity import RDFC, sign
from wallet.credentials.demo_issuers import COLLEGE, LIBRARY, WAREHOUSE
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import CheckName, ItemReport, Outcome, Status
from wallet.credentials.validity import parse_instant
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import CredentialFormatError, UsageError

pytestmark = pytest.mark.timeout(120)

ISSUER_DID = "did:web:college.example"
ISSUER_VM = f"{ISSUER_DID}#key-1"
ATTACKER_VM = "https://attacker.example/keys/1"
ATTACKER_DID_VM = "did:web:attacker.example#k"
VERIFIED = (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS)


def _multikey_of(verification_method: str) -> str:
    """The Multikey (z6Mk…) of a demo issuer's did:key verification method."""
    return verification_method.split("#", 1)[1]


def _reports(data: bytes, resolver: KeyResolver, status_lists: dict[str, Any] | None = None) -> list[ItemReport]:
    """Parse and verify with the given material, checking every report is whole."""
    found = parse_or_error(data)
    if found is None:
        return []
    verifier = Verifier(
        VerifyOptions(now=NOW, resolver=resolver, status_lists=dict(status_lists or {}), trusted_issuers=TRUSTED)
    )
    reports = [verify_checked(verifier, parsed) for parsed in found]
    for report in reports:
        assert_report(report)
    return reports


def _resolver(documents: list[Any]) -> KeyResolver | None:
    resolver = KeyResolver()
    for document in documents:
        try:
            resolver.add_document(document)
        except CredentialFormatError as exc:
            assert_sentence(exc.message)
            return None
    return resolver


# ------------------------------------------------------------------------------------------------ issuer documents


def _badge_for(issuer: str) -> dict[str, Any]:
    return {**signed_part(forklift()), "issuer": {"id": issuer, "type": ["Profile"], "name": "College"}}


@st.composite
def issuer_document_cases(draw: st.DrawFn) -> tuple[bytes, list[Any], bool]:
    """A did:web college badge signed by the college's key or an attacker's, with odd issuer/key documents at hand.

    Returns (credential, documents, signed by the attacker)."""
    college_key = _multikey_of(COLLEGE.identity.verification_method)
    attacker_key = _multikey_of(LIBRARY.identity.verification_method)
    by_attacker = draw(st.booleans())
    vm = draw(st.sampled_from([ATTACKER_VM, ATTACKER_DID_VM, ISSUER_VM])) if by_attacker else ISSUER_VM
    signer = (LIBRARY if by_attacker else COLLEGE).signer()
    credential = sign(_badge_for(ISSUER_DID), suite=RDFC, verification_method=vm, created="2024-01-01T00:00:00Z",
                      signer=signer.sign)
    college_doc: dict[str, Any] = {
        "id": ISSUER_DID,
        "verificationMethod": [
            {"id": ISSUER_VM, "type": "Multikey", "controller": ISSUER_DID, "publicKeyMultibase": college_key}
        ],
        "assertionMethod": [draw(st.sampled_from([ISSUER_VM, "#key-1"]))],
    }
    attacker_doc = {"id": vm, "type": "Multikey", "controller": ISSUER_DID, "publicKeyMultibase": attacker_key}
    attacker_did_doc = {
        "id": "did:web:attacker.example",
        "verificationMethod": [{**attacker_doc, "id": ATTACKER_DID_VM}],
        "assertionMethod": [ATTACKER_DID_VM],
    }
    documents: list[Any] = []
    for document in (college_doc, attacker_doc, attacker_did_doc):
        if draw(st.booleans()):
            documents.append(draw(structural_mutations(document)) if draw(st.booleans()) else document)
    return dump(credential), documents, by_attacker


@settings(FUZZ, max_examples=200)
@given(issuer_document_cases())
def test_odd_issuer_and_key_documents_never_let_an_attacker_key_verify(case: tuple[bytes, list[Any], bool]) -> None:
    """Whatever the college's document and the attacker's key documents say, an attacker-signed badge never verifies."""
    data, documents, by_attacker = case
    resolver = _resolver(documents)
    if resolver is None:
        return
    for report in _reports(data, resolver):
        if by_attacker:
            assert report.status not in VERIFIED, report.to_json()


def test_untouched_college_document_verifies_the_colleges_badge() -> None:
    """The seed of the property above: the college's own key and document give a verified badge."""
    signer = COLLEGE.signer()
    credential = sign(_badge_for(ISSUER_DID), suite=RDFC, verification_method=ISSUER_VM,
                      created="2024-01-01T00:00:00Z", signer=signer.sign)
    college_key = _multikey_of(COLLEGE.identity.verification_method)
    document = {
        "id": ISSUER_DID,
        "verificationMethod": [
            {"id": ISSUER_VM, "type": "Multikey", "controller": ISSUER_DID, "publicKeyMultibase": college_key}
        ],
        "assertionMethod": ["#key-1"],
    }
    resolver = _resolver([document])
    assert resolver is not None
    [report] = _reports(dump(credential), resolver)
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED


OB2 = Path(__file__).resolve().parents[2] / "fixtures" / "validator" / "ob20"
OB2_KEY = "http://example.org/key1.json"


def _ob2_asset(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((OB2 / "assets" / name).read_text("utf-8"))
    return document


def _lists_the_key(profile: Any) -> bool:
    """Does an (odd) OB 2.0 Profile still list key1 under publicKey, by id or as an object with that id?"""
    if not isinstance(profile, dict) or profile.get("id") != "https://example.org/organization.json":
        return False
    entries = profile.get("publicKey")
    entries = entries if isinstance(entries, list) else [entries]
    return any(e == OB2_KEY or (isinstance(e, dict) and e.get("id") == OB2_KEY) for e in entries)


@settings(FUZZ, max_examples=150)
@given(
    st.lists(st.sampled_from(["key1.json", "robotics-badge.json", "organization.json"]), unique=True),
    st.data(),
)
def test_ob2_badge_verifies_only_when_its_profile_lists_the_key(names: list[str], data: st.DataObject) -> None:
    """The signed OB 2.0 fixture with odd key, BadgeClass and Profile documents: verified only if the Profile at
    hand lists the key that signed."""
    documents = [_ob2_asset(name) for name in names]
    documents = [data.draw(structural_mutations(d)) if data.draw(st.booleans()) else d for d in documents]
    resolver = _resolver(documents)
    if resolver is None:
        return
    for report in _reports((OB2 / "simple.jwt").read_bytes(), resolver):
        if report.status in VERIFIED:
            assert any(_lists_the_key(d) for d in documents), report.to_json()


# ------------------------------------------------------------------------------------------------ proof sets


def _co_signed() -> dict[str, Any]:
    """The warehouse's forklift badge with a second proof by the library, as a set."""
    library = LIBRARY.signer()
    return sign(forklift(), suite=RDFC, verification_method=library.verification_method,
                created="2024-03-01T00:00:00Z", signer=library.sign, proof_id="urn:proof:library")


@st.composite
def odd_proof_sets(draw: st.DrawFn) -> dict[str, Any]:
    """The co-signed badge with odd values anywhere in its proofs, or its proofs reordered or dropped."""
    document = _co_signed()
    proofs = list(document["proof"])
    proofs = draw(st.permutations(proofs))
    proofs = draw(st.lists(st.sampled_from(proofs), min_size=0, max_size=3)) if draw(st.booleans()) else proofs
    mutated = draw(structural_mutations({"proof": proofs})) if draw(st.booleans()) else {"proof": proofs}
    return {**signed_part(document), **mutated}


@settings(FUZZ, max_examples=200)
@given(odd_proof_sets())
def test_odd_proof_sets_verify_only_with_the_issuers_untouched_proof(document: dict[str, Any]) -> None:
    """A proof set verifies only if the warehouse's own proof is there unchanged; every case gets a full report."""
    original = forklift()["proof"]
    proofs = document.get("proof")
    listed = proofs if isinstance(proofs, list) else [proofs]
    for report in _reports(dump(document), KeyResolver()):
        if report.status in VERIFIED:
            assert original in listed, report.to_json()


def test_co_signed_seed_verifies_with_two_signature_lines() -> None:
    """The seed of the property above verifies, with one signature line per proof."""
    [report] = _reports(dump(_co_signed()), KeyResolver())
    assert report.status is Status.VERIFIED
    assert len([c for c in report.checks if c.check is CheckName.SIGNATURE]) == 2


# ------------------------------------------------------------------------------------------------ JWT windows


NOW_S = int(NOW.timestamp())
TIME_CLAIMS = (
    st.integers(NOW_S - 10**8, NOW_S + 10**8)
    | st.floats(NOW_S - 10**6, NOW_S + 10**6)
    | st.sampled_from([NOW_S, NOW_S - 1, NOW_S + 1, 0, -1, 2**63, -(2**63), 10**20])
    | JSON_LEAVES
)


@st.composite
def windowed_tokens(draw: st.DrawFn) -> tuple[bytes, dict[str, Any]]:
    """A VC-JWT correctly signed by the warehouse with odd `nbf`/`exp` claims (or none)."""
    payload: dict[str, Any] = {"iss": WAREHOUSE.did, "vc": signed_part(forklift())}
    for claim in ("nbf", "exp"):
        if draw(st.booleans()):
            payload[claim] = draw(TIME_CLAIMS)
    identity = WAREHOUSE.identity
    try:
        body = dump(payload)
    except ValueError:
        reject()
    return token({"alg": "EdDSA", "kid": identity.verification_method}, body, identity.sign).encode(), payload


def _inside(payload: dict[str, Any]) -> bool:
    """Is NOW within the token's own window (absent claims do not limit it)?"""
    for claim in ("nbf", "exp"):
        value = payload.get(claim)
        if value is None:
            continue
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        try:
            moment = datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return False
        if (claim == "nbf" and moment > NOW) or (claim == "exp" and moment <= NOW):
            return False
    return True


@settings(FUZZ, max_examples=200)
@given(windowed_tokens())
def test_tokens_outside_their_window_never_verify(case: tuple[bytes, dict[str, Any]]) -> None:
    """A token whose exp has passed, whose nbf is ahead, or whose claims are not times, is never verified."""
    data, payload = case
    for report in _reports(data, KeyResolver()):
        if not _inside(payload):
            assert report.outcome_of(CheckName.VALIDITY) is Outcome.FAILED, report.to_json()
            assert report.status not in VERIFIED


# ------------------------------------------------------------------------------------------------ other publishers


STATUS_URL = "https://status.example/list"


@st.composite
def foreign_status_lists(draw: st.DrawFn) -> tuple[bytes, dict[str, Any], bool]:
    """The warehouse's badge with a revocation entry, and a list signed by another issuer's key, naming the
    warehouse or its signer as publisher, with the badge's bit set or clear. Returns (badge, lists, bit set)."""
    index = draw(st.integers(0, 255))
    bit_set = draw(st.booleans())
    others = draw(st.sets(st.integers(0, 255), max_size=6)) - {index}
    bits = bytearray(32)
    for position in others | ({index} if bit_set else set()):
        bits[position // 8] |= 0x80 >> (position % 8)
    signer = draw(st.sampled_from([LIBRARY, COLLEGE])).signer()
    publisher = draw(st.sampled_from([WAREHOUSE.did, signer.did]))
    status_list = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": STATUS_URL,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": publisher,
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": f"{STATUS_URL}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": "u" + b64url(gzip.compress(bytes(bits), mtime=0)),
        },
    }
    signed_list = sign(status_list, suite=RDFC, verification_method=signer.verification_method,
                       created="2024-01-01T00:00:00Z", signer=signer.sign)
    entry = {
        "id": f"{STATUS_URL}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": draw(st.sampled_from([index, str(index)])),
        "statusListCredential": STATUS_URL,
    }
    warehouse = WAREHOUSE.signer()
    badge = sign({**signed_part(forklift()), "credentialStatus": entry}, suite=RDFC,
                 verification_method=warehouse.verification_method, created="2024-01-01T00:00:00Z",
                 signer=warehouse.sign)
    return dump(badge), {STATUS_URL: signed_list}, bit_set


@settings(FUZZ, max_examples=60)
@given(foreign_status_lists())
def test_another_publishers_list_can_revoke_but_never_confirms(case: tuple[bytes, dict[str, Any], bool]) -> None:
    """A set bit in a list signed by someone else fails the status check; a clear one is never a pass."""
    data, lists, bit_set = case
    [report] = _reports(data, KeyResolver(), lists)
    status = report.outcome_of(CheckName.STATUS)
    if bit_set:
        assert status is Outcome.FAILED and report.status is Status.NOT_VERIFIED
    else:
        assert status is Outcome.NOT_CHECKED and report.status is not Status.VERIFIED


# ------------------------------------------------------------------------------------------------ --at text


AT_TEXT = (
    st.text(max_size=40)
    | st.datetimes().map(lambda d: d.isoformat())
    | st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat())
    | st.dates().map(lambda d: d.isoformat())
    | st.sampled_from(["2026-01-01Z", "2026-01-01T00:00Z", "2026-13-01", "Z", "", "9999-12-31T23:59:59-23:59"])
)


@settings(FUZZ, max_examples=300)
@given(AT_TEXT)
def test_at_text_is_a_utc_moment_or_a_usage_sentence(text: str) -> None:
    """Anything typed for --at becomes an aware UTC moment or a UsageError sentence, never another exception."""
    try:
        moment = parse_instant(text)
    except UsageError as exc:
        assert_sentence(exc.message)
        return
    assert moment.tzinfo is UTC
    VerifyOptions(now=moment)


@settings(FUZZ, max_examples=100)
@given(st.datetimes(timezones=st.timezones()) | st.datetimes() | JSON_VALUES)
def test_verify_options_take_only_aware_moments(now: Any) -> None:
    """VerifyOptions keeps an aware `now` as the same instant in UTC and refuses anything else with a sentence."""
    try:
        options = VerifyOptions(now=now)
    except UsageError as exc:
        assert_sentence(exc.message)
        assert not isinstance(now, datetime) or now.utcoffset() is None
        return
    # Compare instants: a wall time in a DST gap is never == to any time in another zone (PEP 495).
    assert options.now == now.astimezone(UTC) and options.now.tzinfo is UTC
