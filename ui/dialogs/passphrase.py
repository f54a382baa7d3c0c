"""Change the passphrase from the app: the current one (to confirm it is you), the new one typed twice.

Only the key file changes (the data key is sealed again under the new passphrase); the records are not
touched. Argon2id runs twice, so the work goes to the wallet's job thread with a progress bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from ui.dialogs.new_recovery_code import JobQueue
from ui.widgets import busy_bar, button, field, footer_row, label, line_edit, message_label, modal_layout, show_message
from ui.worker import Failed
from wallet.api import MIN_PASSPHRASE, N_, KdfParams, Session, WrongPassphraseError, _

INTRO = (N_("Choose a new passphrase for this wallet. Your records stay as they are; only the lock changes. "
         "Your recovery code keeps working."))
BACKUPS = N_("Backups made before now still open with the old passphrase.")
NO_CURRENT = N_("Type your current passphrase.")
MISMATCH = N_("The two new passphrases are different. Type the same passphrase in both boxes.")
SAME = N_("The new passphrase is the same as the current one. Choose a different one.")
WORKING = N_("Checking your passphrase and locking the wallet with the new one…")
DONE = N_("Your passphrase was changed. Use the new one the next time you unlock.")


class PassphraseDialog(QDialog):
    """objectName 'passphraseDialog': 'currentPassphrase', 'newPassphrase', 'repeatPassphrase',
    'passphraseBusy', 'passphraseError', 'passphraseDone', 'passphraseCancel', 'passphraseSubmit'."""

    def __init__(self, jobs: JobQueue, parent: QWidget | None = None, *, kdf: KdfParams | None = None) -> None:
        """`kdf`: the Argon2id cost for the new passphrase (None: measured on this computer)."""
        super().__init__(parent)
        self._jobs = jobs
        self._kdf = kdf
        self._current_wrong = False
        self._session: Session | None = None
        self._busy = False
        layout = modal_layout(self, "passphraseDialog", _("Change your passphrase"), 620, 500)
        layout.addWidget(label(_("Change your passphrase"), "heading"))
        layout.addWidget(label(_(INTRO)))
        layout.addWidget(label(_(BACKUPS), "muted"))
        self.current = line_edit("currentPassphrase", _("Current passphrase"), secret=True)
        self.first = line_edit("newPassphrase", _("New passphrase"), secret=True)
        self.second = line_edit("repeatPassphrase", _("Type the new passphrase again"), secret=True)
        layout.addWidget(field(_("&Current passphrase"), self.current))
        layout.addWidget(field(_("&New passphrase"), self.first))
        layout.addWidget(label(_("At least {count} characters; a few words you will remember work well.").format(
                               count=MIN_PASSPHRASE),
                               "muted"))
        layout.addWidget(field(_("Type it &again"), self.second))
        self.busy = busy_bar("passphraseBusy")
        layout.addWidget(self.busy)
        self.error = message_label("passphraseError")
        layout.addWidget(self.error)
        self.outcome = message_label("passphraseDone", "note")
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        self.cancel = button(_("Cancel"), "passphraseCancel", _("Cancel; keep the passphrase you have"))
        self.submit = button(_("Change passphrase"), "passphraseSubmit", _("Change the passphrase"), primary=True)
        footer_row(layout, self.cancel, self.submit)
        self.cancel.clicked.connect(self.reject)
        self.submit.clicked.connect(self._submit)
        for edit in (self.current, self.first, self.second):
            edit.returnPressed.connect(self._submit)

    def start(self, session: Session) -> None:
        self._session = session
        self._clear()
        self.cancel.setText(_("Cancel"))
        self.submit.show()
        self._set_busy(False)
        self.open()
        self.current.setFocus()

    def finish(self) -> None:
        """Close now and forget what was typed (the wallet was locked, or the app closes)."""
        self._session = None
        self._clear()
        self._set_busy(False)
        super().reject()

    def _clear(self) -> None:
        for edit in (self.current, self.first, self.second):
            edit.clear()
        for message in (self.error, self.outcome):
            show_message(message, "")

    def _submit(self) -> None:
        session = self._session
        if session is None or self._busy or self._jobs.busy() or not self.submit.isVisible():
            return
        current, first, second = self.current.text(), self.first.text(), self.second.text()
        problem = (_(NO_CURRENT) if not current else _(MISMATCH) if first != second else
                   _(SAME) if first == current else "")
        if problem:
            show_message(self.error, problem)
            (self.current if not current else self.first).setFocus()
            return
        show_message(self.error, "")
        show_message(self.outcome, _(WORKING))
        self._set_busy(True)
        kdf = self._kdf
        self._current_wrong = False

        def change() -> None:
            try:
                session.verify_passphrase(current)
            except WrongPassphraseError:
                self._current_wrong = True  # read back on the GUI thread: the focus goes to the current passphrase
                raise
            session.change_passphrase(first, kdf=kdf)

        self._jobs.run(change, self._changed, within=session)

    def _changed(self, result: Any) -> None:
        self._set_busy(False)
        if self._session is None or not self.isVisible():
            return
        if isinstance(result, Failed):
            show_message(self.outcome, "")
            show_message(self.error, result.message)
            target = self.current if self._current_wrong else self.first
            target.selectAll()
            target.setFocus()
            return
        self._clear()
        show_message(self.outcome, _(DONE))
        self.submit.hide()
        self.cancel.setText(_("Close"))
        self.cancel.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for widget in (self.submit, self.current, self.first, self.second):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            self.finish()
