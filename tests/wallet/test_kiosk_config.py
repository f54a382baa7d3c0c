"""The administrator's kiosk file: defaults, every key read, and a wrong file refused with a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.api import KioskConfig, KioskConfigError, UsageError, load_kiosk_config
from wallet.kiosk_config import ENV, parse_config


def test_no_file_means_defaults_with_kiosk_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a file (and none at the system place), kiosk mode is off and the lock time is 2 minutes."""
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr("wallet.kiosk_config.default_config_path", lambda: tmp_path / "absent.toml")
    config = load_kiosk_config()
    assert config == KioskConfig()
    assert (config.enabled, config.lock_minutes, config.warning_seconds, config.full_screen) == (False, 2, 30, True)


def test_every_key_is_read(tmp_path: Path) -> None:
    """A full file turns kiosk mode on with its own times."""
    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk]\nenabled = true\nlock_minutes = 5\nwarning_seconds = 45\nfull_screen = false\n")
    config = load_kiosk_config(path)
    assert (config.enabled, config.lock_minutes, config.warning_seconds, config.full_screen) == (True, 5, 45, False)
    assert config.source == str(path)


def test_the_environment_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LER_WALLET_KIOSK_CONFIG points at the file when no path is given."""
    path = tmp_path / "k.toml"
    path.write_text("[kiosk]\nlock_minutes = 3\n")
    monkeypatch.setenv(ENV, str(path))
    assert load_kiosk_config().lock_minutes == 3


@pytest.mark.parametrize(("text", "said"), [
    ("[kiosk]\nlock_minutes = 0\n", "from 1 to 60"),
    ("[kiosk]\nlock_minutes = 2.5\n", "whole number"),
    ("[kiosk]\nlock_minutes = true\n", "whole number"),
    ("[kiosk]\nenabled = \"yes\"\n", "true or false"),
    ("[kiosk]\nlock_minutez = 2\n", "not a kiosk setting"),
    ("[kiosk]\nlock_minutes = 1\nwarning_seconds = 60\n", "shorter than the lock time"),
    ("kiosk = 3\n", "must be a table"),
    ("[kiosk\n", "not valid TOML"),
])
def test_a_wrong_file_is_one_sentence(tmp_path: Path, text: str, said: str) -> None:
    """Each mistake names the file and the key, as a UsageError (the CLI prints it, nothing starts)."""
    path = tmp_path / "kiosk.toml"
    path.write_text(text)
    with pytest.raises(KioskConfigError, match=said) as caught:
        load_kiosk_config(path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, UsageError)


def test_a_named_file_that_is_missing_or_unreadable(tmp_path: Path) -> None:
    """A file the administrator named must exist and be text."""
    with pytest.raises(KioskConfigError, match="no kiosk configuration file"):
        load_kiosk_config(tmp_path / "nope.toml")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(KioskConfigError, match="cannot be read"):
        load_kiosk_config(binary)
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * 70_000)
    with pytest.raises(KioskConfigError, match="too large"):
        load_kiosk_config(big)


def test_an_empty_file_is_the_defaults() -> None:
    """Every key is optional."""
    config = parse_config("", Path("k.toml"))
    assert (config.enabled, config.lock_minutes) == (False, 2)


def test_gui_refuses_a_broken_kiosk_file_before_any_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`ler-wallet gui --kiosk --kiosk-config FILE` with a wrong value exits 2 with the sentence; no window opens."""
    from cli.main import EXIT_USAGE, main

    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk]\nlock_minutes = 600\n")
    assert main(["gui", "--kiosk", "--kiosk-config", str(path)]) == EXIT_USAGE
    said = capsys.readouterr().err
    assert "lock_minutes" in said and "from 1 to 60" in said
