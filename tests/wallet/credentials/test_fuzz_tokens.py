"""Property tests for the token forms: SD-JWT, COSE_Sign1, data: URL envelopes and JWT presentations never crash,
never hang, always get a whole report, and never verify once a byte the signer signed has changed."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.wallet.credentials.test_fuzz_importers import FUZZ, assert_report, parse_or_error, verify_checked
from tests.wallet.credentials.test_jwt_presentation import _vp_jwt
from tests.wallet.credentials.test_sdjwt import FIRST, LAST, PHONE, disclose, issued
from tests.wallet.credentials.token_kit import NOW
from wallet.credentials import cose, enveloped, sdjwt
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import CredentialFormatError

pytestmark = pytest.mark.timeout(300)

SUITE = Path(__file__).resolve().parents[2] / "fixtures" / "vc-jose-cose"  # copied from ../shared, licence kept
COSE_TEXT = (SUITE / "tests" / "input" / "credential-cose-minimal.txt").read_bytes().strip()
COSE_RAW = cose.raw_bytes(COSE_TEXT)
SD_SEED = f"{issued()}~{FIRST[0]}~{PHONE[0]}~"
VP_SEED = _vp_jwt()
GOOD = (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS)


def _verifier() -> Verifier:
    resolver = KeyResolver()
    resolver.add_document(json.loads((SUITE / "tests" / "input" / "vm-p256.json").read_text()))
    return Verifier(VerifyOptions(now=NOW, resolver=resolver))


def _flip(data: bytes, index: int, value: int) -> bytes:
    position = index % len(data)
    changed = (data[position] + 1 + value % 255) % 256
    return data[:position] + bytes([changed]) + data[position + 1 :]


@settings(FUZZ, max_examples=200)
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=254))
def test_changed_cose_bytes_never_verify(index: int, value: int) -> None:
    """Any one changed byte of a signed COSE_Sign1 is refused or reported, never verified."""
    data = base64.b64encode(_flip(COSE_RAW, index, value))
    found = parse_or_error(data)
    for item in found or []:
        report = verify_checked(_verifier(), item)
        assert_report(report)
        assert report.status not in GOOD


def test_cose_seed_verifies() -> None:
    """The unchanged COSE seed verifies, so the property above is not vacuous."""
    [item] = formats_parse(COSE_TEXT)
    assert _verifier().verify(item).status in GOOD


def formats_parse(data: bytes) -> list[Any]:
    found = parse_or_error(data)
    assert found is not None
    return found


@settings(FUZZ, max_examples=150)
@given(st.binary(max_size=400))
def test_random_cbor_is_refused_with_a_sentence(noise: bytes) -> None:
    """Bytes that start like a COSE_Sign1 and go on at random are refused with a sentence or reported."""
    for data in (b"\xd2\x84" + noise, base64.b64encode(b"\xd2\x84" + noise)):
        for item in parse_or_error(data) or []:
            assert_report(verify_checked(_verifier(), item))


SD_PARTS = st.lists(st.one_of(st.sampled_from([FIRST[0], LAST[0], PHONE[0], "", "e30", "W10", "WyJhIl0"]),
                              st.text(alphabet="ABCDEFabcdef0123456789-_", max_size=40),
                              st.builds(lambda s, n, v: disclose(s, n, v)[0], st.text(max_size=5),
                                        st.sampled_from(["_sd", "...", "id", "firstName", "x"]),
                                        st.one_of(st.none(), st.integers(), st.text(max_size=5)))), max_size=8)


@settings(FUZZ, max_examples=200)
@given(SD_PARTS, st.booleans())
def test_odd_disclosures_never_crash_or_pass_unsigned_claims(parts: list[str], key_binding_junk: bool) -> None:
    """Any list of disclosures after a genuine issuer JWT is read or refused; extra claims never verify."""
    text = issued() + "~" + "~".join(parts) + "~" + ("eyJhbGciOiJFUzI1NiJ9.e30.AA" if key_binding_junk else "")
    for item in parse_or_error(text.encode()) or []:
        report = verify_checked(_verifier(), item)
        assert_report(report)
        known = {FIRST[0], LAST[0], PHONE[0]}
        if any(p not in known for p in parts) or len(set(parts)) != len(parts):
            assert report.status not in GOOD, parts
        if key_binding_junk:
            assert report.presentation is None or report.presentation.outcome is not Outcome.PASSED


@settings(FUZZ, max_examples=200)
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=254))
def test_changed_sd_jwt_and_vp_jwt_never_pass(index: int, value: int) -> None:
    """One changed character of an SD-JWT never verifies it; of a VP-JWT never passes its holder proof."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for seed in (SD_SEED, VP_SEED):
        position = index % len(seed)
        if seed[position] not in alphabet:
            continue
        replacement = alphabet[(alphabet.index(seed[position]) + 1 + value % 63) % 64]
        text = seed[:position] + replacement + seed[position + 1 :]
        for item in parse_or_error(text.encode()) or []:
            report = verify_checked(_verifier(), item)
            assert_report(report)
            if seed is SD_SEED:
                assert report.status not in GOOD
            elif report.presentation is not None:
                # only the holder's token changed, or an embedded credential; either way not both genuine
                assert report.presentation.outcome is not Outcome.PASSED or report.status not in GOOD


@settings(FUZZ, max_examples=300)
@given(st.text(max_size=60), st.sampled_from(["", ";base64", ";base64url", ";charset=utf-8"]),
       st.sampled_from(["application/vc+jwt", "application/vc+sd-jwt", "application/vc+cose", "application/vc+ld+json",
                        "application/vp+jwt", "text/plain", "", "APPLICATION/VC+JWT"]),
       st.sampled_from(["EnvelopedVerifiableCredential", "EnvelopedVerifiablePresentation"]))
def test_odd_data_urls_are_read_or_refused_with_a_sentence(body: str, encoding: str, media: str, kind: str) -> None:
    """Any data: URL in an envelope is read or refused with a sentence; nothing in it verifies unsigned."""
    url = f"data:{media}{encoding},{body}"
    envelope = {"@context": "https://www.w3.org/ns/credentials/v2", "type": kind, "id": url}
    for item in parse_or_error(json.dumps(envelope).encode()) or []:
        report = verify_checked(_verifier(), item)
        assert_report(report)
        assert report.status not in GOOD
    try:
        enveloped.read_data_url(envelope["id"])
    except CredentialFormatError as exc:
        assert exc.message.endswith(".")


def test_sd_jwt_read_refuses_too_many_disclosures() -> None:
    """More disclosures than the wallet reads are refused before any is hashed (no hang)."""
    with pytest.raises(CredentialFormatError, match="more than"):
        sdjwt.read(issued() + "~" + "~".join(["WyJhIl0"] * (sdjwt.MAX_DISCLOSURES + 5)) + "~")


JWS_JSON_SEED = json.loads(
    json.dumps({"payload": issued().split(".")[1], "signatures": [
        {"protected": issued().split(".")[0], "signature": issued().split(".")[2]}]})
)
MEMBERS = st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.text(max_size=5), max_size=3),
                    st.dictionaries(st.sampled_from(["alg", "kid", "typ", "x"]), st.text(max_size=10), max_size=3))


@settings(FUZZ, max_examples=200)
@given(st.sampled_from(["payload", "signatures", "protected", "signature", "header"]), MEMBERS,
       st.sampled_from(["top", "entry"]))
def test_odd_jws_json_is_refused_or_never_verifies(name: str, value: Any, where: str) -> None:
    """A JWS JSON token with one member replaced is refused with a sentence or reported, never verified."""
    data = json.loads(json.dumps(JWS_JSON_SEED))
    target = data if where == "top" else data["signatures"][0]
    target[name] = value
    unsigned_hint = where == "entry" and name == "header" and isinstance(value, dict)  # not signed: may pass
    for item in parse_or_error(json.dumps(data).encode()) or []:
        report = verify_checked(_verifier(), item)
        assert_report(report)
        assert unsigned_hint or report.status not in GOOD
