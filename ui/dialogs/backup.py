"""Back up the wallet from the app: one encrypted file, where the person chooses (a USB stick, another disk).

The dialog shows where and when the last backup went (kept inside the wallet), reminds when it is old or there
has never been one, writes the backup on the wallet's job thread with a progress bar, and checks that the file
reads back before saying it is done. Errors are shown in place, in one sentence.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QWidget

from ui.dialogs.new_recovery_code import JobQueue
from ui.places import start_place
from ui.widgets import busy_bar, button, field, footer_row, label, line_edit, message_label, modal_layout, show_message
from ui.worker import Failed
from wallet.api import N_, LastBackup, Session, _, back_up, backup_reminder, format_date, last_backup

INTRO = (N_("A backup is one encrypted file holding your whole wallet. It opens with your passphrase or your "
         "recovery code as they are now. Keep it on a USB stick or another disk, not only on this computer."))
NO_PLACE = N_("Choose where to save the backup.")
WORKING = N_("Writing the backup and checking that it reads back…")
SUFFIX = ".lerbackup"


def when_text(moment: datetime.datetime) -> str:
    """A date and time a person reads (local time), e.g. '4 December 2026 at 15:02'."""
    local = moment.astimezone()
    return _("{date} at {time}").format(date=format_date(local), time=f"{local:%H:%M}")


def last_text(last: LastBackup | None) -> str:
    if last is None:
        return _("No backup has been made from this wallet in the app yet.")
    return _("Last backup: {when}, saved to {place}").format(when=when_text(last.when), place=last.place)


class BackupDialog(QDialog):
    """objectName 'backupDialog': 'lastBackupLabel', 'backupReminder', 'backupLocation', 'backupChoose',
    'backupBusy', 'backupError', 'backupDone', 'backupCancel', 'backupSubmit'."""

    def __init__(self, jobs: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._session: Session | None = None
        self._busy = False
        self.clock: Callable[[], datetime.datetime] = lambda: datetime.datetime.now(datetime.UTC)
        layout = modal_layout(self, "backupDialog", _("Back up your wallet"), 680, 420)
        layout.addWidget(label(_("Back up your wallet"), "heading"))
        layout.addWidget(label(_(INTRO)))
        self.last = label(role="muted", object_name="lastBackupLabel")
        layout.addWidget(self.last)
        self.reminder = message_label("backupReminder", "note")
        layout.addWidget(self.reminder)
        self.location = line_edit("backupLocation", _("Backup file"))
        self.choose = button(_("Choose…"), "backupChoose", _("Choose where to save the backup"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.location, 1)
        row.addWidget(self.choose)
        holder = QWidget()
        holder.setLayout(row)
        layout.addWidget(field(_("Save the backup &as"), holder))
        self.busy = busy_bar("backupBusy")
        layout.addWidget(self.busy)
        self.error = message_label("backupError")
        layout.addWidget(self.error)
        self.outcome = message_label("backupDone", "note")
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        self.cancel = button(_("Close"), "backupCancel", _("Close without making a backup"))
        self.submit = button(_("Back up"), "backupSubmit", _("Write the backup"), primary=True)
        footer_row(layout, self.cancel, self.submit)
        self.cancel.clicked.connect(self.reject)
        self.submit.clicked.connect(self._submit)
        self.choose.clicked.connect(self._choose)
        self.location.returnPressed.connect(self._submit)

    # -- what the window calls ------------------------------------------------------------------------
    def start(self, session: Session) -> None:
        self._session = session
        for message in (self.error, self.outcome, self.reminder):
            show_message(message, "")
        self.last.setText(_("Looking up the last backup…"))
        place, _said = start_place()
        stem = session.path.name.removesuffix(".lerwallet")
        self.location.setText(str(place / f"{stem}-{time.strftime('%Y-%m-%d')}{SUFFIX}"))
        self._set_busy(False)
        self.open()
        self.location.setFocus()
        self._jobs.run(lambda: last_backup(session), self._show_last, within=session)

    def finish(self) -> None:
        """Close now (the wallet was locked): a backup still being written is cancelled by the lock."""
        self._session = None
        self._set_busy(False)
        super().reject()

    # -- steps ----------------------------------------------------------------------------------------
    def _show_last(self, result: Any) -> None:
        if self._session is None:
            return
        last = None if isinstance(result, Failed) else result
        self.last.setText(last_text(last) if not isinstance(result, Failed) else result.message)
        show_message(self.reminder, backup_reminder(last, self.clock()))

    def _choose(self) -> None:
        current = Path(self.location.text().strip() or Path.home()).expanduser()
        folder = current.parent if current.parent.is_dir() else start_place()[0]
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the backup as"), str(folder / current.name), _("LER Wallet backups") + f" (*{SUFFIX})")
        if chosen:
            self.location.setText(chosen if chosen.endswith(SUFFIX) else chosen + SUFFIX)

    def _submit(self) -> None:
        session = self._session
        if session is None or self._busy or self._jobs.busy():
            return
        text = self.location.text().strip()
        if not text:
            show_message(self.error, _(NO_PLACE))
            return
        out = Path(text).expanduser()
        show_message(self.error, "")
        show_message(self.outcome, _(WORKING))
        self._set_busy(True)
        clock = self.clock
        self._jobs.run(lambda: back_up(session, out, clock=clock), self._written, within=session)

    def _written(self, result: Any) -> None:
        self._set_busy(False)
        if self._session is None or not self.isVisible():
            return
        if isinstance(result, Failed):
            show_message(self.outcome, "")
            show_message(self.error, result.message)
            self.location.setFocus()
            return
        assert isinstance(result, LastBackup)
        show_message(self.reminder, "")
        self.last.setText(last_text(result))
        show_message(self.outcome, _("Backup saved to {place}. It was read back and is complete.").format(
            place=result.place))
        self.cancel.setText(_("Close"))
        self.cancel.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for widget in (self.submit, self.location, self.choose):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            self.finish()
