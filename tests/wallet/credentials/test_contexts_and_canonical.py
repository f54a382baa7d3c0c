"""The offline JSON-LD loader and canonical forms: bundled contexts only, undefined terms flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.credentials import contexts
from wallet.credentials.canonical import jcs, rdfc
from wallet.errors import CredentialFormatError, UnknownContextError

VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "vc-di-eddsa"


@pytest.mark.parametrize("url", contexts.known_contexts())
def test_every_bundled_context_loads_as_a_json_ld_context(url: str) -> None:
    """Each context in resources/contexts/index.json is a JSON object with an @context."""
    document = contexts.document_loader(url)["document"]
    assert isinstance(document, dict) and "@context" in document


def test_unknown_context_names_the_url() -> None:
    """A context we do not ship is refused with a sentence naming its URL; nothing is fetched."""
    with pytest.raises(UnknownContextError) as caught:
        contexts.document_loader("https://example.org/private-context.jsonld")
    assert "https://example.org/private-context.jsonld" in str(caught.value)


def test_unknown_context_inside_a_credential_is_reported_by_url() -> None:
    """Canonicalising a credential with an unknown context raises UnknownContextError for that URL."""
    document = json.loads((VECTORS / "unsigned.json").read_text("utf-8"))
    document["@context"].append("https://example.org/nope/v1")
    with pytest.raises(UnknownContextError, match=r"example\.org/nope/v1"):
        rdfc(document)


def test_loader_returns_independent_copies() -> None:
    """Changing a served context never changes what the next caller gets."""
    first = contexts.context_document("https://www.w3.org/ns/credentials/v2")
    first["@context"]["poisoned"] = "http://evil.example/"
    assert "poisoned" not in contexts.context_document("https://www.w3.org/ns/credentials/v2")["@context"]


def test_rdfc_matches_the_w3c_canonical_document() -> None:
    """RDFC-1.0 of the vector input equals the published canonical N-Quads."""
    document = json.loads((VECTORS / "unsigned.json").read_text("utf-8"))
    expected = (VECTORS / "eddsa-rdfc-2022" / "canonDocDataInt.txt").read_text("utf-8")
    assert rdfc(document).nquads.strip() == expected.strip()


def test_terms_no_context_defines_are_flagged() -> None:
    """Properties and types that pyld would drop silently are listed as undefined."""
    document = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential", "MadeUpCredential"],
        "secretBonus": "1000 USD",
        "credentialSubject": {"id": "did:example:1", "grade": "A"},
    }
    assert set(rdfc(document).undefined_terms) == {"MadeUpCredential", "secretBonus", "grade"}


def test_vc2_issuer_dependent_terms_are_flagged() -> None:
    """VC 2.0 maps undefined terms to the issuer-dependent vocabulary; we still list them."""
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": {"id": "did:example:1", "favouriteColour": "green"},
    }
    assert "favouriteColour" in rdfc(document).undefined_terms


def test_jcs_is_rfc8785() -> None:
    """JCS sorts keys and writes numbers the RFC 8785 way."""
    assert jcs({"b": 1, "a": [1.0, "é"]}) == '{"a":[1,"é"],"b":1}'.encode()


def test_jcs_refuses_values_json_cannot_hold() -> None:
    """Non-finite numbers cannot be canonicalised and give a clear error."""
    with pytest.raises(CredentialFormatError):
        jcs({"a": float("nan")})
