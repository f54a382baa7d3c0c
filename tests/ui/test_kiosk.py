"""Kiosk mode in the real window: no recent or demo wallets, the client's own wallet place, a countdown before the
idle sign-out, Sign out back to the start with the clipboard empty, a 'show' only the client ticks, and the
recovery page telling the client to keep the kit."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import click, find, wait_for_step
from ui.kiosk import KIT_NOTE, Kiosk, KioskPreferences
from ui.main_window import MainWindow
from wallet.api import AppSettings, KioskConfig, Step, save_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def kiosk(qtbot: QtBot, clock: Clock, tmp_path: Path, demo_wallet: Path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Kiosk]:
    """A kiosk window (2-minute lock, 30 s warning) on a machine whose settings list a recent wallet and whose
    default wallet exists: kiosk mode must show neither."""
    settings = tmp_path / "config" / "settings.json"
    save_settings(AppSettings().with_recent(demo_wallet), settings)
    monkeypatch.setenv("LER_WALLET", str(demo_wallet))
    config = KioskConfig(enabled=True, lock_minutes=2, warning_seconds=30)
    window = MainWindow(None, kdf=FAST_KDF, idle_clock=clock, preferences=KioskPreferences(config))
    qtbot.addWidget(window)
    made = Kiosk(window, config)
    made.start_page()
    window.show()
    qtbot.waitExposed(window)
    yield made
    window.close()


def create_on_stick(qtbot: QtBot, window: MainWindow, stick: Path) -> None:
    click(qtbot, window.welcome.create_button)
    qtbot.waitUntil(lambda: window.create_page.location.text() == "")  # no place on this computer is proposed
    window.create_page.location.setText(str(stick / "my.lerwallet"))
    window.create_page.first.setText(PASSPHRASE)
    window.create_page.second.setText(PASSPHRASE)
    click(qtbot, window.create_page.submit)
    wait_for_step(qtbot, window, Step.RECOVERY_CODE)


def test_starts_at_the_welcome_page_with_no_recent_demo_or_settings(kiosk: Kiosk) -> None:
    """The default wallet is not opened, the recent list and demo are hidden, the kiosk help is shown."""
    window = kiosk.window
    assert window.flow.state is Step.START
    assert not window.welcome.recent_heading.isVisible() and not window.welcome.recent_buttons
    assert not window.welcome.demo_button.isVisible() and not window.welcome.settings_button.isVisible()
    assert window.guide.current_page() == "kiosk"
    assert window.preferences.values.recent == () and not window.preferences.values.remember_recent


def test_a_new_wallet_on_the_stick_then_sign_out(qtbot: QtBot, kiosk: Kiosk, tmp_path: Path) -> None:
    """Create on the stick, see the kit note, continue, copy something, Sign out: back at the start, the
    clipboard empty, the wallet's place forgotten, nothing saved in the settings file."""
    window = kiosk.window
    stick = tmp_path / "stick"
    stick.mkdir()
    create_on_stick(qtbot, window, stick)
    note = find(window, QLabel, "kioskKitNote")
    assert note.isVisible() and note.text() == KIT_NOTE and "not your helper" in note.text()
    assert not find(window, QLabel, "recoveryKeepNote").isVisible()  # one note on a shared computer, not two
    window.recovery_code.confirm.setChecked(True)
    click(qtbot, window.recovery_code.submit)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    QGuiApplication.clipboard().setText("the client's words")
    click(qtbot, find(window, QPushButton, "signOutButton"))
    assert window.flow.state is Step.START and window.flow.path is None
    assert QGuiApplication.clipboard().text() == ""
    assert window.stack.currentWidget() is window.welcome
    assert not window.welcome.recent_buttons
    assert not (tmp_path / "config" / "settings.json").read_text(encoding="utf-8").count("my.lerwallet")


def test_countdown_then_idle_sign_out(qtbot: QtBot, kiosk: Kiosk, clock: Clock, demo_wallet: Path) -> None:
    """85 quiet seconds: no countdown; 100: 'Signing out in 20 seconds'; 120: signed out to the start page."""
    window = kiosk.window
    window.flow.choose_open(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    wait_for_step(qtbot, window, Step.UNLOCKED)
    countdown = find(window, QLabel, "kioskCountdown")
    clock.now += 85
    kiosk.tick()
    assert not countdown.isVisible()
    clock.now += 15
    kiosk.tick()
    assert countdown.isVisible() and "Signing out in 20 seconds" in countdown.text()
    clock.now += 20
    assert window.idle.check()
    qtbot.waitUntil(lambda: window.flow.state is Step.START)
    kiosk.tick()
    assert not countdown.isVisible() and window.flow.path is None


def test_passphrase_is_masked_until_the_client_ticks_show(qtbot: QtBot, kiosk: Kiosk, demo_wallet: Path) -> None:
    """Every passphrase field is masked; its 'Show what I type' box reveals it, and unticks on a page change."""
    window = kiosk.window
    window.flow.choose_open(demo_wallet)
    field = find(window, QLineEdit, "passphraseInput")
    assert field.echoMode() is QLineEdit.EchoMode.Password
    boxes = [b for b in window.unlock.findChildren(QCheckBox) if b.objectName().startswith("showPassphrase")]
    assert len(boxes) == 1 and boxes[0].isVisible() and boxes[0].accessibleName() == "Show what I type"
    boxes[0].setFocus()
    qtbot.keyClick(boxes[0], Qt.Key.Key_Space)  # the client ticks it
    assert field.echoMode() is QLineEdit.EchoMode.Normal
    window.flow.back()
    assert not boxes[0].isChecked() and field.echoMode() is QLineEdit.EchoMode.Password
    secret_fields = 5  # create: two; unlock: one; recover: two
    assert len(kiosk.show_boxes) == secret_fields


def test_kiosk_preferences_are_never_saved(kiosk: Kiosk, tmp_path: Path) -> None:
    """A look changed during a session is used but not written, and the recent list stays off."""
    settings = tmp_path / "config" / "settings.json"
    before = settings.read_bytes()
    said = kiosk.window.preferences.update(AppSettings(text_scale=1.5, remember_recent=True))
    assert said == "" and settings.read_bytes() == before
    assert not kiosk.window.preferences.values.remember_recent


ROOT = Path(__file__).resolve().parents[2]
MACHINE_PLACES = ("home", "config", "data", "cache", "state", "runtime", "tmp", "cwd")


def _machine(tmp_path: Path) -> dict[str, Path]:
    places = {place: tmp_path / "machine" / place for place in MACHINE_PLACES}
    for path in places.values():
        path.mkdir(parents=True)
    places["runtime"].chmod(0o700)
    return places


@pytest.mark.slow
def test_a_whole_kiosk_session_leaves_nothing_behind(tmp_path: Path) -> None:
    """Create on a stick, import, add an entry, match, share a PDF to the stick, copy the DID, sign out, in a
    process with its own HOME, XDG folders, TMPDIR and working folder: not one file is written outside the
    client's wallet and the PDF they chose, and the clipboard is empty after sign-out."""
    machine = _machine(tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LER_WALLET", "XDG_"))}
    env.update({
        "HOME": str(machine["home"]), "XDG_CONFIG_HOME": str(machine["config"]),
        "XDG_DATA_HOME": str(machine["data"]), "XDG_CACHE_HOME": str(machine["cache"]),
        "XDG_STATE_HOME": str(machine["state"]), "XDG_RUNTIME_DIR": str(machine["runtime"]),
        "TMPDIR": str(machine["tmp"]), "TMP": str(machine["tmp"]), "TEMP": str(machine["tmp"]),
        "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1",
    })
    credential = ROOT / "tests" / "fixtures" / "1edtech-walkthrough" / "linked-data-proof-ob__Signed-credential.json"
    posting = ROOT / "tests" / "fixtures" / "postings" / "14-forklift-operator-2nd-shift.json"
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "kiosk_session.py"), str(stick),
                           str(credential), str(posting)],
                          capture_output=True, text=True, env=env, cwd=machine["cwd"], timeout=280)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "started True start"  # full screen, at the welcome page
    assert lines[2] == "imported 1" and lines[3] == "entry added 2"
    assert lines[-2] == "signed out None ''" and lines[-1] == "done"
    written = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "machine").rglob("*"))
    assert written == [f"machine/{place}" for place in sorted(MACHINE_PLACES)]  # the empty folders only
    wallet = stick / "client.lerwallet"
    outside = [p.name for p in stick.iterdir() if p != wallet]
    assert outside == ["resume.pdf"]
    assert (stick / "resume.pdf").read_bytes().startswith(b"%PDF")
