"""`ler-wallet import` and `verify` (no wallet needed), `trust`, `keys`, `issue` and `endorse`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run_process
from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import lifecycle
from wallet.credentials import demo_issuers

LEARNER = "did:example:learner"


def _write(path: Path, value: object) -> Path:
    path.write_bytes(value if isinstance(value, bytes) else json.dumps(value).encode())
    return path


def _wallet(tmp_path: Path) -> Path:
    path = tmp_path / "w.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    return path


def test_verify_needs_no_wallet_and_exits_0_when_verified(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An employer verifies a file with no wallet at all; --json has the documented shape."""
    badge = _write(tmp_path / "badge.json", demo_issuers.forklift_badge(LEARNER))
    result = cli(
        "--wallet",
        str(tmp_path / "none.lerwallet"),
        "verify",
        str(badge),
        "--json",
        env={"LER_WALLET_PASSPHRASE": None},
    )
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["status"] == "verified_with_warnings"
    item = report["items"][0]
    assert {"kind", "id", "type", "issuer", "subject", "name", "status", "checks"} <= set(item)
    assert item["issuer"] == demo_issuers.WAREHOUSE.did


def test_verify_trusted_issuer_option(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--trusted-issuer removes the unknown-issuer warning."""
    badge = _write(tmp_path / "badge.json", demo_issuers.forklift_badge(LEARNER))
    result = cli("verify", str(badge), "--json", "--trusted-issuer", demo_issuers.WAREHOUSE.did)
    assert json.loads(result.out)["status"] == "verified"


def test_verify_expired_exits_1_and_at_moves_the_clock(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An expired credential exits 1; --at a date inside its window verifies it."""
    cpr = _write(tmp_path / "cpr.json", demo_issuers.expired_cpr(LEARNER))
    assert cli("verify", str(cpr)).code == 1
    result = cli("verify", str(cpr), "--at", "2022-01-01T00:00:00Z")
    assert result.code == 0, result.out
    assert "validity period" in result.out


def test_verify_unreadable_exits_2_with_a_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A file that is not a credential exits 2 and says why in a sentence."""
    junk = _write(tmp_path / "junk.json", b'{"half": ')
    result = cli("verify", str(junk))
    assert result.code == 2
    assert "not valid JSON" in result.out


def test_verify_status_list_and_keys_from_files(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--key supplies an https issuer's key and --status-list its list: the 1EdTech revoked fixture is revoked."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "status"
    revoked = fixtures / "bitstring-credential-status-revoked.json"
    document = json.loads(revoked.read_text("utf-8"))
    vm = document["proof"]["verificationMethod"]
    key = _write(
        tmp_path / "key.json",
        {"id": vm, "type": "Multikey", "controller": document["issuer"]["id"], "publicKeyMultibase": vm.split("#")[1]},
    )
    url = document["credentialStatus"]["statusListCredential"]
    without = json.loads(cli("verify", str(revoked), "--json").out)
    assert without["status"] == "unverifiable"
    assert {c["check"]: c["outcome"] for c in without["items"][0]["checks"]}["status"] == "not checked"
    result = cli(
        "verify",
        str(revoked),
        "--json",
        "--key",
        str(key),
        "--at",
        "2026-01-01",
        "--status-list",
        f"{url}={fixtures / 'bitstring-testlist.json'}",
    )
    assert result.code == 1
    report = json.loads(result.out)
    checks = {c["check"]: (c["outcome"], c["message"]) for c in report["items"][0]["checks"]}
    assert checks["issuer key"][0] == "passed"
    assert checks["status"][0] == "failed" and "revoked" in checks["status"][1]
    assert report["status"] == "not_verified"


def test_import_files_folders_and_duplicates(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """import reports per item what was imported, what was a duplicate and what failed."""
    wallet = _wallet(tmp_path)
    folder = tmp_path / "inbox"
    folder.mkdir()
    _write(folder / "badge.json", demo_issuers.forklift_badge(LEARNER))
    _write(folder / "old.png", demo_issuers.ob2_baked_badge("x@example.org"))
    _write(folder / "broken.json", b"{")
    result = cli("--wallet", str(wallet), "import", str(folder), str(folder / "badge.json"), "--json")
    assert result.code == 2  # one item failed
    outcomes = sorted((Path(o["source"]).name, o["outcome"]) for o in json.loads(result.out))
    assert outcomes == [
        ("badge.json", "duplicate"),
        ("badge.json", "imported"),
        ("broken.json", "failed"),
        ("old.png", "imported"),
    ]


def test_import_from_stdin_in_a_real_process(tmp_path: Path) -> None:
    """'-' reads a pasted credential from stdin; the text summary counts what happened."""
    wallet = _wallet(tmp_path)
    result = run_process(
        "--wallet",
        str(wallet),
        "import",
        "-",
        env={"LER_WALLET_PASSPHRASE": PASSPHRASE},
        stdin=json.dumps(demo_issuers.customer_service_badge(LEARNER)),
    )
    assert result.code == 0, result.err
    assert "1 imported, 0 already there, 0 failed." in result.out


def test_trust_add_list_remove(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Trusted issuers can be listed, added and removed."""
    wallet = str(_wallet(tmp_path))
    assert cli("--wallet", wallet, "trust", "add", "did:web:college.example", "--name", "College").code == 0
    assert json.loads(cli("--wallet", wallet, "trust", "--json").out) == [
        {"id": "did:web:college.example", "name": "College"}
    ]
    assert cli("--wallet", wallet, "trust", "remove", "did:web:college.example").code == 0
    assert cli("--wallet", wallet, "trust", "remove", "did:web:college.example").code == 2


def test_issue_and_endorse_write_verifiable_files(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """issue signs a self-asserted entry; endorse signs an endorsement; both verify with `verify`."""
    wallet = str(_wallet(tmp_path))
    entry_file = _write(tmp_path / "entry.json", {"kind": "volunteering", "title": "Food bank volunteer"})
    record_id = json.loads(cli("--wallet", wallet, "add-entry", str(entry_file), "--json").out)["id"]
    out = tmp_path / "self.json"
    assert cli("--wallet", wallet, "issue", record_id, "--out", str(out)).code == 0
    report = json.loads(cli("verify", str(out), "--json").out)
    assert report["status"] == "verified_with_warnings"
    assert (
        any("Self-asserted" in c["message"] or "self-asserted" in c["message"] for c in report["items"][0]["checks"])
        or "self-asserted" in report["items"][0]["name"]
    )
    badge = _write(tmp_path / "badge.json", demo_issuers.forklift_badge(LEARNER))
    endorsement = tmp_path / "endorsement.json"
    assert (
        cli("--wallet", wallet, "endorse", str(badge), "--comment", "Careful driver.", "--out", str(endorsement)).code
        == 0
    )
    assert json.loads(cli("verify", str(endorsement), "--json").out)["items"][0]["kind"] == "endorsement"


def test_trust_add_and_remove_check_that_issuers_credentials_again(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """trust add/remove re-check the issuer's stored credentials at once, as the app does, and say how many."""
    wallet = str(_wallet(tmp_path))
    holder = cli("--wallet", wallet, "did").out.strip()
    badge = _write(tmp_path / "badge.json", demo_issuers.forklift_badge(holder))
    assert cli("--wallet", wallet, "import", str(badge)).code == 0
    added = cli("--wallet", wallet, "trust", "add", demo_issuers.WAREHOUSE.did)
    assert added.code == 0
    assert added.out.strip().endswith("is now a trusted issuer. Its 1 credential was checked again.")
    reverified = cli("--wallet", wallet, "reverify").out.split()
    assert reverified[1] == "verified" and " ".join(reverified[2:]) == "Certified Forklift Operator"
    removed = cli("--wallet", wallet, "trust", "remove", demo_issuers.WAREHOUSE.did)
    assert removed.out.strip().endswith("Its 1 credential was checked again.")
    assert cli("--wallet", wallet, "reverify").out.split()[1] == "verified_with_warnings"
