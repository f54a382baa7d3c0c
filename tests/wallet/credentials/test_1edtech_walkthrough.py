"""The 1EdTech OB 3.0 and CLR 2.0 signing walk-throughs, reproduced byte for byte."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from nacl.signing import SigningKey

from wallet.credentials import dataintegrity as di
from wallet.credentials.keys import KeyResolver

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "1edtech-walkthrough"
CASES = [("ob", "obv3p0", "linked-data-proof-ob__Credential.json", "linked-data-proof-ob__Signed-credential.json"),
         ("clr", "clrv2p0", "linked-data-proof-clr__Document-before-signing.json",
          "linked-data-proof-clr__Signed-credential.json")]


def _json(name: str) -> Any:
    return json.loads((HERE / name).read_text("utf-8"))


@pytest.mark.parametrize(("kind", "folder", "unsigned", "signed"), CASES, ids=[c[0] for c in CASES])
def test_walkthrough_values_are_reproduced(kind: str, folder: str, unsigned: str, signed: str) -> None:
    """Canonical forms, both hashes, the signed bytes, the signature and the proofValue match the page."""
    values = _json(f"linked-data-proof-{kind}__values.json")
    proof = _json(f"linked-data-proof-{kind}__Proof.json")
    document = _json(unsigned)
    config = {**{k: v for k, v in proof.items() if k != "proofValue"}, "@context": document["@context"]}
    data, _ = di.hash_data(document, config, di.RDFC)
    assert data.canonical_document == (HERE / folder / "document-canon.txt").read_text("utf-8")
    assert data.canonical_proof == (HERE / folder / "proof-canon.txt").read_text("utf-8")
    assert data.doc_hash.hex() == values["Document hash (hex)"]
    assert data.proof_hash.hex() == values["Proof hash (hex)"]
    assert data.combined.hex() == values["Data to sign (hex)"]
    seed = bytes.fromhex(values["Private key (hex)"])[:32]
    assert SigningKey(seed).sign(data.combined).signature.hex() == values["Signature (hex)"]


@pytest.mark.parametrize(("kind", "folder", "unsigned", "signed"), CASES, ids=[c[0] for c in CASES])
def test_our_signer_writes_the_walkthrough_proof(kind: str, folder: str, unsigned: str, signed: str) -> None:
    """Signing the walk-through input with its key and options gives the page's proof exactly."""
    values = _json(f"linked-data-proof-{kind}__values.json")
    proof = _json(f"linked-data-proof-{kind}__Proof.json")
    seed = bytes.fromhex(values["Private key (hex)"])[:32]
    result = di.sign(_json(unsigned), suite=di.RDFC, verification_method=proof["verificationMethod"],
                     created=proof["created"], signer=lambda m: SigningKey(seed).sign(m).signature)
    assert result["proof"]["proofValue"] == values["Proof value (hex)"] == proof["proofValue"]
    assert {k: v for k, v in result["proof"].items()} == proof


@pytest.mark.parametrize("signed", [c[3] for c in CASES])
def test_signed_walkthrough_credentials_verify_and_fail_when_changed(signed: str) -> None:
    """The pages' signed OB and CLR credentials verify with their key, and not after a change."""
    document = _json(signed)
    assert all(r.valid for r in di.verify_all(document, KeyResolver()))
    document["name"] = document["name"] + "!"
    assert not any(r.valid for r in di.verify_all(document, KeyResolver()))
