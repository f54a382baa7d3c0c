"""SD-JWT credentials: issuer signature, disclosures rebuilt and checked against the signed digests, key binding."""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

import pytest

from tests.wallet.credentials.token_kit import (
    NOW,
    V2,
    Signer,
    ec_did_jwk,
    ed25519_did_key,
    messages,
    token,
    verify,
)
from wallet.credentials import formats, jose, sdjwt
from wallet.credentials.report import CheckName, Outcome, Status
from wallet.errors import CredentialFormatError

ISSUER = ed25519_did_key("sd-jwt issuer")
HOLDER = ec_did_jwk()


def disclose(*items: Any) -> tuple[str, str]:
    """A disclosure and its SHA-256 digest."""
    text = jose.b64url_encode(json.dumps(list(items)).encode())
    return text, jose.b64url_encode(hashlib.sha256(text.encode()).digest())


FIRST = disclose("salt-1", "firstName", "Jane")
LAST = disclose("salt-2", "lastName", "Doe")
PHONE = disclose("salt-3", {"number": "+1-555-0100", "type": "work"})


def issued(signer: Signer = ISSUER, typ: str = "vc+sd-jwt", cnf: bool = False, **extra: Any) -> str:
    """An SD-JWT VC 2.0 credential with two hidden names and one hidden array element."""
    payload: dict[str, Any] = {
        "@context": [V2],
        "type": ["VerifiableCredential", "IdentityCredential"],
        "issuer": signer.did,
        "iss": signer.did,
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "_sd": [FIRST[1], LAST[1]],
            "phones": [{"...": PHONE[1]}, {"number": "+1-555-0199"}],
        },
        **extra,
    }
    if cnf:
        payload["cnf"] = {"jwk": HOLDER.jwk}
    return token(signer, payload, typ=typ)


def test_disclosed_claims_are_rebuilt_and_verified() -> None:
    """Disclosed object members and array elements are put back; the issuer's EdDSA signature verifies."""
    text = f"{issued()}~{FIRST[0]}~{PHONE[0]}~"
    [parsed] = formats.parse(text.encode())
    subject = parsed.document["credentialSubject"]
    assert subject["firstName"] == "Jane" and "lastName" not in subject and "_sd" not in subject
    assert subject["phones"] == [{"number": "+1-555-0100", "type": "work"}, {"number": "+1-555-0199"}]
    [report] = verify(text)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert "2 selectively disclosed claim(s) match" in messages(report)
    assert report.status in (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS)
    assert report.presentation is None


def test_es256_issuer_and_nothing_disclosed() -> None:
    """A P-256 did:jwk issuer (ES256) verifies with every claim kept hidden; hidden elements are left out."""
    signer = ec_did_jwk()
    [report] = verify(f"{issued(signer)}~")
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED


def test_disclosure_not_signed_by_the_issuer_fails() -> None:
    """A disclosure whose digest the signed payload does not hold fails the credential, signature good or not."""
    forged = disclose("salt-x", "degree", "PhD")
    [report] = verify(f"{issued()}~{FIRST[0]}~{forged[0]}~")
    assert "not among the digests the issuer signed" in messages(report)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.status is Status.NOT_VERIFIED


@pytest.mark.parametrize(("extra", "words"), [
    ("~{first}~{first}~", "sent twice"),
    ("~bm90IGpzb24~", "not valid JSON"),
    ("~eyJhIjoxfQ~", "not a [salt, name, value]"),
])
def test_malformed_disclosures_fail(extra: str, words: str) -> None:
    """Repeated, non-JSON or non-base64url disclosures are named and fail the credential."""
    [report] = verify(issued() + extra.format(first=FIRST[0]))
    assert words in messages(report)
    assert report.status is Status.NOT_VERIFIED


def test_disclosure_overwriting_a_signed_claim_fails() -> None:
    """A disclosure may not replace a claim the issuer signed in the clear."""
    clash = disclose("salt-4", "id", "did:example:someone-else")
    text = issued().split(".")
    payload = json.loads(jose.b64url_decode(text[1]))
    payload["credentialSubject"]["_sd"].append(clash[1])
    [report] = verify(f"{token(ISSUER, payload, typ='vc+sd-jwt')}~{clash[0]}~")
    assert 'replace the signed claim "id"' in messages(report)
    assert report.status is Status.NOT_VERIFIED


def test_changed_payload_fails_the_signature() -> None:
    """Changing the issuer JWT after signing fails the signature, disclosures or not."""
    head, body, sig = issued().split(".")
    payload = json.loads(jose.b64url_decode(body))
    payload["credentialSubject"]["id"] = "did:example:mallory"
    [report] = verify(f"{head}.{jose.b64url_encode(json.dumps(payload).encode())}.{sig}~{FIRST[0]}~")
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.FAILED


def _kb(presented: str, **claims: Any) -> str:
    digest = jose.b64url_encode(hashlib.sha256(presented.encode()).digest())
    body = {"iat": int(NOW.timestamp()) - 60, "nonce": "n-123", "aud": "https://verifier.example", "sd_hash": digest,
            **claims}
    return token(HOLDER, body, typ="kb+jwt", kid=None)


def test_key_binding_is_checked_and_shown() -> None:
    """A kb+jwt signed by the cnf key over this SD-JWT passes, with its challenge and domain shown."""
    presented = f"{issued(cnf=True)}~{FIRST[0]}~"
    [report] = verify(presented + _kb(presented))
    assert report.presentation is not None and report.presentation.outcome is Outcome.PASSED
    assert "challenge n-123" in report.presentation.message and "domain https://verifier.example" in (
        report.presentation.message)


@pytest.mark.parametrize(("case", "words"), [
    ("other disclosures", "sd_hash does not cover"),
    ("other key", "does not match the holder key"),
    ("no cnf", 'names no holder key ("cnf")'),
    ("wrong typ", 'not "kb+jwt"'),
])
def test_bad_key_binding_fails(case: str, words: str) -> None:
    """A key-binding JWT over other disclosures, by another key, without cnf or mistyped is a failed proof."""
    presented = f"{issued(cnf=case != 'no cnf')}~{FIRST[0]}~"
    if case == "other disclosures":
        kb = _kb(f"{issued(cnf=True)}~{LAST[0]}~")
    elif case == "other key":
        other = ec_did_jwk()
        kb = token(other, {"iat": int(time.time()) - 999999, "sd_hash": "x"}, typ="kb+jwt", kid=None)
    elif case == "wrong typ":
        kb = token(HOLDER, {"iat": 1}, typ="JWT", kid=None)
    else:
        kb = _kb(presented)
    [report] = verify(presented + kb)
    assert report.presentation is not None and report.presentation.outcome is Outcome.FAILED
    assert words in report.presentation.message


def test_dc_sd_jwt_claims_become_a_credential() -> None:
    """An IETF SD-JWT VC (dc+sd-jwt, vct, no JSON-LD) is laid out as issuer and credentialSubject."""
    name = disclose("salt-9", "given_name", "Jane")
    payload = {"iss": ISSUER.did, "vct": "https://credentials.example/identity", "iat": 1735689600,
               "sub": "did:example:learner", "_sd": [name[1]], "_sd_alg": "sha-256"}
    [parsed] = formats.parse(f"{token(ISSUER, payload, typ='dc+sd-jwt')}~{name[0]}~".encode())
    assert parsed.document["issuer"] == ISSUER.did
    assert parsed.document["credentialSubject"] == {"given_name": "Jane", "id": "did:example:learner"}
    assert "https://credentials.example/identity" in parsed.document["type"]
    assert parsed.document["validFrom"] == "2025-01-01T00:00:00Z"


def test_wrong_sd_jwt_typ_and_unknown_hash_are_named() -> None:
    """A vc+jwt-typed SD-JWT fails its media type; an unknown _sd_alg is refused with a sentence."""
    [report] = verify(f"{issued(typ='vc+jwt')}~{FIRST[0]}~")
    assert 'typ "vc+jwt"' in messages(report)
    with pytest.raises(CredentialFormatError, match="md5"):
        sdjwt.read(f"{issued(_sd_alg='md5')}~")


def test_sd_jwt_with_characters_no_token_has_is_refused() -> None:
    """Text that is not base64url between the ~ separators is not read as an SD-JWT at all."""
    with pytest.raises(CredentialFormatError, match="not a credential"):
        formats.parse(f"{issued()}~!!~".encode())


def test_dc_sd_jwt_verifies_with_a_layout_warning() -> None:
    """A genuine dc+sd-jwt verifies with a warning that the W3C layout does not apply, never a failed schema."""
    name = disclose("salt-9", "given_name", "Jane")
    payload = {"iss": ISSUER.did, "vct": "https://credentials.example/identity", "iat": 1735689600, "_sd": [name[1]]}
    [report] = verify(f"{token(ISSUER, payload, typ='dc+sd-jwt')}~{name[0]}~")
    assert report.outcome_of(CheckName.SCHEMA) is Outcome.WARNING
    assert report.status is Status.VERIFIED_WITH_WARNINGS, messages(report)


@pytest.mark.parametrize("make", [lambda: ed25519_did_key("no kid"), ec_did_jwk], ids=["did:key", "did:jwk"])
def test_issuer_key_from_iss_without_kid(make: Any) -> None:
    """With no kid, an iss that is a did:key or did:jwk gives the key, and it is the issuer's."""
    signer = make()
    payload = json.loads(jose.b64url_decode(issued(signer).split(".")[1]))
    unnamed = token(signer, payload, kid=None, typ="vc+sd-jwt")
    [report] = verify(f"{unnamed}~{FIRST[0]}~")
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED, messages(report)
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED


@pytest.mark.parametrize(("asked", "kb", "words"), [
    ({"challenge": "n-123", "domain": "https://verifier.example"}, True, None),
    ({"challenge": "n-999"}, True, "answers the challenge n-123, not the one asked for (n-999)"),
    ({"domain": "https://acme.example"}, True, "made for https://verifier.example, not for https://acme.example"),
    ({"challenge": "n-123"}, False, "answers no challenge, but n-123 was asked for"),
])
def test_a_key_binding_must_answer_what_the_verifier_asked(asked: dict[str, str], kb: bool, words: str | None) -> None:
    """A replayed key binding (another nonce or audience) or none at all fails the verdict when the verifier asked
    a challenge or domain; the one asked for passes."""
    presented = f"{issued(cnf=True)}~{FIRST[0]}~"
    [report] = verify(presented + (_kb(presented) if kb else ""), **asked)
    failed = [c for c in report.checks if c.check is CheckName.PRESENTATION]
    if words is None:
        assert not failed and report.presentation is not None and report.presentation.outcome is Outcome.PASSED
    else:
        assert [c.outcome for c in failed] == [Outcome.FAILED] and words in failed[0].message
        assert report.status is Status.NOT_VERIFIED


END = disclose("salt-5", "validUntil", "2023-01-01T00:00:00Z")
EXP = disclose("salt-6", "exp", 1672531200)


def _format_lines(report: Any) -> list[tuple[Outcome, str]]:
    return [(c.outcome, c.message) for c in report.checks if c.check is CheckName.FORMAT]


def test_an_end_date_the_holder_could_hide_is_a_warning() -> None:
    """validUntil made selectively disclosable: shown, it still counts; the report warns that a copy without it
    would read as valid for ever."""
    presented = f"{issued(_sd=[END[1]])}~{FIRST[0]}~{END[0]}~"
    [report] = verify(presented)
    assert (Outcome.WARNING, "The issuer let the holder hide validUntil: a copy without it would read as valid for "
                             "ever and never revoked.") in _format_lines(report)
    assert report.outcome_of(CheckName.VALIDITY) is Outcome.FAILED  # disclosed, it is read: expired


def test_a_registered_claim_made_hideable_fails() -> None:
    """exp as a disclosure is forbidden by SD-JWT VC (the validity check would never see a withheld one)."""
    [report] = verify(f"{issued(_sd=[EXP[1]])}~{FIRST[0]}~{EXP[0]}~")
    assert any(o is Outcome.FAILED and "made exp selectively disclosable" in m for o, m in _format_lines(report))
    assert report.status is Status.NOT_VERIFIED


def test_withheld_claims_with_no_end_date_shown_are_a_warning() -> None:
    """A withheld top-level claim could be the end date: with none shown, the report says it was not checked; with
    an end date in the clear, nothing is said."""
    [withheld] = verify(f"{issued(_sd=[END[1]])}~{FIRST[0]}~")
    assert any(o is Outcome.WARNING and "1 of the issuer's claims were kept hidden" in m
               for o, m in _format_lines(withheld))
    [dated] = verify(f"{issued(_sd=[EXP[1]], validUntil='2030-01-01T00:00:00Z')}~{FIRST[0]}~")
    assert not any("kept hidden" in m for _, m in _format_lines(dated))
