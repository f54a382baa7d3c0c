"""What locking does in the window, whoever asks for it (Lock, Ctrl+L, the idle timer, the screen locking, a
restore), and the other ways of leaving a wallet (opening another one, a recent one, the demo, quitting).

Before: a view edited and not saved is not thrown away. Lock and Ctrl+L ask (Save / Don't save / Cancel);
a lock nobody asked for (idle, screen lock) saves it, since nobody is there to answer.
After (however the wallet got locked): the idle timer stops, every dialog closes, the clipboard is emptied if
it still holds what the app put there (the DID, an ID), and the passphrase field has the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from ui.clipboard import clear_if_ours
from ui.pages.opportunities import OpportunitiesPage
from ui.widgets import button, label, modal_layout
from wallet.api import Session, Step, _

if TYPE_CHECKING:
    from ui.main_window import MainWindow



class UnsavedPrompt(QDialog):
    """objectName 'unsavedViewPrompt': 'unsavedSave' (the default), 'unsavedDiscard', 'unsavedCancel' (Escape)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "unsavedViewPrompt", _("Unsaved changes"), 560, 170)
        self.text = label(object_name="unsavedViewText")
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.save = button(_("Save and lock"), "unsavedSave", _("Save the view, then lock"), primary=True)
        self.discard = button(_("Lock without saving"), "unsavedDiscard", _("Lock and drop the changes to the view"))
        self.cancel = button(_("Cancel"), "unsavedCancel", _("Do not lock"))
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.discard)
        row.addWidget(self.save)
        layout.addLayout(row)
        self.save.setDefault(True)
        self.chosen: QPushButton | None = None
        for choice in (self.save, self.discard, self.cancel):
            choice.clicked.connect(lambda _c=False, b=choice: self._choose(b))

    def setText(self, text: str) -> None:
        self.text.setText(text)

    def _choose(self, choice: QPushButton) -> None:
        self.chosen = choice
        self.done(0)

    def reject(self) -> None:
        self.chosen = self.cancel
        super().reject()


class Locker(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._session: Session | None = None
        self._then: Callable[[], None] | None = None
        self.prompt = UnsavedPrompt(window)
        self.prompt.finished.connect(lambda _r: self._answered(self.prompt.chosen))

    def wire(self) -> None:
        w = self.window
        menu = w.wallet_menu
        w.idle.lock_now.connect(self._idle_lock)  # a method: a window built again drops the old Locker
        menu.lock_requested.connect(lambda: self.lock(ask=False))
        menu.ask_lock.connect(lambda: self.lock(ask=True))
        menu.quit_requested.connect(w.close)
        menu.open_other_requested.connect(lambda: self.leave_wallet(self._choose_folder))
        menu.open_requested.connect(lambda path: self.leave_wallet(lambda: self._open(path)))
        menu.settings_dialog.trusted_requested.connect(w.records.commands.trusted_action.trigger)
        w.preferences.changed.connect(self._preferences_changed)
        w.welcome.demo_clicked.connect(lambda: w.flow.choose_demo())
        w.welcome.recent_clicked.connect(lambda path: self._open(Path(path)))
        w.welcome.settings_clicked.connect(menu.settings)
        self._preferences_changed()

    # -- locking ------------------------------------------------------------------------------------------
    def _idle_lock(self, _reason: str) -> None:
        self.lock(ask=False)

    def opportunities_page(self) -> OpportunitiesPage | None:
        """The Opportunities section if it has been made (it is made on first visit), else None."""
        stack = self.window.workspace.stack
        for index in range(stack.count()):
            page = stack.widget(index)
            if isinstance(page, OpportunitiesPage):
                return page
        return None

    def lock(self, *, ask: bool, then: Callable[[], None] | None = None) -> None:
        """Lock the open wallet (if any), then run `then`. With `ask`, unsaved view edits are asked about."""
        flow = self.window.flow
        if flow.state is not Step.UNLOCKED:
            if then is not None:
                then()
            return
        page = self.opportunities_page()
        unsaved = page.unsaved_view() if page is not None else ""
        if unsaved and ask:
            self._then = then
            self.prompt.setText(_("You changed the view “{name}” and did not save it. Save the changes before "
                                   "locking?").format(name=unsaved))
            self.prompt.open()
            return
        if unsaved and page is not None:
            page.save_view_now()
        self._lock_now(then)

    def _answered(self, chosen: object) -> None:
        then, self._then = self._then, None
        page = self.opportunities_page()
        if chosen is None or chosen is self.prompt.cancel or page is None:
            return
        if chosen is self.prompt.save:
            page.save_view_now()
        else:
            page.editor.clear()
        self._lock_now(then)

    def _lock_now(self, then: Callable[[], None] | None) -> None:
        if self.window.flow.state is Step.UNLOCKED:
            self.window.flow.lock()  # cancels an import, check or match still running; never waits for it
        if then is not None:
            then()

    def follow(self, session: Session | None) -> None:
        """Called on every change of step: starts the idle timer on unlock, tidies up after a lock."""
        was, self._session = self._session, session
        if session is not None and was is None:
            self.window.idle.start()
            self.window.wallet_menu.remember(session.path)
        elif session is None and was is not None:
            self._after_lock()

    def _after_lock(self) -> None:
        w = self.window
        w.idle.stop()
        restore = w.wallet_menu.restore_dialog
        for dialog in w.findChildren(QDialog):
            if dialog.isVisible() and dialog is not self.prompt and not (dialog is restore and restore.restoring):
                finish = getattr(dialog, "finish", None)
                if callable(finish):
                    finish()
                else:
                    dialog.reject()
        clear_if_ours()
        if w.flow.state is Step.UNLOCK:
            w.unlock.passphrase.setFocus()
            QTimer.singleShot(0, self._focus_passphrase)  # after the page switch has settled

    def _focus_passphrase(self) -> None:
        w = self.window
        restoring = w.wallet_menu.restore_dialog.isVisible()
        if w.flow.state is Step.UNLOCK and w.stack.currentWidget() is w.unlock and not restoring:
            w.activateWindow()
            w.unlock.passphrase.setFocus()

    # -- leaving for another wallet -------------------------------------------------------------------------
    def leave_wallet(self, then: Callable[[], None]) -> None:
        """Lock (asking about unsaved edits), go back to the start, then `then` (open another wallet)."""
        def back_to_start() -> None:
            flow = self.window.flow
            if flow.state in (Step.CREATE, Step.UNLOCK, Step.RECOVER):
                flow.back()
            if flow.state is Step.START:
                then()

        self.lock(ask=True, then=back_to_start)

    def _choose_folder(self) -> None:
        self.window._open_existing()

    def _open(self, path: Path) -> None:
        flow = self.window.flow
        if flow.state in (Step.CREATE, Step.UNLOCK, Step.RECOVER):
            flow.back()
        if flow.state is Step.START:
            flow.choose_open(path)

    def _preferences_changed(self) -> None:
        w = self.window
        w.idle.set_minutes(w.preferences.values.lock_minutes)
        values = w.preferences.values
        w.recovery_code.paper = values.paper  # a new wallet's recovery kit
        w.welcome.set_recent(list(values.recent) if values.remember_recent else [])
