"""Starting the desktop app: `run_app` is what `ler-wallet gui` (and plain `ler-wallet`) calls.

Before any window: the process is hardened (no core dumps; see wallet.hardening), and a Qt binding known to
abort the process is refused with one sentence instead of crashing later with the wallet open.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QRect, QSize, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui import style
from ui.i18n import apply_language
from ui.main_window import APP_NAME, MainWindow
from ui.resources import register_fonts
from ui.settings import Preferences, keep_qt_quiet
from wallet.api import UsageError, _, harden_process

log = logging.getLogger(__name__)

PIN_COMMAND = "pip install 'pyside6-essentials<6.12'"  # i18n: not shown
BROKEN_BINDINGS = {(6, 12, 0)}
"""PySide6 releases that drop a reference to `True` on every Signal.emit() from Python: before Python 3.12
(where True became immortal) the process aborts in `bool_dealloc` once the references run out (measured here:
at exit after 100 emits, at once after 1,000)."""


def binding_problem(
    version: tuple[int, ...] | None = None, python: tuple[int, ...] | None = None
) -> str | None:
    """One sentence when this PySide6 (on this Python) is known to crash the app, else None."""
    qt = tuple(version if version is not None else PySide6.__version_info__[:3])
    py = tuple(python if python is not None else sys.version_info[:2])
    if qt[:3] in BROKEN_BINDINGS and py < (3, 12):
        shown = ".".join(str(part) for part in qt[:3])
        return _("PySide6 {version} crashes on Python {python} after a few thousand Qt signals, so the app window "
                 "does not start with it; install PySide6 6.11 with: {command}").format(
            version=shown, python=f"{py[0]}.{py[1]}", command=PIN_COMMAND)
    return None


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with LER Wallet's name, bundled fonts and style (reused if one exists)."""
    keep_qt_quiet()  # before any file dialog: Qt must not write ~/.config/QtProject.conf
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    register_fonts()
    style.apply(app)
    return app


FIRST_SIZE = QSize(1100, 700)
"""The first window at normal text size; larger text asks for proportionally more, up to the screen."""


def fit_to_screen(window: QWidget, available: QRect | None = None, scale: float = 1.0) -> QSize:
    """Size the first window to the screen's free area (never past it) and centre it; returns the size.

    The pages scroll when the window is smaller than they would like (large text on a small screen), so the
    window's minimum stays small and the person can shrink it."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)
    want = QSize(round(FIRST_SIZE.width() * scale), round(FIRST_SIZE.height() * scale))
    size = QSize(min(want.width(), round(available.width() * 0.96)),
                 min(want.height(), round(available.height() * 0.94)))
    window.setMinimumSize(QSize(min(480, size.width()), min(360, size.height())))
    window.resize(size)
    window.move(available.x() + (available.width() - size.width()) // 2,
                available.y() + (available.height() - size.height()) // 2)
    return size


def _show_unexpected(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug in a slot must not kill the app or show a traceback: log it, say one sentence."""
    log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return  # a window made off the GUI thread would abort the process: the log line must do
    parent = QApplication.activeWindow()
    QMessageBox.warning(parent, APP_NAME, _("Something unexpected went wrong, so that action did not finish. "
                                            "If it keeps happening, please report it."))


def run_app(wallet_path: Path | None) -> int:
    """Open the window on `wallet_path` (None: the default wallet if there is one, else the welcome page)."""
    harden_process()
    problem = binding_problem()
    if problem:
        raise UsageError(problem)
    logging.basicConfig(level=logging.WARNING)
    app = make_app()
    sys.excepthook = _show_unexpected
    preferences = Preferences()
    apply_language(preferences.values.language)
    preferences.apply_look(app)
    window = MainWindow(wallet_path, preferences=preferences)
    fit_to_screen(window, scale=preferences.values.text_scale)
    window.show()
    return app.exec()
