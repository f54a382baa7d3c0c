"""ecdsa-sd-2023: the W3C derived-proof vectors verify, and any change to what was disclosed or signed breaks them."""

from __future__ import annotations

import base64
import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cbor2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.wallet.credentials.sd_derive import derive
from wallet.credentials import dataintegrity as di
from wallet.credentials import ecdsa_sd, ecdsa_sd_base
from wallet.credentials.formats import parse
from wallet.credentials.keys import KeyResolver
from wallet.credentials.multikey import decode_multibase
from wallet.credentials.report import CheckName, Outcome
from wallet.credentials.verifier import Verifier, VerifyOptions

VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "ecdsa_sd"
NAMES = ["employ", "prc"]
NOW = datetime(2026, 1, 1, tzinfo=UTC)
ED25519_DID = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
ED25519_KEY = ED25519_DID + "#" + ED25519_DID.removeprefix("did:key:")


def _derived(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((VECTORS / f"{name}-derived.json").read_text("utf-8"))
    return document


def _verify(document: dict[str, Any]) -> di.ProofResult:
    results = di.verify_all(document, KeyResolver())
    assert len(results) == 1
    return results[0]


def _parts(document: dict[str, Any]) -> list[Any]:
    raw = base64.urlsafe_b64decode(document["proof"]["proofValue"][1:] + "==")
    assert raw[:3] == ecdsa_sd.DERIVED_HEADER
    parts: list[Any] = cbor2.loads(raw[3:])
    return parts


def _with_parts(document: dict[str, Any], parts: list[Any], header: bytes = ecdsa_sd.DERIVED_HEADER) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    raw = header + cbor2.dumps(parts)
    changed["proof"]["proofValue"] = "u" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return changed


def _flip(data: bytes, at: int = 10) -> bytes:
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]


@pytest.mark.parametrize("name", NAMES)
def test_derived_vector_verifies(name: str) -> None:
    """Each W3C derived (disclosure) credential verifies with the P-256 key its proof names."""
    result = _verify(_derived(name))
    assert result.valid is True, result.message
    assert result.suite == "ecdsa-sd-2023"


@pytest.mark.parametrize("name", NAMES)
def test_relabelled_nquads_match_the_vector(name: str) -> None:
    """The canonical statements, renamed through the label map and sorted, are exactly the vector's verifyNQuads."""
    document = _derived(name)
    derived = ecdsa_sd.parse_derived(document["proof"]["proofValue"])
    data = ecdsa_sd.verify_data(document, document["proof"], derived)
    expected = json.loads((VECTORS / f"{name}-verify-nquads.json").read_text("utf-8"))
    assert list(data.nquads) == expected


def test_flipped_disclosed_value_fails() -> None:
    """Changing a disclosed (non-mandatory) value breaks that statement's own signature."""
    document = _derived("employ")
    document["credentialSubject"]["birthCountry"] = "Jamaica"
    result = _verify(document)
    assert result.valid is False
    assert "disclosed statement" in result.message


def test_changed_mandatory_value_fails() -> None:
    """Changing a mandatory statement (the issuer's image) breaks the issuer's base signature."""
    document = _derived("employ")
    document["issuer"]["image"] = "data:image/png;base64,AAAA"
    result = _verify(document)
    assert result.valid is False
    assert "issuer's signature" in result.message


def test_changed_proof_options_fail() -> None:
    """The proof's own options (its creation date) are covered by the issuer's signature."""
    document = _derived("prc")
    document["proof"]["created"] = "2024-01-01T00:00:00Z"
    assert _verify(document).valid is False


def test_tampered_base_signature_fails() -> None:
    """One flipped bit in the issuer's base signature is a failed signature."""
    document = _derived("employ")
    parts = _parts(document)
    parts[0] = _flip(parts[0])
    assert _verify(_with_parts(document, parts)).valid is False


def test_tampered_statement_signature_fails() -> None:
    """One flipped bit in a statement's signature is a failed signature."""
    document = _derived("prc")
    parts = _parts(document)
    parts[2][-1] = _flip(parts[2][-1])
    result = _verify(_with_parts(document, parts))
    assert result.valid is False
    assert "disclosed statement" in result.message


def test_hidden_statement_added_back_fails() -> None:
    """A statement added to the disclosed credential has no signature of its own: the proof fails."""
    document = _derived("employ")
    document["credentialSubject"]["birthDate"] = "1958-07-17"
    result = _verify(document)
    assert result.valid is False
    assert "number of signatures" in result.message


def test_swapped_ephemeral_key_fails() -> None:
    """Another ephemeral key (here the issuer's own) cannot stand in: it is covered by the base signature."""
    document = _derived("employ")
    parts = _parts(document)
    issuer = document["proof"]["verificationMethod"].split("#")[1]
    parts[1] = decode_multibase(issuer)
    assert _verify(_with_parts(document, parts)).valid is False


def test_key_not_at_hand_is_not_checked() -> None:
    """A derived proof whose key the wallet cannot find offline is 'not checked', never passed or failed."""
    document = _derived("employ")
    document["proof"]["verificationMethod"] = "https://issuer.example/keys/1"
    result = _verify(document)
    assert result.valid is None
    assert "not available offline" in result.message


def test_ed25519_key_cannot_make_an_sd_proof() -> None:
    """A proof naming an Ed25519 key is refused with a sentence saying the key is not P-256."""
    document = _derived("employ")
    document["proof"]["verificationMethod"] = ED25519_KEY
    result = _verify(document)
    assert result.valid is False
    assert "P-256" in result.message


@pytest.mark.parametrize(
    "proof_value",
    [
        "",
        "zQm",
        "u!!!",
        "u" + base64.urlsafe_b64encode(b"\xd9\x5d\x01\xff\xff").decode().rstrip("="),
        "u" + base64.urlsafe_b64encode(b"\xd9\x5d\x01" + cbor2.dumps([1, 2, 3])).decode().rstrip("="),
        "u" + base64.urlsafe_b64encode(b"\xd9\x5d\x01" + cbor2.dumps([b"", b"", [], {True: b""}, []])).decode(),
        "u" + base64.urlsafe_b64encode(b"\xd9\x5d\x02" + cbor2.dumps([])).decode().rstrip("="),
        "u" + "A" * (ecdsa_sd_base.MAX_PROOF_VALUE_CHARS + 1),
    ],
)
def test_malformed_proof_value_fails_with_a_sentence(proof_value: str) -> None:
    """A proof value that is not a readable derived proof fails with one sentence and never raises."""
    document = _derived("employ")
    document["proof"]["proofValue"] = proof_value
    result = _verify(document)
    assert result.valid is False
    assert result.message.endswith(".") and "\n" not in result.message


def test_undefined_field_is_named_and_warned_about() -> None:
    """A field no context defines drops out of the signed statements: the report warns nothing vouches for it."""
    document = _derived("employ")
    document["credentialSubject"]["nickname"] = "Jay"
    result = _verify(document)
    assert result.undefined_terms == ("nickname",)
    parsed = parse(json.dumps(document).encode("utf-8"))
    report = Verifier(VerifyOptions(now=NOW, resolver=KeyResolver())).verify(parsed[0])
    warnings = [c.message for c in report.checks if c.check is CheckName.FORMAT and c.outcome is Outcome.WARNING]
    assert any("nickname" in m and "does not vouch" in m for m in warnings), warnings


CBOR_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.binary(max_size=70) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=6)
    | st.dictionaries(st.integers(-3, 9) | st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), CBOR_VALUES.map(cbor2.dumps)))
def test_fuzzed_derived_proof_values_never_raise_or_verify(body: bytes) -> None:
    """Any bytes or CBOR after the derived-proof header get a failed verdict with a sentence, never an exception."""
    document = _derived("prc")
    raw = ecdsa_sd.DERIVED_HEADER + body
    document["proof"]["proofValue"] = "u" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    result = _verify(document)
    assert result.valid is False
    assert result.message.endswith(".")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 4), st.data())
def test_fuzzed_parts_of_a_genuine_proof_never_verify(index: int, data: st.DataObject) -> None:
    """Replacing any one of the five parts of the genuine proof with another value never verifies and never raises."""
    document = _derived("employ")
    parts = _parts(document)
    replacement = data.draw(CBOR_VALUES)
    if replacement == parts[index]:
        return
    parts[index] = replacement
    result = _verify(_with_parts(document, parts))
    assert result.valid is False


def test_label_map_missing_a_blank_node_fails() -> None:
    """A label map that does not name every blank node cannot be a genuine derivation: the proof fails."""
    document = _derived("employ")
    parts = _parts(document)
    parts[3] = {0: parts[3][0]} if 0 in parts[3] else {}
    result = _verify(_with_parts(document, parts))
    assert result.valid is False
    assert "label map" in result.message


def test_mandatory_index_out_of_range_fails() -> None:
    """A mandatory index beyond the disclosed statements fails instead of raising."""
    document = _derived("employ")
    parts = _parts(document)
    parts[4] = [*parts[4], 999]
    assert _verify(_with_parts(document, parts)).valid is False


def test_full_report_on_a_derived_credential() -> None:
    """Through the verifier, the signature line passes; the vector's key is not the named issuer's, so that fails."""
    parsed = parse((VECTORS / "employ-derived.json").read_bytes())
    report = Verifier(VerifyOptions(now=NOW, resolver=KeyResolver())).verify(parsed[0])
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED



def _report(document: dict[str, Any]) -> Any:
    parsed = parse(json.dumps(document).encode())
    return Verifier(VerifyOptions(now=NOW, resolver=KeyResolver())).verify(parsed[0])


def _line(report: Any, check: CheckName) -> Any:
    return next(c for c in report.checks if c.check is check)


WITH_END = ("/validFrom", "/validUntil", "/credentialSubject/birthCountry")


def test_sd_derive_reproduces_the_w3c_vector() -> None:
    """The tests' derivation kit, given the vector's pointers, makes the W3C derived document byte for byte."""
    base = json.loads((VECTORS / "employ-base.json").read_text("utf-8"))
    assert derive(base, WITH_END) == _derived("employ")


def test_a_copy_leaving_out_the_end_date_does_not_read_as_valid_for_ever() -> None:
    """The issuer made only /issuer mandatory, so a holder can derive a genuine copy without validUntil: its
    signature holds, yet the validity line warns that an end date may have been left out, instead of a tick."""
    base = json.loads((VECTORS / "employ-base.json").read_text("utf-8"))
    copy_without_end = derive(base, ("/validFrom", "/credentialSubject/birthCountry"))
    assert "validUntil" not in copy_without_end
    report = _report(copy_without_end)
    assert _line(report, CheckName.SIGNATURE).outcome is Outcome.PASSED
    validity = _line(report, CheckName.VALIDITY)
    assert validity.outcome is Outcome.WARNING
    assert "Valid since" in validity.message and "no end date is among them" in validity.message


def test_a_copy_showing_its_end_date_keeps_the_tick() -> None:
    """A derived copy that shows validUntil is checked against it as usual."""
    report = _report(_derived("employ"))
    assert _line(report, CheckName.VALIDITY).outcome is Outcome.PASSED


def test_a_derived_copy_without_status_does_not_claim_there_is_no_revocation_list() -> None:
    """Only the whole credential can say the issuer publishes no status; a derived copy without one is not checked."""
    status_line = _line(_report(_derived("employ")), CheckName.STATUS)
    assert status_line.outcome is Outcome.NOT_CHECKED and "holder chose" in status_line.message
    base = json.loads((VECTORS / "employ-base.json").read_text("utf-8"))
    assert _line(_report(base), CheckName.STATUS).outcome is Outcome.PASSED
