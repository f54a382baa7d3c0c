"""Create: where the wallet folder goes, and a passphrase typed twice."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QWidget

from ui.places import existing_parent, start_place
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
from wallet.api import MIN_PASSPHRASE, Onboarding, _, free_location


class CreatePage(QWidget):
    submitted = Signal(str, str, str)  # location, passphrase, repeat
    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, layout = card()
        layout.addWidget(label(_("Create a new wallet"), "title"))
        layout.addWidget(label(
            _("Your wallet is one folder. Keep it on this computer, or on a USB stick to carry it with you."),
            "muted"))
        self.location = line_edit("locationInput", _("Wallet folder"))
        self.browse = button(_("Choose…"), "browseButton", _("Choose a folder for the wallet"))
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.location, 1)
        row.addWidget(self.browse)
        where = QWidget()
        where.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field(_("&Wallet folder"), where))
        self.location.setAccessibleDescription(_("Where the new wallet folder will be made."))
        self.picker_note = label("", "muted", object_name="pickerNote")
        layout.addWidget(self.picker_note)
        self._suggested = ""
        self.first = line_edit("newPassphraseInput", _("New passphrase"), secret=True)
        self.second = line_edit("repeatPassphraseInput", _("Type the passphrase again"), secret=True)
        layout.addWidget(field(_("&Passphrase"), self.first))
        layout.addWidget(label(
            _("At least {n} characters. A few words you will remember work well, "
              "like “purple kettle morning walk”.").format(n=MIN_PASSPHRASE), "muted"))
        layout.addWidget(field(_("Type it &again"), self.second))
        self.error = message_label("createError")
        layout.addWidget(self.error)
        self.busy = busy_bar("createBusy")
        self.busy_text = label(_("Making your wallet and locking it with your passphrase…"), "muted")
        self.busy_text.hide()
        layout.addWidget(self.busy)
        layout.addWidget(self.busy_text)
        self.back = button(_("Back"), "createBackButton", _("Back to the start"))
        self.submit = button(_("Create wallet"), "createWalletButton", _("Create the wallet"), primary=True)
        footer_row(layout, self.back, self.submit)
        centered(self, frame)
        for before, after in pairwise((self.location, self.browse, self.first, self.second, self.submit, self.back)):
            QWidget.setTabOrder(before, after)
        for edit in (self.location, self.first, self.second):
            edit.returnPressed.connect(self._submit)
        self.submit.clicked.connect(self._submit)
        self.back.clicked.connect(self.back_clicked)
        self.browse.clicked.connect(self._browse)

    def enter(self, flow: Onboarding) -> None:
        self.location.setText(str(flow.suggested_path or ""))
        self._suggested = str(flow.suggested_path or "")
        self.picker_note.setText(start_place(button=self.browse.text().replace("&", ""))[1])
        self.first.clear()
        self.second.clear()
        self.first.setFocus()

    def show_status(self, error: str, busy: bool) -> None:
        show_message(self.error, error)
        self.busy.setVisible(busy)
        self.busy_text.setVisible(busy)
        for widget in (self.location, self.browse, self.first, self.second, self.submit, self.back):
            widget.setEnabled(not busy)
        if error and not busy:
            self.first.setFocus()
            self.first.selectAll()

    def _submit(self) -> None:
        if self.submit.isEnabled():
            self.submitted.emit(self.location.text(), self.first.text(), self.second.text())

    def picker_start(self) -> Path:
        """Where Choose… opens: the folder typed by the person if it exists, else a removable drive or home."""
        typed = self.location.text().strip()
        if typed and typed != self._suggested:
            near = existing_parent(Path(typed).expanduser().parent)
            if near is not None and near != Path(near.anchor):
                return near
        return start_place()[0]

    def _browse(self) -> None:
        start = self.picker_start()
        chosen = QFileDialog.getExistingDirectory(
            self, _("Choose a folder for your wallet (opens in {place})").format(place=start), str(start))

        if chosen:
            self.location.setText(str(free_location(Path(chosen))))

    def leave(self) -> None:
        self.first.clear()
        self.second.clear()
