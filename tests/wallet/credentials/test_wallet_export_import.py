"""Another wallet app's export (a Universal Wallet 2020 "unlocked wallet", as the Learner Credential Wallet makes):
its credentials come in, its keys and DID document never do."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wallet.credentials import demo_issuers, formats
from wallet.errors import CredentialFormatError
from wallet.session import Session

OLD_DID = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
PRIVATE = "zrv3rbPamVDGvrm7LkYPLWYJ35P9audujKKsWn3x29EUiGwwhdZQd8zeSuWdrh1EQTTmVzuZM7vCQ6t9KGzBPYuXbtB"


def _export(contents: list[Any], status: str = "UNLOCKED") -> dict[str, Any]:
    """The shape the Learner Credential Wallet exports: credentials, then the old wallet's DID document and keys."""
    return {
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/wallet/v1"],
        "id": "http://example.gov/wallet/3732", "type": "UniversalWallet2020", "status": status,
        "contents": contents,
    }


def _keys() -> list[dict[str, Any]]:
    method = f"{OLD_DID}#{OLD_DID.removeprefix('did:key:')}"
    return [
        {"@context": ["https://www.w3.org/ns/did/v1"], "id": OLD_DID, "verificationMethod": [
            {"id": method, "type": "Ed25519VerificationKey2020", "controller": OLD_DID}]},
        {"id": method, "type": "Ed25519VerificationKey2020", "controller": OLD_DID,
         "publicKeyMultibase": OLD_DID.removeprefix("did:key:"), "privateKeyMultibase": PRIVATE},
        {"id": f"{OLD_DID}#z6LS", "type": "X25519KeyAgreementKey2020", "controller": OLD_DID,
         "privateKeyMultibase": PRIVATE},
    ]


def test_every_credential_of_an_export_is_read_and_nothing_else() -> None:
    """Two credentials, one of them inside a presentation, come out of the export; the DID document and keys do
    not, and no part of a private key is in what is kept."""
    badge, other = demo_issuers.forklift_badge(OLD_DID), demo_issuers.customer_service_badge(OLD_DID)
    presentation = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiablePresentation"],
                    "verifiableCredential": [other]}
    found = formats.parse(json.dumps(_export([badge, presentation, *_keys()])).encode())
    assert [p.document for p in found] == [badge, other]
    assert found[0].container == "JSON-LD, from a wallet export"
    assert all(PRIVATE.encode() not in p.original for p in found)


@pytest.mark.parametrize(("export", "words"), [
    (_export([], status="LOCKED"), r"locked \(encrypted\) export"),
    ({**_export([]), "contents": "eyJhbGciOiJkaXIifQ..x.y.z"}, r"locked \(encrypted\) export"),
    (_export(_keys()), "holds no credentials"),
])
def test_an_export_without_readable_credentials_says_why(export: dict[str, Any], words: str) -> None:
    """A locked export, or one holding only keys and identifiers, is refused with a sentence naming why."""
    with pytest.raises(CredentialFormatError, match=words):
        formats.parse(json.dumps(export).encode())


def test_importing_an_export_stores_its_credentials_as_records(session: Session) -> None:
    """Imported into a wallet, each credential of the export is its own record, judged on its own."""
    data = json.dumps(_export([demo_issuers.forklift_badge(session.did), *_keys()])).encode()
    [outcome] = session.credentials.import_bytes(data, "lcw-export.json")
    assert outcome.outcome == "imported" and "from a wallet export" in outcome.message
    assert outcome.record_id is not None and outcome.status == "verified_with_warnings"


@pytest.mark.parametrize(("text", "words"), [
    ("openid-credential-offer://?credential_offer=%7B%22credential_issuer%22%3A%22https%3A%2F%2Fx.example%22%7D",
     "offer to collect a credential over the internet"),
    ("  https://www.credly.com/badges/3b9b3a41-6c5d/public_url\n", "This is a web address, not a credential"),
    ("Forklift certificate, 2022", "it is not JSON, not a signed token"),
])
def test_links_people_paste_instead_of_a_credential_say_what_to_do(text: str, words: str) -> None:
    """An OpenID4VCI offer and a badge's web page are named as such, with how to get the file; other text keeps
    the general sentence. Nothing is fetched."""
    with pytest.raises(CredentialFormatError, match=words):
        formats.parse(text.encode())
