"""`ler-wallet verify` with supplied documents: an attacker's key document beside the issuer's real DID document."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from nacl.signing import SigningKey

from wallet.credentials import dataintegrity as di
from wallet.credentials.multikey import multikey_from_ed25519

COLLEGE = "did:web:college.example"
ATTACKER_VM = "https://attacker.example/keys/1"


def _key(label: str) -> tuple[SigningKey, str]:
    key = SigningKey(hashlib.sha256(label.encode()).digest())
    return key, multikey_from_ed25519(bytes(key.verify_key))


def _write(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def _forged_badge(folder: Path) -> Path:
    """A badge naming the college as issuer, signed with the attacker's key."""
    attacker, _ = _key("attacker")
    badge = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:0c7e1d2f-3a4b-4c5d-8e9f-a0b1c2d3e4f5",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Nursing degree",
        "issuer": {"id": COLLEGE, "type": ["Profile"], "name": "College"},
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://college.example/achievements/nursing",
                "type": ["Achievement"],
                "name": "Nursing",
                "description": "A degree in nursing.",
                "criteria": {"narrative": "Complete the programme."},
            },
        },
    }
    signed = di.sign(badge, suite=di.RDFC, verification_method=ATTACKER_VM, created="2025-01-01T00:00:00Z",
                     signer=lambda m: attacker.sign(m).signature)
    return _write(folder / "forged.json", signed)


def _checks(out: str) -> dict[str, str]:
    return {c["check"]: c["outcome"] for c in json.loads(out)["items"][0]["checks"]}


def test_attacker_key_document_is_refused_beside_the_colleges_did_document(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--key attacker.json claims the college as controller; --did-doc college.json lists another key: not verified
    (exit 1); without the college's document the issuer key is only 'not checked' (unverifiable, exit 1)."""
    _, attacker_multikey = _key("attacker")
    _, college_multikey = _key("college")
    badge = _forged_badge(tmp_path)
    key = _write(tmp_path / "attacker.json", {"id": ATTACKER_VM, "type": "Multikey", "controller": COLLEGE,
                                              "publicKeyMultibase": attacker_multikey})
    college = _write(tmp_path / "college.json", {
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": COLLEGE,
        "verificationMethod": [{"id": f"{COLLEGE}#key-1", "type": "Multikey", "controller": COLLEGE,
                                "publicKeyMultibase": college_multikey}],
        "assertionMethod": ["#key-1"],
    })
    both = cli("verify", str(badge), "--json", "--key", str(key), "--did-doc", str(college),
               "--trusted-issuer", COLLEGE)
    assert both.code == 1
    assert json.loads(both.out)["status"] == "not_verified"
    assert _checks(both.out)["issuer key"] == "failed" and _checks(both.out)["signature"] == "passed"
    alone = cli("verify", str(badge), "--json", "--key", str(key), "--trusted-issuer", COLLEGE)
    assert alone.code == 1
    assert json.loads(alone.out)["status"] == "unverifiable"
    assert _checks(alone.out)["issuer key"] == "not checked"
