"""Unlock: the passphrase of a wallet that already exists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.widgets import busy_bar, button, card, centered, field, label, line_edit, message_label, show_message
from wallet.api import N_, Onboarding, _, demo_passphrase

DEMO_NOTE = N_("This is a demo wallet made by ler-wallet demo; its passphrase was printed when it was made.")
DEMO_SHOWN = N_("This is a demo wallet with made-up records. Its passphrase is: {passphrase}")


class UnlockPage(QWidget):
    submitted = Signal(str)
    other_wallet_clicked = Signal()
    forgot_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, layout = card()
        layout.addWidget(label(_("Unlock your wallet"), "title"))
        self.where = label(role="muted", object_name="walletPathLabel")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        self.demo_note = label(_(DEMO_NOTE), "note", object_name="demoNote")
        layout.addWidget(self.demo_note)
        self.passphrase = line_edit("passphraseInput", _("Passphrase"), secret=True)
        layout.addWidget(field(_("&Passphrase"), self.passphrase))
        self.error = message_label("unlockError")
        layout.addWidget(self.error)
        self.busy = busy_bar("unlockBusy")
        self.busy_text = label(_("Unlocking… this takes a moment."), "muted")
        self.busy_text.hide()
        layout.addWidget(self.busy)
        layout.addWidget(self.busy_text)
        self.submit = button(_("Unlock"), "unlockButton", _("Unlock the wallet"), primary=True)
        self.submit.setDefault(True)
        self.submit.setMinimumWidth(140)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit)
        layout.addLayout(row)
        self.forgot = button(_("Forgot your passphrase?"), "forgotButton",
                             _("Forgot your passphrase? Recover the wallet with its recovery code"), "link")
        self.other = button(_("Use a different wallet"), "otherWalletButton",
                            _("Open or create a different wallet"), "link")
        links = QHBoxLayout()
        links.addWidget(self.forgot)
        links.addStretch(1)
        links.addWidget(self.other)
        layout.addSpacing(4)
        layout.addLayout(links)
        centered(self, frame)
        QWidget.setTabOrder(self.passphrase, self.submit)
        QWidget.setTabOrder(self.submit, self.forgot)
        QWidget.setTabOrder(self.forgot, self.other)
        self.passphrase.returnPressed.connect(self._submit)
        self.submit.clicked.connect(self._submit)
        self.forgot.clicked.connect(self.forgot_clicked)
        self.other.clicked.connect(self.other_wallet_clicked)

    def enter(self, flow: Onboarding) -> None:
        self.where.setText(_("Wallet: {place}").format(place=flow.path) if flow.path else "")
        shown = demo_passphrase(flow.path) if flow.is_demo and flow.path else ""
        self.demo_note.setText(_(DEMO_SHOWN).format(passphrase=shown) if shown else _(DEMO_NOTE))

        self.demo_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_note.setVisible(flow.is_demo)
        self.passphrase.clear()
        self.passphrase.setFocus()

    def show_status(self, error: str, busy: bool) -> None:
        show_message(self.error, error)
        self.busy.setVisible(busy)
        self.busy_text.setVisible(busy)
        for widget in (self.passphrase, self.submit, self.forgot, self.other):
            widget.setEnabled(not busy)
        if error and not busy:
            self.passphrase.setFocus()
            self.passphrase.selectAll()  # typing again replaces the wrong one

    def _submit(self) -> None:
        if self.submit.isEnabled():
            self.submitted.emit(self.passphrase.text())

    def leave(self) -> None:
        self.passphrase.clear()
