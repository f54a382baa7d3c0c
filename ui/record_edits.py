"""The records page's commands that change records: add and edit an entry, tags and note, hide, delete and
undo, sign an entry, evidence (attach, save a copy, replace, remove), endorse someone's credential, and import
from a QR image.

Every wallet call runs on the page's one job thread (ui.worker.Jobs), as imports do; the result is shown in
place. Evidence is opened by saving a copy where the learner chooses, never by writing a temporary file for
another program: that program (and the desktop's "recent files") may keep it, or a crash may leave it, and
the README promises that nothing readable is written outside the wallet except what the learner exports on
purpose. A copy they save is exactly such an export.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ui.credential_actions import announce
from ui.dialogs.entry_editor import EntryEditor
from ui.dialogs.entry_endorse import EndorseDialog
from ui.dialogs.entry_marks import MarksDialog
from ui.widgets import page_action
from ui.worker import Failed
from wallet.api import (
    MAX_INPUT_BYTES,
    EntryInput,
    EvidenceInfo,
    ImportOutcome,
    WalletError,
    _,
    atomic_write,
    ngettext,
    qr_image_inputs,
    read_evidence,
    read_file,
)

if TYPE_CHECKING:
    from ui.pages.records import RecordsPage



def image_filters() -> str:
    """The QR image dialog's filters: descriptions in the app's language, patterns as they are."""
    return _("Images") + " (*.png *.jpg *.jpeg *.gif);;" + all_files()


def all_files() -> str:
    return _("All files") + " (*)"
MAX_QR_IMAGE = 20 * 1024 * 1024


def file_stem(title: str) -> str:
    """A file name from a title: letters, digits, spaces and dashes only."""
    return re.sub(r"[^\w\- ]+", "", title).strip()[:60] or "record"


class RecordEdits(QObject):
    def __init__(self, page: RecordsPage) -> None:
        super().__init__(page)
        self.page = page
        self.jobs = page.commands.jobs
        self.add_action = self._action(_("Add an experience…"), _("Add experience…"), "addEntryAction", "Ctrl+N",
                                       _("Write down a job, volunteering, training, caring or any experience"))
        self.qr_action = self._action(_("Import a QR image…"), _("QR image…"), "qrImportAction", "",
                                      _("Import a credential from a photo or screenshot of a QR code"))
        self.endorse_action = self._action(_("Endorse a credential…"), _("Endorse…"), "endorseAction", "",
                                           _("Endorse someone's credential as their supervisor or navigator"))
        self.undo_action = self._action(_("Undo delete"), _("Undo"), "undoDeleteAction", "Ctrl+Z",
                                        _("Put back the record you deleted last"))
        self.editor = EntryEditor(page)
        self.editor.submitted.connect(self._save_entry)
        self.marks = MarksDialog(page)
        self.marks.submitted.connect(self._save_marks)
        self.endorse_dialog = EndorseDialog(page)
        self.endorse_dialog.submitted.connect(self._endorse)
        self.add_action.triggered.connect(lambda: self.editor.start_new())
        self.qr_action.triggered.connect(self.import_qr)
        self.endorse_action.triggered.connect(lambda: self.endorse_dialog.start())
        self.undo_action.triggered.connect(self.undo)
        page.detail.action_requested.connect(self.act)
        page.detail.evidence_requested.connect(self.evidence)
        page.detail.evidence_dropped.connect(self.attach)
        self.save_name: Callable[[str, str, str], str] = self._ask_save_name
        """Asks where to save a file: (title, suggested name, filter) → path or ''. Tests choose a path."""
        self.open_names: Callable[[str, str], list[str]] = self._ask_open_names
        """Asks which files to use: (title, filter) → paths. Tests choose the files."""

    def _action(self, text: str, short: str, object_name: str, shortcut: str, tip: str) -> QAction:
        return page_action(self.page, text, short, object_name, shortcut, tip)

    # -- state ------------------------------------------------------------------------------------
    def set_available(self, available: bool) -> None:
        for action in (self.add_action, self.qr_action, self.endorse_action):
            action.setEnabled(available)
        self.update_undo()

    def update_undo(self) -> None:
        session = self.page.session
        title = session.undoable_delete() if session is not None and not session.is_locked else None
        self.undo_action.setEnabled(title is not None)
        self.page.show_undo(title)

    def close_all(self) -> None:
        """On lock: close every dialog and forget what it held."""
        self.editor.forget()
        self.marks.forget()
        self.endorse_dialog.forget()

    def _run(self, busy: str, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        session = self.page.session
        if session is None:
            return
        self.page.set_working(busy)

        def finish(result: Any) -> None:
            if self.page.session is not session:  # locked meanwhile: nothing to show
                return
            self.page.set_working("")
            self.page.flush_changes()
            if isinstance(result, Failed):
                self.page.set_working(result.message, error=True)
                announce(self.page.work_status, result.message)
                return
            done(result)

        self.jobs.run(call, finish, within=session)

    def _said(self, text: str) -> None:
        self.page.set_working(text, error=False, done=True)
        announce(self.page.work_status, text)

    # -- entries ----------------------------------------------------------------------------------
    def _save_entry(self, record_id: str, entry: EntryInput, files: list[Path]) -> None:
        session = self.page.session
        if session is None:
            return

        def call() -> str:
            read = [read_evidence(path) for path in files]  # every file readable, or nothing is added
            if record_id:
                session.update_entry(record_id, entry)
                return record_id
            new_id = session.add_entry(entry)
            for filename, data, media_type in read:
                session.add_evidence(new_id, filename, data, media_type=media_type)
            return new_id

        def done(saved: str) -> None:
            self.page.refresh()
            self.page.select_record(saved)
            self._said(_("Saved “{title}”.").format(title=entry.title))

        self._run(_("Saving…"), call, done)

    def act(self, what: str, record_id: str) -> None:
        session = self.page.session
        if session is None or self.jobs.busy():
            return
        try:
            record = session.reader.get_record(record_id)
        except WalletError:  # gone meanwhile: the list refreshes
            self.page.refresh()
            return
        if what == "edit":
            self.editor.start_edit(record)
        elif what == "marks":
            self.marks.start(record)
        elif what in ("hide", "show"):
            hidden = what == "hide"
            said = (_("“{title}” is hidden from the list.") if hidden
                    else _("“{title}” is shown in the list again.")).format(title=record.title)
            self._run(_("Saving…"), lambda: session.set_hidden(record_id, hidden), lambda _r: self._said(said))
        elif what == "delete":
            self._run(_("Deleting…"), lambda: session.delete_record(record_id), self._deleted)
        elif what == "sign":
            self._run(_("Signing…"), lambda: session.credentials.issue_self_asserted(record_id),
                      lambda credential: self._save_json(
                          _("Save the signed credential"), record.title, credential,
                          _("Signed, but not saved: nothing was written."), _("Signed and saved at {path}.")))
        elif what == "add_evidence":
            chosen = self.open_names(_("Attach evidence files"), all_files())
            if chosen:
                self.attach(record_id, chosen)

    def _save_marks(self, record_id: str, tags: list[str], note: str) -> None:
        session = self.page.session
        if session is None:
            return

        def call() -> None:
            session.set_tags(record_id, tags)
            session.set_note(record_id, note)

        self._run(_("Saving…"), call, lambda _r: self._said(_("Tags and note saved.")))

    def _deleted(self, title: str) -> None:
        self.update_undo()
        self.page.undo_button.setFocus()
        announce(self.page.undo_bar, _("Deleted “{title}”. Press Undo or Ctrl+Z to put it back.").format(title=title))

    def undo(self) -> None:
        session = self.page.session
        if session is None or self.jobs.busy() or session.undoable_delete() is None:
            return

        def done(record_id: str) -> None:
            self.update_undo()
            self.page.refresh()
            self.page.select_record(record_id)
            self.page.list.setFocus()
            self._said(_("Put back."))

        self._run(_("Putting it back…"), session.undo_delete, done)

    # -- evidence ---------------------------------------------------------------------------------
    def attach(self, record_id: str, paths: list[str]) -> None:
        session = self.page.session
        if session is None or self.jobs.busy():
            return

        def call() -> int:
            read = [read_evidence(path) for path in paths]
            for filename, data, media_type in read:
                session.add_evidence(record_id, filename, data, media_type=media_type)
            return len(read)

        self._run(_("Attaching…"), call,
                  lambda count: self._said(ngettext("Attached {n} file.", "Attached {n} files.", count).format(
                      n=count)))

    def evidence(self, what: str, evidence_id: str) -> None:
        session = self.page.session
        record = self.page.detail.record
        if session is None or record is None or self.jobs.busy():
            return
        item = next((e for e in record.evidence if e.id == evidence_id), None)
        if item is None:
            return
        if what == "remove":
            self._run(_("Removing…"), lambda: session.remove_evidence(evidence_id),
                      lambda _r: self._said(_("Removed {name}.").format(name=item.filename)))
        elif what == "replace":
            chosen = self.open_names(_("Replace {name}").format(name=item.filename), all_files())
            if chosen:
                self._replace(item, chosen[0])
        elif what == "save":
            self._save_copy(item)

    def _replace(self, item: EvidenceInfo, path: str) -> None:
        session = self.page.session
        if session is None:
            return

        def call() -> str:
            filename, data, media_type = read_evidence(path)
            session.replace_evidence(item.id, filename, data, media_type=media_type)
            return filename

        self._run(_("Replacing…"), call,
                  lambda name: self._said(_("Replaced {old} with {new}.").format(old=item.filename, new=name)))

    def _save_copy(self, item: EvidenceInfo) -> None:
        session = self.page.session
        if session is None:
            return
        target = self.save_name(_("Save a copy of the evidence file"), item.filename, all_files())
        if not target:
            return
        self._run(_("Saving a copy…"), lambda: atomic_write(Path(target), session.evidence_data(item.id)),
                  lambda _r: self._said(_("Saved a copy at {path}.").format(path=target)))

    # -- signing and endorsing ------------------------------------------------------------------------
    def _save_json(self, title: str, name: str, document: dict[str, Any], not_saved: str, saved: str) -> None:
        """Ask where to save `document`; say `not_saved` when the person cancels, `saved` (with {path}) after."""
        target = self.save_name(title, f"{file_stem(name)}.json", _("Credentials") + " (*.json)")
        if not target:
            self._said(not_saved)
            return
        data = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
        session = self.page.session
        if session is None:
            return
        self._run(_("Saving…"), lambda: atomic_write(Path(target), data),
                  lambda _r: self._said(saved.format(path=target)))

    def _endorse(self, path: str, comment: str) -> None:
        session = self.page.session
        if session is None:
            return

        def call() -> dict[str, Any]:
            data = read_file(path, limit=MAX_INPUT_BYTES, what=_("The credential"))
            return session.credentials.endorse(data, comment)

        self._run(_("Signing your endorsement…"), call,
                  lambda endorsement: self._save_json(
                      _("Save your endorsement"), _("Endorsement {name}").format(name=Path(path).stem), endorsement,
                      _("Endorsement signed, but not saved: nothing was written."),
                      _("Endorsement signed and saved at {path}.")))

    # -- QR images --------------------------------------------------------------------------------
    def import_qr(self) -> None:
        session = self.page.session
        if session is None or self.jobs.busy():
            return
        chosen = self.open_names(_("Import a QR image"), image_filters())
        if not chosen:
            return
        path = chosen[0]

        def call() -> list[ImportOutcome]:
            inputs = qr_image_inputs(read_file(path, limit=MAX_QR_IMAGE, what=_("The image")), Path(path).name)
            return session.credentials.import_many(inputs)

        self.page.commands.run_import(_("Reading the QR code…"), call)

    # -- asking for files -------------------------------------------------------------------------------
    def _ask_save_name(self, title: str, suggested: str, filters: str) -> str:
        chosen, _filter = QFileDialog.getSaveFileName(self.page, title, str(Path.home() / suggested), filters)
        return chosen

    def _ask_open_names(self, title: str, filters: str) -> list[str]:
        chosen, _filter = QFileDialog.getOpenFileNames(self.page, title, str(Path.home()), filters)
        return list(chosen)
