"""Welcome: make a new wallet, open one that exists (a folder, perhaps on a USB stick), recover one, or try the
demo wallet in one click. Wallets opened before are listed (unless that list is turned off in Settings)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.widgets import button, card, centered, label, message_label, section, show_message
from wallet.api import Onboarding, _

MAX_SHOWN = 4


class WelcomePage(QWidget):
    create_clicked = Signal()
    open_clicked = Signal()
    recover_clicked = Signal()
    demo_clicked = Signal()
    recent_clicked = Signal(str)
    settings_clicked = Signal()
    check_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, layout = card()
        layout.addWidget(label(_("Welcome to LER Wallet"), "title"))
        layout.addWidget(label(
            _("Keep your learning and work records (badges, certificates, jobs, volunteering) in one "
              "encrypted place on this computer or a USB stick. Nothing is sent anywhere."), "muted"))
        layout.addSpacing(6)
        self.error = message_label("welcomeError")
        layout.addWidget(self.error)
        self.create_button = button(_("Create a new wallet"), "createButton", _("Create a new wallet"), "choice",
                                    primary=True)
        self.open_button = button(_("Open a wallet I already have…"), "openButton",
                                  _("Open a wallet I already have"), "choice")
        self.recover_button = button(_("I forgot my passphrase: use my recovery code"), "recoverButton",
                                     _("Recover a wallet with the recovery code"), "choice")
        self.demo_button = button(_("Try the demo wallet (made-up records)"), "demoButton",
                                  _("Open a demo wallet with a made-up learner's records"), "choice")
        self.demo_button.setAccessibleDescription(_("Made the first time, in your wallets folder; its passphrase "
                                                    "is shown on its unlock page."))
        choices = QVBoxLayout()
        choices.setSpacing(10)
        for widget in (self.create_button, self.open_button, self.recover_button, self.demo_button):
            widget.setAutoDefault(True)  # Enter presses the focused choice
            choices.addWidget(widget)
        layout.addLayout(choices)
        self.recent_heading = section(_("Open again"), "recentHeading")
        layout.addWidget(self.recent_heading)
        self.recent_box = QVBoxLayout()
        self.recent_box.setSpacing(2)
        layout.addLayout(self.recent_box)
        self.recent_buttons: list[QWidget] = []
        self.settings_button = button(_("Settings…"), "welcomeSettingsButton",
                                      _("Settings: lock time, look, text size"), "link")
        self.check_button = button(_("Check a shared record…"), "welcomeCheckButton",
                                   _("Check a shared record someone sent you (no wallet needed)"), "link")
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        row.addWidget(self.settings_button)
        layout.addLayout(row)
        centered(self, frame)
        self.create_button.clicked.connect(self.create_clicked)
        self.open_button.clicked.connect(self.open_clicked)
        self.recover_button.clicked.connect(self.recover_clicked)
        self.demo_button.clicked.connect(self.demo_clicked)
        self.settings_button.clicked.connect(self.settings_clicked)
        self.check_button.clicked.connect(self.check_clicked)
        self.set_recent([])

    def set_recent(self, paths: list[str]) -> None:
        """The wallets opened before, newest first (an empty list hides the section)."""
        for old in self.recent_buttons:
            self.recent_box.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.recent_buttons = []
        for index, path in enumerate(paths[:MAX_SHOWN]):
            link = button(path, f"recentWalletButton{index}", _("Open the wallet at {place}").format(place=path),
                          "link")

            link.setStyleSheet("text-align: left;")
            link.clicked.connect(lambda _c=False, p=path: self.recent_clicked.emit(p))
            self.recent_box.addWidget(link)
            self.recent_buttons.append(link)
        self.recent_heading.setVisible(bool(self.recent_buttons))

    def enter(self, flow: Onboarding) -> None:
        self.create_button.setFocus()

    def show_status(self, error: str, busy: bool) -> None:
        show_message(self.error, error)
        for widget in (self.create_button, self.open_button, self.recover_button, self.demo_button):
            widget.setEnabled(not busy)

    def leave(self) -> None:
        show_message(self.error, "")
