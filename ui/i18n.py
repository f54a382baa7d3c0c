"""The app's language on the Qt side: our own strings come from wallet.i18n (gettext); Qt's own words (the
buttons of standard dialogs, the file dialog, text-field menus) come from the translations PySide6 ships
(qtbase_<lang>.qm), and QLocale's default follows the choice so dates and numbers Qt formats do too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from wallet.api import current_language, language_for, set_language

_installed: list[QTranslator] = []


def chosen_language(setting: str) -> str:
    """The language code for the settings value ('system', 'en' or 'es'): 'system' reads the system locale."""
    if setting in ("en", "es"):
        return setting
    return language_for(QLocale.system().name())


def apply_language(setting: str) -> str:
    """Use the language the setting names for our strings, Qt's own and QLocale's; returns its code. Call before
    building widgets: a widget keeps the words it was made with."""
    code = set_language(chosen_language(setting))
    QLocale.setDefault(QLocale("es" if code == "es" else "en_GB"))
    app = QCoreApplication.instance()
    if app is None:
        return code
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != "en":
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        translator = QTranslator(app)
        if translator.load(f"qtbase_{code}", str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
    return code


__all__ = ["apply_language", "chosen_language", "current_language"]
