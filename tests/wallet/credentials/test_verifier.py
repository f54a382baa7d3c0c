"""The verification report: issuer binding, validity, JWTs, trust and nested CLR credentials."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from nacl.signing import SigningKey

from wallet.credentials import dataintegrity as di
from wallet.credentials import demo_issuers, formats, jose
from wallet.credentials.keys import KeyResolver
from wallet.credentials.multikey import multikey_from_ed25519
from wallet.credentials.report import CheckName, ItemReport, Outcome, Report, Status
from wallet.credentials.verifier import Verifier, VerifyOptions

NOW = datetime(2026, 1, 1, tzinfo=UTC)
LEARNER = "did:example:learner"


def _verify(document: dict[str, Any] | bytes, **options: Any) -> ItemReport:
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    items = formats.parse(data)
    assert len(items) == 1
    return Verifier(VerifyOptions(now=options.pop("now", NOW), **options)).verify(items[0])


def _outcome(report: ItemReport, check: CheckName) -> Outcome | None:
    return report.outcome_of(check)


def _key(label: str) -> tuple[SigningKey, str, str]:
    key = SigningKey(hashlib.sha256(label.encode()).digest())
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    return key, f"did:key:{multikey}", f"did:key:{multikey}#{multikey}"


def _signed(document: dict[str, Any], label: str = "issuer", vm: str | None = None) -> dict[str, Any]:
    key, _, own_vm = _key(label)
    return di.sign(
        document,
        suite=di.RDFC,
        verification_method=vm or own_vm,
        created="2025-01-01T00:00:00Z",
        signer=lambda m: key.sign(m).signature,
    )


def _badge(issuer: str, **extra: Any) -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:0b1c0d5e-3c55-4b5e-9f4e-1d2a3b4c5d6e",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Test badge",
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Test Issuer"},
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "id": LEARNER,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/achievements/1",
                "type": ["Achievement"],
                "name": "Test",
                "description": "A test achievement.",
                "criteria": {"narrative": "Do the test."},
            },
        },
        **extra,
    }


def test_demo_badge_verifies_and_trust_removes_the_warning() -> None:
    """A demo badge verifies with a trust warning; trusting its issuer makes it fully verified."""
    badge = demo_issuers.forklift_badge(LEARNER)
    assert _verify(badge).status is Status.VERIFIED_WITH_WARNINGS
    trusted = {demo_issuers.WAREHOUSE.did: demo_issuers.WAREHOUSE.name}
    report = _verify(badge, trusted_issuers=trusted)
    assert report.status is Status.VERIFIED
    assert {c.check for c in report.checks} >= {
        CheckName.SIGNATURE,
        CheckName.ISSUER_KEY,
        CheckName.VALIDITY,
        CheckName.STATUS,
        CheckName.SCHEMA,
        CheckName.TRUSTED_ISSUER,
    }


def test_valid_signature_by_an_unrelated_key_is_not_verified_from_the_issuer() -> None:
    """A credential naming issuer A but signed by B's did:key fails the issuer-key check."""
    _, did_a, _ = _key("A")
    report = _verify(_signed(_badge(did_a), label="B"))
    assert _outcome(report, CheckName.SIGNATURE) is Outcome.PASSED
    assert _outcome(report, CheckName.ISSUER_KEY) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


def test_https_issuer_with_key_only_in_the_link_is_unverifiable() -> None:
    """An https key URL with a z6Mk fragment checks the arithmetic but never binds to the issuer."""
    key, _, _ = _key("web")
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    vm = f"https://issuer.example/keys#{multikey}"
    report = _verify(_signed(_badge("https://issuer.example/"), label="web", vm=vm))
    assert _outcome(report, CheckName.SIGNATURE) is Outcome.PASSED
    assert _outcome(report, CheckName.ISSUER_KEY) is Outcome.NOT_CHECKED
    assert report.status is Status.UNVERIFIABLE


@pytest.mark.parametrize(
    ("address", "bound"),
    [("https://issuer.example/", Outcome.PASSED), ("https://issuer.example/keys", Outcome.NOT_CHECKED)],
)
def test_https_issuer_with_supplied_key(address: str, bound: Outcome) -> None:
    """A supplied key under the issuer's own address (as with --key) verifies; one elsewhere that merely names the
    issuer as its controller, even on the same host, does not speak for it."""
    key, _, _ = _key("web")
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    vm = f"{address}#{multikey}"
    resolver = KeyResolver()
    resolver.add_document(
        {"id": vm, "type": "Multikey", "controller": "https://issuer.example/", "publicKeyMultibase": multikey}
    )
    report = _verify(_signed(_badge("https://issuer.example/"), label="web", vm=vm), resolver=resolver)
    assert _outcome(report, CheckName.ISSUER_KEY) is bound
    assert report.status.value.startswith("verified") is (bound is Outcome.PASSED)


def test_did_web_without_a_document_is_not_checked() -> None:
    """did:web keys are never fetched: without an imported DID document the signature is not checked."""
    report = _verify(_signed(_badge("did:web:issuer.example"), vm="did:web:issuer.example#key-1"))
    assert _outcome(report, CheckName.SIGNATURE) is Outcome.NOT_CHECKED
    assert report.status is Status.UNVERIFIABLE
    assert "not available offline" in next(c.message for c in report.checks if c.check is CheckName.SIGNATURE)


def _did_web_report(relationship: str) -> ItemReport:
    """A did:web credential verified with an imported DID document listing its key under `relationship`."""
    key, _, _ = _key("didweb")
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    did = "did:web:issuer.example"
    method = {"id": f"{did}#key-1", "type": "Multikey", "controller": did, "publicKeyMultibase": multikey}
    resolver = KeyResolver()
    resolver.add_document({"id": did, "verificationMethod": [method], relationship: [f"{did}#key-1"]})
    return _verify(_signed(_badge(did), label="didweb", vm=f"{did}#key-1"), resolver=resolver)


def test_did_web_with_imported_document_verifies() -> None:
    """An imported did:web document whose assertionMethod lists the key makes the credential verify."""
    report = _did_web_report("assertionMethod")
    assert _outcome(report, CheckName.ISSUER_KEY) is Outcome.PASSED
    assert report.status.value.startswith("verified")


def test_key_not_allowed_to_assert_fails_issuer_key() -> None:
    """A key in the DID document but not under assertionMethod may not issue credentials."""
    assert _outcome(_did_web_report("authentication"), CheckName.ISSUER_KEY) is Outcome.FAILED


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("validUntil", "2025-06-01T00:00:00Z", "Expired"),
        ("validFrom", "2027-01-01T00:00:00Z", "Not valid yet"),
    ],
)
def test_validity_window_uses_the_injected_now(field: str, value: str, words: str) -> None:
    """Expired and not-yet-valid credentials fail the validity check with a plain sentence."""
    _, did, _ = _key("issuer")
    report = _verify(_signed({**_badge(did), field: value}))
    check = next(c for c in report.checks if c.check is CheckName.VALIDITY)
    assert check.outcome is Outcome.FAILED and words in check.message
    assert report.status is Status.NOT_VERIFIED
    earlier = _verify(
        _signed({**_badge(did), field: value}),
        now=datetime(2026, 12, 31, tzinfo=UTC) if field == "validFrom" else datetime(2025, 3, 1, tzinfo=UTC),
    )
    assert earlier.outcome_of(CheckName.VALIDITY) is (Outcome.FAILED if field == "validFrom" else Outcome.PASSED)


def test_tampered_credential_is_not_verified() -> None:
    """Changing the name after signing fails the signature."""
    _, did, _ = _key("issuer")
    signed = _signed(_badge(did))
    signed["name"] = "Much better badge"
    report = _verify(signed)
    assert _outcome(report, CheckName.SIGNATURE) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


def test_unsigned_credential_is_not_verified() -> None:
    """A credential without a proof says so and is not verified."""
    _, did, _ = _key("issuer")
    report = _verify(_badge(did))
    assert _outcome(report, CheckName.SIGNATURE) is Outcome.FAILED
    assert "no signature" in report.checks[0].message


def test_vc_jwt_with_did_key_verifies_and_iss_must_match() -> None:
    """An EdDSA VC-JWT verifies by its did:key kid; a token whose iss differs from the issuer fails."""
    key, did, vm = _key("jwt")
    body = _badge(did)
    token = jose.sign_compact({"alg": "EdDSA", "kid": vm}, json.dumps(body).encode(), lambda m: key.sign(m).signature)
    assert _verify(token.encode()).status is Status.VERIFIED_WITH_WARNINGS
    wrapped = {"iss": "did:example:someone-else", "vc": body}
    token = jose.sign_compact(
        {"alg": "EdDSA", "kid": vm}, json.dumps(wrapped).encode(), lambda m: key.sign(m).signature
    )
    assert _verify(token.encode()).outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED


def test_jwt_with_only_a_header_key_is_unverifiable() -> None:
    """A header jwk proves the token is intact, not who made it: issuer key is not checked."""
    from cryptography.hazmat.primitives.asymmetric import ec

    private = ec.generate_private_key(ec.SECP256R1())
    public = jose.PublicKey("EC", private.public_key())

    def sign_es256(message: bytes) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

        r, s = decode_dss_signature(private.sign(message, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    token = jose.sign_compact(
        {"alg": "ES256", "jwk": public.jwk()}, json.dumps(_badge("https://issuer.example/")).encode(), sign_es256
    )
    report = _verify(token.encode())
    assert _outcome(report, CheckName.SIGNATURE) is Outcome.PASSED
    assert _outcome(report, CheckName.ISSUER_KEY) is Outcome.NOT_CHECKED
    assert report.status is Status.UNVERIFIABLE


def test_enveloped_credential_is_unwrapped() -> None:
    """An EnvelopedVerifiableCredential carrying a VC-JWT in a data: URL is verified like the JWT."""
    key, did, vm = _key("jwt")
    token = jose.sign_compact(
        {"alg": "EdDSA", "kid": vm}, json.dumps(_badge(did)).encode(), lambda m: key.sign(m).signature
    )
    envelope = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": "EnvelopedVerifiableCredential",
        "id": f"data:application/vc+jwt,{token}",
    }
    report = _verify(envelope)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED


def test_presentation_yields_each_credential() -> None:
    """A presentation (a bundle from another wallet) is unwrapped into its credentials."""
    vp = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [demo_issuers.forklift_badge(LEARNER), demo_issuers.expired_cpr(LEARNER)],
    }
    items = formats.parse(json.dumps(vp).encode())
    assert [i.kind.value for i in items] == ["ob3", "ob3"]


def test_clr_nested_credentials_are_each_verified() -> None:
    """The CLR's own proof and each nested credential get their own report; a bad child is a warning."""
    clr = demo_issuers.college_clr(LEARNER)
    report = _verify(clr)
    assert len(report.children) == 3
    assert all(child.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED for child in report.children)
    assert report.outcome_of(CheckName.NESTED) is Outcome.PASSED
    broken = copy.deepcopy(clr)
    broken["credentialSubject"]["verifiableCredential"][0]["name"] = "Changed"
    tampered = _verify(broken)
    assert tampered.outcome_of(CheckName.SIGNATURE) is Outcome.FAILED  # the CLR signs its children too
    assert tampered.children[0].outcome_of(CheckName.SIGNATURE) is Outcome.FAILED


def test_hosted_ob2_badge_is_unverifiable_and_says_why() -> None:
    """A hosted OB 2.0 badge baked in a PNG cannot be checked offline, and the report says so."""
    report = _verify(demo_issuers.ob2_baked_badge("someone@example.org"))
    assert report.status is Status.UNVERIFIABLE
    assert "cannot be done offline" in next(c.message for c in report.checks if c.check is CheckName.SIGNATURE)


def test_self_asserted_credentials_are_marked() -> None:
    """A credential issued by the wallet's own DID carries a self-asserted warning, never a trusted pass."""
    _, did, _ = _key("me")
    report = _verify(_signed(_badge(did), label="me"), own_dids=frozenset({did}))
    check = next(c for c in report.checks if c.check is CheckName.TRUSTED_ISSUER)
    assert check.outcome is Outcome.WARNING and "Self-asserted" in check.message


def test_report_json_shape() -> None:
    """Report.to_json has the documented shape."""
    data = Report([_verify(demo_issuers.forklift_badge(LEARNER))]).to_json()
    assert set(data) == {"status", "items"}
    item = data["items"][0]
    assert {"kind", "id", "type", "issuer", "subject", "name", "status", "checks"} <= set(item)
    assert set(item["checks"][0]) == {"check", "outcome", "message"}


def test_did_jwk_issuer_with_es256_jwt_verifies_offline() -> None:
    """A VC-JWT issued by a did:jwk (ES256) resolves its key from the identifier itself and verifies."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    private = ec.generate_private_key(ec.SECP256R1())
    did = jose.did_jwk_for(jose.PublicKey("EC", private.public_key()))

    def signer(key: ec.EllipticCurvePrivateKey) -> Any:
        def sign_es256(message: bytes) -> bytes:
            r, s = decode_dss_signature(key.sign(message, ec.ECDSA(hashes.SHA256())))
            return r.to_bytes(32, "big") + s.to_bytes(32, "big")

        return sign_es256

    token = jose.sign_compact({"alg": "ES256", "kid": f"{did}#0"}, json.dumps(_badge(did)).encode(), signer(private))
    report = _verify(token.encode(), trusted_issuers={did: "JWK issuer"})
    assert report.status is Status.VERIFIED, [c.message for c in report.checks]
    other = ec.generate_private_key(ec.SECP256R1())
    forged = jose.sign_compact({"alg": "ES256", "kid": f"{did}#0"}, json.dumps(_badge(did)).encode(), signer(other))
    assert _verify(forged.encode()).outcome_of(CheckName.SIGNATURE) is Outcome.FAILED


def test_es256k_jwt_is_unverifiable_not_failed() -> None:
    """A VC-JWT signed with ES256K (not implemented) is 'cannot check' (unverifiable), never a failed signature."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    private = ec.generate_private_key(ec.SECP256K1())
    did = "did:example:k1-issuer"

    def sign_es256k(message: bytes) -> bytes:
        r, s = decode_dss_signature(private.sign(message, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    header = jose.b64url_encode(json.dumps({"alg": "ES256K", "kid": f"{did}#0"}).encode())
    signing_input = f"{header}.{jose.b64url_encode(json.dumps(_badge(did)).encode())}"
    token = f"{signing_input}.{jose.b64url_encode(sign_es256k(signing_input.encode()))}"
    report = _verify(token.encode(), trusted_issuers={did: "K1 issuer"})
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.NOT_CHECKED, [c.message for c in report.checks]
    assert report.status is Status.UNVERIFIABLE


def test_es384_jwt_from_did_jwk_is_verified() -> None:
    """A VC-JWT signed with ES384 by a P-384 did:jwk issuer verifies (VC-JOSE-COSE uses ES384 and ES512)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    private = ec.generate_private_key(ec.SECP384R1())
    did = jose.did_jwk_for(jose.PublicKey("EC", private.public_key()))

    def sign_es384(message: bytes) -> bytes:
        r, s = decode_dss_signature(private.sign(message, ec.ECDSA(hashes.SHA384())))
        return r.to_bytes(48, "big") + s.to_bytes(48, "big")

    token = jose.sign_compact({"alg": "ES384", "kid": f"{did}#0"}, json.dumps(_badge(did)).encode(), sign_es384)
    report = _verify(token.encode(), trusted_issuers={did: "JWK issuer"})
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED, [c.message for c in report.checks]
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED


def test_a_json_ld_error_on_the_signature_line_names_its_rule_briefly() -> None:
    """A credential whose @context breaks a JSON-LD rule says which rule in one short sentence, never pyld's dump
    of the whole context (several KB)."""
    badge = demo_issuers.forklift_badge(LEARNER)
    badge["@context"][1] = "https://purl.imsglobal.org/spec/ob/v3p0/context.json"  # redefines protected terms
    report = _verify(badge)
    signature = next(c for c in report.checks if c.check is CheckName.SIGNATURE)
    assert signature.outcome is Outcome.FAILED and "protected term redefinition" in signature.message
    assert len(signature.message) < 200


def test_a_signed_open_badges_2_assertion_without_its_token_is_not_called_hosted() -> None:
    """An OB 2.0 assertion saying `verification.type: signed` but given as plain JSON has no signature to check;
    the report says so instead of sending the reader to a website."""
    assertion = {
        "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "urn:uuid:ob2-signed-1",
        "recipient": {"type": "email", "hashed": False, "identity": "maria@example.org"},
        "issuedOn": "2019-10-05T14:00:00Z",
        "verification": {"type": "signed", "creator": "https://makerspace.example/keys/1"},
        "badge": {"type": "BadgeClass", "id": "https://makerspace.example/badges/1", "name": "3D Printing",
                  "description": "Printed a part.", "image": "https://makerspace.example/b.png",
                  "criteria": {"narrative": "Printed."},
                  "issuer": {"type": "Profile", "id": "https://makerspace.example/issuer", "name": "Makerspace"}},
    }
    report = _verify(assertion)
    signature = next(c for c in report.checks if c.check is CheckName.SIGNATURE)
    assert signature.outcome is Outcome.NOT_CHECKED and "signed badge" in signature.message
    assert "hosted" not in signature.message and report.status is Status.UNVERIFIABLE
