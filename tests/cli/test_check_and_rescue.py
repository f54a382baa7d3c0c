"""`ler-wallet check` and `rescue`, and damage refused by every command with one sentence (no SQLCipher log)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run_process
from tests.conftest import PASSPHRASE
from tests.wallet._helpers import flip

PAGE = 4096


def _damage(wallet: Path, page: int) -> None:
    db = wallet / "wallet.db"
    db.write_bytes(flip(db.read_bytes(), (page - 1) * PAGE + 700))


def _last_page(wallet: Path) -> int:
    return (wallet / "wallet.db").stat().st_size // PAGE


def test_check_of_a_healthy_wallet(cli, demo_wallet: Path) -> None:
    """check on an undamaged wallet says it is healthy and exits 0."""
    result = cli("--wallet", str(demo_wallet), "check")
    assert result.code == 0, result.err
    assert "is healthy" in result.out


def test_every_command_refuses_a_damaged_wallet(cli, demo_wallet: Path) -> None:
    """list, search and backup refuse a wallet with one damaged page: one sentence with the way out, exit 2."""
    _damage(demo_wallet, _last_page(demo_wallet) - 3)
    for args in (["list"], ["search", "forklift"], ["backup", str(demo_wallet.parent / "b.lerbackup")]):
        result = cli("--wallet", str(demo_wallet), *args)
        assert result.code == 2, args
        assert result.out == ""
        assert result.err.count("\n") == 1 and "is damaged" in result.err and "ler-wallet rescue" in result.err
    assert not (demo_wallet.parent / "b.lerbackup").exists()


def test_check_lists_the_damage_and_rescue_copies_the_rest(cli, demo_wallet: Path, tmp_path: Path) -> None:
    """check names the damaged page (exit 1); rescue copies the readable records into a wallet that opens."""
    before = json.loads(cli("--wallet", str(demo_wallet), "list", "--json").out)
    page = _last_page(demo_wallet) - 3
    _damage(demo_wallet, page)
    checked = cli("--wallet", str(demo_wallet), "check")
    assert checked.code == 1
    assert f"HMAC verification failed for page {page}" in checked.out and "ler-wallet rescue" in checked.out
    as_json = json.loads(cli("--wallet", str(demo_wallet), "check", "--json").out)
    assert as_json["healthy"] is False and as_json["problems"]
    out = tmp_path / "rescued.lerwallet"
    rescued = cli("--wallet", str(demo_wallet), "rescue", str(out))
    assert rescued.code == 0, rescued.err
    assert f"into {out}" in rescued.out and "same passphrase" in rescued.out
    after = json.loads(cli("--wallet", str(out), "list", "--json").out)
    lost = {item["id"] for item in as_json["lost_records"]}
    assert {r["id"] for r in after} | lost == {r["id"] for r in before}
    for record_id in lost:
        assert record_id[:8] in rescued.out
    assert cli("--wallet", str(out), "check").code == 0


def test_rescue_refuses_an_existing_target(cli, demo_wallet: Path, tmp_path: Path) -> None:
    """rescue never writes over something that is already there."""
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "file.txt").write_text("mine", encoding="utf-8")
    result = cli("--wallet", str(demo_wallet), "rescue", str(tmp_path / "taken"))
    assert result.code == 2 and "already" in result.err
    assert (tmp_path / "taken" / "file.txt").read_text(encoding="utf-8") == "mine"


def test_sqlcipher_log_lines_never_reach_the_terminal(demo_wallet: Path) -> None:
    """In a real process, damage prints our one sentence on stderr and none of SQLCipher's own log lines."""
    _damage(demo_wallet, _last_page(demo_wallet) - 3)
    env = {"LER_WALLET_PASSPHRASE": PASSPHRASE}
    for args in (["list"], ["check"], ["rescue", str(demo_wallet.parent / "r.lerwallet")]):
        result = run_process("--wallet", str(demo_wallet), *args, env=env)
        assert "ERROR" not in result.err and "sqlite3Codec" not in result.err and "CORE" not in result.err, args
        assert "ERROR" not in result.out and "sqlite3Codec" not in result.out
    listed = run_process("--wallet", str(demo_wallet), "list", env=env)
    assert listed.code == 2 and listed.err.startswith("ler-wallet: The wallet at") and listed.err.count("\n") == 1
