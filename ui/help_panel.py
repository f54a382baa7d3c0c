"""A guide on the side: the help panel beside every page, toggled by F1 or a visible Help button.

The panel ('helpPanel', a dock on the window's right) says what the shown page is for, the next step and what
its marks mean, from the Markdown in resources/help (wallet.help_texts), in the app's language (the
Settings' Language, or the system's: wallet.i18n.current_language). It follows the page: onboarding pages,
and the four sections of an open wallet. Its foot opens the first-run tour again and the navigator notes.

The Help button sits in the open wallet's header ('helpButton') and, before a wallet is open, in a slim bar
above the page ('helpBar' holding 'startHelpButton'): both show the one checkable action 'helpAction' (F1).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.kiosk_notes import open_notes
from ui.tour import Tour
from ui.widgets import button, name
from wallet.api import Step, _, current_language, help_text

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PANEL_WIDTH = 260
SECTION_PAGES = ("records", "skills", "opportunities", "pathways")


def app_language() -> str:
    """The language of the help texts: the app's own ('en' or 'es'), which ui.i18n.apply_language sets from
    the settings (or the system locale) before the window is built."""
    return current_language()


def help_tip() -> str:
    return _("Show or hide help for this page (F1)")


class HelpPanel(QDockWidget):
    """objectName 'helpPanel': the page's help ('helpText'), 'helpTourButton' and 'navigatorNotesButton'."""

    tour_requested = Signal()
    notes_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Help"), parent)
        self.setObjectName("helpPanel")
        self.setAccessibleName(_("Help"))
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea)
        self.language = language
        self.page = ""
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 6, 12, 12)
        self.text = QTextBrowser()
        name(self.text, "helpText", _("Help for this page"))
        self.text.setOpenLinks(False)  # nothing in the help is a link; nothing is ever fetched
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        column.addWidget(self.text, 1)
        self.tour_button = button(_("Take the tour"), "helpTourButton", _("Take the tour"))
        self.notes_button = button(_("Navigator notes"), "navigatorNotesButton", _("Navigator notes"))
        for foot in (self.tour_button, self.notes_button):  # one above the other: the panel stays narrow
            column.addWidget(foot)
        self.setWidget(body)
        self.setMinimumWidth(240)
        self.tour_button.clicked.connect(self.tour_requested)
        self.notes_button.clicked.connect(self.notes_requested)

    def show_page(self, page: str) -> None:
        """Show the help for `page` (a name in wallet.help_texts.PAGES)."""
        if page == self.page:
            return
        self.page = page
        # One step smaller headings (### and ####): Markdown's # and ## are poster-sized in a narrow panel.
        self.text.setMarkdown(re.sub(r"^(#{1,2}) ", lambda m: "#" * (len(m.group(1)) + 2) + " ",
                                     help_text(page, self.language), flags=re.MULTILINE))
        self.text.setAccessibleDescription(self.text.toPlainText()[:200])


class Guide:
    """Puts the help panel and its Help buttons on `window`, and keeps the panel on the shown page."""

    def __init__(self, window: MainWindow, language: str | None = None) -> None:
        self.window = window
        self.language = language or app_language()
        self.kiosk = False
        self.panel = HelpPanel(self.language, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.action = QAction(_("Help"), window)
        self.action.setObjectName("helpAction")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # F1 inside dialogs too
        self.action.setToolTip(help_tip())
        window.addAction(self.action)
        self.action.toggled.connect(self._toggled)
        self.panel.visibilityChanged.connect(self._panel_visibility)

        self.header_button = self._tool_button("helpButton")
        window.records.add_header_button(self.header_button)
        window.records.chain_tab_order()
        self.bar = QFrame()
        self.bar.setObjectName("helpBar")
        bar_row = QHBoxLayout(self.bar)
        bar_row.setContentsMargins(12, 6, 12, 0)
        bar_row.addStretch(1)
        self.start_button = self._tool_button("startHelpButton")
        bar_row.addWidget(self.start_button)
        self.bar_row = bar_row
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.bar)
        self.tour = Tour(self.language, self._point_at, window)
        self.panel.tour_requested.connect(self.start_tour)
        self.panel.notes_requested.connect(
            lambda: open_notes(window, self.language, window.preferences.values.paper))
        self._was_new = False
        window.stack.currentChanged.connect(lambda _i: self.follow())
        window.workspace.nav.currentChanged.connect(lambda _i: self.follow())
        self.follow()

    def _tool_button(self, object_name: str) -> QToolButton:
        widget = QToolButton()
        widget.setDefaultAction(self.action)
        widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.setCursor(Qt.CursorShape.PointingHandCursor)
        name(widget, object_name, _("Help"), help_tip())
        return widget

    def current_page(self) -> str:
        """The help page for what the window shows now."""
        w = self.window
        shown = w.stack.currentWidget()
        if shown is w.workspace:
            return SECTION_PAGES[max(0, w.workspace.nav.currentIndex())]
        pages: dict[QWidget | None, str] = {w.welcome: "kiosk" if self.kiosk else "welcome", w.create_page: "create",
                 w.recovery_code: "recovery_code", w.unlock: "unlock", w.recover: "recover",
                 w.share_page: "share", w.check_page: "check"}
        return pages.get(shown, "welcome")

    def follow(self) -> None:
        """Show the bar before a wallet is open, and the current page's help in the panel; after a new wallet's
        recovery code, the first-run tour (once per computer, never in kiosk mode)."""
        w = self.window
        self.bar.setVisible(w.stack.currentWidget() is not w.workspace)
        self.panel.show_page(self.current_page())
        if w.stack.currentWidget() is w.recovery_code:
            self._was_new = True
        elif w.stack.currentWidget() is w.workspace and self._was_new:
            self._was_new = False
            if not self.kiosk and not w.preferences.values.tour_seen:
                w.preferences.update(replace(w.preferences.values, tour_seen=True))
                QTimer.singleShot(0, self.start_tour)
        else:
            self._was_new = False

    def start_tour(self) -> None:
        """Open the tour (from Help, or once after a new wallet)."""
        self.tour.start()

    def _point_at(self, section: int) -> None:
        """A tour step shows its section, when a wallet is open (before that the steps are words only)."""
        if self.window.flow.state is Step.UNLOCKED:
            self.window.workspace.go_to(section)

    def _toggled(self, on: bool) -> None:
        self.panel.setVisible(on)
        if on:  # narrow, so the open wallet's header keeps its room at 1366 pixels
            self.window.resizeDocks([self.panel], [PANEL_WIDTH], Qt.Orientation.Horizontal)
        if on:
            self.follow()

    def _panel_visibility(self, visible: bool) -> None:
        if self.action.isChecked() != visible and not self.window.isMinimized():
            self.action.setChecked(visible)


__all__ = ["Guide", "HelpPanel", "app_language"]
