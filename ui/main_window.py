"""The main window: a stack of pages that simply shows where the onboarding flow is.

The flow (wallet.flows.onboarding) decides; this window draws it, forwards what the person does,
and runs the flow's slow call (Argon2id) on a worker thread so the window keeps responding.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import locking
from ui.dialogs.about import AboutDialog
from ui.dropping import DropImport
from ui.help_panel import Guide
from ui.idle_lock import IdleLock
from ui.integrity import IntegrityWatch
from ui.pages.check import CheckPage
from ui.pages.create import CreatePage
from ui.pages.records import RecordsPage
from ui.pages.recover import RecoverPage
from ui.pages.recovery_code import RecoveryCodePage
from ui.pages.share import SharePage
from ui.pages.unlock import UnlockPage
from ui.pages.welcome import WelcomePage
from ui.pages.workspace import Workspace
from ui.places import start_place
from ui.settings import Preferences
from ui.wallet_menu import WalletMenu
from ui.widgets import CurrentPageStack, button
from ui.worker import Runner
from wallet.api import SUFFIX, KdfParams, Onboarding, Outcome, Step, _, start_warm_up

APP_NAME = "LER Wallet"  # i18n: not shown


class Page(Protocol):
    def enter(self, flow: Onboarding) -> None: ...
    def leave(self) -> None: ...
    def show_status(self, error: str, busy: bool) -> None: ...


class MainWindow(QMainWindow):
    """objectName 'mainWindow'. `kdf` is the Argon2id cost for wallets made here (None: calibrate);
    `idle_clock` the clock the idle lock reads (tests move it); `preferences` the app's settings."""

    def __init__(self, wallet_path: Path | None = None, *, kdf: KdfParams | None = None,
                 idle_clock: Callable[[], float] = time.monotonic, preferences: Preferences | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(480, 360))  # the pages scroll instead of demanding room (locking.fit_to_screen)
        self.resize(1100, 700)
        self.preferences = preferences or Preferences(parent=self)
        self.idle = IdleLock(self, minutes=self.preferences.values.lock_minutes, clock=idle_clock)
        self.runner = Runner(self)
        self.runner.finished.connect(self._work_done)

        self._kdf = kdf
        self.integrity = IntegrityWatch(self)
        self.integrity.damaged.connect(self._show_damage)
        self._built: list[QObject] = []
        self._build()
        self.flow = Onboarding(wallet_path, kdf=kdf, on_change=self._on_step)
        self._render()
        self._finish_build()
        self.preferences.language_changed.connect(lambda _code: QTimer.singleShot(0, self.retranslate))

    def _build(self) -> None:
        """Every part of the window that shows words: pages, header, menus, dialogs (built again by
        `retranslate` when the language changes). The flow, settings, idle lock and workers stay."""
        self._before = set(self.children())
        kdf = self._kdf
        self.welcome = WelcomePage()
        self.create_page = CreatePage()
        self.recovery_code = RecoveryCodePage()
        self.unlock = UnlockPage()
        self.recover = RecoverPage()
        self.records = RecordsPage()
        self.workspace = Workspace(self.records)
        self.stack = CurrentPageStack()
        self.stack.setObjectName("pages")
        for page in (self.welcome, self.create_page, self.recovery_code, self.unlock, self.recover, self.workspace):
            self.stack.addWidget(page)
        self.share_page = SharePage(self.records.commands.jobs)  # shown over the workspace; Back returns
        self.check_page = CheckPage()  # needs no wallet: from the welcome page too
        self.stack.addWidget(self.share_page)
        self.stack.addWidget(self.check_page)
        # Damage the background check finds after unlock is said here, above every page, until the wallet locks.
        self.damage_banner = QLabel()
        self.damage_banner.setObjectName("damageBanner")
        self.damage_banner.setWordWrap(True)
        self.damage_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.damage_banner.setAccessibleName(_("The wallet is damaged"))
        self.damage_banner.setStyleSheet("QLabel { background: #fde8e8; color: #7a1010; padding: 8px; }")
        self.damage_banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.damage_banner)
        self.page_scroll = QScrollArea()  # a page that wants more room than the window has scrolls
        self.page_scroll.setObjectName("windowScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page_scroll.setWidget(self.stack)
        column.addWidget(self.page_scroll)
        self.setCentralWidget(central)
        self._pages: dict[Step, QWidget] = {
            Step.START: self.welcome,
            Step.CREATE: self.create_page,
            Step.RECOVERY_CODE: self.recovery_code,
            Step.UNLOCK: self.unlock,
            Step.RECOVER: self.recover,
            Step.UNLOCKED: self.workspace,
        }
        self.about_dialog: AboutDialog | None = None
        self.about_action = QAction(_("About LER Wallet"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.setIconText(_("About"))
        self.about_action.setToolTip(_("About LER Wallet: version, what it is, credits"))
        self.about_action.setStatusTip(_("About LER Wallet: version, what it is, credits"))
        self.about_action.triggered.connect(self.show_about)
        self.addAction(self.about_action)
        self.workspace.add_about(self.about_action)
        self.wallet_menu = WalletMenu(  # profile, backup, restore, passphrase, recovery code, settings, recent
            self.records.commands.jobs, self, after_work=self.records.flush_changes, preferences=self.preferences,
            kdf=kdf,
        )
        self.locker = locking.Locker(self)
        self.wallet_menu.add_trusted_issuers(self.records.commands.trusted_action)
        self.records.add_header_button(self.wallet_menu.button)
        self.share_button = button(_("Share…"), "shareButton", _("Share a view: bundle, QR code, PDF résumé"))
        self.check_button = button(_("Check…"), "checkButton", _("Check a shared record someone sent"))
        self.records.add_header_button(self.share_button)
        self.records.add_header_button(self.check_button)
        self.drops = DropImport(self, self.records)  # files and folders dropped anywhere are imported
        self.records.drops = self.drops
        self._current: QWidget | None = None
        self._connect()

    def _finish_build(self) -> None:
        self.guide = Guide(self)  # the help panel (F1) and its Help buttons
        self._built = [child for child in self.children() if child not in self._before]

    def _connect(self) -> None:
        self.welcome.create_clicked.connect(lambda: self.flow.choose_create())
        self.welcome.open_clicked.connect(self._open_existing)
        self.welcome.recover_clicked.connect(lambda: self.flow.choose_recover())
        self.create_page.submitted.connect(
            lambda location, first, second: self.flow.submit_create(location, first, second)
        )
        self.create_page.back_clicked.connect(lambda: self.flow.back())
        self.recovery_code.continue_clicked.connect(lambda ticked: self.flow.confirm_written_down(ticked))
        self.unlock.submitted.connect(lambda passphrase: self.flow.submit_unlock(passphrase))
        self.unlock.other_wallet_clicked.connect(lambda: self.flow.back())
        self.unlock.forgot_clicked.connect(lambda: self.flow.choose_recover())
        self.recover.submitted.connect(
            lambda location, code, first, second: self.flow.submit_recover(location, code, first, second)
        )
        self.recover.back_clicked.connect(lambda: self.flow.back())
        self.records.lock_requested.connect(self.lock)
        self.records.posting_requested.connect(lambda: self.workspace.go_to(2, focus=True))
        self.share_button.clicked.connect(lambda: self.show_aside(self.share_page))
        self.check_button.clicked.connect(lambda: self.show_aside(self.check_page))
        self.welcome.check_clicked.connect(lambda: self.show_aside(self.check_page))
        self.share_page.back_clicked.connect(self.back_from_aside)
        self.check_page.back_clicked.connect(self.back_from_aside)
        self.locker.wire()

    # -- the language changed ---------------------------------------------------------------------
    def retranslate(self) -> None:
        """Build the window's words again in the language just chosen (Settings ▸ Language): every page, the
        header, the menus and dialogs are made anew, and the open wallet, the page or section shown, the chosen
        record, the search text, a pasted posting and the help panel stay as they were. Work still running
        finishes first, and a view edited and not saved is saved (as a lock nobody asked for does). Kiosk mode
        (whose parts sit on top of the pages) keeps its language until the app starts again."""
        if self.guide.kiosk:
            return
        shown = self.stack.currentWidget()
        aside = "share" if shown is self.share_page else "check" if shown is self.check_page else ""
        section = self.workspace.nav.currentIndex()
        record = self.records.detail.record.id if self.records.detail.record is not None else None
        helping = self.guide.action.isChecked()
        banner = "" if self.damage_banner.isHidden() else self.damage_banner.text()
        search = self.records.search.text()
        opportunities = self.locker.opportunities_page()
        posting = opportunities.posting.toPlainText() if opportunities is not None else ""
        if opportunities is not None and opportunities.unsaved_view():
            opportunities.save_view_now()
        self.workspace.finish_work()
        if self._current is not None:
            self._as_page(self._current).leave()
        self.guide.action.setChecked(False)
        dialogs_since = [child for child in self.children() if isinstance(child, QDialog) and child not in self._built
                         and child not in self._before]  # About, navigator notes: made when first asked for
        old, old_central = [*self._built, *dialogs_since], self.takeCentralWidget()
        for part in old:
            if isinstance(part, QDockWidget):
                self.removeDockWidget(part)
        if old_central is not None:
            old_central.deleteLater()
        for built in old:
            built.deleteLater()
        self._build()
        self._render()
        self._finish_build()
        if banner:
            self._show_damage(banner)
        if self.flow.state is Step.UNLOCKED:
            if posting:
                self.workspace.opportunities.posting.setPlainText(posting)
            self.workspace.go_to(max(0, section))
            self.records.search.setText(search)
            if record is not None:
                self.records.select_record(record)
        if aside:
            self.show_aside(self.share_page if aside == "share" else self.check_page)
        self.guide.action.setChecked(helping)

    # -- actions --------------------------------------------------------------------------------
    def lock(self) -> None:
        """Drop the session and go back to the unlock page (the Lock button and Ctrl+L), asking first about a
        view with unsaved changes (ui.locking)."""
        self.locker.lock(ask=True)

    def show_about(self) -> None:
        """The About box (the About button beside the page tabs)."""
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self)
        self.about_dialog.start()

    def show_aside(self, page: QWidget) -> None:
        """The Share or Check page in place of the current one (Back returns to it)."""
        self.stack.setCurrentWidget(page)
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    def back_from_aside(self) -> None:
        self.stack.setCurrentWidget(self._current or self.welcome)

    def _open_existing(self) -> None:
        suggested = self.flow.suggested_path.parent if self.flow.suggested_path else None
        start = suggested if suggested is not None and suggested.is_dir() else start_place()[0]  # a USB stick, home
        chosen = QFileDialog.getExistingDirectory(self, _("Open your wallet folder"), str(start))
        if chosen:
            self.flow.choose_open(chosen)

    # -- drawing the flow -----------------------------------------------------------------------
    def _on_step(self, step: Step) -> None:
        if step is Step.WORKING:
            self.runner.start(self.flow.work)
        self._render()

    @Slot(object)
    def _work_done(self, outcome: Outcome) -> None:
        self.flow.finish(outcome)

    def _render(self) -> None:
        flow = self.flow
        busy = flow.state is Step.WORKING
        shown = flow.origin if busy and flow.origin else flow.state
        page = self._pages.get(shown)
        if page is not self._current:
            if self._current is not None:
                self._as_page(self._current).leave()
            self._current = page
            if page is not None:
                self.stack.setCurrentWidget(page)
                self._as_page(page).enter(flow)
        if page is not None:
            self._as_page(page).show_status(flow.error, busy)
        self.wallet_menu.set_session(flow.session if flow.state is Step.UNLOCKED else None)
        unlocked = flow.session if flow.state is Step.UNLOCKED else None
        self.locker.follow(unlocked)
        self.share_page.follow(unlocked)
        if unlocked is None:
            self.damage_banner.hide()
        self.integrity.follow(unlocked)
        self._set_title()

    @Slot(str)
    def _show_damage(self, sentence: str) -> None:
        self.damage_banner.setText(sentence)
        self.damage_banner.show()

    def _set_title(self) -> None:
        session = self.flow.session
        if self.flow.state is Step.UNLOCKED and session is not None:
            start_warm_up()  # the skills pages open without a wait; it touches no wallet, only shared caches
            self.setWindowTitle(f"{session.path.name.removesuffix(SUFFIX)} — {APP_NAME}")
        else:
            self.setWindowTitle(APP_NAME)

    @staticmethod
    def _as_page(widget: QWidget) -> Page:
        return widget  # type: ignore[return-value]

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab from the header's last button goes round to the page tabs (and Shift+Tab back): Qt's focus ring
        otherwise wanders through the other pages' hidden widgets and came back inside the page, skipping the
        page tabs and About after one pass."""
        if self.stack.currentWidget() is self.workspace:
            first, last = self.workspace.lead[0], self.records.header_buttons[-1]
            focused = self.focusWidget()
            if next and focused is last:
                first.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if not next and focused is first:
                last.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
        return super().focusNextPrevChild(next)

    # -- closing --------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Lock whatever is open (cancelling its jobs), then wait for the job threads to wind down; a slow
        unlock still running finishes and its session is locked too."""
        self.flow.close()
        self.workspace.finish_work()
        self.runner.wait()
        self.integrity.follow(None)
        self.integrity.wait()
        self.wallet_menu.restore_dialog.wait()
        super().closeEvent(event)
