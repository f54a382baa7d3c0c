"""`ler-wallet recovery-code --new`: a new code printed once; the old code stops working for `recover`."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.conftest import run_process
from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import lifecycle

CODE = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}\b")


def _wallet(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "w.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    made.session.lock()
    return path, made.recovery_code


def test_new_code_is_printed_once_and_old_one_fails_recover(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The command prints exactly one new code; `recover` then refuses the old code and takes the new one."""
    path, old_code = _wallet(tmp_path)
    result = cli("--wallet", str(path), "recovery-code", "--new")
    assert result.code == 0, result.err
    codes = CODE.findall(result.out)
    assert len(codes) == 1 and codes[0] != old_code
    assert "old one no longer opens" in result.out
    old = cli("--wallet", str(path), "recover",
              env={"LER_WALLET_RECOVERY_CODE": old_code, "LER_WALLET_NEW_PASSPHRASE": "second passphrase"})
    assert old.code == 1 and "recovery code does not unlock" in old.err
    new = cli("--wallet", str(path), "recover",
              env={"LER_WALLET_RECOVERY_CODE": codes[0], "LER_WALLET_NEW_PASSPHRASE": "second passphrase"})
    assert new.code == 0, new.err


def test_without_new_it_explains_and_changes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Plain `recovery-code` says the code can't be shown again (exit 2), and the old code still works."""
    path, _old_code = _wallet(tmp_path)
    before = (path / "wallet.keys").read_bytes()
    result = cli("--wallet", str(path), "recovery-code")
    assert result.code == 2 and "--new" in result.err and result.err.count("\n") == 1
    assert (path / "wallet.keys").read_bytes() == before


def test_wrong_passphrase_exits_1_and_keeps_the_old_code(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A wrong passphrase is a failed check (exit 1), one sentence, no code printed, key file unchanged."""
    path, _old_code = _wallet(tmp_path)
    before = (path / "wallet.keys").read_bytes()
    result = cli("--wallet", str(path), "recovery-code", "--new", env={"LER_WALLET_PASSPHRASE": "not the one"})
    assert result.code == 1 and "passphrase does not unlock" in result.err
    assert not CODE.search(result.out + result.err)
    assert (path / "wallet.keys").read_bytes() == before


def test_no_wallet_there_is_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Pointing at a folder with no wallet fails before any passphrase is asked (exit 2)."""
    result = cli("--wallet", str(tmp_path / "nothing.lerwallet"), "recovery-code", "--new",
                 env={"LER_WALLET_PASSPHRASE": None})
    assert result.code == 2 and "ler-wallet:" in result.err


def test_real_process_replaces_the_code(tmp_path: Path) -> None:
    """In a real process: exit 0 and a code on stdout, then the old code fails `recover` with exit 1."""
    path, old_code = _wallet(tmp_path)
    result = run_process("--wallet", str(path), "recovery-code", "--new", env={"LER_WALLET_PASSPHRASE": PASSPHRASE})
    assert result.code == 0, result.err
    [new_code] = CODE.findall(result.out)
    old = run_process("--wallet", str(path), "recover",
                      env={"LER_WALLET_RECOVERY_CODE": old_code, "LER_WALLET_NEW_PASSPHRASE": "second passphrase"})
    assert old.code == 1 and old.err.startswith("ler-wallet: ")
    assert new_code not in old.err
