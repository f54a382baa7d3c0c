"""Replacing the recovery code from the app: ask for the passphrase, then show the new code once.

The second step is the very page a new wallet shows its code on (RecoveryCodePage), so the code looks and
reads the same, and the person ticks "I have written down my recovery code" before going back to the
wallet. Argon2id checks the passphrase, so the replacement runs on the wallet's job thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QStackedWidget, QVBoxLayout, QWidget

from ui.pages.recovery_code import RecoveryCodePage
from ui.widgets import button, field, footer_row, label, line_edit, message_label, modal_layout, show_message
from ui.worker import Failed, Owner
from wallet.api import N_, Session, _

INTRO = (N_("A new recovery code replaces the one you have now: the old code will no longer open this wallet. "
         "Do this if the paper with your code was lost or someone else may have seen it."))
BACKUPS = (N_("Backups made before now still open with the old code. Keep the old paper with those backups, or "
           "make a new backup after this."))
NO_PASSPHRASE = N_("Type your passphrase.")
NOT_TICKED = N_("Tick the box to confirm you have written the new recovery code down.")
WORKING = N_("Checking your passphrase…")


class JobQueue(Protocol):
    """The wallet's job thread (ui.worker.Jobs)."""

    def run(self, call: Callable[[], Any], on_done: Callable[[Any], None], *, within: Owner | None = None) -> None: ...

    def busy(self) -> bool: ...


class NewRecoveryCodeDialog(QDialog):
    """objectName 'newRecoveryCodeDialog'. Page 'newCodeAsk' (passphrase), then 'recoveryCodePage' (the code)."""

    def __init__(self, jobs: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._session: Session | None = None
        self._busy = False
        outer = modal_layout(self, "newRecoveryCodeDialog", _("New recovery code"), 700, 600)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        self.pages.setObjectName("newCodePages")
        outer.addWidget(self.pages)

        self.ask = QWidget()
        self.ask.setObjectName("newCodeAsk")
        layout = QVBoxLayout(self.ask)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(_("Make a new recovery code"), "heading"))
        layout.addWidget(label(_(INTRO)))
        layout.addWidget(label(_(BACKUPS), "muted"))
        self.passphrase = line_edit("newCodePassphrase", _("Passphrase"), secret=True)
        layout.addWidget(field(_("Your &passphrase, to confirm it is you"), self.passphrase))
        self.error = message_label("newCodeError")
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.cancel = button(_("Cancel"), "newCodeCancel", _("Cancel; keep the recovery code you have"))
        self.submit = button(_("Make a new code"), "newCodeSubmit", _("Make a new recovery code"), primary=True)
        footer_row(layout, self.cancel, self.submit)
        self.pages.addWidget(self.ask)

        self.code_page = RecoveryCodePage()
        self.code_page.setObjectName("recoveryCodePage")
        self.code_page.submit.setText(_("Back to my wallet"))
        self.code_page.submit.setAccessibleName(_("Back to my wallet"))
        self.pages.addWidget(self.code_page)

        self.cancel.clicked.connect(self.reject)
        self.submit.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.code_page.continue_clicked.connect(self._written_down)

    # -- what the window calls ----------------------------------------------------------------------
    def start(self, session: Session) -> None:
        """Open on the passphrase step for `session`."""
        self._session = session
        self._busy = False
        self.code_page.wallet_path = session.path
        self.passphrase.clear()
        show_message(self.error, "")
        self._set_busy(False)
        self.pages.setCurrentWidget(self.ask)
        self.open()
        self.passphrase.setFocus()

    def finish(self) -> None:
        """Close now and forget the code and the passphrase (the wallet was locked, or the app closes)."""
        self._session = None
        self.passphrase.clear()
        self.code_page.leave()
        self.pages.setCurrentWidget(self.ask)
        super().reject()

    @property
    def showing_code(self) -> bool:
        return self.pages.currentWidget() is self.code_page

    # -- steps ----------------------------------------------------------------------------------------
    def _submit(self) -> None:
        session = self._session
        if session is None or self._busy or self._jobs.busy():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            show_message(self.error, _(NO_PASSPHRASE))
            return
        self._set_busy(True)
        show_message(self.error, _(WORKING))
        self._jobs.run(lambda: session.replace_recovery_code(passphrase), self._replaced, within=session)

    def _replaced(self, result: str | Failed) -> None:
        self._set_busy(False)
        if self._session is None or not self.isVisible():
            return  # locked or closed meanwhile; the code is not shown on a locked screen
        if isinstance(result, Failed):
            show_message(self.error, result.message)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        show_message(self.error, "")
        self.pages.setCurrentWidget(self.code_page)
        self.code_page.show_status("", False)
        self.code_page.show_code(result)

    def _written_down(self, ticked: bool) -> None:
        if not ticked:
            self.code_page.show_status(_(NOT_TICKED), False)
            return
        self.finish()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)

    # -- closing --------------------------------------------------------------------------------------
    def reject(self) -> None:
        """Escape or Cancel: fine before the code is made; once it is shown, only after the tick."""
        if self.showing_code:
            self.code_page.show_status(_(NOT_TICKED), False)
            return
        if self._busy:
            return  # the passphrase is being checked; the result decides what comes next
        self.finish()
