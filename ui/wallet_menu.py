"""The header's Wallet menu (objectName 'walletMenu', opened by 'walletMenuButton'): what is done to the
wallet as a whole. Its item 'holderProfileAction' opens Your profile (HolderProfileDialog: name, contact lines,
identifiers that are yours); 'newRecoveryCodeAction' replaces the recovery code (NewRecoveryCodeDialog).

The menu is usable only while a wallet is unlocked; locking closes the dialog and forgets what it held.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ui.dialogs.holder_profile import HolderProfileDialog
from ui.dialogs.new_recovery_code import JobQueue, NewRecoveryCodeDialog
from ui.widgets import name
from wallet.api import Session


class WalletMenu(QObject):
    def __init__(self, jobs: JobQueue, window: QWidget, *, after_work: Callable[[], None] | None = None) -> None:
        """`after_work` is called after each change Your profile makes (the records page refreshes then)."""
        super().__init__(window)
        self._session: Session | None = None
        self.profile_action = QAction("Your profile…", window)
        self.profile_action.setObjectName("holderProfileAction")
        self.profile_action.setStatusTip("Your name, contact lines and the identifiers that are yours")
        self.profile_action.setToolTip(self.profile_action.statusTip())
        self.profile_action.setEnabled(False)
        self.profile_action.triggered.connect(self.your_profile)
        self.new_code_action = QAction("New recovery code…", window)
        self.new_code_action.setObjectName("newRecoveryCodeAction")
        self.new_code_action.setStatusTip("Replace your recovery code with a new one; the old one stops working")
        self.new_code_action.setToolTip(self.new_code_action.statusTip())
        self.new_code_action.setEnabled(False)
        self.new_code_action.triggered.connect(self.new_recovery_code)
        self.menu = QMenu("Wallet", window)
        self.menu.setObjectName("walletMenu")
        self.menu.setAccessibleName("Wallet menu")
        self.menu.setToolTipsVisible(True)
        self.menu.addAction(self.profile_action)
        self.menu.addAction(self.new_code_action)
        self.button = QToolButton()
        self.button.setText("Wallet ▾")
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        name(self.button, "walletMenuButton", "Wallet menu",
             "Things to do with the whole wallet: your profile, a new recovery code")
        self.dialog = NewRecoveryCodeDialog(jobs, window)
        self.profile_dialog = HolderProfileDialog(jobs, window, after_work=after_work)

    def set_session(self, session: Session | None) -> None:
        """The unlocked wallet, or None when locked (which closes the dialog and clears it)."""
        if session is self._session:
            return
        self._session = session
        self.new_code_action.setEnabled(session is not None)
        self.profile_action.setEnabled(session is not None)
        if session is None and self.dialog.isVisible():
            self.dialog.finish()
        if session is None and self.profile_dialog.isVisible():
            self.profile_dialog.finish()

    def your_profile(self) -> None:
        if self._session is not None and not self.profile_dialog.isVisible():
            self.profile_dialog.start(self._session)

    def new_recovery_code(self) -> None:
        if self._session is not None and not self.dialog.isVisible():
            self.dialog.start(self._session)
