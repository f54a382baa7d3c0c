"""Recover: open a wallet with its recovery code and choose a new passphrase."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QWidget

from ui.widgets import (
    busy_bar,
    button,
    card,
    centered,
    field,
    footer_row,
    label,
    line_edit,
    message_label,
    show_message,
)
from wallet.api import Onboarding, _


class RecoverPage(QWidget):
    submitted = Signal(str, str, str, str)  # location, code, passphrase, repeat
    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, layout = card()
        layout.addWidget(label(_("Recover your wallet"), "title"))
        layout.addWidget(label(
            _("Type the recovery code you wrote down when you made the wallet, then choose a new passphrase. "
              "Your records are kept."), "muted"))
        self.location = line_edit("recoverLocationInput", _("Wallet folder"))
        self.browse = button(_("Choose…"), "recoverBrowseButton", _("Choose the wallet folder"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.location, 1)
        row.addWidget(self.browse)
        where = QWidget()
        where.setLayout(row)
        layout.addWidget(field(_("&Wallet folder"), where))
        self.code = line_edit("recoveryCodeInput", _("Recovery code"), placeholder="XXXX-XXXX-XXXX-XXXX-…")
        layout.addWidget(field(_("&Recovery code"), self.code))
        self.first = line_edit("recoverPassphraseInput", _("New passphrase"), secret=True)
        self.second = line_edit("recoverRepeatInput", _("Type the new passphrase again"), secret=True)
        layout.addWidget(field(_("&New passphrase"), self.first))
        layout.addWidget(field(_("Type it &again"), self.second))
        self.error = message_label("recoverError")
        layout.addWidget(self.error)
        self.busy = busy_bar("recoverBusy")
        layout.addWidget(self.busy)
        self.back = button(_("Back"), "recoverBackButton", _("Back to where you came from"))
        self.submit = button(_("Recover wallet"), "recoverSubmitButton", _("Recover the wallet"), primary=True)
        footer_row(layout, self.back, self.submit)
        centered(self, frame)
        order = (self.location, self.browse, self.code, self.first, self.second, self.submit, self.back)
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)
        for edit in (self.location, self.code, self.first, self.second):
            edit.returnPressed.connect(self._submit)
        self.submit.clicked.connect(self._submit)
        self.back.clicked.connect(self.back_clicked)
        self.browse.clicked.connect(self._browse)

    def enter(self, flow: Onboarding) -> None:
        self.location.setText(str(flow.path or ""))
        self.leave()
        (self.code if flow.path else self.location).setFocus()

    def leave(self) -> None:
        for edit in (self.code, self.first, self.second):
            edit.clear()

    def show_status(self, error: str, busy: bool) -> None:
        show_message(self.error, error)
        self.busy.setVisible(busy)
        for widget in (self.location, self.browse, self.code, self.first, self.second, self.submit, self.back):
            widget.setEnabled(not busy)

    def _submit(self) -> None:
        if self.submit.isEnabled():
            self.submitted.emit(self.location.text(), self.code.text(), self.first.text(), self.second.text())

    def _browse(self) -> None:
        start = self.location.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, _("Choose your wallet folder"), start)

        if chosen:
            self.location.setText(chosen)
