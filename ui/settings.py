"""The app's settings on the Qt side: load them once, apply the look, save changes, and keep Qt's own
settings file from being written.

Qt's file dialogs save their history (the last folders used, in plain text) in `~/.config/QtProject.conf`
whenever one closes. The wallet promises that nothing readable is written outside it, so `keep_qt_quiet`
points Qt's user-scope settings at the null device before any dialog exists: Qt's dialog state is kept
nowhere, and the only file the app writes outside a wallet is our own settings file (wallet.app_settings).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication

from ui import style
from ui.i18n import apply_language
from wallet.api import AppSettings, WalletError, _, load_settings, save_settings


def keep_qt_quiet() -> None:
    """Qt writes no settings file of its own (file-dialog history and the like): they go to the null device."""
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, os.devnull)


class Preferences(QObject):
    """The settings in force; `changed` after `update`. `path` None: the usual settings file."""

    changed = Signal()
    language_changed = Signal(str)
    """The language setting changed ('system', 'en' or 'es'): the app's language is already switched (the
    window builds its words again)."""

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self.values = load_settings(path)

    def apply_look(self, app: QApplication) -> None:
        style.apply(app, self.values.theme, self.values.text_scale)

    def update(self, values: AppSettings) -> str:
        """Use `values` from now on and save them; returns '' or the sentence saying why they were not saved."""
        look_changed = (values.theme, values.text_scale) != (self.values.theme, self.values.text_scale)
        language_changed = values.language != self.values.language
        self.values = values
        app = QApplication.instance()
        if look_changed and isinstance(app, QApplication):
            self.apply_look(app)
        if language_changed:
            apply_language(values.language)
        self.changed.emit()
        if language_changed:
            self.language_changed.emit(values.language)
        try:
            save_settings(values, self._path)
        except WalletError as exc:
            return _("The settings are used now but could not be saved: {reason}").format(reason=exc)
        return ""


__all__ = ["Preferences", "keep_qt_quiet"]
