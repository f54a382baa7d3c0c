"""Portable mode from the source entry point: the marker turns it on, and nothing is written outside the folder."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from tests.packaging.bare import Bare, walk_demo
from wallet import portable

ROOT = Path(__file__).resolve().parents[2]


def test_marker_file_or_wallet_folder_turns_portable_mode_on(tmp_path: Path) -> None:
    """A `portable` file or a `wallet.lerwallet` folder makes a folder portable; nothing else does."""
    plain, marked, carried = (tmp_path / n for n in ("plain", "marked", "carried"))
    for folder in (plain, marked, carried):
        folder.mkdir()
    (plain / "wallet.lerwallet").write_text("a file, not a wallet folder")
    (marked / "portable").write_text("")
    (carried / "wallet.lerwallet").mkdir()
    assert portable.portable_folder(plain) is None
    assert portable.portable_folder(marked) == marked
    assert portable.portable_folder(carried) == carried


def test_python_dash_c_is_never_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -c` has no launcher folder, so a wallet folder in the current folder does not turn it on."""
    (tmp_path / "wallet.lerwallet").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["-c"])
    assert portable.launcher_folder() is None
    assert portable.portable_folder() is None


def test_entering_portable_mode_points_every_writable_place_inside(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """HOME, temp, XDG and Windows profile variables, the default wallet and the settings file all move in."""
    for variable in (*portable.REDIRECTED, "LER_WALLET", "LER_WALLET_SETTINGS"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)
    monkeypatch.setattr(tempfile, "tempdir", tempfile.tempdir)  # put back after the test
    (tmp_path / "portable").write_text("")
    assert portable.enter_portable_mode(tmp_path) == tmp_path
    data = tmp_path / portable.DATA_FOLDER
    for variable in portable.REDIRECTED:
        assert Path(os.environ[variable]).is_relative_to(data), variable
    assert os.environ["LER_WALLET"] == str(tmp_path / "wallet.lerwallet")
    assert os.environ["LER_WALLET_SETTINGS"] == str(data / "settings.json")
    assert Path(tempfile.gettempdir()).is_relative_to(data)


def test_app_settings_file_lives_in_the_portable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app settings file is decided by portable mode when no LER_WALLET_SETTINGS is set."""
    from wallet import app_settings

    monkeypatch.delenv("LER_WALLET_SETTINGS", raising=False)
    monkeypatch.setattr(portable, "launcher_folder", lambda: tmp_path)
    (tmp_path / "portable").write_text("")
    assert app_settings.settings_path() == tmp_path / portable.DATA_FOLDER / "settings.json"


@pytest.mark.slow
def test_source_entry_point_writes_nothing_outside_the_folder(tmp_path: Path) -> None:
    """The real entry script, copied beside a `portable` marker, keeps wallet and temp files in its folder:
    HOME and TMPDIR stay empty through demo, issue, share, verify and opening the window offscreen."""
    stick = tmp_path / "stick"
    stick.mkdir()
    launcher = stick / "ler-wallet.py"
    shutil.copyfile(ROOT / "packaging" / "ler_wallet_main.py", launcher)
    (stick / "portable").write_text("")
    bare = Bare([sys.executable, str(launcher)], tmp_path / "computer",
                extra_env={"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"})
    work = stick / "work"
    work.mkdir()
    steps = walk_demo(bare, stick / "wallet.lerwallet", work)
    for name, ran in steps.items():
        assert ran.code == 0, f"{name}: {ran.err or ran.out}"
    opened = bare(cwd=work, env={"LER_WALLET_SMOKE": "1"}, timeout=120)
    assert opened.code == 0 and "smoke: window 'mainWindow' shown" in opened.err, opened.err
    assert (stick / "wallet.lerwallet").is_dir()
    assert bare.written_outside() == []
