"""Restore the wallet from a backup file, from the app.

The backup is checked first (its checksum, format and version: `backup_info`), and what it is is shown
(when it was made, its size) before anything can be replaced. Restoring locks the open wallet, then the core
checks the passphrase against the backup and the database inside it before it moves the wallet that was
there aside (`<name>.before-restore-<time>`, never deleted) and puts the backup's in its place. A wrong
passphrase or a damaged backup changes nothing. The slow parts run off the window's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QWidget

from ui.dialogs.backup import SUFFIX
from ui.places import start_place
from ui.widgets import busy_bar, button, field, footer_row, label, line_edit, message_label, modal_layout, show_message
from ui.worker import Failed, Jobs
from wallet.api import BackupInfo, backup_info, restore_backup

INTRO = ("Restoring puts the backup's records in place of this wallet's. The wallet you have now is not deleted: "
         "it is moved aside, next to it, so nothing is lost.")
NO_FILE = "Choose the backup file to restore."
NOT_CHECKED = "Check the backup file first (choose it, or press Check)."
NO_PASSPHRASE = "Type the passphrase the wallet had when the backup was made."
CHECKING = "Checking the backup file…"
WORKING = "Locking this wallet, checking the passphrase and restoring…"


def size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} KB"


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
        layout = modal_layout(self, "restoreDialog", "Restore from a backup", 680, 440)
        layout.addWidget(label("Restore from a backup", "heading"))
        layout.addWidget(label(INTRO))
        self.target_label = label(role="muted", object_name="restoreTarget")
        layout.addWidget(self.target_label)
        self.file = line_edit("restoreFile", "Backup file")
        self.choose = button("Choose…", "restoreChoose", "Choose the backup file")
        self.check = button("Check", "restoreCheck", "Check the backup file")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(self.choose)
        row.addWidget(self.check)
        holder = QWidget()
        holder.setLayout(row)
        layout.addWidget(field("&Backup file", holder))
        self.checked = message_label("restoreChecked", "note")
        layout.addWidget(self.checked)
        self.passphrase = line_edit("restorePassphrase", "Passphrase of the backup", secret=True)
        layout.addWidget(field("&Passphrase the wallet had when the backup was made", self.passphrase))
        self.busy = busy_bar("restoreBusy")
        layout.addWidget(self.busy)
        self.error = message_label("restoreError")
        layout.addWidget(self.error)
        self.outcome = message_label("restoreDone", "note")
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        self.cancel = button("Cancel", "restoreCancel", "Cancel; keep the wallet as it is")
        self.submit = button("Restore", "restoreSubmit", "Restore this backup in place of the wallet", primary=True)
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
        self.target_label.setText(f"Restoring into: {target}")
        self.cancel.setText("Cancel")
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
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Choose the backup to restore", str(folder), f"LER Wallet backups (*{SUFFIX});;All files (*)")
        if chosen:
            self.file.setText(chosen)
            self._check()

    def _check(self) -> None:
        text = self.file.text().strip()
        if not text:
            show_message(self.error, NO_FILE)
            return
        path = Path(text).expanduser()
        self._forget_check()
        show_message(self.error, "")
        show_message(self.outcome, CHECKING)
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
        made = result.created.replace("T", " at ").removesuffix("Z") + " UTC"
        show_message(self.checked, f"Checked: a complete LER Wallet backup made on {made} ({size_text(result.size)}).")
        self.passphrase.setFocus()

    def _submit(self) -> None:
        target, checked = self._target, self._checked
        if target is None or self._jobs.busy() or not self.submit.isVisible():
            return
        if checked is None:
            show_message(self.error, NOT_CHECKED)
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            show_message(self.error, NO_PASSPHRASE)
            self.passphrase.setFocus()
            return
        show_message(self.error, "")
        show_message(self.outcome, WORKING)
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
            show_message(self.error, result.message + " Your wallet was not changed; it is locked.")
            self.passphrase.setFocus()
            return
        assert isinstance(result, Path)
        self.restored_to = result
        kept = (f"The wallet you had before is kept at {result}." if result != self._target
                else "There was no wallet there before.")
        show_message(self.outcome, f"Restored. {kept} Unlock with the passphrase the backup was made with.")
        self.submit.hide()
        self.cancel.setText("Go to unlock")
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
