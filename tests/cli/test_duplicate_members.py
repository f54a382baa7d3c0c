"""The command line refuses JSON that names a member twice, in credentials and in the key files beside them."""

from __future__ import annotations

import json
from pathlib import Path

from wallet.credentials import demo_issuers


def test_verify_refuses_a_credential_naming_a_member_twice(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A badge whose name appears twice is unreadable (exit 2) with a sentence saying why, never verified."""
    text = json.dumps(demo_issuers.forklift_badge("did:example:x"))
    twice = text.replace('"name": "Certified Forklift Operator"',
                         '"name": "Certified Forklift Operator", "name": "Ship Captain"', 1)
    assert twice != text
    badge = tmp_path / "badge.json"
    badge.write_text(twice, "utf-8")
    result = cli("verify", str(badge), "--json")
    assert result.code == 2, result.out
    [unreadable] = json.loads(result.out)["unreadable"]
    assert '"name" twice' in unreadable["message"] and "disagree" in unreadable["message"]


def test_verify_refuses_a_did_document_naming_a_member_twice(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A --did-doc file with "id" given twice is a usage error with one sentence; nothing is verified."""
    badge = tmp_path / "badge.json"
    badge.write_text(json.dumps(demo_issuers.forklift_badge("did:example:x")), "utf-8")
    document = tmp_path / "did.json"
    document.write_text('{"id": "did:web:a.example", "id": "did:web:b.example", "verificationMethod": []}', "utf-8")
    result = cli("verify", str(badge), "--did-doc", str(document))
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("ler-wallet: ") and '"id" twice' in result.err and result.err.count("\n") == 1
