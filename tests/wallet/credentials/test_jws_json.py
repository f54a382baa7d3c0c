"""JWS JSON serialisation: flattened and general forms verified like compact; every signature checked and shown."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.wallet.credentials.token_kit import (
    Signer,
    credential_v2,
    ec_did_jwk,
    ed25519_did_key,
    messages,
    token,
    verify,
)
from wallet.credentials import formats
from wallet.credentials.report import CheckName, Outcome, Status
from wallet.errors import CredentialFormatError

ISSUER = ed25519_did_key("jws-json issuer")
COSIGNER = ec_did_jwk()
PAYLOAD = credential_v2(ISSUER.did)


def _entry(signer: Signer, payload: dict[str, Any] = PAYLOAD, **unprotected: Any) -> tuple[str, dict[str, Any]]:
    protected, body, signature = token(signer, payload, typ="vc+jwt").split(".")
    entry: dict[str, Any] = {"protected": protected, "signature": signature}
    if unprotected:
        entry["header"] = unprotected
    return body, entry


def _general(*signers: Signer) -> bytes:
    entries = [_entry(s) for s in signers]
    return json.dumps({"payload": entries[0][0], "signatures": [e for _, e in entries]}).encode()


def test_flattened_form_verifies_like_compact() -> None:
    """A flattened JWS JSON credential verifies with the issuer's key."""
    body, entry = _entry(ISSUER)
    [report] = verify(json.dumps({"payload": body, **entry}))
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED


def test_every_signature_is_checked_and_shown() -> None:
    """Issuer and co-signer signatures both pass and both appear; the issuer's leads."""
    [report] = verify(_general(COSIGNER, ISSUER))
    signatures = [c for c in report.checks if c.check is CheckName.SIGNATURE]
    assert len(signatures) == 2 and all(c.outcome is Outcome.PASSED for c in signatures), messages(report)
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED
    assert report.status in (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS)


def test_only_a_cosigner_signed_fails_the_issuer_key() -> None:
    """Signatures that are all someone else's do not stand for the issuer."""
    [report] = verify(_general(COSIGNER))
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


def test_a_broken_cosignature_fails_the_credential() -> None:
    """A co-signature over other bytes fails, even when the issuer's holds."""
    body, good = _entry(ISSUER)
    _, other = _entry(COSIGNER, {**PAYLOAD, "name": "changed"})
    [report] = verify(json.dumps({"payload": body, "signatures": [good, other]}))
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


@pytest.mark.parametrize(("change", "words"), [
    (lambda e: e.update(header={"alg": "none"}), 'sets "alg"'),
    (lambda e: e.update(header={"typ": "x"}), 'repeats or sets "typ"'),
    (lambda e: e.pop("protected"), "no protected header"),
])
def test_unsafe_unprotected_headers_are_refused(change: Any, words: str) -> None:
    """alg or a repeated name in the unprotected header, or no protected header, is refused with a sentence."""
    body, entry = _entry(ISSUER)
    change(entry)
    with pytest.raises(CredentialFormatError, match=words):
        formats.parse(json.dumps({"payload": body, "signatures": [entry]}).encode())


def test_kid_may_come_from_the_unprotected_header() -> None:
    """A kid given only in the unprotected header still finds the issuer's key."""
    protected, body, signature = token(ISSUER, PAYLOAD, kid=None).split(".")
    entry = {"protected": protected, "signature": signature, "header": {"kid": ISSUER.kid}}
    [report] = verify(json.dumps({"payload": body, "signatures": [entry]}))
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
