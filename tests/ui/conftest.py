"""Fixtures for driving the real main window offscreen.

Every GUI test: runs with the app's fonts and style, finds wallets and the app's settings file only under
tmp_path (LER_WALLET and LER_WALLET_SETTINGS point there), makes wallets with cheap Argon2id settings, and
fails on any Qt warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from ui import style
from ui.app import make_app
from ui.i18n import apply_language
from ui.main_window import MainWindow
from wallet import demo, lifecycle
from wallet.flows.onboarding import Step


@pytest.fixture(autouse=True)
def _styled_app(qapp: QApplication) -> QApplication:
    return make_app()


@pytest.fixture(autouse=True)
def default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default wallet location, inside tmp_path (empty unless a test puts a wallet there)."""
    path = tmp_path / "data" / "wallet.lerwallet"
    monkeypatch.setenv("LER_WALLET", str(path))
    monkeypatch.setenv("LER_WALLET_SETTINGS", str(tmp_path / "config" / "settings.json"))  # never the real one
    return path


@pytest.fixture
def demo_wallet(tmp_path: Path) -> Path:
    """A locked demo wallet: the demo learner's seven entries and six issued credentials."""
    path = tmp_path / "Maria.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF, demo=True)
    with made.session as session:
        demo.populate(session)
    return path


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[[Path | None], MainWindow]]:
    """Open a MainWindow (creating wallets with cheap KDF settings); closed after the test."""
    windows: list[MainWindow] = []

    def make(path: Path | None) -> MainWindow:
        window = MainWindow(path, kdf=FAST_KDF)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()



@pytest.fixture
def unlocked_demo(
    qtbot: QtBot, open_window: Callable[[Path | None], MainWindow], demo_wallet: Path
) -> MainWindow:
    """The window on the demo wallet, unlocked (the slow part runs on the worker thread as usual)."""
    window = open_window(demo_wallet)
    window.flow.submit_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCKED, timeout=10_000)
    return window


@pytest.fixture
def twice_the_text(qapp: QApplication) -> Iterator[QApplication]:
    """The app's text at 200 % (light theme) for the test; the usual look again afterwards, whatever happens."""
    style.apply(qapp, "light", 2.0)
    try:
        yield qapp
    finally:
        style.apply(qapp)


@pytest.fixture
def english_after() -> Iterator[None]:
    """Whatever a test switches to, the next test starts in English."""
    try:
        yield
    finally:
        apply_language("en")


@pytest.fixture
def spanish(qapp: QApplication, english_after: None) -> Iterator[None]:
    """Spanish for the test's widgets (our words, Qt's and QLocale's); English again afterwards."""
    apply_language("es")
    yield
