"""`ler-wallet import` puts issuer material (keys, DID documents, status and revocation lists) in the key store."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import lifecycle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "status"
OB2 = "https://w3id.org/openbadges/v2"


def _wallet(tmp_path: Path) -> Path:
    path = tmp_path / "w.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    return path


def _write(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), "utf-8")
    return path


def _records(cli, wallet: Path) -> list[object]:  # type: ignore[no-untyped-def]
    result = cli("--wallet", str(wallet), "list", "--json")
    assert result.code == 0, result.err
    value = json.loads(result.out)
    return value if isinstance(value, list) else value["records"]


def test_key_and_status_list_go_to_the_key_store_and_check_the_credential(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A key and a status list go to the key store, not the records; the key checks a credential in the same import."""
    wallet = _wallet(tmp_path)
    credential = json.loads((FIXTURES / "bitstring-credential-status-revoked.json").read_text("utf-8"))
    vm = credential["proof"]["verificationMethod"]
    key = {"id": vm, "type": "Multikey", "controller": credential["issuer"]["id"],
           "publicKeyMultibase": vm.split("#")[1]}
    status_list = json.loads((FIXTURES / "bitstring-testlist.json").read_text("utf-8"))
    folder = tmp_path / "inbox"
    folder.mkdir()
    _write(folder / "a-key.json", key)
    _write(folder / "b-list.json", status_list)
    _write(folder / "c-credential.json", credential)
    result = cli("--wallet", str(wallet), "import", str(folder), "--json")
    assert result.out, result.err
    outcomes = {Path(o["source"]).name: o for o in json.loads(result.out)}
    assert outcomes["a-key.json"]["outcome"] == "keys", outcomes
    assert "public key" in outcomes["a-key.json"]["message"]
    assert "not to your records" in outcomes["a-key.json"]["message"]
    assert outcomes["b-list.json"]["outcome"] == "keys"
    assert "status list" in outcomes["b-list.json"]["message"]
    assert outcomes["c-credential.json"]["outcome"] == "imported"
    assert outcomes["c-credential.json"]["status"] == "verified_with_warnings", result.out  # the key in this import
    assert result.code == 0
    assert len(_records(cli, wallet)) == 1


def test_did_document_issuer_profile_and_revocation_list_are_kept_as_material(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A DID document, an OB 2.0 Issuer profile and RevocationList are added to keys; the text says so."""
    wallet = _wallet(tmp_path)
    did = "did:web:issuer.example"
    _write(tmp_path / "did.json", {"@context": "https://www.w3.org/ns/did/v1", "id": did,
                                   "verificationMethod": [{"id": did + "#k", "type": "Multikey", "controller": did,
                                                           "publicKeyMultibase": "z6Mkabc"}]})
    _write(tmp_path / "issuer.json", {"@context": OB2, "type": "Issuer", "id": "https://issuer.example/i",
                                      "name": "Example College", "publicKey": "https://issuer.example/key"})
    _write(tmp_path / "revocations.json", {"@context": OB2, "type": "RevocationList",
                                           "id": "https://issuer.example/revoked", "revokedAssertions": []})
    result = cli("--wallet", str(wallet), "import", str(tmp_path / "did.json"), str(tmp_path / "issuer.json"),
                 str(tmp_path / "revocations.json"))
    assert result.code == 0, result.out + result.err
    assert "a DID document (did:web:issuer.example)" in result.out
    assert "an Open Badges issuer profile" in result.out
    assert "an Open Badges 2.0 RevocationList" in result.out
    assert "0 imported, 3 added to the offline keys and lists" in result.out
    assert _records(cli, wallet) == []


def test_badge_class_is_refused_as_a_record_with_a_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An OB 2.0 BadgeClass describes a badge, so import refuses it as a record and says why."""
    wallet = _wallet(tmp_path)
    badge_class = _write(tmp_path / "class.json", {"@context": OB2, "type": "BadgeClass",
                                                   "id": "https://issuer.example/b/1", "name": "Forklift",
                                                   "issuer": "https://issuer.example/i"})
    result = cli("--wallet", str(wallet), "import", str(badge_class), "--json")
    assert result.code == 2
    [outcome] = json.loads(result.out)
    assert outcome["outcome"] == "failed"
    assert outcome["message"].startswith("This is an Open Badges 2.0 BadgeClass: it describes a badge")
    assert "hosted" not in outcome["message"]
    assert _records(cli, wallet) == []
