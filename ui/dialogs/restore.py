"""Restore the wallet from a backup file, from the app.

The backup is checked first (its checksum, format and version: `backup_info`), and what it is is shown
(when it was made, its size) before anything can be replaced. Restoring locks the open wallet, then the core
checks the passphrase against the backup and the database inside it before it moves the wallet that was
there aside (`<name>.before-restore-<time>`, never deleted) and puts the backup's in its place. A wrong
passphrase or a damaged backup changes nothing. The slow parts run off the window's thread.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QWidget

from ui.dialogs.backup import SUFFIX
from ui.places import start_place
from ui.widgets import busy_bar, button, field, footer_row, label, line_edit, message_label, modal_layout, show_message
from ui.worker import Failed, Jobs
from wallet.api import N_, BackupInfo, _, backup_info, format_date, format_number, restore_backup

INTRO = (N_("Restoring puts the backup's records in place of this wallet's. The wallet you have now is not deleted: "
         "it is moved aside, next to it, so nothing is lost."))
NO_FILE = N_("Choose the backup file to restore.")
NOT_CHECKED = N_("Check the backup file first (choose it, or press Check).")
NO_PASSPHRASE = N_("Type the passphrase the wallet had when the backup was made.")
CHECKING = N_("Checking the backup file…")
WORKING = N_("Locking this wallet, checking the passphrase and restoring…")


def size_text(size: int) -> str:
    """The size in megabytes or kilobytes, with the language's decimal mark ('1.5 MB' / '1,5 MB')."""
    if size >= 100_000:
        return _("{size} MB").format(size=format_number(round(size / 1_000_000, 1)))
    return _("{size} KB").format(size=format_number(max(1, round(size / 1000))))


def made_text(created: str) -> str:
    """When the backup was made (the file gives UTC): '4 December 2026 at 15:02 UTC', or the text itself."""
    try:
        moment = datetime.datetime.fromisoformat(created)
    except ValueError:
        return created
    return _("{date} at {time} UTC").format(date=format_date(moment), time=f"{moment:%H:%M}")


class RestoreDialog(QDialog):
    """objectName 'restoreDialog': 'restoreFile', 'restoreChoose', 'restoreCheck', 'restoreChecked',
    'restorePassphrase', 'restoreBusy', 'restoreError', 'restoreDone', 'restoreCancel', 'restoreSubmit'.

    `lock_wallet` locks the open wallet (the window's lock, without questions) just before restoring."""

    def __init__(self, lock_wallet: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lock_wallet = lock_wallet
        self._jobs = Jobs(self)
        self._target: Path | None = None
        self._checked: BackupInfo | None = None
        self.restoring = False
        self.restored_to: Path | None = None
        layout = modal_layout(self, "restoreDialog", _("Restore from a backup"), 680, 440)
        layout.addWidget(label(_("Restore from a backup"), "heading"))
        layout.addWidget(label(_(INTRO)))
        self.target_label = label(role="muted", object_name="restoreTarget")
        layout.addWidget(self.target_label)
        self.file = line_edit("restoreFile", _("Backup file"))
        self.choose = button(_("Choose…"), "restoreChoose", _("Choose the backup file"))
        self.check = button(_("Check"), "restoreCheck", _("Check the backup file"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(self.choose)
        row.addWidget(self.check)
        holder = QWidget()
        holder.setLayout(row)
        layout.addWidget(field(_("&Backup file"), holder))
        self.checked = message_label("restoreChecked", "note")
        layout.addWidget(self.checked)
        self.passphrase = line_edit("restorePassphrase", _("Passphrase of the backup"), secret=True)
        layout.addWidget(field(_("&Passphrase the wallet had when the backup was made"), self.passphrase))
        self.busy = busy_bar("restoreBusy")
        layout.addWidget(self.busy)
        self.error = message_label("restoreError")
        layout.addWidget(self.error)
        self.outcome = message_label("restoreDone", "note")
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        self.cancel = button(_("Cancel"), "restoreCancel", _("Cancel; keep the wallet as it is"))
        self.submit = button(_("Restore"), "restoreSubmit", _("Restore this backup in place of the wallet"),
                             primary=True)
        footer_row(layout, self.cancel, self.submit)
        self.cancel.clicked.connect(self.reject)
        self.submit.clicked.connect(self._submit)
        self.choose.clicked.connect(self._choose)
        self.check.clicked.connect(self._check)
        self.file.returnPressed.connect(self._check)
        self.file.textEdited.connect(lambda _t: self._forget_check())
        self.passphrase.returnPressed.connect(self._submit)

    # -- what the window calls ------------------------------------------------------------------------
    def start(self, target: Path) -> None:
        """Open for restoring into the wallet at `target` (the one open now)."""
        self._target = target
        self.restored_to = None
        self.file.clear()
        self.passphrase.clear()
        self._forget_check()
        for message in (self.error, self.outcome):
            show_message(message, "")
        self.target_label.setText(_("Restoring into: {wallet}").format(wallet=target))
        self.cancel.setText(_("Cancel"))
        self.submit.show()
        self._set_busy(False)
        self.open()
        self.file.setFocus()

    def finish(self) -> None:
        """Close now (locking closes dialogs), unless a restore is running: that one finishes and says so."""
        if self.restoring:
            return
        self.passphrase.clear()
        super().reject()

    # -- steps ----------------------------------------------------------------------------------------
    def _forget_check(self) -> None:
        self._checked = None
        show_message(self.checked, "")

    def _choose(self) -> None:
        current = Path(self.file.text().strip()).expanduser() if self.file.text().strip() else None
        folder = current.parent if current is not None and current.parent.is_dir() else start_place()[0]
        patterns = _("LER Wallet backups") + f" (*{SUFFIX});;" + _("All files") + " (*)"
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose the backup to restore"), str(folder), patterns)
        if chosen:
            self.file.setText(chosen)
            self._check()

    def _check(self) -> None:
        text = self.file.text().strip()
        if not text:
            show_message(self.error, _(NO_FILE))
            return
        path = Path(text).expanduser()
        self._forget_check()
        show_message(self.error, "")
        show_message(self.outcome, _(CHECKING))
        self._set_busy(True)
        self._jobs.run(lambda: backup_info(path), self._was_checked)

    def _was_checked(self, result: Any) -> None:
        self._set_busy(False)
        show_message(self.outcome, "")
        if isinstance(result, Failed):
            show_message(self.error, result.message)
            self.file.setFocus()
            return
        assert isinstance(result, BackupInfo)
        self._checked = result
        show_message(self.checked, _("Checked: a complete LER Wallet backup made on {when} ({size}).").format(
            when=made_text(result.created), size=size_text(result.size)))
        self.passphrase.setFocus()

    def _submit(self) -> None:
        target, checked = self._target, self._checked
        if target is None or self._jobs.busy() or not self.submit.isVisible():
            return
        if checked is None:
            show_message(self.error, _(NOT_CHECKED))
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            show_message(self.error, _(NO_PASSPHRASE))
            self.passphrase.setFocus()
            return
        show_message(self.error, "")
        show_message(self.outcome, _(WORKING))
        self.restoring = True
        self._set_busy(True)
        self._lock_wallet()
        source = checked.path
        self._jobs.run(lambda: restore_backup(source, target, passphrase, replace=True), self._restored)

    def _restored(self, result: Any) -> None:
        self.restoring = False
        self._set_busy(False)
        self.passphrase.clear()
        if isinstance(result, Failed):
            show_message(self.outcome, "")
            show_message(self.error, result.message + " " + _("Your wallet was not changed; it is locked."))
            self.passphrase.setFocus()
            return
        assert isinstance(result, Path)
        self.restored_to = result
        kept = (_("The wallet you had before is kept at {path}.").format(path=result) if result != self._target
                else _("There was no wallet there before."))
        show_message(self.outcome, " ".join((_("Restored."), kept,
                                             _("Unlock with the passphrase the backup was made with."))))
        self.submit.hide()
        self.cancel.setText(_("Go to unlock"))
        self.cancel.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.submit, self.file, self.choose, self.check, self.passphrase, self.cancel):
            widget.setEnabled(not busy)

    def wait(self) -> None:
        """Block until a restore still running has finished (the app is closing)."""
        self._jobs.wait()

    def reject(self) -> None:
        if not self.restoring:
            self.finish()
