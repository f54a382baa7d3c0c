"""ecdsa-sd-2023 base proofs (what an issuer hands the holder): the W3C vectors verify, and any change breaks them."""

from __future__ import annotations

import base64
import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wallet.credentials import dataintegrity as di
from wallet.credentials import ecdsa_sd_base
from wallet.credentials.formats import parse
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import CheckName, Outcome
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import CredentialFormatError

VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "ecdsa_sd"
NAMES = ["employ", "prc"]
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _base(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((VECTORS / f"{name}-base.json").read_text("utf-8"))
    return document


def _verify(document: dict[str, Any]) -> di.ProofResult:
    results = di.verify_all(document, KeyResolver())
    assert len(results) == 1
    return results[0]


def _parts(document: dict[str, Any]) -> list[Any]:
    raw = base64.urlsafe_b64decode(document["proof"]["proofValue"][1:] + "==")
    assert raw[:3] == ecdsa_sd_base.BASE_HEADER
    parts: list[Any] = cbor2.loads(raw[3:])
    return parts


def _with_parts(document: dict[str, Any], parts: list[Any]) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    raw = ecdsa_sd_base.BASE_HEADER + cbor2.dumps(parts)
    changed["proof"]["proofValue"] = "u" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return changed


@pytest.mark.parametrize("name", NAMES)
def test_base_vector_verifies(name: str) -> None:
    """Each W3C base-proof credential verifies, and the sentence says the holder shared everything."""
    result = _verify(_base(name))
    assert result.valid is True, result.message
    assert "base proof" in result.message


def test_changed_non_mandatory_value_fails() -> None:
    """A changed statement outside the mandatory ones breaks its own signature."""
    document = _base("employ")
    document["credentialSubject"]["givenName"] = "JANE"
    result = _verify(document)
    assert result.valid is False
    assert "statement" in result.message


def test_changed_mandatory_value_fails() -> None:
    """A changed statement the mandatory pointers select (the issuer's image) breaks the issuer's signature."""
    document = _base("prc")
    document["issuer"]["image"] = "data:image/png;base64,AAAA"
    result = _verify(document)
    assert result.valid is False
    assert "issuer's signature" in result.message


def test_removed_statement_fails() -> None:
    """A base proof covers every statement: one removed leaves a signature over and the proof fails."""
    document = _base("employ")
    del document["credentialSubject"]["gender"]
    assert _verify(document).valid is False


def test_wrong_hmac_key_fails() -> None:
    """Another HMAC key renames the blank nodes, so no statement matches its signature."""
    document = _base("employ")
    parts = _parts(document)
    parts[2] = bytes(32)
    assert _verify(_with_parts(document, parts)).valid is False


def test_mandatory_pointer_to_nothing_fails_with_a_sentence() -> None:
    """A mandatory pointer that names nothing in the credential fails with a sentence instead of raising."""
    document = _base("employ")
    parts = _parts(document)
    parts[4] = ["/nothing/here"]
    result = _verify(_with_parts(document, parts))
    assert result.valid is False
    assert "names nothing" in result.message


def test_changed_mandatory_pointers_fail() -> None:
    """Other mandatory pointers change the mandatory hash the issuer signed: the proof fails."""
    document = _base("employ")
    parts = _parts(document)
    parts[4] = ["/issuer", "/validFrom"]
    assert _verify(_with_parts(document, parts)).valid is False


def test_base_proof_without_the_key_is_not_checked() -> None:
    """A base proof whose key is not at hand offline is 'not checked', never passed or failed."""
    document = _base("employ")
    document["proof"]["verificationMethod"] = "https://issuer.example/keys/1"
    result = _verify(document)
    assert result.valid is None
    assert "not available offline" in result.message


def test_selection_keeps_ids_and_types_on_the_path() -> None:
    """selectJsonLd: a pointer brings the value and, on the way, each node's id and type (not blank ids)."""
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:x:1",
        "type": ["VerifiableCredential"],
        "credentialSubject": {"id": "_:b0", "type": "Person", "items": [{"type": "A", "a": 1}, {"type": "B", "b": 2}]},
    }
    selected = ecdsa_sd_base.select(("/credentialSubject/items/1/b",), document)
    assert selected == {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:x:1",
        "type": ["VerifiableCredential"],
        "credentialSubject": {"type": "Person", "items": [{"type": "B", "b": 2}]},
    }


def test_selection_of_two_array_items_and_a_numeric_member() -> None:
    """Two pointers into one array keep index order; a member named "0" in an object is a name, not an index."""
    document = {"@context": [], "list": [{"a": 1}, {"b": 2}, {"c": 3}], "obj": {"0": "zero"}}
    selected = ecdsa_sd_base.select(("/list/2/c", "/list/0", "/obj/0"), document)
    assert selected == {"@context": [], "list": [{"a": 1}, {"c": 3}], "obj": {"0": "zero"}}


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["a", "0", "1", "id", "type"]), inner),
    max_leaves=15,
)
POINTER = st.lists(st.sampled_from(["a", "0", "1", "2", "id", "type", "~0", "~1", "", "x"]), max_size=4).map(
    lambda tokens: "".join("/" + t for t in tokens)
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "0", "id", "type"]), JSON), st.lists(POINTER, min_size=1, max_size=4))
def test_select_on_any_document_and_pointers_never_raises_unexpectedly(
    document: dict[str, Any], pointers: list[str]
) -> None:
    """Any pointers on any JSON either select something or fail with the wallet's sentence, never another error."""
    try:
        selected = ecdsa_sd_base.select(tuple(pointers), document)
    except CredentialFormatError as exc:
        assert exc.message.endswith(".")
    else:
        assert isinstance(selected, dict)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 4), st.lists(st.binary(max_size=40) | st.text(max_size=12) | st.integers(), max_size=4))
def test_fuzzed_parts_of_a_genuine_base_proof_never_verify(index: int, replacement: list[Any]) -> None:
    """Replacing any part of the genuine base proof never verifies and never raises."""
    document = _base("prc")
    parts = _parts(document)
    value: Any = replacement if index in (3, 4) else (replacement[0] if replacement else b"")
    if value == parts[index]:
        return
    parts[index] = value
    assert _verify(_with_parts(document, parts)).valid is False


def test_full_report_on_a_base_credential() -> None:
    """Through the verifier the signature line passes; the vector's key is not the named issuer's, so that fails."""
    parsed = parse((VECTORS / "employ-base.json").read_bytes())
    report = Verifier(VerifyOptions(now=NOW, resolver=KeyResolver())).verify(parsed[0])
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED
