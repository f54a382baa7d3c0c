"""Starting the desktop app: `run_app` is what `ler-wallet gui` (and plain `ler-wallet`) calls."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from ui import style
from ui.main_window import APP_NAME, MainWindow
from ui.resources import register_fonts

log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with LER Wallet's name, bundled fonts and style (reused if one exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    register_fonts()
    style.apply(app)
    return app


def _show_unexpected(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug in a slot must not kill the app or show a traceback: log it, say one sentence."""
    log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    parent = QApplication.activeWindow()
    QMessageBox.warning(parent, APP_NAME, "Something unexpected went wrong, so that action did not finish. "
                        "If it keeps happening, please report it.")


def run_app(wallet_path: Path | None) -> int:
    """Open the window on `wallet_path` (None: the default wallet if there is one, else the welcome page)."""
    logging.basicConfig(level=logging.WARNING)
    app = make_app()
    sys.excepthook = _show_unexpected
    window = MainWindow(wallet_path)
    window.show()
    return app.exec()
