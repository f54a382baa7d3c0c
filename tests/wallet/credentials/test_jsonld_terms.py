"""Contexts and terms: which data model a credential names, what expansion finds, and the expansion RDFC reuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from wallet.credentials import canonical, jsonld_terms
from wallet.credentials.contexts import document_loader
from wallet.credentials.jsonld_terms import VC_V1, VC_V2, is_url, term_findings


def _credential(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "@context": [VC_V2, "https://www.w3.org/ns/credentials/examples/v2"],
        "type": ["VerifiableCredential", "ExampleAlumniCredential"],
        "issuer": "did:example:issuer",
        "credentialSubject": {"id": "did:example:alice", "alumniOf": "Example University"},
    }
    document.update(changes)
    return document


@pytest.mark.parametrize(("value", "url"), [
    ("https://example.org/a", True), ("did:example:123", True), ("urn:uuid:1", True),
    ("example", False), ("https ://x", False), ("", False), (None, False), (["https://a.example"], False),
])
def test_is_url(value: Any, url: bool) -> None:
    """A URL has a scheme and no whitespace; anything else (lists, null) is not one."""
    assert is_url(value) is url


def test_version_follows_the_first_context() -> None:
    """The first context names the model: VC 2.0 or VC 1.1."""
    assert term_findings(_credential()).version == 2
    v1 = _credential(**{"@context": [VC_V1, "https://www.w3.org/2018/credentials/examples/v1"]})
    v1["issuanceDate"] = "2010-01-01T00:00:00Z"
    assert term_findings(v1).version == 1


def test_sound_credential_has_no_findings() -> None:
    """Every term of the example credential is defined: no errors, nothing undefined, nothing unchecked."""
    found = term_findings(_credential())
    assert (found.errors, found.undefined, found.unchecked) == ([], [], None)


def test_proofs_are_left_to_the_signature_checks() -> None:
    """An unknown proof type is not a term problem here (the signature check names it)."""
    found = term_findings(_credential(proof={"type": "SomeProofType", "created": "2024-01-01T00:00:00Z"}))
    assert found.errors == [] and found.undefined == []


def test_a_key_that_is_not_text_is_read_not_a_crash() -> None:
    """A dict built in Python with a number for a key (pyld reports it as dropped) gives findings, never a crash."""
    found = term_findings(_credential(issuer={"id": "did:example:issuer", "name": {1: "x"}}))
    assert all(isinstance(term, str) for term in found.undefined)


def test_deep_nesting_is_a_sentence_not_a_crash() -> None:
    """A subject nested far beyond reason gives a finding, never a RecursionError."""
    node: dict[str, Any] = {"id": "did:example:x"}
    subject = node
    for _ in range(5000):
        node["alumniOf"] = {"name": "x"}
        node = node["alumniOf"]
    found = term_findings(_credential(credentialSubject=subject))
    assert all(message.endswith((".", ")")) for message in found.errors)


def test_unknown_context_is_unchecked_and_named() -> None:
    """A context URL the wallet does not ship is named, and nothing is expanded (no fetch)."""
    found = term_findings(_credential(**{"@context": [VC_V2, "https://example.org/private/v9"]}))
    assert found.errors == [] and found.unchecked and "https://example.org/private/v9" in found.unchecked


def test_rdfc_reuses_the_expansion_and_gets_the_same_nquads() -> None:
    """After the term check expanded a credential, RDFC's canonical form equals pyld's own, computed afresh."""
    canonical.forget_expansions()
    document = _credential()
    term_findings(document)
    reused = canonical.rdfc(document).nquads
    fresh = jsonld.normalize(document, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                        "documentLoader": document_loader})
    assert reused == fresh and reused
    assert canonical.rdfc(document).nquads == reused  # the remembered expansion was not changed by its use


def _other_strings(value: Any, keep: bool = False) -> Any:
    """The same credential with every string the term check may ignore changed (names, ids, descriptions)."""
    if isinstance(value, dict):
        return {k: _other_strings(v, keep or k in ("@context", "type", "@type") or k.startswith("@"))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_other_strings(v, keep) for v in value]
    return value if keep or not isinstance(value, str) else "urn:other:" + value[::-1]


def _fixture_documents() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(Path(__file__).resolve().parents[2].joinpath("fixtures").rglob("*.json")):
        try:
            document = json.loads(path.read_text("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(document, dict) and "@context" in document:
            found.append((path.name, document))
    return found


def test_credentials_of_one_shape_get_the_same_findings_whatever_their_text() -> None:
    """The findings cache keys on a credential's shape: over every JSON-LD fixture, changing names, ids and
    descriptions never changes what the term check finds (so a cached answer is the answer)."""
    documents = _fixture_documents()
    assert len(documents) > 100
    for name, document in documents:
        jsonld_terms._FINDINGS.clear()
        first = term_findings(document)
        jsonld_terms._FINDINGS.clear()
        assert term_findings(_other_strings(document)) == first, name


def test_credentials_of_one_shape_are_expanded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two badges from one issuer that differ only in their text cost one expansion between them."""
    jsonld_terms._FINDINGS.clear()
    calls: list[int] = []
    real = jsonld_terms.expand
    monkeypatch.setattr(jsonld_terms, "expand", lambda doc: calls.append(1) or real(doc))
    term_findings(_credential(name="Forklift Operator"))
    term_findings(_credential(name="Reach Truck Operator"))
    assert len(calls) == 1
    term_findings(_credential(name={"en": "Reach Truck Operator"}))  # another shape: expanded on its own
    assert len(calls) == 2
