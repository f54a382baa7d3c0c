"""Qt writes no settings file of its own (QtProject.conf holds file-dialog history in plain text): run the app in
a fresh HOME, save a setting, use a file dialog, quit, and list every file written."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wallet.api import load_settings

pytestmark = [pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog
    from ui.app import make_app
    from ui.main_window import MainWindow
    from ui.settings import Preferences
    from wallet.api import AppSettings

    app = make_app()
    window = MainWindow(None, preferences=Preferences())
    window.show()
    window.preferences.update(AppSettings(theme="dark", lock_minutes=10))
    dialog = QFileDialog(window, "Open", str(window.flow.suggested_path.parent.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    QTimer.singleShot(100, dialog.reject)
    dialog.exec()
    dialog.deleteLater()
    window.close()
    app.processEvents()
    del dialog, window
    print("done")
""")


def test_only_our_settings_file_is_written(tmp_path: Path) -> None:
    """After a file dialog and a saved setting, HOME holds our settings.json and no QtProject.conf."""
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "LER_WALLET"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0 and "done" in done.stdout, done.stderr
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert written == [".config/LER Wallet/settings.json"], written
    saved = load_settings(home / ".config" / "LER Wallet" / "settings.json")
    assert (saved.theme, saved.lock_minutes) == ("dark", 10)
