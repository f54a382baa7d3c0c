"""Small dialogs for saved views: naming a new view, and making sure before one is deleted."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from ui.widgets import button, field, footer_row, label, line_edit, message_label, modal_layout, show_message
from wallet.api import _


class NewViewDialog(QDialog):
    """objectName 'newViewDialog': the name of a view made from the matched posting. `named(name)`."""

    named = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "newViewDialog", _("Make a view"), 520, 300)
        layout.addWidget(label(_("Make a view for this posting"), "heading"))
        layout.addWidget(label(_("The wallet picks the records and skills that fit the posting and writes a first "
                               "statement. You can change all of it before you share it."), "muted"))
        self.name_input = line_edit("newViewName", _("Name of the view"))
        layout.addWidget(field(_("&Name of the view"), self.name_input))
        self.error = message_label("newViewError")
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.cancel = button(_("Cancel"), "newViewCancel", _("Cancel"))
        self.confirm = button(_("Make the view"), "newViewConfirm", _("Make the view"), primary=True)
        footer_row(layout, self.cancel, self.confirm)
        self.cancel.clicked.connect(self.reject)
        self.confirm.clicked.connect(self._confirm)
        self.name_input.returnPressed.connect(self._confirm)

    def start(self, suggested: str) -> None:
        self.name_input.setText(suggested)
        self.name_input.selectAll()
        show_message(self.error, "")
        self.open()
        self.name_input.setFocus()

    def _confirm(self) -> None:
        text = self.name_input.text().strip()
        if not text:
            show_message(self.error, _("Give the view a name, such as the job it is for."))
            return
        self.named.emit(text)
        self.accept()


class DeleteViewDialog(QDialog):
    """objectName 'deleteViewDialog': "Delete the view …? Your records stay in the wallet." `confirmed(view_id)`."""

    confirmed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "deleteViewDialog", _("Delete view"), 480, 240)
        self.question = label(role="subheading", object_name="deleteViewQuestion")
        layout.addWidget(self.question)
        layout.addWidget(label(_("Only the view goes; your records and skills stay in the wallet."), "muted"))
        layout.addStretch(1)
        self.keep = button(_("Keep it"), "keepViewButton", _("Keep the view"))
        self.delete = button(_("Delete"), "confirmDeleteViewButton", _("Delete the view"), primary=True)
        footer_row(layout, self.keep, self.delete, default=self.keep)
        self.keep.clicked.connect(self.reject)
        self.delete.clicked.connect(self._confirm)
        self._view_id = ""

    def start(self, view_id: str, view_name: str) -> None:
        self._view_id = view_id
        self.question.setText(_("Delete the view “{name}”?").format(name=view_name))
        self.setAccessibleDescription(_("Delete the view “{name}”? Your records stay in the wallet.").format(
            name=view_name))
        self.open()
        self.keep.setFocus()

    def _confirm(self) -> None:
        self.confirmed.emit(self._view_id)
        self.accept()
