"""Telling issuer material (keys, DID documents, status and revocation lists) and badge descriptions apart
from the learner's own records, so `import` puts each where it belongs.

A DID document, a key, an Open Badges 2.0 Issuer profile or CryptographicKey, a status-list credential or an
Open Badges 2.0 RevocationList is something an issuer publishes so that credentials can be checked: it goes to
the offline key and status store, never among the learner's records. A BadgeClass describes a badge, not an
award to anyone, so it is refused as a record with a sentence that says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from wallet.credentials.formats import types_of
from wallet.credentials.limits import read_json
from wallet.credentials.report import said
from wallet.errors import WalletError
from wallet.i18n import N_

STATUS_LIST_TYPES = frozenset({
    "BitstringStatusListCredential",
    "StatusList2021Credential",
    "RevocationList",
    "1EdTechRevocationList",
})
KEY_TYPES = frozenset({
    "CryptographicKey",
    "Multikey",
    "JsonWebKey",
    "JsonWebKey2020",
    "Ed25519VerificationKey2018",
    "Ed25519VerificationKey2020",
    "EcdsaSecp256k1VerificationKey2019",
})
PROFILE_TYPES = frozenset({"Issuer", "Profile"})
RECORD_TYPES = frozenset({"VerifiableCredential", "VerifiablePresentation", "Assertion"})
DID_DOCUMENT_MEMBERS = ("verificationMethod", "assertionMethod", "authentication", "publicKey")


class Place(StrEnum):
    STATUS_LIST = "status_list"
    """Kept as a status or revocation list."""
    DOCUMENT = "document"
    """Kept as a key or DID document."""
    REFUSED = "refused"
    """Not a record and not material: refused with a sentence."""


@dataclass(frozen=True)
class Material:
    """What an input is when it is not one of the learner's records, and the sentence that names it."""

    place: Place
    what: str
    """What it is, in words ("a DID document", "an Open Badges 2.0 RevocationList"), marked for translation."""
    document: dict[str, Any]


def classify(data: bytes) -> Material | None:
    """The input as issuer material or a badge description, or None when it is (or may be) a record.

    Only a single JSON object can be material; anything else, and JSON that cannot be read, is left to the
    credential reader, which says in its own words what is wrong with it.
    """
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return None
    try:
        document = read_json(data)
    except WalletError:
        return None
    if not isinstance(document, dict):
        return None
    return classify_document(document)


def classify_document(document: dict[str, Any]) -> Material | None:
    """As `classify`, for an already parsed JSON object."""
    types = set(types_of(document))
    if types & STATUS_LIST_TYPES or ("revokedAssertions" in document and not types & RECORD_TYPES):
        name = (said(N_("an Open Badges 2.0 RevocationList")) if "RevocationList" in types or not types
                else said(N_("a status list")))
        return _kept(Place.STATUS_LIST, name, document)
    if types & RECORD_TYPES or "credentialSubject" in document or "recipient" in document:
        return None
    if "BadgeClass" in types:
        return Material(Place.REFUSED, said(N_("an Open Badges 2.0 BadgeClass")), document)
    if types & PROFILE_TYPES:
        return _kept(Place.DOCUMENT, said(N_("an Open Badges issuer profile")), document)
    if types & KEY_TYPES:
        return _kept(Place.DOCUMENT, said(N_("a public key")), document)
    identifier = document.get("id")
    if isinstance(identifier, str) and identifier.startswith("did:") and any(
        member in document for member in DID_DOCUMENT_MEMBERS
    ):
        return _kept(Place.DOCUMENT, said(N_("a DID document")), document)
    return None


def _kept(place: Place, what: str, document: dict[str, Any]) -> Material | None:
    """Material can only be kept under its id; one without an id is left to the credential reader."""
    return Material(place, what, document) if isinstance(document.get("id"), str) else None


def sentence(material: Material) -> str:
    """The import report's sentence for one input that is not a record."""
    if material.place is Place.REFUSED:
        return (said(N_("This is {what}: it describes a badge, not an award to you, so it is not added to your "
                        "records."), what=material.what))
    return (said(N_("This is {what} ({id}): it was added to the offline keys and lists used to check credentials, "
                    "not to your records."), what=material.what, id=material.document['id']))
