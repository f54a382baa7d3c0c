"""Nothing readable reaches the disk: no record text, evidence, secret key, data key or recovery code."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.wallet._helpers import data_key, entry
from wallet.crypto import keywrap
from wallet.lifecycle import CreatedWallet
from wallet.store.repository import CredentialFields

MARKERS = {
    "title": "MARKER-ZEBRA-7731-TITLE",
    "organisation": "MARKER-ZEBRA-7731-ORG",
    "description": "MARKER-ZEBRA-7731-DESCRIPTION",
    "skill": "MARKER-ZEBRA-7731-SKILL",
    "tag": "MARKER-ZEBRA-7731-TAG",
    "evidence": "MARKER-ZEBRA-7731-EVIDENCE-BYTES",
    "filename": "MARKER-ZEBRA-7731-FILENAME.pdf",
    "evidence description": "MARKER-ZEBRA-7731-EVIDENCE-NOTE",
    "credential": "MARKER-ZEBRA-7731-CREDENTIAL",
    "deleted": "MARKER-ZEBRA-7731-DELETED",
}


def _encodings(secret: bytes) -> list[bytes]:
    """The forms a leaked secret could take: raw, hex (both cases) and base64 (standard and URL-safe)."""
    forms = [secret, secret.hex().encode(), secret.hex().upper().encode(), base64.b64encode(secret),
             base64.urlsafe_b64encode(secret), base64.b64encode(secret).rstrip(b"=")]
    return [f for f in forms if f]


def _all_bytes(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _assert_absent(folder: Path, needles: dict[str, bytes]) -> None:
    for path, content in _all_bytes(folder).items():
        for what, needle in needles.items():
            assert needle not in content, f"{what} is readable in {path.name}"


def test_no_plaintext_on_disk(created: CreatedWallet, tmp_path: Path) -> None:
    """Markers in every field, the Ed25519 seed, the data key, passphrase and recovery code never appear in any file."""
    session = created.session
    record_id = session.add_entry(entry(
        MARKERS["title"], organisation=MARKERS["organisation"], description=MARKERS["description"] * 3,
        skills=(MARKERS["skill"],), tags=(MARKERS["tag"],),
    ))
    session.add_evidence(record_id, MARKERS["filename"], MARKERS["evidence"].encode() * 50,
                         media_type="application/pdf", description=MARKERS["evidence description"])
    session.add_credential(json.dumps({"name": MARKERS["credential"]}).encode(), media_type="application/json",
                           fmt="vc", fields=CredentialFields(title=MARKERS["credential"]))
    doomed = session.add_entry(entry(MARKERS["deleted"], description=MARKERS["deleted"]))
    session.delete_record(doomed)
    assert session.search("zebra")  # the markers really are in the (encrypted) search index
    seed = session.identity.seed
    wallet = session.path

    needles: dict[str, bytes] = {f"marker in {k}": v.encode() for k, v in MARKERS.items()}
    needles["marker stem"] = b"MARKER-ZEBRA"
    needles["marker stem (lower case)"] = b"marker-zebra"
    needles["passphrase"] = PASSPHRASE.encode()
    needles["recovery code"] = created.recovery_code.encode()
    needles["recovery code (compact)"] = keywrap.normalise_recovery_code(created.recovery_code).encode()
    for number, form in enumerate(_encodings(seed)):
        needles[f"signing seed form {number}"] = form

    _assert_absent(wallet, needles)  # while unlocked, after every commit
    session.lock()
    for number, form in enumerate(_encodings(data_key(wallet, PASSPHRASE))):
        needles[f"data key form {number}"] = form
    _assert_absent(wallet, needles)

    assert sorted(p.name for p in wallet.iterdir()) == ["README.txt", "wallet.db", "wallet.keys"]
    outside = [p for p in tmp_path.rglob("*") if p != wallet and wallet not in p.parents]
    assert outside == [], f"files written outside the wallet folder: {outside}"
