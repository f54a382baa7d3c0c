"""Settings: how long before the wallet locks itself, how the app looks (theme, text size), its language, the
paper size for printing, and whether the app remembers recent wallets. Trusted issuers and Your profile (the name and
contact lines on résumés) belong to the wallet, so they open their own dialogs from here.

The app-wide choices are saved in our one settings file (wallet.app_settings), never in Qt's.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from ui.widgets import button, footer_row, label, message_label, modal_layout, name, section, show_message
from wallet.api import (
    LANGUAGE_CHOICES,
    LANGUAGE_NAMES,
    LOCK_MINUTES,
    N_,
    PAPER_SIZES,
    TEXT_SCALES,
    THEMES,
    AppSettings,
    _,
    ngettext,
)

THEME_NAMES = {"light": N_("Light"), "dark": N_("Dark"), "high contrast": N_("High contrast")}
PAPER_NAMES = {"A4": "A4", "Letter": N_("Letter")}
SCALE_NAMES = {1.0: N_("Normal"), 1.25: N_("Large (125%)"), 1.5: N_("Larger (150%)"), 2.0: N_("Largest (200%)")}


def minutes_text(minutes: int) -> str:
    if minutes >= 60:
        return ngettext("{n} hour", "{n} hours", minutes // 60).format(n=minutes // 60)
    return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)


def language_text(choice: str) -> str:
    """'System language' in the language in use; each language by its own name ('English', 'Español')."""
    return _("System language") if choice == "system" else LANGUAGE_NAMES.get(choice, choice)


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
    """objectName 'settingsDialog': 'lockMinutes', 'themeChoice', 'textSize', 'settingsLanguage', 'paperSize',
    'rememberRecent', 'openTrustedIssuers', 'openHolderProfile', 'settingsError', 'settingsCancel', 'settingsSave'.

    `saved(AppSettings)` when Save is pressed; the window applies and stores them."""

    saved = Signal(object)
    trusted_requested = Signal()
    profile_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = AppSettings()
        outer = modal_layout(self, "settingsDialog", _("Settings"), 660, 540)
        outer.addWidget(label(_("Settings"), "heading"))
        body = QWidget()
        body.setObjectName("settingsBody")
        layout = QVBoxLayout(body)  # scrolls when large text or a longer language needs more room than there is
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.lock_minutes = _combo("lockMinutes", _("Lock the wallet after"),
                                   [(minutes_text(m), m) for m in LOCK_MINUTES])
        self.theme = _combo("themeChoice", _("Colours"), [(_(THEME_NAMES[t]), t) for t in THEMES])
        self.text_size = _combo("textSize", _("Text size"), [(_(SCALE_NAMES[s]), s) for s in TEXT_SCALES])
        self.language = _combo("settingsLanguage", _("Language"), [(language_text(c), c) for c in LANGUAGE_CHOICES])
        self.language.setAccessibleDescription(_("The language of the app's words. System language follows this "
                                                 "computer's setting."))
        self.paper = _combo("paperSize", _("Paper size for printing"),
                            [(_(PAPER_NAMES.get(p, p)), p) for p in PAPER_SIZES])
        rows = ((_("&Lock the wallet after this long without use"), self.lock_minutes), (_("&Colours"), self.theme),
                (_("&Text size"), self.text_size), (_("Lan&guage"), self.language),
                (_("&Paper size for printing"), self.paper))
        for row, (caption, widget) in enumerate(rows):
            caption_label = label(caption)
            caption_label.setBuddy(widget)
            grid.addWidget(caption_label, row, 0)
            grid.addWidget(widget, row, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid)
        self.remember = QCheckBox(_("Remember the wallets I open"))
        name(self.remember, "rememberRecent", _("Remember recent wallets"),
             _("Turning this off forgets the list at once."))
        layout.addWidget(self.remember)
        layout.addWidget(label(_("They are listed under Wallet ▸ Open recent. The lock time, look, language and list "
                                 "are kept for this computer in the app's settings file."), "muted"))
        layout.addWidget(section(_("This wallet")))
        self.trusted = button(_("Trusted issuers…"), "openTrustedIssuers", _("Open the list of issuers you trust"))
        self.profile = button(_("Your name and contact lines…"), "openHolderProfile",
                              _("Your name and contact lines, used on résumés"))
        layout.addWidget(self.trusted)
        layout.addWidget(self.profile)
        self.error = message_label("settingsError")
        layout.addWidget(self.error)
        layout.addStretch(1)
        scroll = QScrollArea()
        name(scroll, "settingsScroll", _("Settings"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls; the area follows the focus
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.cancel = button(_("Cancel"), "settingsCancel", _("Close without changing the settings"))
        self.save = button(_("Save"), "settingsSave", _("Save the settings"), primary=True)
        footer_row(outer, self.cancel, self.save)
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
        _choose(self.language, values.language)
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
                         language=str(self.language.currentData()), paper=str(self.paper.currentData()))
        return values.remembering(self.remember.isChecked())

    def _save(self) -> None:
        self.saved.emit(self.chosen())
        if not self.error.isVisible():
            self.accept()

    def finish(self) -> None:
        self.reject()
