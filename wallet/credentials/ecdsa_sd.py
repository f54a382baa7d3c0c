"""Verifying ecdsa-sd-2023 (selective disclosure ECDSA) proofs, as in W3C VC Data Integrity ECDSA.

An issuer signs a *base proof*; the holder then *derives* a proof that discloses only some statements. The
specification has verifiers check derived proofs only; a base proof (everything shared, with the issuer's HMAC
key) is checked too, by `ecdsa_sd_base`, so a learner can check what an issuer gave them.

A derived proof value is multibase 'u' + base64url of the header 0xd9 0x5d 0x01 and a CBOR array
[baseSignature, publicKey, signatures, compressedLabelMap, mandatoryIndexes]. To check it:

1. canonicalise the disclosed document (RDFC-1.0) and rename its blank nodes through the label map;
2. sort the N-Quads; those at `mandatoryIndexes` are mandatory, the rest each carry one signature;
3. the issuer's P-256 key signed sha256(proof config) ‖ publicKey ‖ sha256(mandatory N-Quads);
4. the ephemeral P-256 key (`publicKey`) signed each non-mandatory N-Quad.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

import cbor2

from wallet.credentials.canonical import pyld_jsonld, rdfc
from wallet.credentials.ecdsa_sd_base import BASE_HEADER, MAX_PROOF_VALUE_CHARS, Verdict, verify_base
from wallet.credentials.p256 import holds, issuer_p256_key, p256_key
from wallet.credentials.report import said
from wallet.errors import CredentialFormatError, UnknownContextError
from wallet.i18n import N_, _

SUITE = "ecdsa-sd-2023"
DERIVED_HEADER = b"\xd9\x5d\x01"


@dataclass(frozen=True)
class DerivedProof:
    """The parts of a derived ecdsa-sd-2023 proof value."""

    base_signature: bytes
    public_key: bytes
    signatures: tuple[bytes, ...]
    label_map: dict[str, str]
    mandatory_indexes: tuple[int, ...]


@dataclass(frozen=True)
class VerifyData:
    """What the signatures cover, as the W3C vectors name it."""

    proof_hash: bytes
    public_key: bytes
    mandatory_hash: bytes
    non_mandatory: tuple[str, ...]
    nquads: tuple[str, ...]
    undefined_terms: tuple[str, ...] = ()
    """Terms no context defines: RDFC drops them, so no signature covers them."""


def is_base_proof(proof_value: object) -> bool:
    """True when a proof value is an ecdsa-sd-2023 base proof (made for the holder, who derives disclosures)."""
    if not isinstance(proof_value, str) or not proof_value.startswith("u"):
        return False
    head = proof_value[1:5]
    try:
        return base64.urlsafe_b64decode(head + "=" * (-len(head) % 4))[:3] == BASE_HEADER
    except ValueError:
        return False


def _decode_u(value: str) -> bytes:
    body = value[1:]
    if not value.startswith("u") or any(c in body for c in "+/="):
        raise CredentialFormatError(_("The selective disclosure proof value is not base64url multibase text."))
    try:
        return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError as exc:
        raise CredentialFormatError(_("The selective disclosure proof value is not base64url multibase text.")) from exc


def parse_derived(proof_value: object) -> DerivedProof:
    """Read a derived proof value; raises CredentialFormatError when it is not one."""
    if not isinstance(proof_value, str) or len(proof_value) > MAX_PROOF_VALUE_CHARS:
        raise CredentialFormatError(_("The selective disclosure proof value is missing or far too long."))
    raw = _decode_u(proof_value)
    if raw[:3] != DERIVED_HEADER:
        raise CredentialFormatError(_("The selective disclosure proof value is not a derived proof."))
    try:
        parts = cbor2.loads(raw[3:])
    except (cbor2.CBORDecodeError, ValueError, TypeError, RecursionError) as exc:
        raise CredentialFormatError(_("The selective disclosure proof value cannot be read (bad CBOR).")) from exc
    bad = CredentialFormatError(said(N_("The selective disclosure proof value does not have the expected five parts.")))
    if not isinstance(parts, list) or len(parts) != 5:
        raise bad
    base_signature, public_key, signatures, labels, mandatory = parts
    if not isinstance(base_signature, bytes) or not isinstance(public_key, bytes):
        raise bad
    if not isinstance(signatures, list) or not all(isinstance(s, bytes) for s in signatures):
        raise bad
    if not isinstance(labels, dict) or not isinstance(mandatory, list):
        raise bad
    if not all(isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in mandatory):
        raise bad
    label_map: dict[str, str] = {}
    for key, value in labels.items():
        if not isinstance(key, int) or isinstance(key, bool) or key < 0 or not isinstance(value, bytes):
            raise bad
        label_map[f"c14n{key}"] = "u" + base64.urlsafe_b64encode(value).decode("ascii").rstrip("=")
    return DerivedProof(base_signature, public_key, tuple(signatures), label_map, tuple(mandatory))


def _relabel(term: dict[str, Any], label_map: dict[str, str]) -> None:
    if term.get("type") == "blank node":
        name = str(term["value"])[2:]
        if name not in label_map:
            raise CredentialFormatError(_("The selective disclosure proof's label map misses a blank node."))
        term["value"] = "_:" + label_map[name]


def relabelled_nquads(document: dict[str, Any], label_map: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The document's canonical N-Quads with blank nodes renamed through the label map, sorted; and undefined terms."""
    result = rdfc(document)
    canonical = result.nquads
    lines: list[str] = []
    for graph, quads in pyld_jsonld().parse_nquads(canonical).items():
        graph_name = None if graph == "@default" else graph
        if graph_name is not None and graph_name.startswith("_:"):
            if graph_name[2:] not in label_map:
                raise CredentialFormatError(_("The selective disclosure proof's label map misses a blank node."))
            graph_name = "_:" + label_map[graph_name[2:]]
        for quad in quads:
            _relabel(quad["subject"], label_map)
            _relabel(quad["object"], label_map)
            lines.append(pyld_jsonld().serialize_nquad(quad, graph_name))
    return tuple(sorted(lines)), tuple(result.undefined_terms)


def verify_data(document: dict[str, Any], proof: dict[str, Any], derived: DerivedProof) -> VerifyData:
    """The hashes and statements a derived proof's signatures cover (createVerifyData in the spec)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    config["@context"] = document.get("@context")
    proof_hash = hashlib.sha256(rdfc(config).nquads.encode("utf-8")).digest()
    nquads, undefined = relabelled_nquads(unsecured, derived.label_map)
    if any(i >= len(nquads) for i in derived.mandatory_indexes):
        raise CredentialFormatError(_("The selective disclosure proof names statements the credential does not have."))
    wanted = set(derived.mandatory_indexes)
    mandatory = "".join(q for i, q in enumerate(nquads) if i in wanted)
    others = tuple(q for i, q in enumerate(nquads) if i not in wanted)
    mandatory_hash = hashlib.sha256(mandatory.encode("utf-8")).digest()
    return VerifyData(proof_hash, derived.public_key, mandatory_hash, others, nquads, undefined)


def verify_derived(document: dict[str, Any], proof: dict[str, Any], method: dict[str, Any]) -> Verdict:
    """Check a derived ecdsa-sd-2023 proof against the issuer's verification method.

    Raises CredentialFormatError when the proof or key cannot be read, and UnknownContextError for a context
    the wallet does not ship.
    """
    issuer_key = issuer_p256_key(method)
    derived = parse_derived(proof.get("proofValue"))
    ephemeral = p256_key(derived.public_key)
    data = verify_data(document, proof, derived)
    if len(derived.signatures) != len(data.non_mandatory):
        return Verdict(
            False,
            said(N_("The selective disclosure proof has a different number of signatures than disclosed statements: "
                    "the credential was changed after it was signed.")),
            data.undefined_terms,
        )
    if not holds(issuer_key, derived.base_signature, data.proof_hash + data.public_key + data.mandatory_hash):
        message: str = said(N_("The issuer's signature does not match: the credential was changed after it "
                               "was signed."))
        return Verdict(False, message, data.undefined_terms)
    for signature, statement in zip(derived.signatures, data.non_mandatory, strict=True):
        if not holds(ephemeral, signature, statement.encode("utf-8")):
            message = said(N_("A disclosed statement does not match its signature: it was changed after it was "
                              "signed."))
            return Verdict(False, message, data.undefined_terms)
    message = said(N_("The {suite} signature is valid for the {count} statements disclosed."),
        suite=SUITE, count=len(data.nquads))
    return Verdict(True, message, data.undefined_terms)


def check(document: dict[str, Any], proof: dict[str, Any], method: dict[str, Any] | None) -> Verdict:
    """The verdict on one ecdsa-sd-2023 proof, with one sentence; never raises for a bad credential."""
    base = is_base_proof(proof.get("proofValue"))
    if method is None:
        return Verdict(None, said(N_("Not checked: the issuer's key is not available offline.")))
    try:
        return verify_base(document, proof, method) if base else verify_derived(document, proof, method)
    except UnknownContextError as exc:
        return Verdict(None, f"Not checked: {exc.message}")
    except CredentialFormatError as exc:
        return Verdict(False, exc.message)
