"""The app as a whole process: hardened at start, survives a long signal-heavy session, refuses a Qt binding
that would abort it, and never opens a dialog from a worker thread.

The session tests run `long_session.py` in a subprocess, so an abort (SIGABRT from Qt or Python) shows as a
failed exit code instead of killing the test run.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import PySide6
import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import PASSPHRASE
from ui import app as app_module
from wallet.api import UsageError

ROOT = Path(__file__).resolve().parents[2]
SESSION = Path(__file__).with_name("long_session.py")

pytestmark = [pytest.mark.gui]


def _session(wallet: Path, emits: int, views: int) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LER_WALLET")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
                "LER_WALLET_SETTINGS": str(wallet.parent / "app-settings.json")})  # not the real settings file
    return subprocess.run([sys.executable, str(SESSION), str(wallet), PASSPHRASE, str(emits), str(views)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=280)


@pytest.mark.slow
def test_long_signal_heavy_session_exits_cleanly(demo_wallet: Path) -> None:
    """130 record views and 20,000 Python signal emits, then a normal exit: code 0, every stage reached."""
    proc = _session(demo_wallet, emits=20_000, views=130)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert "viewed 130 times 13 records" in lines
    assert "emitted 20000" in lines
    assert lines[-2:] == ["exit 0", "done"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl (Linux)")
def test_gui_entry_point_is_hardened(demo_wallet: Path) -> None:
    """Inside the running app started as `ler-wallet gui`: core-file limit (0, 0) and not dumpable."""
    proc = _session(demo_wallet, emits=0, views=0)
    assert proc.returncode == 0, proc.stderr[-2000:]
    [line] = [line for line in proc.stdout.splitlines() if line.startswith("hardening ")]
    assert json.loads(line.removeprefix("hardening ")) == {"core": [0, 0], "dumpable": 0}


def test_binding_problem_names_only_the_broken_pair() -> None:
    """PySide6 6.12.0 is refused before Python 3.12 only; 6.11 and Python 3.12+ are fine."""
    problem = app_module.binding_problem((6, 12, 0), (3, 11))
    assert problem is not None and "pyside6-essentials<6.12" in problem and problem.count(". ") == 0
    assert app_module.binding_problem((6, 12, 0), (3, 12)) is None
    assert app_module.binding_problem((6, 11, 3), (3, 11)) is None
    assert app_module.binding_problem() is None  # what is installed here is a safe one


def test_run_app_refuses_a_broken_binding(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a broken PySide6 reported, run_app raises one sentence and opens no window."""
    monkeypatch.setattr(PySide6, "__version_info__", (6, 12, 0, "", ""))
    monkeypatch.setattr(sys, "version_info", (3, 11, 7, "final", 0))
    before = {id(w) for w in QApplication.topLevelWidgets()}
    with pytest.raises(UsageError, match=r"PySide6 6\.12\.0 crashes"):
        app_module.run_app(None)
    assert {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()} <= before


def test_unexpected_error_off_the_gui_thread_is_only_logged(caplog: pytest.LogCaptureFixture) -> None:
    """A bug reported from a worker thread is logged; no dialog is made there (that would abort the app)."""
    finished: list[bool] = []

    def worker() -> None:
        try:
            raise RuntimeError("a bug in a background call")
        except RuntimeError as exc:
            app_module._show_unexpected(type(exc), exc, exc.__traceback__)
        finished.append(True)

    with caplog.at_level(logging.ERROR, logger="ui.app"):
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
    assert finished == [True]
    assert "a bug in a background call" in caplog.text
