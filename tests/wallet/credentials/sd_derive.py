"""A holder's side of ecdsa-sd-2023, for tests: derive a disclosure from a base proof (W3C VC DI ECDSA, "add
derived proof"), so a test can make the copy an attacker would make (say, one that leaves out `validUntil`).

Built on the wallet's own base-proof reading (skolemising, HMAC labels, selectJsonLd); reproducing the W3C
derived vector byte for byte (`test_sd_derive_reproduces_the_w3c_vector`) is what shows it is the spec's way.
"""

from __future__ import annotations

import base64
import copy
import secrets
from typing import Any

import cbor2

from wallet.credentials import ecdsa_sd, ecdsa_sd_base
from wallet.credentials.canonical import pyld_jsonld
from wallet.credentials.contexts import document_loader


def _statements(quads: list[dict[str, Any]], labels: dict[str, str]) -> list[str]:
    return sorted({ecdsa_sd_base._serialise(q, labels) for q in quads})


def derive(document: dict[str, Any], selective: tuple[str, ...]) -> dict[str, Any]:
    """The document with a derived proof disclosing the issuer's mandatory pointers and `selective` ones."""
    proof = document["proof"]
    base = ecdsa_sd_base.parse_base(proof["proofValue"])
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    prefix = f"{ecdsa_sd_base.SKOLEM}{secrets.token_hex(8)}_"
    options = {"documentLoader": document_loader, "base": None}
    expanded = pyld_jsonld().expand(copy.deepcopy(unsecured), options)
    ecdsa_sd_base._skolemise(expanded, prefix)
    compact = pyld_jsonld().compact(expanded, {"@context": unsecured.get("@context")}, options)
    labels = ecdsa_sd_base._hmac_labels(ecdsa_sd_base._deskolemised(expanded, prefix), base.hmac_key)
    others = [s for s in _statements(ecdsa_sd_base._deskolemised(expanded, prefix), labels)
              if s not in _selected(base.mandatory_pointers, compact, prefix, labels)]
    mandatory = _selected(base.mandatory_pointers, compact, prefix, labels)
    combined = (*base.mandatory_pointers, *selective)
    chosen = ecdsa_sd_base.select(combined, compact)
    assert chosen is not None
    reveal_quads = ecdsa_sd_base._deskolemised(chosen, prefix)
    disclosed = _statements(reveal_quads, labels)
    mandatory_indexes = [i for i, s in enumerate(disclosed) if s in mandatory]
    signatures = [base.signatures[others.index(s)] for s in disclosed if s not in mandatory]
    canon = ecdsa_sd_base.canonical_labels(reveal_quads)
    label_map = {int(canonical[len("_:c14n"):]): _raw(labels[original]) for original, canonical in canon.items()}
    value = ecdsa_sd.DERIVED_HEADER + cbor2.dumps(
        [base.base_signature, base.public_key, signatures, label_map, mandatory_indexes])
    reveal = ecdsa_sd_base.select(combined, unsecured)
    assert reveal is not None
    reveal["proof"] = {**proof, "proofValue": "u" + base64.urlsafe_b64encode(value).decode("ascii").rstrip("=")}
    return reveal


def _selected(pointers: tuple[str, ...], compact: dict[str, Any], prefix: str, labels: dict[str, str]) -> set[str]:
    chosen = ecdsa_sd_base.select(pointers, compact)
    return set(_statements(ecdsa_sd_base._deskolemised(chosen, prefix), labels)) if chosen else set()


def _raw(label: str) -> bytes:
    body = label[1:]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
