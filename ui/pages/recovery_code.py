"""The new wallet's recovery code, shown once, to be written on paper before going on.

Beside it: save or print the recovery kit (the code, what it is for, where the wallet lives), for people who
would rather keep a printed page than copy the code by hand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from ui.dialogs.recovery_kit import ask_and_save, print_kit
from ui.widgets import button, card, centered, label, message_label, name, show_message
from wallet.api import N_, Onboarding, _

KEEP_IT_YOURSELF = N_("Keep the paper or the printed kit yourself. Do not give it to anyone else, not even someone "
                      "helping you: anyone with the code can open your wallet.")
"""Said to everyone, and needed most at a library kiosk: the client keeps the kit, not the navigator."""


def two_lines(code: str) -> str:
    """'AAAA-BBBB-…' (8 groups) as two lines of four groups, easier to copy by hand."""
    groups = code.split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "\n" + "-".join(groups[half:])


class RecoveryCodePage(QWidget):
    continue_clicked = Signal(bool)  # whether "I have written it down" is ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, layout = card()
        layout.addWidget(label(_("Write down your recovery code"), "title"))
        layout.addWidget(label(
            _("If you ever forget your passphrase, this code is the only way back into your wallet. "
              "It is shown only this once."), "muted"))
        self.code = label(role="code", wrap=False, object_name="recoveryCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(_("Recovery code"))
        self.code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so a screen reader can reach and read it
        layout.addWidget(self.code)
        layout.addWidget(label(
            _("Write it on paper with a pen and keep the paper somewhere safe, away from this computer. "
              "Do not photograph it or save it in a file here."), "note"))
        self.keep_note = label(_(KEEP_IT_YOURSELF), "note", object_name="recoveryKeepNote")
        layout.addWidget(self.keep_note)
        self.save_kit = button(_("Save recovery kit (PDF)…"), "saveKitButton",
                               _("Save a one-page recovery kit as a PDF, to print"))
        self.print_kit = button(_("Print recovery kit…"), "printKitButton", _("Print a one-page recovery kit"))
        kit_row = QHBoxLayout()
        kit_row.addWidget(self.print_kit)
        kit_row.addWidget(self.save_kit)
        kit_row.addStretch(1)
        layout.addLayout(kit_row)
        self.kit_message = message_label("kitMessage", "note")
        layout.addWidget(self.kit_message)
        self.wallet_path: Path | None = None
        self.paper = "A4"
        self.holder = ""
        self._code = ""
        self.confirm = QCheckBox(_("I have written down my recovery code"))
        name(self.confirm, "recoveryConfirm", _("I have written down my recovery code"))
        layout.addWidget(self.confirm)
        self.error = message_label("recoveryError")
        layout.addWidget(self.error)
        self.submit = button(_("Continue to my wallet"), "continueButton", _("Continue to my wallet"), primary=True)

        self.submit.setDefault(True)
        self.submit.setAutoDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit)
        layout.addLayout(row)
        centered(self, frame, width=600)
        QWidget.setTabOrder(self.code, self.print_kit)
        QWidget.setTabOrder(self.print_kit, self.save_kit)
        QWidget.setTabOrder(self.save_kit, self.confirm)
        QWidget.setTabOrder(self.confirm, self.submit)
        self.save_kit.clicked.connect(self._save_kit)
        self.print_kit.clicked.connect(self._print_kit)
        self.submit.clicked.connect(lambda: self.continue_clicked.emit(self.confirm.isChecked()))

    def enter(self, flow: Onboarding) -> None:
        self.wallet_path = flow.path
        self.show_code(flow.recovery_code or "")

    def show_code(self, code: str) -> None:
        """Show `code` (a new wallet's, or a replacement's) and ask again for the tick."""
        self._code = code
        show_message(self.kit_message, "")
        self.code.setText(two_lines(code))
        # Read one character at a time, a pause between groups.
        self.code.setAccessibleDescription(", ".join(" ".join(group) for group in code.split("-")))
        self.confirm.setChecked(False)
        self.confirm.setFocus()

    def show_status(self, error: str, busy: bool) -> None:
        show_message(self.error, error)

    def _save_kit(self) -> None:
        if self._code and self.wallet_path is not None:
            said = ask_and_save(self, self._code, self.wallet_path, holder=self.holder, paper=self.paper)
            if said:
                show_message(self.kit_message, said)

    def _print_kit(self) -> None:
        if self._code and self.wallet_path is not None:
            said = print_kit(self, self._code, self.wallet_path, holder=self.holder, paper=self.paper)
            if said:
                show_message(self.kit_message, said)

    def leave(self) -> None:
        self._code = ""
        show_message(self.kit_message, "")
        self.code.clear()
        self.code.setAccessibleDescription("")
