"""The dialogs in Spanish, and the language choice in Settings: offered, named for screen readers, in the tab
order, and saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF
from tests.ui.helpers import click, find
from ui import style
from ui.dialogs.about import AboutDialog
from ui.dialogs.backup import BackupDialog
from ui.dialogs.entry_editor import EntryEditor
from ui.dialogs.holder_profile import changed_sentence
from ui.dialogs.import_dialogs import PasteDialog, summary
from ui.dialogs.passphrase import PassphraseDialog
from ui.dialogs.restore import RestoreDialog, size_text
from ui.dialogs.settings import SettingsDialog, minutes_text
from ui.dialogs.trusted_issuers import TrustedIssuersDialog
from ui.dialogs.view_dialogs import DeleteViewDialog
from ui.i18n import apply_language
from ui.main_window import MainWindow
from ui.settings import Preferences
from ui.worker import Jobs
from wallet.api import ImportOutcome, load_settings

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def _tab_order(dialog: QWidget) -> list[str]:
    """The object names of the controls Tab reaches, in the order it reaches them."""
    names: list[str] = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog and widget is not None:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisibleTo(dialog) and widget.objectName():
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    return names


def test_dialogs_built_in_spanish_show_spanish_words(qtbot: QtBot, spanish: None) -> None:
    """Dialogs made while Spanish is chosen show Spanish titles, buttons, captions and messages."""
    jobs = Jobs()
    settings = SettingsDialog()
    backup = BackupDialog(jobs)
    passphrase = PassphraseDialog(jobs)
    restore = RestoreDialog(lambda: None)
    editor = EntryEditor()
    paste = PasteDialog()
    trusted = TrustedIssuersDialog()
    delete = DeleteViewDialog()
    about = AboutDialog()
    for dialog in (settings, backup, passphrase, restore, editor, paste, trusted, delete, about):
        qtbot.addWidget(dialog)
    assert settings.windowTitle() == "Configuración"
    assert find(settings, QPushButton, "settingsSave").text() == "Guardar"
    assert find(settings, QPushButton, "openTrustedIssuers").text() == "Emisores de confianza…"
    language = find(settings, QComboBox, "settingsLanguage")
    assert [language.itemText(i) for i in range(language.count())] == ["Idioma del sistema", "English", "Español"]
    assert find(settings, QComboBox, "lockMinutes").itemText(0).endswith(("minuto", "minutos"))
    assert find(backup, QPushButton, "backupSubmit").text() == "Hacer copia"
    assert backup.windowTitle() == "Copia de seguridad de su billetera"
    assert find(passphrase, QPushButton, "passphraseCancel").text() == "Cancelar"
    assert find(restore, QPushButton, "restoreSubmit").text() == "Restaurar"
    assert editor.heading.text() == "Agregar experiencia"
    assert find(paste, QPushButton, "pasteImportButton").text() == "Importar"
    assert trusted.windowTitle() == "Emisores de confianza"
    delete.start("view-1", "Cocina")
    assert find(delete, QLabel, "deleteViewQuestion").text() == "¿Eliminar la vista “Cocina”?"
    assert find(about, QLabel, "aboutVersion").text().startswith("Versión ")
    assert size_text(1_500_000) == "1,5 MB"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen: the window rebuilt
def test_settings_offers_and_saves_the_language(qtbot: QtBot, demo_wallet: Path, tmp_path: Path) -> None:
    """Settings has a named Language choice between Text size and Paper size in the tab order; choosing
    Español and saving stores "es" in the settings file, and "system" goes back the same way."""
    settings_file = tmp_path / "settings.json"
    window = MainWindow(demo_wallet, kdf=FAST_KDF, preferences=Preferences(settings_file))
    qtbot.addWidget(window)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        find(window, QAction, "settingsAction").trigger()
        dialog = find(window, SettingsDialog, "settingsDialog")
        box = find(dialog, QComboBox, "settingsLanguage")
        assert box.accessibleName() == "Language" and box.accessibleDescription()
        assert box.currentData() == "system"
        order = _tab_order(dialog)
        at = order.index("settingsLanguage")
        assert order[at - 1:at + 2] == ["textSize", "settingsLanguage", "paperSize"]
        box.setCurrentIndex(box.findData("es"))
        click(qtbot, find(dialog, QPushButton, "settingsSave"))
        assert load_settings(settings_file).language == "es"

        find(window, QAction, "settingsAction").trigger()
        dialog = find(window, SettingsDialog, "settingsDialog")
        box = find(dialog, QComboBox, "settingsLanguage")
        assert box.currentData() == "es"
        box.setCurrentIndex(box.findData("system"))
        click(qtbot, find(dialog, QPushButton, "settingsSave"))
        assert load_settings(settings_file).language == "system"
    finally:
        apply_language("en")
        style.apply(app)
        window.close()


def test_counts_and_sentences_follow_the_language(spanish: None) -> None:
    """Counted words take the singular or plural of the language in use; whole sentences, not glued words."""
    outcomes = [ImportOutcome("a.json", "imported", "ok"), ImportOutcome("b.json", "imported", "ok"),
                ImportOutcome("c.json", "failed", "That file is not a credential.")]
    assert summary(outcomes) == "2 importados, 1 no importado."
    assert changed_sentence(1, True) == "1 credencial de su billetera ahora se muestra como suya."
    assert changed_sentence(3, False) == "3 credenciales de su billetera ya no se muestran como suyas."
    assert [minutes_text(1), minutes_text(15), minutes_text(60)] == ["1 minuto", "15 minutos", "1 hora"]
    apply_language("en")
    assert summary(outcomes) == "2 imported, 1 not imported."
    assert changed_sentence(1, True) == "1 credential in your wallet is now shown as yours."
    assert [minutes_text(1), minutes_text(15), minutes_text(60)] == ["1 minute", "15 minutes", "1 hour"]
