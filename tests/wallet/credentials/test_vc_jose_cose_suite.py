"""Every verification input of the W3C VC-JOSE-COSE test suite gets the verdict the suite expects, or a listed reason.

Inputs: tests/fixtures/vc-jose-cose/tests/input, from ../shared/vectors/07-w3c-vc-jose-cose-test-suite
(W3C Software and Document License, copied at commit ff6be51). Expected results: the suite's
tests/test-mapping.js at that commit (`fn: verify` entries, each with the one key file the suite hands the
verifier). The input presentation-sdjwt-selective.txt has no mapping entry (test 22 has none); its name says it
should verify.

The suite's "success" is read as `verified` / `verified_with_warnings` (a presentation also needs its holder proof
to pass, and none of its credentials may be `not_verified`); "failure" as `not_verified` or a refusal with a
sentence. The only key given is the mapping's key file, as a verification method under the issuer's own address
(`https://example.issuer/vc-jose-cose#key-N`), which the wallet treats as part of the issuer's own document.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.credentials import formats
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import CredentialFormatError

SUITE = Path(__file__).resolve().parents[2] / "fixtures" / "vc-jose-cose"  # copied from ../shared, licence kept
INPUT = SUITE / "tests" / "input"
NOW = datetime(2024, 12, 16, 12, tzinfo=UTC)
"""Inside the window of the signed presentations (issued 2024-12-16 00:57 UTC, valid one day)."""

SUCCESS, FAILURE, CANNOT_CHECK = "success", "failure", "cannot check"

VERIFY = [
    ("6", "credential-jose-minimal.txt", "vm-p256.json", SUCCESS),
    ("7", "presentation-jose-multiple.txt", "vm-p384.json", SUCCESS),
    ("8", "credential-issuer-match-signed.txt", "vm-ed25519.json", SUCCESS),
    ("9", "credential-jose-unknown-extensions.txt", "vm-ed25519.json", FAILURE),
    ("10", "credential-minimal.json", "vm-ed25519.json", FAILURE),
    ("11", "presentation-single.json", "vm-ed25519.json", FAILURE),
    ("12", "credential-jose-bad-signature.txt", "vm-ed25519.json", FAILURE),
    ("13", "credential-jose-bad-media-type.txt", "vm-ed25519.json", FAILURE),
    ("14", "presentation-jose-bad-media-type.txt", "vm-ed25519.json", FAILURE),
    ("15", "credential-jose-vc-vp-claims.txt", "vm-ed25519.json", FAILURE),
    ("16", "presentation-jose-bad-credential.txt", "vm-ed25519.json", FAILURE),
    ("20", "credential-sdjwt-selective.txt", "vm-p384.json", SUCCESS),
    ("21", "credential-sdjwt-nested.txt", "vm-p521.json", SUCCESS),
    ("none", "presentation-sdjwt-selective.txt", "vm-p384.json", SUCCESS),
    ("23", "credential-sdjwt-bad-signature.txt", "vm-p384.json", FAILURE),
    ("24", "credential-sdjwt-bad-media-type.txt", "vm-ed25519.json", FAILURE),
    ("25", "presentation-sdjwt-bad-media-type.txt", "vm-ed25519.json", FAILURE),
    ("26", "presentation-sdjwt-bad-credential.txt", "vm-p521.json", FAILURE),
    ("29", "credential-cose-minimal.txt", "vm-p256.json", SUCCESS),
    ("30", "credential-cose-minimal-not-base64.txt", "vm-p256.json", FAILURE),
    ("31", "presentation-cose-single.txt", "vm-p384.json", SUCCESS),
    ("32", "credential-cose-bad-signature.txt", "vm-ed25519.json", FAILURE),
    ("33", "credential-cose-bad-media-type.txt", "vm-p384.json", FAILURE),
    ("34", "presentation-cose-bad-media-type.txt", "vm-p384.json", FAILURE),  # the mapping's "p348" is a typo
    ("35", "presentation-cose-bad-credential.txt", "vm-p256.json", FAILURE),
]

DIFFERENCES = {
    "credential-jose-unknown-extensions.txt": (
        CANNOT_CHECK,
        "The token is signed with ES512 by the P-521 key (kid KQsih…), but the mapping hands over only the Ed25519 "
        "key, so the wallet says it cannot check it rather than that it is false; the payload carries no unknown "
        "extension at all. Given vm-p521.json it verifies (test_unknown_extensions_token_verifies_with_its_key).",
    ),
    "presentation-cose-single.txt": (
        FAILURE,
        "The presentation's one credential is a placeholder (data:application/vc+jwt,eyJhbGciOiJFUzI1NiJ9.eyJ….…, "
        "six dot-separated parts), not a token; the wallet refuses a presentation whose credential it cannot read. "
        "The presentation's own COSE signature is valid (test_cose_presentation_signature_holds).",
    ),
}


def _resolver(*key_files: str) -> KeyResolver:
    resolver = KeyResolver()
    for name in key_files:
        resolver.add_document(json.loads((INPUT / name).read_text(encoding="utf-8")))
    return resolver


def verdict(name: str, *key_files: str) -> str:
    """The suite-level outcome the wallet gives one input with the given key files."""
    try:
        items = formats.parse((INPUT / name).read_bytes())
    except CredentialFormatError:
        return FAILURE
    verifier = Verifier(VerifyOptions(now=NOW, resolver=_resolver(*key_files)))
    reports = [verifier.verify(item) for item in items]
    statuses = {report.status for report in reports}
    if items[0].presentation is not None:
        proof = reports[0].presentation
        if proof is None or proof.outcome is Outcome.FAILED or Status.NOT_VERIFIED in statuses:
            return FAILURE
        return SUCCESS if proof.outcome is Outcome.PASSED else CANNOT_CHECK
    if Status.NOT_VERIFIED in statuses:
        return FAILURE
    if Status.UNVERIFIABLE in statuses:
        return CANNOT_CHECK
    return SUCCESS


@pytest.mark.parametrize(("number", "name", "key_file", "expected"), VERIFY, ids=[v[1] for v in VERIFY])
def test_suite_input_gets_the_expected_verdict(number: str, name: str, key_file: str, expected: str) -> None:
    """The wallet's verdict is the suite's, or the listed difference with its reason."""
    wanted = DIFFERENCES[name][0] if name in DIFFERENCES else expected
    assert verdict(name, key_file) == wanted, f"mapping test {number}"


def test_counts_for_the_conformance_table() -> None:
    """23 of 25 verification inputs get the suite's verdict; the other 2 are the listed differences."""
    agree = sum(1 for _, name, key, expected in VERIFY if verdict(name, key) == expected)
    assert (agree, len(VERIFY) - agree) == (23, 2)
    assert set(DIFFERENCES) <= {name for _, name, _, _ in VERIFY}


def test_unknown_extensions_token_verifies_with_its_key() -> None:
    """Given the P-521 key the ES512 token names, the 'unknown extensions' input verifies."""
    assert verdict("credential-jose-unknown-extensions.txt", "vm-p521.json") == SUCCESS


def test_cose_presentation_signature_holds() -> None:
    """The COSE presentation's own signature (ES384, P-384 key) is valid: only its placeholder credential fails."""
    from wallet.credentials import cose, jose
    from wallet.credentials.jwt_keys import find_key, public_key_of

    jws = cose.read((INPUT / "presentation-cose-single.txt").read_bytes())
    key = find_key(_resolver("vm-p384.json"), jws.header["kid"], "https://example.issuer/vc-jose-cose")
    assert key is not None and jose.verify_jws(jws, public_key_of(key)) is True
    assert jws.header["typ"] == "application/vp+cose"


def test_every_signed_input_is_covered() -> None:
    """No .txt input of the suite is left out of this test."""
    assert {p.name for p in INPUT.glob("*.txt")} <= {name for _, name, _, _ in VERIFY}
