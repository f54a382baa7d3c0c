"""JWT presentations: the holder's token signature is the holder proof; each credential inside is judged alone."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tests.wallet.credentials.token_kit import (
    NOW,
    V2,
    credential_v1,
    credential_v2,
    ec_did_jwk,
    ed25519_did_key,
    messages,
    token,
    verify,
)
from wallet.credentials import jose
from wallet.credentials.report import CheckName, Outcome, Status

ISSUER = ed25519_did_key("vp issuer")
HOLDER = ed25519_did_key("vp holder")
STRANGER = ed25519_did_key("vp stranger")


def _vc_jwt(subject: str = HOLDER.did) -> str:
    return token(ISSUER, {"iss": ISSUER.did, "sub": subject, "vc": credential_v1(ISSUER.did)})


def _vp_jwt(signer: Any = HOLDER, credentials: list[Any] | None = None, **claims: Any) -> str:
    vp = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiablePresentation"],
          "verifiableCredential": credentials if credentials is not None else [_vc_jwt()]}
    return token(signer, {"iss": HOLDER.did, "nonce": "c-42", "aud": "did:example:verifier",
                          "exp": int(NOW.timestamp()) + 600, "vp": vp, **claims})


def test_vp_jwt_holder_proof_passes_with_challenge_and_domain() -> None:
    """A VP-JWT (vp claim) signed by its iss shows the holder proof with nonce/aud as challenge/domain."""
    [report] = verify(_vp_jwt())
    proof = report.presentation
    assert proof is not None and proof.outcome is Outcome.PASSED, proof
    assert HOLDER.did in proof.message and "challenge c-42" in proof.message
    assert "domain did:example:verifier" in proof.message
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.issuer == ISSUER.did


def test_vp_jwt_signed_by_someone_else_fails_but_credentials_keep_their_verdict() -> None:
    """A presentation signed by a key that is not the holder's fails its proof; the credential still verifies."""
    [report] = verify(_vp_jwt(STRANGER))
    assert report.presentation is not None and report.presentation.outcome is Outcome.FAILED
    assert "not of the holder" in report.presentation.message
    assert report.status in (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS)


def test_expired_or_changed_vp_jwt_fails() -> None:
    """An expired presentation token, or one changed after signing, is a failed holder proof."""
    [expired] = verify(_vp_jwt(exp=int(NOW.timestamp()) - 60))
    assert expired.presentation is not None and "expired" in expired.presentation.message
    head, body, sig = _vp_jwt().split(".")
    payload = json.loads(jose.b64url_decode(body))
    payload["nonce"] = "other"
    [changed] = verify(f"{head}.{jose.b64url_encode(json.dumps(payload).encode())}.{sig}")
    assert changed.presentation is not None and changed.presentation.outcome is Outcome.FAILED


def test_each_credential_is_judged_on_its_own() -> None:
    """A good and a tampered credential in one presentation get their own verdicts, one holder proof for both."""
    good = _vc_jwt()
    head, body, sig = _vc_jwt().split(".")
    payload = json.loads(jose.b64url_decode(body))
    payload["vc"]["credentialSubject"]["name"] = "Rocket science"
    bad = f"{head}.{jose.b64url_encode(json.dumps(payload).encode())}.{sig}"
    first, second = verify(_vp_jwt(credentials=[good, credential_v2(ISSUER.did) | {"credentialSubject": {}}, bad])
                           )[0::2]
    assert first.status is not Status.NOT_VERIFIED and second.status is Status.NOT_VERIFIED
    assert first.presentation == second.presentation and first.presentation is not None


@pytest.mark.parametrize("typ", ["vp+jwt", "vp-ld+jwt", None])
def test_vc_jose_presentation_with_enveloped_credentials(typ: str | None) -> None:
    """A VC-JOSE-COSE vp+jwt with EnvelopedVerifiableCredentials (plain, base64, base64url data: URLs) is read."""
    vc = token(ISSUER, credential_v2(ISSUER.did, subject=HOLDER.did), typ="vc+jwt")
    envelopes = [
        f"data:application/vc+jwt,{vc}",
        "data:application/vc+jwt;base64," + base64.b64encode(vc.encode()).decode(),
        "data:application/vc+ld+jwt;base64url," + jose.b64url_encode(vc.encode()),
    ]
    vp = {"@context": [V2], "type": ["VerifiablePresentation"], "holder": HOLDER.did,
          "verifiableCredential": [{"@context": V2, "type": "EnvelopedVerifiableCredential", "id": e}
                                   for e in envelopes]}
    reports = verify(token(HOLDER, vp, typ=typ))
    assert len(reports) == 3
    for report in reports:
        assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED, messages(report)
        assert report.presentation is not None and report.presentation.outcome is Outcome.PASSED


def test_wrong_presentation_typ_fails_the_holder_proof() -> None:
    """A presentation token typed as a credential is a failed holder proof naming the typ."""
    vp = {"@context": [V2], "type": ["VerifiablePresentation"], "holder": HOLDER.did,
          "verifiableCredential": [{"@context": V2, "type": "EnvelopedVerifiableCredential",
                                    "id": "data:application/vc+jwt," + token(ISSUER, credential_v2(ISSUER.did))}]}
    [report] = verify(token(HOLDER, vp, typ="vc+jwt"))
    assert report.presentation is not None and report.presentation.outcome is Outcome.FAILED
    assert 'typ "vc+jwt"' in report.presentation.message


def test_enveloped_presentation_is_unwrapped() -> None:
    """An EnvelopedVerifiablePresentation (data:application/vp+jwt,…) yields its credentials with the holder proof."""
    signer = ec_did_jwk()
    vp = {"@context": [V2], "type": ["VerifiablePresentation"], "holder": signer.did,
          "verifiableCredential": [{"@context": V2, "type": "EnvelopedVerifiableCredential",
                                    "id": "data:application/vc+jwt," + token(ISSUER, credential_v2(ISSUER.did))}]}
    outer = {"@context": [V2], "type": "EnvelopedVerifiablePresentation",
             "id": "data:application/vp+jwt," + token(signer, vp, typ="vp+jwt")}
    [report] = verify(json.dumps(outer))
    assert report.presentation is not None and report.presentation.outcome is Outcome.PASSED
