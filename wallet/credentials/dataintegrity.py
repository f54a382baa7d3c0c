"""Data Integrity proofs with Ed25519: eddsa-rdfc-2022 and eddsa-jcs-2022 (sign and verify) and
Ed25519Signature2020 (verify), including proof sets and proof chains (`previousProof`).

The signed bytes are sha256(canonical proof configuration) ‖ sha256(canonical document), as in the
W3C vc-di-eddsa specification.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from wallet.credentials import ecdsa_sd, suites_ecdsa, suites_legacy
from wallet.credentials.canonical import jcs, rdfc
from wallet.credentials.formats import as_list
from wallet.credentials.keys import KeyMaterial, KeyResolver
from wallet.credentials.multikey import decode_multibase, encode_base58btc
from wallet.credentials.proofoptions import proof_options
from wallet.credentials.report import clip, said
from wallet.errors import CredentialFormatError, UnknownContextError, WalletError
from wallet.i18n import N_, _

RDFC = "eddsa-rdfc-2022"
JCS = "eddsa-jcs-2022"
LEGACY_RDFC = "eddsa-2022"
ED25519_2020 = "Ed25519Signature2020"
ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"
SUPPORTED = (RDFC, JCS, LEGACY_RDFC, ED25519_2020, ecdsa_sd.SUITE, *suites_ecdsa.SUITES, *suites_legacy.SUITES)


@dataclass(frozen=True)
class HashData:
    """The intermediate values of one proof, as the W3C vectors name them."""

    canonical_document: str
    canonical_proof: str
    doc_hash: bytes
    proof_hash: bytes

    @property
    def combined(self) -> bytes:
        return self.proof_hash + self.doc_hash


@dataclass(frozen=True)
class ProofResult:
    """What one proof says. `valid` is None when it could not be checked offline."""

    proof: dict[str, Any]
    suite: str
    valid: bool | None
    message: str
    key: KeyMaterial | None = None
    undefined_terms: tuple[str, ...] = ()


def suite_of(proof: dict[str, Any]) -> str:
    if proof.get("type") == "DataIntegrityProof":
        return str(proof.get("cryptosuite", ""))
    return str(proof.get("type", ""))


def _proofs(document: dict[str, Any]) -> list[dict[str, Any]]:
    proof = document.get("proof")
    if proof is None:
        return []
    items = proof if isinstance(proof, list) else [proof]
    return [p for p in items if isinstance(p, dict)]


def hash_data(unsecured: dict[str, Any], proof_config: dict[str, Any], suite: str) -> tuple[HashData, tuple[str, ...]]:
    """Canonicalise and hash a document and a proof configuration (no proofValue) for `suite`."""
    if suite == JCS:
        canon_doc = jcs(unsecured).decode("utf-8")
        canon_proof = jcs(proof_config).decode("utf-8")
        undefined: tuple[str, ...] = ()
    else:
        doc = rdfc(unsecured)
        canon_doc = doc.nquads
        canon_proof = rdfc(proof_config).nquads
        undefined = tuple(doc.undefined_terms)
    return (
        HashData(
            canon_doc,
            canon_proof,
            hashlib.sha256(canon_doc.encode("utf-8")).digest(),
            hashlib.sha256(canon_proof.encode("utf-8")).digest(),
        ),
        undefined,
    )


def _unsecured_for(document: dict[str, Any], proof: dict[str, Any], all_proofs: list[dict[str, Any]]) -> dict[str, Any]:
    """The document a proof signed: without proofs, or with the proofs it chains to (`previousProof`)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    previous = proof.get("previousProof")
    if previous:
        wanted = previous if isinstance(previous, list) else [previous]
        if not all(isinstance(w, str) for w in wanted):
            raise CredentialFormatError(_("A proof's previousProof must name earlier proofs by their ids."))
        by_id = {p["id"]: p for p in all_proofs if isinstance(p.get("id"), str)}
        missing = [w for w in wanted if w not in by_id]
        if missing:
            raise CredentialFormatError(_("A proof chains to {missing}, which is not in the credential.").format(
                missing=clip(missing[0])))
        chained = [by_id[w] for w in wanted]
        unsecured["proof"] = chained[0] if len(chained) == 1 else chained
    return unsecured


def _proof_config(document: dict[str, Any], proof: dict[str, Any], suite: str) -> dict[str, Any]:
    """The proof options a proof signed; a proof-level @context must start the credential's (see proofoptions)."""
    return proof_options(document, proof, jcs_suite=suite == JCS)



def verify_proof(
    document: dict[str, Any], proof: dict[str, Any], resolver: KeyResolver, all_proofs: list[dict[str, Any]],
    purpose: str = "assertionMethod",
) -> ProofResult:
    """Check one proof made for `purpose` (a presentation's: "authentication"); never raises for a bad input."""
    suite = suite_of(proof)
    if suite not in SUPPORTED:
        return ProofResult(
            proof, suite, None, said(N_("The proof uses {value}, which this wallet cannot check."),
                value=clip(suite) or 'an unnamed method')
        )
    if "proofPurpose" not in proof:
        return ProofResult(proof, suite, False, said(N_("The proof does not say what it was made for (it has no "
                                                        "proofPurpose), which every Data Integrity proof must.")))
    if proof.get("proofPurpose") != purpose:
        what = "issuing a credential" if purpose == "assertionMethod" else "presenting credentials"
        return ProofResult(proof, suite, False, said(N_("The proof was made for another purpose than {what}."),
            what=what))
    if suite == ED25519_2020 and ED25519_2020_CONTEXT not in as_list(document.get("@context")):
        return ProofResult(proof, suite, False, said(N_("The Ed25519Signature2020 proof lacks its required JSON-LD "
                                                        "context.")))
    vm = proof.get("verificationMethod")
    if isinstance(vm, dict):
        vm = vm.get("id")
    if not isinstance(vm, str) or ":" not in vm:
        return ProofResult(
            proof, suite, False, said(N_("The proof does not say which key made it (no valid verificationMethod)."))
        )
    try:
        key = resolver.resolve(vm)
    except WalletError as exc:
        return ProofResult(proof, suite, False, said(N_("The proof's key cannot be read: {exc}"), exc=exc))
    if suite == ecdsa_sd.SUITE:
        verdict = ecdsa_sd.check(document, proof, key.method if key else None)
        return ProofResult(proof, suite, verdict.valid, verdict.message, key, verdict.undefined_terms)
    if key is None and vm.startswith(("did:key:", "did:jwk:")):  # the identifier is its whole document
        return ProofResult(proof, suite, False, said(N_("The proof names the key {vm}, which that DID does not have: "
                                                        "a did:key or did:jwk has one key, under its own name."),
                                                     vm=clip(vm, 80)))
    if key is None:
        return ProofResult(proof, suite, None, said(N_("Not checked: the issuer's key is not available offline.")))
    if suite in suites_ecdsa.SUITES or suite in suites_legacy.SUITES:
        return _verify_other_suite(document, proof, key, all_proofs, suite)
    try:
        public = key.ed25519()
        signature = decode_multibase(str(proof.get("proofValue", "")))
        if len(signature) != 64:
            return ProofResult(proof, suite, False, said(N_("The signature has the wrong length: it has been "
                                                            "changed.")), key)
        unsecured = _unsecured_for(document, proof, all_proofs)
        data, undefined = hash_data(unsecured, _proof_config(unsecured, proof, suite), suite)
    except UnknownContextError as exc:
        return ProofResult(proof, suite, None, f"Not checked: {exc.message}", key)
    except CredentialFormatError as exc:
        return ProofResult(proof, suite, False, exc.message, key)
    try:
        VerifyKey(public).verify(data.combined, signature)
    except (BadSignatureError, ValueError):
        message: str = said(N_("The signature does not match: the credential was changed after it was signed."))
        if undefined:
            message = said(N_("The signature does not match: the credential was changed after it was signed. It "
                              "also uses fields its vocabulary does not define ({fields}), which can mean it was "
                              "signed against another version of that vocabulary."),
                           fields=clip(", ".join(undefined[:4])))
        return ProofResult(proof, suite, False, message, key, undefined)
    return ProofResult(proof, suite, True, said(N_("The {suite} signature is valid."), suite=suite), key, undefined)


def _verify_other_suite(
    document: dict[str, Any], proof: dict[str, Any], key: KeyMaterial, all_proofs: list[dict[str, Any]], suite: str
) -> ProofResult:
    """ECDSA (suites_ecdsa) and Linked Data (suites_legacy) proofs, with the same verdict rules."""
    try:
        unsecured = _unsecured_for(document, proof, all_proofs)
        if suite in suites_ecdsa.SUITES:
            verdict = suites_ecdsa.check(unsecured, proof, key.method)
        else:
            verdict = suites_legacy.check(unsecured, proof, key)
    except UnknownContextError as exc:
        return ProofResult(proof, suite, None, f"Not checked: {exc.message}", key)
    except CredentialFormatError as exc:
        return ProofResult(proof, suite, False, exc.message, key)
    return ProofResult(proof, suite, verdict.valid, verdict.message, key, verdict.undefined_terms)


def verify_all(document: dict[str, Any], resolver: KeyResolver) -> list[ProofResult]:
    """Every proof of a proof set or chain, each checked on its own."""
    proofs = _proofs(document)
    return [verify_proof(document, proof, resolver, proofs) for proof in proofs]


def sign(
    document: dict[str, Any],
    *,
    suite: str,
    verification_method: str,
    created: str,
    signer: Callable[[bytes], bytes],
    proof_id: str | None = None,
    previous_proof: str | list[str] | None = None,
    proof_options: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Add an eddsa-rdfc-2022 or eddsa-jcs-2022 proof (to any existing ones) and return the signed copy.

    `proof_options` go into the proof as given (a presentation's proofPurpose, challenge and domain)."""
    if suite not in (RDFC, JCS):
        raise WalletError(_("The wallet signs with {rdfc} or {jcs}, not {suite}.").format(
            rdfc=RDFC, jcs=JCS, suite=suite))
    signed = copy.deepcopy(document)
    existing = _proofs(signed)
    proof: dict[str, Any] = {
        "type": "DataIntegrityProof",
        "cryptosuite": suite,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    proof.update(proof_options or {})
    if proof_id:
        proof["id"] = proof_id
    if previous_proof:
        proof["previousProof"] = previous_proof
    if suite == JCS and "@context" in signed:
        proof["@context"] = signed["@context"]
    unsecured = _unsecured_for(signed, proof, existing)
    config = _proof_config(unsecured, proof, suite)
    data, _unused = hash_data(unsecured, config, suite)
    proof["proofValue"] = encode_base58btc(signer(data.combined))
    if existing:
        signed["proof"] = [*existing, proof]
    else:
        signed["proof"] = proof
    return signed
