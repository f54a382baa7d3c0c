"""Property tests for the ECDSA (ecdsa-rdfc-2019, ecdsa-jcs-2019) and Linked Data (Ed25519Signature2018,
JsonWebSignature2020) proofs: changed credentials, proofs and signature values never raise, always get a whole
report, and never verify unless the bytes the issuer signed are untouched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from hypothesis import given, settings
from hypothesis import strategies as st
from nacl.signing import SigningKey

from tests.wallet.credentials.test_fuzz_importers import (
    FUZZ,
    JSON_VALUES,
    NOW,
    assert_report,
    assert_sentence,
    dump,
    parse_or_error,
    signed_part,
    structural_mutations,
    verify_checked,
)
from tests.wallet.credentials.test_suites_legacy import JWS_2020_CONTEXT, _b64, _credential, _did_jwk, _sign_jws
from wallet.credentials import dataintegrity as di
from wallet.credentials import suites_ecdsa, suites_legacy
from wallet.credentials.keys import KeyResolver
from wallet.credentials.proofoptions import proof_options
from wallet.credentials.report import CheckName, Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import CredentialFormatError, UnknownContextError

pytestmark = pytest.mark.timeout(300)

VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "ecdsa_2019"
ED_KEY = SigningKey(bytes(range(32)))
P256_KEY = ec.derive_private_key(0x1234_5678_9ABC_DEF0_1234_5678_9ABC_DEF0, ec.SECP256R1())


def _ed25519_2018_seed() -> dict[str, Any]:
    from wallet.credentials.multikey import multikey_from_ed25519

    multikey = multikey_from_ed25519(bytes(ED_KEY.verify_key))
    did = f"did:key:{multikey}"
    return _sign_jws(_credential(did, []), "Ed25519Signature2018", f"{did}#{multikey}", "EdDSA",
                     lambda d: ED_KEY.sign(d).signature)


def _jws2020_p256_seed() -> dict[str, Any]:
    numbers = P256_KEY.public_key().public_numbers()
    jwk = {"kty": "EC", "crv": "P-256", "x": _b64(numbers.x.to_bytes(32, "big")),
           "y": _b64(numbers.y.to_bytes(32, "big"))}
    did = _did_jwk(jwk)

    def sign(data: bytes) -> bytes:
        r, s = decode_dss_signature(P256_KEY.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    return _sign_jws(_credential(did, [JWS_2020_CONTEXT]), "JsonWebSignature2020", did + "#0", "ES256", sign)


SEEDS: list[dict[str, Any]] = [
    *(json.loads(p.read_text("utf-8")) for p in sorted(VECTORS.glob("*.json"))),
    _ed25519_2018_seed(),
    _jws2020_p256_seed(),
]


def _what_was_signed(document: dict[str, Any], proof: dict[str, Any]) -> bytes | None:
    """The bytes a new-suite proof signs in `document`, or None when they cannot be formed."""
    suite = di.suite_of(proof)
    unsecured = signed_part(document)
    try:
        if suite in suites_ecdsa.SUITES:
            key = suites_ecdsa.ecdsa_key(KeyResolver().resolve(str(proof.get("verificationMethod"))).method)  # type: ignore[union-attr]
            config = proof_options(unsecured, proof, jcs_suite=suite == suites_ecdsa.JCS_2019)
            return suites_ecdsa.hash_data(unsecured, config, suite, key.curve).combined
        if suite in suites_legacy.SUITES:
            head = str(proof.get("jws", "")).split(".")[0]
            return suites_legacy.signing_input(head, unsecured, proof)[0]
    except (CredentialFormatError, UnknownContextError, AttributeError):
        return None
    return None


def _signatures(document: dict[str, Any]) -> set[str]:
    proof = document.get("proof")
    return {str(p.get("proofValue", p.get("jws"))) for p in (proof if isinstance(proof, list) else [proof])
            if isinstance(p, dict)}


def _verifier() -> Verifier:
    return Verifier(VerifyOptions(now=NOW, resolver=KeyResolver()))


@st.composite
def mutated_seeds(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """One seed, and a copy with 1–3 values anywhere (proof included) replaced or removed."""
    seed = draw(st.sampled_from(SEEDS))
    return seed, draw(structural_mutations(seed))


@settings(FUZZ, max_examples=150)
@given(mutated_seeds())
def test_changed_credentials_verify_only_over_untouched_signed_bytes(
    case: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """A changed credential gets a whole report; any proof still valid signs exactly the seed's signed bytes."""
    seed, document = case
    found = parse_or_error(dump(document))
    for parsed in found or []:
        assert_report(verify_checked(_verifier(), parsed))
    before = {_what_was_signed(seed, seed["proof"])} - {None}
    for result in di.verify_all(document, KeyResolver()):
        assert_sentence(result.message)
        if result.valid:
            assert _what_was_signed(document, result.proof) in before, result.proof
            assert str(result.proof.get("proofValue", result.proof.get("jws"))) in _signatures(seed)


@settings(FUZZ, max_examples=150)
@given(st.sampled_from(SEEDS), st.one_of(JSON_VALUES, st.text(max_size=300), st.binary(max_size=120).map(_b64)))
def test_odd_signature_values_never_verify(seed: dict[str, Any], value: Any) -> None:
    """Any other proofValue or jws (text, base64url, JSON of any type) is never valid and never raises."""
    document = json.loads(json.dumps(seed))
    member = "jws" if "jws" in document["proof"] else "proofValue"
    if value == document["proof"][member]:
        return
    document["proof"][member] = value
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is not True
    assert_sentence(result.message)


@settings(FUZZ, max_examples=60)
@given(st.sampled_from(SEEDS[-2:]), st.dictionaries(st.sampled_from(["alg", "b64", "crit", "kid", "typ"]),
                                                    JSON_VALUES, max_size=4))
def test_odd_jws_headers_never_verify(seed: dict[str, Any], header: dict[str, Any]) -> None:
    """A detached JWS with any other header is never valid: failed, or 'cannot check' for an unknown algorithm."""
    document = json.loads(json.dumps(seed))
    signature = document["proof"]["jws"].split(".")[2]
    document["proof"]["jws"] = _b64(json.dumps(header).encode()) + ".." + signature
    [result] = di.verify_all(document, KeyResolver())
    assert result.valid is not True
    assert_sentence(result.message)


def test_seeds_signatures_pass() -> None:
    """Every seed's signature line passes (the W3C vectors' issuer is not their signing key, so only the hand-made
    seeds are verified as a whole), so the properties above start from good proofs."""
    for seed in SEEDS:
        [parsed] = parse_or_error(dump(seed)) or []
        report = _verifier().verify(parsed)
        assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED, report.to_json()
    for seed in SEEDS[-2:]:
        [parsed] = parse_or_error(dump(seed)) or []
        assert _verifier().verify(parsed).status is Status.VERIFIED_WITH_WARNINGS
