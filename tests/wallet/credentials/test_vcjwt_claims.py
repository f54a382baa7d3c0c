"""VC-JWT (VCDM 1.1) claims against the `vc` claim, and VC-JOSE media types and forbidden claims."""

from __future__ import annotations

import pytest

from tests.wallet.credentials.token_kit import (
    credential_v1,
    credential_v2,
    ed25519_did_key,
    messages,
    token,
    verify,
)
from wallet.credentials import formats, vcjwt_claims
from wallet.credentials.report import CheckName, Outcome, Status

ISSUER = ed25519_did_key("vcjwt-claims issuer")


def test_placeholder_vc_issuer_does_not_fail_a_genuine_token() -> None:
    """The token's iss wins over a placeholder vc.issuer: the issuer key binds, and the report names the difference."""
    payload = {"iss": ISSUER.did, "vc": credential_v1({"id": "did:example:placeholder", "name": "Acme"})}
    [report] = verify(token(ISSUER, payload, typ="JWT"))
    assert report.issuer == ISSUER.did
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED, messages(report)
    warning = [c for c in report.checks if c.check is CheckName.FORMAT]
    assert len(warning) == 1 and warning[0].outcome is Outcome.WARNING
    assert "issuer (token: did:key:" in warning[0].message and "inside: did:example:placeholder" in warning[0].message
    assert report.status is Status.VERIFIED_WITH_WARNINGS


def test_registered_claims_fill_issuer_subject_id_and_dates() -> None:
    """iss, sub, jti, nbf and exp become issuer, credentialSubject.id, id, issuanceDate and expirationDate."""
    vc = credential_v1(None)
    del vc["issuer"], vc["issuanceDate"]
    payload = {"iss": ISSUER.did, "sub": "did:example:learner", "jti": "urn:uuid:1", "nbf": 1735689600,
               "exp": 1893456000, "vc": vc}
    [parsed] = formats.parse(token(ISSUER, payload).encode())
    document = parsed.document
    assert document["issuer"] == ISSUER.did and document["id"] == "urn:uuid:1"
    assert document["credentialSubject"]["id"] == "did:example:learner"
    assert document["issuanceDate"] == "2025-01-01T00:00:00Z" and document["expirationDate"] == "2030-01-01T00:00:00Z"
    [report] = verify(token(ISSUER, payload))
    assert not [c for c in report.checks if c.check is CheckName.FORMAT], messages(report)
    assert report.outcome_of(CheckName.VALIDITY) is Outcome.PASSED


def test_differing_subject_id_and_dates_are_all_named() -> None:
    """sub, jti and exp that disagree with the vc claim are each named; the token's id and subject are kept."""
    vc = credential_v1(ISSUER.did, id="urn:uuid:inside", expirationDate="2031-01-01T00:00:00Z",
                       credentialSubject={"id": "did:example:someone", "name": "x"})
    payload = {"iss": ISSUER.did, "sub": "did:example:learner", "jti": "urn:uuid:token", "exp": 1893456000, "vc": vc}
    [report] = verify(token(ISSUER, payload))
    assert report.id == "urn:uuid:token" and report.subject == "did:example:learner"
    text = messages(report)
    for phrase in ("subject (token: did:example:learner; inside: did:example:someone)",
                   "id (token: urn:uuid:token; inside: urn:uuid:inside)",
                   "end date (token: 2030-01-01T00:00:00Z; inside: 2031-01-01T00:00:00Z)"):
        assert phrase in text


@pytest.mark.parametrize("typ", [None, "JWT", "vc+jwt", "vc-ld+jwt", "application/vc+ld+json", "VC+JWT"])
@pytest.mark.parametrize("cty", [None, "vc", "application/vc+ld+json"])
def test_credential_media_types_are_accepted(typ: str | None, cty: str | None) -> None:
    """Every credential typ/cty that VC-JWT and VC-JOSE-COSE use is accepted (case and application/ aside)."""
    [report] = verify(token(ISSUER, credential_v2(ISSUER.did), typ=typ, cty=cty))
    assert report.outcome_of(CheckName.FORMAT) is None, messages(report)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED


@pytest.mark.parametrize(("typ", "cty", "named"), [
    ("bad+typ", None, 'typ "bad+typ"'),
    ("vp+jwt", "vc", 'typ "vp+jwt"'),
    ("vc+jwt", "bad+cty", 'cty "bad+cty"'),
    ("kb+jwt", None, 'typ "kb+jwt"'),
])
def test_wrong_media_type_fails_with_its_name(typ: str, cty: str | None, named: str) -> None:
    """A credential token typed as something else fails, naming the header value, though its signature holds."""
    [report] = verify(token(ISSUER, credential_v2(ISSUER.did), typ=typ, cty=cty))
    failed = [c for c in report.checks if c.check is CheckName.FORMAT and c.outcome is Outcome.FAILED]
    assert failed and named in failed[0].message
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.status is Status.NOT_VERIFIED


@pytest.mark.parametrize("extra", [{"vc": "oops"}, {"vp": "nooo"}, {"vc": "oops", "vp": {}},
                                   {"vc": {"@context": ["https://www.w3.org/2018/credentials/v1"]}}])
def test_vc_jose_credential_with_vc_or_vp_claim_fails(extra: dict[str, object]) -> None:
    """A VC 2.0 payload that also carries a vc or vp claim is refused as a credential token (VC-JOSE-COSE)."""
    [report] = verify(token(ISSUER, {**credential_v2(ISSUER.did), **extra}, typ="vc+jwt"))
    assert "forbids" in messages(report)
    assert report.status is Status.NOT_VERIFIED


def test_iss_must_match_a_vc_jose_issuer() -> None:
    """In VC-JOSE-COSE, an iss that is not the credential's issuer fails the issuer-key line."""
    [report] = verify(token(ISSUER, {**credential_v2(ISSUER.did), "iss": "did:example:other"}))
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED


def test_media_type_reading() -> None:
    """typ/cty compare without case and without the application/ prefix; non-text is no media type."""
    assert vcjwt_claims.media_type("Application/VC+JWT") == "vc+jwt"
    assert vcjwt_claims.media_type(5) is None
