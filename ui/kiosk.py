"""Kiosk mode (`ler-wallet gui --kiosk`, or `enabled = true` in the administrator's kiosk.toml): one shared
computer, many clients, a career navigator beside them.

What changes in the window:
- Full screen; no recent wallets, no demo wallet (it would be made on this computer), no settings file read or
  written (`KioskPreferences` keeps the look and lock time in memory only); Qt's own file dialogs (a desktop's
  native dialog may add the chosen folder to its recent-files list).
- The client picks their wallet at every sign-in (a USB stick or a folder) or creates one there; the app never
  opens a default wallet by itself, and the create page proposes no place on this computer.
- After `lock_minutes` without input the client is signed out; `warning_seconds` before that a countdown shows
  ('kioskCountdown'). The idle timer itself is desktop-care's `ui.idle_lock.IdleLock`.
- 'signOutButton' in the open wallet's header: lock (asking about an unsaved view), go back to the welcome
  page, forget the wallet's place, empty the clipboard and the selection, close the help panel.
- Passphrase fields stay masked; a 'Show what I type' box under each is the client's to tick, and is unticked
  on every page change. The recovery-code page tells the client to keep the printed kit themselves.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QLayout, QLineEdit, QVBoxLayout, QWidget

from ui.settings import Preferences
from ui.widgets import button, label, name
from wallet.api import N_, AppSettings, KdfParams, KioskConfig, Step, UsageError, _, harden_process

if TYPE_CHECKING:
    from ui.main_window import MainWindow

COUNTDOWN = N_("No one has used the wallet for a while. Signing out in {seconds} seconds. Move the mouse or press a "
               "key to stay.")
KIT_NOTE = N_("On a shared computer: you keep the paper or the printed kit, not your helper. Take it home with "
              "you, and leave nothing here.")
SHOW = N_("Show what I type")
WELCOME_NOTE = N_("This is a shared computer. Keep your wallet on your USB stick or in your own folder, and press "
                  "Sign out when you are done: nothing of yours stays here.")
"""COUNTDOWN, KIT_NOTE, SHOW and WELCOME_NOTE are marked only: they are shown through _()."""


class KioskPreferences(Preferences):
    """The app's settings in kiosk mode: the defaults with the administrator's lock time, never read from nor
    saved to a file (a client's choices must not stay on the computer)."""

    def __init__(self, config: KioskConfig, parent: QObject | None = None) -> None:
        super().__init__(Path(os.devnull), parent)
        self.values = AppSettings(lock_minutes=config.lock_minutes, remember_recent=False)

    def update(self, values: AppSettings) -> str:
        look_changed = (values.theme, values.text_scale) != (self.values.theme, self.values.text_scale)
        self.values = values.remembering(False)
        app = QCoreApplication.instance()
        if look_changed and isinstance(app, QApplication):
            self.apply_look(app)
        self.changed.emit()
        return ""


def _insert_after(anchor: QWidget, widget: QWidget) -> None:
    """Put `widget` right below `anchor`'s row in the layout that holds it."""
    holder = anchor.parentWidget()
    layout: QLayout | None = holder.layout() if holder is not None else None
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(layout.indexOf(anchor) + 1, widget)


def _shower(edit: QLineEdit) -> Callable[[bool], None]:
    def show(on: bool) -> None:
        edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
    return show


class Kiosk(QObject):
    """Turns `window` into a kiosk under `config` (see the module docstring); `tick()` updates the countdown."""

    def __init__(self, window: MainWindow, config: KioskConfig) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        w = window
        w.guide.kiosk = True
        w.guide.follow()
        w.welcome.demo_button.hide()
        w.welcome.settings_button.hide()
        w.welcome.set_recent([])
        w.idle.set_minutes(config.lock_minutes)

        self.sign_out_button = button(_("Sign out"), "signOutButton", _("Sign out"))
        self.sign_out_button.setAccessibleDescription(
            _("Close your wallet and go back to the start. Nothing of yours stays on this computer."))
        w.records.add_header_button(self.sign_out_button)
        w.records.chain_tab_order()
        self.sign_out_button.clicked.connect(self.sign_out)

        self.countdown = label("", object_name="kioskCountdown")
        self.countdown.setAccessibleName(_("Signing out soon"))
        self.countdown.setStyleSheet("QLabel { background: #fff4ce; color: #4a3800; padding: 8px; font-weight: bold; }")
        self.countdown.hide()
        central = w.centralWidget()
        column = central.layout() if central is not None else None
        if isinstance(column, QVBoxLayout):
            column.insertWidget(1, self.countdown)  # under the help bar, above every page

        welcome_note = label(_(WELCOME_NOTE), "note", object_name="kioskWelcomeNote")
        _insert_after(w.welcome.error, welcome_note)
        kit_note = label(_(KIT_NOTE), "note", object_name="kioskKitNote")
        _insert_after(w.recovery_code.confirm, kit_note)
        w.recovery_code.keep_note.hide()  # the kiosk's note says the same for a shared computer: one note, not two
        self.show_boxes: list[QCheckBox] = []
        for index, edit in enumerate(self._secret_fields()):
            box = QCheckBox(_(SHOW))
            name(box, f"showPassphrase{index}", _(SHOW), _("Only you should tick this. Your helper should look away."))
            box.toggled.connect(_shower(edit))
            field_box = edit.parentWidget()
            if field_box is not None:
                _insert_after(field_box, box)
                QWidget.setTabOrder(edit, box)
            self.show_boxes.append(box)
        w.stack.currentChanged.connect(lambda _i: self._page_changed())
        w.idle.lock_now.connect(lambda _reason: QTimer.singleShot(0, self.sign_out))

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self._page_changed()

    def _secret_fields(self) -> list[QLineEdit]:
        w = self.window
        pages: list[QWidget] = [w.create_page, w.unlock, w.recover]
        return [edit for page in pages for edit in page.findChildren(QLineEdit)
                if edit.echoMode() == QLineEdit.EchoMode.Password]

    # -- what the client sees -------------------------------------------------------------------------
    def _page_changed(self) -> None:
        for box in self.show_boxes:
            box.setChecked(False)
        QTimer.singleShot(0, self._no_place_here)  # after the page's own enter() has filled its fields

    def _no_place_here(self) -> None:
        """The create page proposes no place on this computer: the client picks their stick or folder."""
        page = self.window.create_page
        if self.window.stack.currentWidget() is page and page.location.text() == page._suggested:
            page.location.clear()
            page.location.setPlaceholderText(_("Choose your USB stick or folder"))

    def tick(self) -> None:
        """Show or hide the countdown before the idle sign-out."""
        idle = self.window.idle
        left = idle.minutes * 60 - idle.idle_seconds()
        showing = idle.active and left <= self.config.warning_seconds
        if showing:
            self.countdown.setText(_(COUNTDOWN).format(seconds=max(0, round(left))))
        self.countdown.setVisible(showing)

    # -- signing out ---------------------------------------------------------------------------------------
    def sign_out(self) -> None:
        """Close the wallet (asking about an unsaved view), back to the welcome page, and forget the client."""
        self.window.locker.lock(ask=True, then=self._back_to_start)

    def _back_to_start(self) -> None:
        flow = self.window.flow
        if flow.state in (Step.CREATE, Step.UNLOCK, Step.RECOVER):
            flow.back()
        if flow.state is not Step.START:
            return
        flow.path = None
        flow.suggested_path = None
        flow.is_demo = False
        self.window.unlock.where.clear()
        self.window.guide.action.setChecked(False)
        self.countdown.hide()
        clipboard = QGuiApplication.clipboard()
        for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
            clipboard.clear(mode)
        self.window._render()
        self.window.welcome.create_button.setFocus()

    def start_page(self) -> None:
        """Kiosk mode starts at the welcome page, whatever wallet this computer might hold."""
        if self.window.flow.state is Step.UNLOCK:
            self._back_to_start()


def open_kiosk(config: KioskConfig, *, kdf: KdfParams | None = None) -> tuple[MainWindow, Kiosk]:
    """The kiosk window on the welcome page, shown full screen unless the administrator said otherwise."""
    from ui.main_window import MainWindow

    preferences = KioskPreferences(config)
    window = MainWindow(None, kdf=kdf, preferences=preferences)
    kiosk = Kiosk(window, config)
    kiosk.start_page()
    if config.full_screen:
        window.showFullScreen()
    else:
        window.show()
    return window, kiosk


def run_kiosk(config: KioskConfig) -> int:
    """`ler-wallet gui --kiosk`: like ui.app.run_app, with the kiosk window."""
    import logging
    import sys

    from ui.app import _show_unexpected, binding_problem, make_app

    harden_process()
    problem = binding_problem()
    if problem:
        raise UsageError(problem)
    logging.basicConfig(level=logging.WARNING)
    app = make_app()
    sys.excepthook = _show_unexpected
    window, _kiosk = open_kiosk(config)
    window.preferences.apply_look(app)
    return app.exec()


__all__ = ["COUNTDOWN", "KIT_NOTE", "WELCOME_NOTE", "Kiosk", "KioskPreferences", "open_kiosk", "run_kiosk"]
