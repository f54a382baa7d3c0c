"""Welcome: make a new wallet, open one that exists (a folder, perhaps on a USB stick), or recover one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets import button, card, centered, label, message_label, show_message
from wallet.api import Onboarding


class WelcomePage(QWidget):
    create_clicked = Signal()
    open_clicked = Signal()
    recover_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, layout = card()
        layout.addWidget(label("Welcome to LER Wallet", "title"))
        layout.addWidget(label(
            "Keep your learning and work records (badges, certificates, jobs, volunteering) in one "
            "encrypted place on this computer or a USB stick. Nothing is sent anywhere.", "muted"))
        layout.addSpacing(6)
        self.error = message_label("welcomeError")
        layout.addWidget(self.error)
        self.create_button = button("Create a new wallet", "createButton", "Create a new wallet", "choice",
                                    primary=True)
        self.open_button = button("Open a wallet I already have…", "openButton",
                                  "Open a wallet I already have", "choice")
        self.recover_button = button("I forgot my passphrase: use my recovery code", "recoverButton",
                                     "Recover a wallet with the recovery code", "choice")
        choices = QVBoxLayout()
        choices.setSpacing(10)
        for widget in (self.create_button, self.open_button, self.recover_button):
            widget.setAutoDefault(True)  # Enter presses the focused choice
            choices.addWidget(widget)
        layout.addLayout(choices)
        centered(self, frame)
        self.create_button.clicked.connect(self.create_clicked)
        self.open_button.clicked.connect(self.open_clicked)
        self.recover_button.clicked.connect(self.recover_clicked)

    def enter(self, flow: Onboarding) -> None:
        self.create_button.setFocus()

    def show_status(self, error: str, busy: bool) -> None:
        show_message(self.error, error)

    def leave(self) -> None:
        show_message(self.error, "")
