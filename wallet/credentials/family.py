"""Naming credentials from families the wallet reads but does not check the way it checks its own kinds.

Open Badges 1.x assertions, Blockcerts certificates (v2: Open Badges 2.0 with a blockchain receipt; v3: a
W3C credential with a MerkleProof2019 proof) and Europass European Digital Credentials (JSON-LD signed with
JAdES) are each named for what they are, so the learner is never told such a file is "hosted Open Badges 2.0".
The sentence for each says why its signature cannot be checked offline.
"""

from __future__ import annotations

from typing import Any

from wallet.credentials.report import said
from wallet.i18n import N_

OPEN_BADGES_1 = "Open Badges 1.x"
BLOCKCERTS_2 = "Blockcerts v2"
BLOCKCERTS_3 = "Blockcerts v3"
EUROPASS = "Europass European Digital Credential"

BLOCKCERTS_CONTEXT = "https://w3id.org/blockcerts/"
EUROPASS_CONTEXT = "http://data.europa.eu/snb/"
EUROPASS_TYPES = frozenset({"EuropeanDigitalCredential", "EuropassCredential", "EuropassEdcCredential"})
OPEN_BADGES_1_CONTEXT = "https://w3id.org/openbadges/v1"


def _strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


def family_of(document: dict[str, Any]) -> str | None:
    """The family's name when the document belongs to one of these families, else None."""
    contexts = _strings(document.get("@context"))
    types = set(_strings(document.get("type", document.get("@type"))))
    if any(context.startswith(BLOCKCERTS_CONTEXT) for context in contexts):
        return BLOCKCERTS_3 if "VerifiableCredential" in types else BLOCKCERTS_2
    if isinstance(document.get("signature"), dict) and "MerkleProof2017" in _strings(document["signature"].get("type")):
        return BLOCKCERTS_2
    if types & EUROPASS_TYPES or any(context.startswith(EUROPASS_CONTEXT) for context in contexts):
        return EUROPASS
    if OPEN_BADGES_1_CONTEXT in contexts or (not contexts and "badge" in document):
        return OPEN_BADGES_1
    return None


def offline_reason(family: str | None, document: dict[str, Any]) -> str | None:
    """Why the signature of a document of this family cannot be checked offline; None when it may be."""
    if family == BLOCKCERTS_2:
        return (said(N_("This Blockcerts certificate is proven by a receipt anchored in a blockchain transaction, "
                        "which cannot be checked offline.")))
    if family == BLOCKCERTS_3 and not _has_other_proof(document, "MerkleProof2019"):
        return (said(N_("This Blockcerts certificate is proven by a MerkleProof2019 receipt anchored in a blockchain "
                        "transaction, which cannot be checked offline.")))
    if family == EUROPASS and not _has_other_proof(document, ""):
        return (said(N_("This Europass credential is signed with a JAdES (advanced electronic) signature, which this "
                        "wallet cannot check offline; its content is shown as it was given.")))
    return None


def _has_other_proof(document: dict[str, Any], unchecked: str) -> bool:
    """Whether the document also carries a Data Integrity proof other than `unchecked` (then that is checked)."""
    proofs = document.get("proof")
    items = proofs if isinstance(proofs, list) else [proofs]
    return any(isinstance(p, dict) and p.get("type") not in (None, unchecked) for p in items)
