"""Tags and a personal note on any record (issued credentials too: their own bytes are never changed)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QWidget

from ui.dialogs.entry_editor import split_list
from ui.widgets import button, field, footer_row, label, line_edit, modal_layout, name
from wallet.api import Record, _, one_line


class MarksDialog(QDialog):
    """objectName 'marksDialog': tags ('marksTags') and a note ('marksNote'). `submitted(record_id, tags, note)`."""

    submitted = Signal(str, list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "marksDialog", _("Tags and note"), 560, 420)
        self.heading = label("", "heading", object_name="marksHeading")
        layout.addWidget(self.heading)
        layout.addWidget(label(_("Tags and your note are yours alone: they help you find and sort records, and are "
                               "never part of what you share."), "muted"))
        self.tags = line_edit("marksTags", _("Tags"), placeholder=_("Separate tags with commas"))
        layout.addWidget(field(_("&Tags"), self.tags))
        self.note = QPlainTextEdit()
        name(self.note, "marksNote", _("Your note"))
        self.note.setTabChangesFocus(True)
        self.note.setProperty("role", "prose")
        layout.addWidget(field(_("Your &note"), self.note), 1)
        self.cancel = button(_("Cancel"), "marksCancel", _("Cancel"))
        self.save = button(_("Save"), "marksSave", _("Save the tags and note"), primary=True)
        footer_row(layout, self.cancel, self.save)
        self.cancel.clicked.connect(self.reject)
        self.save.clicked.connect(self._save)
        self.record_id = ""

    def start(self, record: Record) -> None:
        self.record_id = record.id
        self.heading.setText(_("Tags and note: {title}").format(title=one_line(record.title)))
        self.tags.setText(", ".join(record.tags))
        self.note.setPlainText(record.note)
        self.open()
        self.tags.setFocus()

    def forget(self) -> None:
        self.reject()
        self.record_id = ""
        self.tags.clear()
        self.note.clear()
        self.heading.clear()

    def _save(self) -> None:
        self.accept()
        self.submitted.emit(self.record_id, split_list(self.tags.text()), self.note.toPlainText())
