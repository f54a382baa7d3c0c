"""The header's Wallet menu (objectName 'walletMenu', opened by 'walletMenuButton'): what is done to the
wallet as a whole, and the app's own settings.

Items: 'holderProfileAction' (Your profile), 'backupAction' (Back up…), 'restoreAction' (Restore from a
backup…), 'passphraseAction' (Change passphrase…), 'newRecoveryCodeAction' (New recovery code…, with the
recovery kit), 'copyDidAction' (Copy my DID), 'openWalletAction' (Open another wallet…), the 'recentMenu'
(Open recent, unless turned off), 'settingsAction' (Settings…), 'lockAction' (Lock, Ctrl+L shown; the
header's shortcut does it) and 'quitAction' (Quit, Ctrl+Q).

The wallet's items work only while a wallet is unlocked; locking closes their dialogs and forgets what they held.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMenu, QToolButton, QWidget

from ui.clipboard import copy_text
from ui.dialogs.backup import BackupDialog
from ui.dialogs.holder_profile import HolderProfileDialog
from ui.dialogs.new_recovery_code import JobQueue, NewRecoveryCodeDialog
from ui.dialogs.passphrase import PassphraseDialog
from ui.dialogs.restore import RestoreDialog
from ui.dialogs.settings import SettingsDialog
from ui.settings import Preferences
from ui.widgets import name
from wallet.api import AppSettings, KdfParams, Session, WalletError, _


class WalletMenu(QObject):
    """`open_requested(path)`: open another wallet; `lock_requested`: lock now, without questions (a restore);
    `ask_lock`: Ctrl+L pressed in one of its dialogs (lock, asking about unsaved edits); `quit_requested`;
    `open_other_requested`: choose a wallet folder."""

    open_requested = Signal(object)
    ask_lock = Signal()
    open_other_requested = Signal()
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, jobs: JobQueue, window: QWidget, *, after_work: Callable[[], None] | None = None,
                 preferences: Preferences | None = None, kdf: KdfParams | None = None) -> None:
        """`after_work` is called after each change Your profile makes (the records page refreshes then)."""
        super().__init__(window)
        self._session: Session | None = None
        self._window = window
        self.preferences = preferences or Preferences(parent=self)
        self.profile_action = self._action(_("Your profile…"), "holderProfileAction",
                                           _("Your name, contact lines and the identifiers that are yours"))
        self.backup_action = self._action(
            _("Back up…"), "backupAction",
            _("Save an encrypted copy of the whole wallet to a USB stick or another disk"))
        self.restore_action = self._action(
            _("Restore from a backup…"), "restoreAction",
            _("Put a backup's records in place of this wallet's; this one is kept aside"))
        self.passphrase_action = self._action(_("Change passphrase…"), "passphraseAction",
                                              _("Lock the wallet with a new passphrase"))
        self.new_code_action = self._action(
            _("New recovery code…"), "newRecoveryCodeAction",
            _("Replace your recovery code with a new one; the old one stops working"))
        self.copy_did_action = self._action(_("Copy my DID"), "copyDidAction",
                                            _("Copy your wallet's ID (DID); locking clears it from the clipboard"))
        self.open_action = self._action(_("Open another wallet…"), "openWalletAction",
                                        _("Open a wallet folder, for example on a USB stick"), always=True)
        self.settings_action = self._action(
            _("Settings…"), "settingsAction", _("Lock time, colours, text size, language, paper size, recent wallets"),
            always=True)
        self.lock_action = self._action(_("Lock"), "lockAction", _("Lock the wallet (Ctrl+L)"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown; the header's does it
        self.quit_action = self._action(_("Quit"), "quitAction", _("Lock and close LER Wallet (Ctrl+Q)"),
                                        always=True)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.quit_action)
        window.addAction(self.settings_action)
        self.recent_menu = QMenu(_("Open recent"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.menu = QMenu(_("Wallet"), window)
        self.menu.setObjectName("walletMenu")
        self.menu.setAccessibleName(_("Wallet menu"))
        self.menu.setToolTipsVisible(True)
        for item in (self.profile_action, self.copy_did_action, None, self.backup_action, self.restore_action,
                     None, self.passphrase_action, self.new_code_action, None, self.open_action):
            if item is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(item)
        self.recent_action = self.menu.addMenu(self.recent_menu)
        for item in (None, self.settings_action, None, self.lock_action, self.quit_action):
            if item is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(item)
        self.button = QToolButton()
        self.button.setText(_("Wallet") + " ▾")
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        name(self.button, "walletMenuButton", _("Wallet menu"),
             _("The whole wallet: your profile, back up and restore, passphrase and recovery code, settings"))
        self.dialog = NewRecoveryCodeDialog(jobs, window)
        self.profile_dialog = HolderProfileDialog(jobs, window, after_work=after_work)
        self.backup_dialog = BackupDialog(jobs, window)
        self.restore_dialog = RestoreDialog(self.lock_requested.emit, window)
        self.passphrase_dialog = PassphraseDialog(jobs, window, kdf=kdf)
        self.settings_dialog = SettingsDialog(window)
        self.settings_dialog.saved.connect(self._save_settings)
        for dialog in (*self.wallet_dialogs, self.settings_dialog):  # a modal dialog keeps keys from the window
            QShortcut(QKeySequence("Ctrl+L"), dialog, self.ask_lock.emit)
        self.settings_dialog.profile_requested.connect(self.your_profile)
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.open_action.triggered.connect(self.open_other_requested)
        self.profile_action.triggered.connect(self.your_profile)
        self.new_code_action.triggered.connect(self.new_recovery_code)
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action.triggered.connect(self.restore)
        self.passphrase_action.triggered.connect(self.change_passphrase)
        self.copy_did_action.triggered.connect(self.copy_did)
        self.settings_action.triggered.connect(self.settings)
        self._update_recent_item()

    def add_trusted_issuers(self, action: QAction) -> None:
        """The records page's Trusted issuers… ('trustedIssuersAction'), after Copy my DID: the header keeps
        room for its buttons at 1,100 pixels, in Spanish too."""
        self.menu.insertAction(self.backup_action, action)
        self.menu.insertSeparator(self.backup_action)

    def _action(self, text: str, object_name: str, tip: str, *, always: bool = False) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(object_name)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setEnabled(always)
        return action

    @property
    def wallet_dialogs(self) -> list[QDialog]:
        """The dialogs that show or change the open wallet (locking closes them)."""
        return [self.dialog, self.profile_dialog, self.backup_dialog, self.passphrase_dialog, self.restore_dialog]

    def set_session(self, session: Session | None) -> None:
        """The unlocked wallet, or None when locked (which closes the dialogs and clears them)."""
        if session is self._session:
            return
        self._session = session
        for action in (self.new_code_action, self.profile_action, self.backup_action, self.restore_action,
                       self.passphrase_action, self.copy_did_action, self.lock_action):
            action.setEnabled(session is not None)
        self.settings_dialog.trusted.setEnabled(session is not None)
        self.settings_dialog.profile.setEnabled(session is not None)
        if session is None:
            for dialog in self.wallet_dialogs:
                if dialog.isVisible():
                    dialog.finish()  # type: ignore[attr-defined]

    # -- the items ------------------------------------------------------------------------------------
    def your_profile(self) -> None:
        if self._session is not None and not self.profile_dialog.isVisible():
            self.profile_dialog.start(self._session)

    def new_recovery_code(self) -> None:
        if self._session is not None and not self.dialog.isVisible():
            self.dialog.code_page.paper = self.preferences.values.paper
            try:
                self.dialog.code_page.holder = self._session.reader.holder.display_name()
            except WalletError:
                self.dialog.code_page.holder = ""
            self.dialog.start(self._session)

    def back_up(self) -> None:
        if self._session is not None and not self.backup_dialog.isVisible():
            self.backup_dialog.start(self._session)

    def restore(self) -> None:
        if self._session is not None and not self.restore_dialog.isVisible():
            self.restore_dialog.start(self._session.path)

    def change_passphrase(self) -> None:
        if self._session is not None and not self.passphrase_dialog.isVisible():
            self.passphrase_dialog.start(self._session)

    def copy_did(self) -> None:
        if self._session is not None:
            copy_text(self._session.did)

    def settings(self) -> None:
        if not self.settings_dialog.isVisible():
            self.settings_dialog.start(self.preferences.values, unlocked=self._session is not None)

    def _save_settings(self, values: object) -> None:
        if isinstance(values, AppSettings):
            problem = self.preferences.update(values)
            self.settings_dialog.show_error(problem)
            self._update_recent_item()

    # -- recent wallets -------------------------------------------------------------------------------
    def remember(self, path: Path) -> None:
        """A wallet was unlocked: put it first in the recent list (unless the list is turned off)."""
        values = self.preferences.values
        updated = values.with_recent(path)
        if updated != values:
            self.preferences.update(updated)
        self._update_recent_item()

    def _update_recent_item(self) -> None:
        self.recent_action.setVisible(self.preferences.values.remember_recent)
        self.recent_action.setEnabled(bool(self.preferences.values.recent))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for index, shown in enumerate(self.preferences.values.recent):
            action = self.recent_menu.addAction(shown)
            action.setObjectName(f"recentWallet{index}")
            action.triggered.connect(lambda _c=False, p=shown: self.open_requested.emit(Path(p)))
