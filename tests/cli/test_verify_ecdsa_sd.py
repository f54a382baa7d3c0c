"""`ler-wallet verify` on an ecdsa-sd-2023 disclosure (the 1EdTech validator's derived credential)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "validator" / "ob30" / "sd" / "derivedcredential.json"


def _write(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def _issuer_key(folder: Path, document: dict[str, Any]) -> Path:
    method = document["proof"][0]["verificationMethod"]
    key = {"id": method, "type": "Multikey", "controller": document["issuer"]["id"],
           "publicKeyMultibase": method.split("#", 1)[1]}
    return _write(folder / "issuer-key.json", key)


def _checks(out: str) -> dict[str, str]:
    return {c["check"]: c["outcome"] for c in json.loads(out)["items"][0]["checks"]}


def test_disclosure_verifies_with_the_issuers_key(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With the issuer's P-256 key supplied the disclosure's signature and issuer key pass; the left-out name warns."""
    document = json.loads(FIXTURE.read_text("utf-8"))
    issuer = document["issuer"]["id"]
    result = cli("verify", str(FIXTURE), "--json", "--key", str(_issuer_key(tmp_path, document)),
                 "--trusted-issuer", issuer, "--at", "2026-01-01")
    assert json.loads(result.out)["status"] == "verified_with_warnings", result.out
    assert _checks(result.out)["signature"] == "passed"
    assert _checks(result.out)["issuer key"] == "passed"
    assert result.code == 0


def test_changed_disclosed_value_is_not_verified(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same disclosure with the achievement renamed fails its signature: not verified, exit 1."""
    document = json.loads(FIXTURE.read_text("utf-8"))
    document["credentialSubject"]["achievement"]["name"] = "Brain surgery"
    changed = _write(tmp_path / "changed.json", document)
    result = cli("verify", str(changed), "--json", "--key", str(_issuer_key(tmp_path, document)),
                 "--trusted-issuer", document["issuer"]["id"], "--at", "2026-01-01")
    assert result.code == 1
    assert json.loads(result.out)["status"] == "not_verified"
    assert _checks(result.out)["signature"] == "failed"


def test_without_the_issuers_document_the_key_is_not_checked(cli) -> None:  # type: ignore[no-untyped-def]
    """The key written in the proof's link checks the arithmetic only: signature passed, issuer key not checked."""
    result = cli("verify", str(FIXTURE), "--json", "--at", "2026-01-01")
    assert json.loads(result.out)["status"] == "unverifiable"
    assert _checks(result.out)["signature"] == "passed"
    assert _checks(result.out)["issuer key"] == "not checked"
    assert result.code == 1
