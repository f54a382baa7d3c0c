"""Adding or editing one of the learner's own experiences: kind, title, organisation, dates, description, skills
(suggested from the text as they type, in the taxonomy's words), tags and, for a new entry, evidence files.

Suggestions come from `suggest_skills`, which loads the taxonomy once (seconds): it runs on a thread of its own,
a short pause after the last keystroke, and only the answer for the latest text is shown. It touches no wallet,
so it never waits behind, or holds up, wallet work.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.chips import WrappingFlow, chip_key
from ui.widgets import button, field, footer_row, label, line_edit, message_label, modal_layout, name, show_message
from wallet.api import (
    ENTRY_KIND_LABELS,
    EntryInput,
    EntryKind,
    Record,
    WalletError,
    _,
    entry_fields,
    start_recogniser_warm_up,
    suggest_skills,
)

log = logging.getLogger(__name__)
SUGGEST_DELAY_MS = 350
"""The pause after the last keystroke before skills are suggested (typing is never held up)."""


def split_list(text: str) -> list[str]:
    """'Excel, customer service,, ' → ['Excel', 'customer service']."""
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files (not folders) in a drag."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


class EntryEditor(QDialog):
    """objectName 'entryEditor'. `submitted(record_id or '', EntryInput, [evidence paths])` when saved."""

    submitted = Signal(str, object, list)
    _found = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = modal_layout(self, "entryEditor", _("Your experience"), 720, 640, spacing=8)
        self.heading = label(_("Add your experience"), "heading", object_name="entryHeading")
        outer.addWidget(self.heading)
        outer.addWidget(label(_("Describe it in your own words: it is marked as self-asserted wherever it is shown. "
                              "Dates look like 2021-03 or 2021-03-15; leave the end empty if it goes on."), "muted"))
        form = QWidget()
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        self.kind = QComboBox()
        name(self.kind, "entryKind", _("Kind of experience"))
        name(self.kind.view(), "entryKindChoices", _("Kinds of experience"))
        for kind, text in ENTRY_KIND_LABELS.items():
            self.kind.addItem(_(text), kind.value)
        self.title = line_edit("entryTitle", _("Title"), placeholder=_("e.g. Shift lead, Food bank volunteer"))
        self.organisation = line_edit("entryOrganisation", _("Organisation"), placeholder=_("Where, or for whom"))
        self.start = line_edit("entryStart", _("Start date"), placeholder="2021-03")
        self.end = line_edit("entryEnd", _("End date"), placeholder=_("empty if it goes on"))
        self.description = QPlainTextEdit()
        name(self.description, "entryDescription", _("Description"),
             _("What you did, in your own words; skills are suggested from it as you type."))
        self.description.setTabChangesFocus(True)
        self.description.setProperty("role", "prose")
        self.description.setFixedHeight(104)  # room below for the skills it suggests
        self.skills = line_edit("entrySkills", _("Skills"), placeholder=_("Separate skills with commas"))
        self.tags = line_edit("entryTags", _("Tags"), placeholder=_("Your own labels, separated by commas"))
        grid.addWidget(field(_("&Kind"), self.kind), 0, 0)
        grid.addWidget(field(_("&Title"), self.title), 0, 1)
        grid.addWidget(field(_("&Organisation"), self.organisation), 1, 0, 1, 2)
        grid.addWidget(field(_("&Start"), self.start), 2, 0)
        grid.addWidget(field(_("&End"), self.end), 2, 1)
        grid.addWidget(field(_("&Description"), self.description), 3, 0, 1, 2)
        grid.addWidget(field(_("S&kills"), self.skills), 4, 0, 1, 2)
        self.suggest_note = label("", "muted", object_name="entrySuggestNote")
        grid.addWidget(self.suggest_note, 5, 0, 1, 2)
        self.suggestions = QWidget()
        name(self.suggestions, "entrySuggestions", _("Suggested skills"))
        self._flow = WrappingFlow(self.suggestions, spacing=6)
        grid.addWidget(self.suggestions, 6, 0, 1, 2)
        grid.addWidget(field(_("T&ags"), self.tags), 7, 0, 1, 2)
        self.evidence_box = QWidget()
        evidence_column = QVBoxLayout(self.evidence_box)
        evidence_column.setContentsMargins(0, 0, 0, 0)
        evidence_column.addWidget(label(_("Evidence files (drop files here, or choose them): kept encrypted in the "
                                        "wallet."), "fieldName"))
        self.evidence = QListWidget()
        name(self.evidence, "entryEvidenceList", _("Evidence files to attach"))
        self.evidence.setMaximumHeight(80)
        evidence_column.addWidget(self.evidence)
        row = QHBoxLayout()
        self.add_file = button(_("Choose files…"), "entryAddEvidence", _("Choose evidence files to attach"))
        self.drop_file = button(_("Remove from list"), "entryDropEvidence", _("Leave the chosen file out"))
        row.addWidget(self.add_file)
        row.addWidget(self.drop_file)
        row.addStretch(1)
        evidence_column.addLayout(row)
        grid.addWidget(self.evidence_box, 8, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        name(scroll, "entryScroll", _("The experience's details"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form)
        outer.addWidget(scroll, 1)
        self.error = message_label("entryError")
        outer.addWidget(self.error)
        self.cancel = button(_("Cancel"), "entryCancel", _("Cancel without saving"))
        self.save = button(_("Save"), "entrySave", _("Save the experience"), primary=True)
        footer_row(outer, self.cancel, self.save)
        self.setAcceptDrops(True)

        self.record_id = ""
        self._files: list[Path] = []
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self._suggest)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._found.connect(self._suggested)
        self.description.textChanged.connect(self._timer.start)
        self.title.textChanged.connect(self._timer.start)
        self.skills.textChanged.connect(self._timer.start)
        self.cancel.clicked.connect(self.reject)
        self.save.clicked.connect(self._save)
        self.add_file.clicked.connect(self._choose_files)
        self.drop_file.clicked.connect(self._drop_chosen)

    # -- opening ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Skills are suggested from the text as it is typed: the recogniser's index starts building now."""
        super().showEvent(event)
        start_recogniser_warm_up()
    def start_new(self, kind: EntryKind = EntryKind.JOB) -> None:
        """Open empty, for a new entry (evidence can be chosen here)."""
        self.record_id = ""
        self._fill({"kind": kind.value})
        self.heading.setText(_("Add your experience"))
        self.setWindowTitle(_("Add your experience"))
        self.evidence_box.show()
        self._open()

    def start_edit(self, record: Record) -> None:
        """Open filled with an entry's fields (its evidence is changed in the record pane)."""
        self.record_id = record.id
        self._fill(entry_fields(record))
        self.heading.setText(_("Edit your experience"))
        self.setWindowTitle(_("Edit your experience"))
        self.evidence_box.hide()
        self._open()

    def _fill(self, fields: dict[str, Any]) -> None:
        index = self.kind.findData(fields.get("kind", EntryKind.JOB.value))
        self.kind.setCurrentIndex(max(index, 0))
        self.title.setText(fields.get("title", ""))
        self.organisation.setText(fields.get("organisation", ""))
        self.start.setText(fields.get("start") or "")
        self.end.setText(fields.get("end") or "")
        self.description.setPlainText(fields.get("description", ""))
        self.skills.setText(", ".join(fields.get("skills", [])))
        self.tags.setText(", ".join(fields.get("tags", [])))
        self._files = []
        self.evidence.clear()
        self._show_suggestions([])
        self.suggest_note.setText("")
        show_message(self.error, "")

    def _open(self) -> None:
        self.open()
        self.title.setFocus()
        self._timer.start()

    def forget(self) -> None:
        """On lock: close and empty every field."""
        self.reject()
        self._generation += 1
        self._fill({})

    # -- files ----------------------------------------------------------------------------------
    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self._files:
                self._files.append(path)
                self.evidence.addItem(path.name)

    def files(self) -> list[Path]:
        return list(self._files)

    def _choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(self, _("Choose evidence files"), str(Path.home()))
        self.add_files([Path(p) for p in chosen])

    def _drop_chosen(self) -> None:
        row = self.evidence.currentRow()
        if 0 <= row < len(self._files):
            self._files.pop(row)
            self.evidence.takeItem(row)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.evidence_box.isVisible() and dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files(dropped_files(event.mimeData()))
        event.acceptProposedAction()

    # -- skills suggested as you type -----------------------------------------------------------------
    def _suggest(self) -> None:
        text = f"{self.title.text()}\n{self.description.toPlainText()}"
        if not text.strip():
            self._show_suggestions([])
            return
        self._generation += 1
        generation = self._generation
        already = split_list(self.skills.text())
        if not self.suggestions.findChildren(QPushButton):
            self.suggest_note.setText(_("Looking for skills in what you wrote…"))
        self._pool.start(lambda: self._suggest_in_background(generation, text, already))

    def _suggest_in_background(self, generation: int, text: str, already: list[str]) -> None:
        """On the pool's thread: never raises (Qt's threads must not), and gives up if the dialog is gone."""
        try:
            found = _suggest_or_nothing(text, already) if generation == self._generation else []
            self._found.emit((generation, found))
        except Exception:  # the dialog was deleted meanwhile, or the taxonomy could not load
            log.debug("Skill suggestions dropped", exc_info=True)

    def _suggested(self, result: object) -> None:
        if not isinstance(result, tuple):
            return
        generation, found = result
        if generation != self._generation or not self.isVisible():
            return  # typed on meanwhile, or closed: a newer answer is coming, or none is wanted
        self._show_suggestions(list(found))

    def _show_suggestions(self, found: list[str]) -> None:
        while (item := self._flow.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        for skill in found:
            chip = button(f"+ {skill}", "suggestedSkill", _("Add the skill {skill}").format(skill=skill))
            chip.setProperty("role", "link")
            chip.clicked.connect(lambda _checked=False, s=skill: self._take(s))
            self._flow.addWidget(chip)
            chip.show()
        self.suggest_note.setText(_("Skills your words show (click to add):") if found else "")

    def _take(self, skill: str) -> None:
        current = split_list(self.skills.text())
        if chip_key(skill) not in {chip_key(c) for c in current}:
            self.skills.setText(", ".join([*current, skill]))

    def suggested(self) -> list[str]:
        """The skills suggested now (for tests and screen readers)."""
        return [b.text().removeprefix("+ ") for b in self.suggestions.findChildren(QPushButton)]

    # -- saving -----------------------------------------------------------------------------------
    def entry_json(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "title": self.title.text(),
                "organisation": self.organisation.text(), "start": self.start.text().strip(),
                "end": self.end.text().strip(), "description": self.description.toPlainText(),
                "skills": split_list(self.skills.text()), "tags": split_list(self.tags.text())}

    def _save(self) -> None:
        try:
            entry = EntryInput.from_json(self.entry_json())
        except WalletError as exc:
            show_message(self.error, _friendly(exc.message))
            return
        show_message(self.error, "")
        self.accept()
        self.submitted.emit(self.record_id, entry, self.files())


def _suggest_or_nothing(text: str, already: list[str]) -> list[str]:
    """Suggestions, or none if the taxonomy could not be read (typing must never show an error)."""
    try:
        return suggest_skills(text, already=already)
    except WalletError:
        return []


def _friendly(message: str) -> str:
    """The core's sentence with the form's words for its fields."""
    for key, caption in (('"title"', _("the title")), ('"start"', _("the start date")), ('"end"', _("the end date")),
                         ('"organisation"', _("the organisation")), ('"description"', _("the description"))):
        message = message.replace(key, caption)
    return message[:1].upper() + message[1:]
