"""`ler-wallet holder` and how a credential issued to someone else shows in `import`, `list`, `show` and `verify`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.conftest import run_process
from tests.conftest import PASSPHRASE
from wallet.credentials import demo_issuers

PHONE = "did:example:sams-phone-wallet"


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), "utf-8")
    return path


def test_holder_show_on_the_demo_wallet(cli, demo_wallet: Path) -> None:  # type: ignore[no-untyped-def]
    """The demo wallet's holder has a name, contact lines, the wallet's DID and the email its old badge names."""
    result = cli("--wallet", str(demo_wallet), "holder")
    assert result.code == 0, result.err
    assert "Name:         Sam Rivera (demo)" in result.out
    assert "Also you:     sam.learner@example.org" in result.out
    data = json.loads(cli("--wallet", str(demo_wallet), "holder", "show", "--json").out)
    assert data["name"] == "Sam Rivera (demo)" and data["did"].startswith("did:key:z6Mk")
    assert data["identifiers"] == ["sam.learner@example.org"] and len(data["contacts"]) == 2


def test_holder_set_changes_name_and_contacts(cli, demo_wallet: Path) -> None:  # type: ignore[no-untyped-def]
    """set --name and repeated --contact replace the profile's name and lines; --name alone keeps the lines."""
    wallet = str(demo_wallet)
    result = cli("--wallet", wallet, "holder", "set", "--name", "Maria Ortiz", "--contact", "maria@example.org",
                 "--contact", "555-0100")
    assert result.code == 0, result.err
    assert result.out.startswith("Your profile is saved.")
    cli("--wallet", wallet, "holder", "set", "--name", "Maria O.")
    data = json.loads(cli("--wallet", wallet, "holder", "--json").out)
    assert (data["name"], data["contacts"]) == ("Maria O.", ["maria@example.org", "555-0100"])


def test_holder_usage_errors_are_one_sentence(cli, demo_wallet: Path) -> None:  # type: ignore[no-untyped-def]
    """Missing or misplaced arguments and bad identifiers exit 2 with one sentence and change nothing."""
    wallet = str(demo_wallet)
    for args in (("set",), ("add-id",), ("show", "x@example.org"), ("add-id", "not an id"),
                 ("add-id", "sam.learner@example.org"), ("remove-id", "nobody@example.org")):
        result = cli("--wallet", wallet, "holder", *args)
        assert result.code == 2, args
        assert result.err.startswith("ler-wallet: ") and result.err.count("\n") == 1, result.err
        assert result.out == ""
    assert json.loads(cli("--wallet", wallet, "holder", "--json").out)["identifiers"] == ["sam.learner@example.org"]


def test_someone_elses_credential_is_marked_until_its_identifier_is_added(  # type: ignore[no-untyped-def]
    cli, demo_wallet: Path, tmp_path: Path
) -> None:
    """Imported, it is listed and shown as someone else's; add-id claims it (1 credential) and the mark goes."""
    wallet = str(demo_wallet)
    badge = _write(tmp_path / "phone-badge.json", demo_issuers.forklift_badge(PHONE))
    imported = json.loads(cli("--wallet", wallet, "import", str(badge), "--json").out)
    [item] = imported
    record_id = item["record_id"]
    listed = cli("--wallet", wallet, "list").out.splitlines()
    [line] = [row for row in listed if row.startswith(record_id[:8])]
    assert line.endswith("[issued to someone else]")
    assert sum("[issued to someone else]" in row for row in listed) == 1
    shown = cli("--wallet", wallet, "show", record_id[:8]).out
    assert "Issued to:    someone else, not you" in shown
    data = json.loads(cli("--wallet", wallet, "show", record_id, "--json").out)
    assert data["credential"]["for_someone_else"] is True and data["credential"]["recipient"] == "failed"
    added = cli("--wallet", wallet, "holder", "add-id", PHONE)
    assert added.code == 0 and added.out.startswith("Added. 1 credential in your wallet is now shown as yours.")
    assert json.loads(cli("--wallet", wallet, "show", record_id, "--json").out)["credential"]["recipient"] == "passed"
    assert "[issued to someone else]" not in cli("--wallet", wallet, "list").out
    removed = json.loads(cli("--wallet", wallet, "holder", "remove-id", PHONE, "--json").out)
    assert removed["credentials_changed"] == 1 and removed["identifiers"] == ["sam.learner@example.org"]


def test_verify_without_a_wallet_does_not_check_the_recipient(tmp_path: Path) -> None:
    """`verify` on its own has no holder: the recipient line is "not checked" with the reason, and exit 0."""
    badge = _write(tmp_path / "badge.json", demo_issuers.forklift_badge(PHONE))
    result = run_process("verify", str(badge), "--json", env={"LER_WALLET_PASSPHRASE": PASSPHRASE})
    assert result.code == 0, result.err
    [item] = json.loads(result.out)["items"]
    [line] = [c for c in item["checks"] if c["check"] == "recipient"]
    assert line["outcome"] == "not checked" and "without a wallet" in line["message"]
    assert item["status"] == "verified_with_warnings"
