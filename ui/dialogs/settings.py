"""Settings: how long before the wallet locks itself, how the app looks (theme, text size), the paper size
for printing, and whether the app remembers recent wallets. Trusted issuers and Your profile (the name and
contact lines on résumés) belong to the wallet, so they open their own dialogs from here.

The app-wide choices are saved in our one settings file (wallet.app_settings), never in Qt's.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QGridLayout, QWidget

from ui.widgets import button, footer_row, label, message_label, modal_layout, name, section, show_message
from wallet.api import LOCK_MINUTES, PAPER_SIZES, TEXT_SCALES, THEMES, AppSettings

THEME_NAMES = {"light": "Light", "dark": "Dark", "high contrast": "High contrast"}
SCALE_NAMES = {1.0: "Normal", 1.25: "Large (125%)", 1.5: "Larger (150%)", 2.0: "Largest (200%)"}


def minutes_text(minutes: int) -> str:
    return "1 minute" if minutes == 1 else f"{minutes} minutes" if minutes < 60 else "1 hour"


def _combo(object_name: str, accessible: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    name(box, object_name, accessible)
    for text, value in items:
        box.addItem(text, value)
    name(box.view(), f"{object_name}Choices", accessible)
    return box


def _choose(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


class SettingsDialog(QDialog):
    """objectName 'settingsDialog': 'lockMinutes', 'themeChoice', 'textSize', 'paperSize', 'rememberRecent',
    'openTrustedIssuers', 'openHolderProfile', 'settingsError', 'settingsCancel', 'settingsSave'.

    `saved(AppSettings)` when Save is pressed; the window applies and stores them."""

    saved = Signal(object)
    trusted_requested = Signal()
    profile_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = AppSettings()
        layout = modal_layout(self, "settingsDialog", "Settings", 640, 500)
        layout.addWidget(label("Settings", "heading"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.lock_minutes = _combo("lockMinutes", "Lock the wallet after",
                                   [(minutes_text(m), m) for m in LOCK_MINUTES])
        self.theme = _combo("themeChoice", "Colours", [(THEME_NAMES[t], t) for t in THEMES])
        self.text_size = _combo("textSize", "Text size", [(SCALE_NAMES[s], s) for s in TEXT_SCALES])
        self.paper = _combo("paperSize", "Paper size for printing", [(p, p) for p in PAPER_SIZES])
        rows = (("&Lock the wallet after this long without use", self.lock_minutes),
                ("&Colours", self.theme), ("&Text size", self.text_size), ("&Paper size for printing", self.paper))
        for row, (caption, widget) in enumerate(rows):
            caption_label = label(caption, wrap=False)
            caption_label.setBuddy(widget)
            grid.addWidget(caption_label, row, 0)
            grid.addWidget(widget, row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.remember = QCheckBox("Remember the wallets I open (the list under Wallet ▸ Open recent)")
        name(self.remember, "rememberRecent", "Remember recent wallets",
             "Turning this off forgets the list at once.")
        layout.addWidget(self.remember)
        layout.addWidget(label("The lock time, look and list are kept for this computer in the app's settings file.",
                               "muted"))
        layout.addWidget(section("This wallet"))
        self.trusted = button("Trusted issuers…", "openTrustedIssuers", "Open the list of issuers you trust")
        self.profile = button("Your name and contact lines…", "openHolderProfile",
                              "Your name and contact lines, used on résumés")
        layout.addWidget(self.trusted)
        layout.addWidget(self.profile)
        self.error = message_label("settingsError")
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.cancel = button("Cancel", "settingsCancel", "Close without changing the settings")
        self.save = button("Save", "settingsSave", "Save the settings", primary=True)
        footer_row(layout, self.cancel, self.save)
        self.cancel.clicked.connect(self.reject)
        self.save.clicked.connect(self._save)
        self.trusted.clicked.connect(self.trusted_requested)
        self.profile.clicked.connect(self.profile_requested)

    def start(self, values: AppSettings, *, unlocked: bool) -> None:
        """Show `values`; the wallet's own settings are offered only while a wallet is unlocked."""
        self._values = values
        _choose(self.lock_minutes, values.lock_minutes)
        _choose(self.theme, values.theme)
        _choose(self.text_size, values.text_scale)
        _choose(self.paper, values.paper)
        self.remember.setChecked(values.remember_recent)
        self.trusted.setEnabled(unlocked)
        self.profile.setEnabled(unlocked)
        show_message(self.error, "")
        self.open()
        self.lock_minutes.setFocus()

    def show_error(self, text: str) -> None:
        show_message(self.error, text)

    def chosen(self) -> AppSettings:
        values = replace(self._values, lock_minutes=int(self.lock_minutes.currentData()),
                         theme=str(self.theme.currentData()), text_scale=float(self.text_size.currentData()),
                         paper=str(self.paper.currentData()))
        return values.remembering(self.remember.isChecked())

    def _save(self) -> None:
        self.saved.emit(self.chosen())
        if not self.error.isVisible():
            self.accept()

    def finish(self) -> None:
        self.reject()
