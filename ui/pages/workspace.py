"""The open wallet: the header (wallet name, DID, Trusted issuers, Lock), the page tabs (with About at their
right end), and the pages: Records, Skills, Opportunities and Pathways (Ctrl+1 to Ctrl+4).

The records page works as before; the other three share a SkillsContext (the session, the worker queue and
the skill profile), which is opened and forgotten with the session. Each is made on its first visit.
"""

from __future__ import annotations

import itertools
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTabBar, QToolButton, QVBoxLayout, QWidget

from ui.pages.opportunities import OpportunitiesPage
from ui.pages.pathways import PathwaysPage
from ui.pages.records import RecordsPage
from ui.pages.skills import SkillsPage
from ui.skills_context import SkillsContext
from ui.widgets import CurrentPageStack, name
from wallet.api import N_, Onboarding, _

T = TypeVar("T", SkillsPage, OpportunitiesPage, PathwaysPage)
SECTIONS = (N_("Records"), N_("Skills"), N_("Opportunities"), N_("Pathways"))
"""The page tabs' names in English (marked only: shown through _())."""
SECTION_TIPS = (
    N_("Your records: credentials and experience"),
    N_("The skills your records show, strongest first"),
    N_("Match a job posting, build views to share, credit for prior learning"),
    N_("Where your skills can lead: moves up, sideways and down"),
)


class SkillPage(Protocol):
    def enter(self) -> None: ...
    def leave(self) -> None: ...
    def focusables(self) -> list[QWidget]: ...
    def setFocus(self) -> None: ...


class Workspace(QWidget):
    """objectName 'workspace'; the page tabs are 'mainNav'. Implements the window's page protocol."""

    def __init__(self, records: RecordsPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.records = records
        self.context = SkillsContext(records.commands.jobs, self)
        self._built: dict[int, QWidget] = {}
        """The skill pages made so far: each is made on its first visit (the window opens faster)."""

        self.nav = QTabBar()
        name(self.nav, "mainNav", _("Sections of the wallet"),
             _("Records, Skills, Opportunities and Pathways. Ctrl+1 to Ctrl+4 go straight to one."))
        self.nav.setDrawBase(False)
        self.nav.setExpanding(False)
        self.nav.setUsesScrollButtons(False)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for number, (section, tip) in enumerate(zip(SECTIONS, SECTION_TIPS, strict=True), start=1):
            self.nav.addTab(_(section))
            self.nav.setTabToolTip(number - 1, f"{_(tip)} (Ctrl+{number})")
            self.nav.setTabWhatsThis(number - 1, _(tip))
        strip = QFrame()
        strip.setObjectName("navStrip")
        row = QHBoxLayout(strip)
        row.setContentsMargins(20, 6, 20, 0)
        row.addWidget(self.nav, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        self._strip = row
        self.lead: list[QWidget] = [self.nav]

        self.stack = CurrentPageStack()
        self.stack.setObjectName("sections")
        self.stack.addWidget(records)
        for _later in SECTIONS[1:]:
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(records.header)
        layout.addWidget(strip)
        layout.addWidget(self.stack, 1)

        records.lead = self.lead
        records.chain_tab_order()
        self.nav.currentChanged.connect(self._show_section)
        for number in range(1, len(SECTIONS) + 1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number - 1: self.go_to(n, focus=True))

    # -- the pages, made on first use -----------------------------------------------------------------
    @property
    def skills(self) -> SkillsPage:
        return self._page(1, SkillsPage)

    @property
    def opportunities(self) -> OpportunitiesPage:
        return self._page(2, OpportunitiesPage)

    @property
    def pathways(self) -> PathwaysPage:
        return self._page(3, PathwaysPage)

    def section(self, index: int) -> QWidget:
        return (self.records, self.skills, self.opportunities, self.pathways)[index]

    def _page(self, index: int, kind: type[T]) -> T:
        page = self._built.get(index)
        if page is None:
            page = kind(self.context)
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
            opener = getattr(page, "open_record", None)
            if opener is not None:
                opener.connect(self.show_record)
            self._built[index] = page
        assert isinstance(page, kind)
        return page

    def add_about(self, action: QAction) -> None:
        """The About button, at the right end of the page tabs (its action also answers F1 on every page)."""
        about = QToolButton()
        about.setDefaultAction(action)
        about.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        about.setCursor(Qt.CursorShape.PointingHandCursor)
        about.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        about.setAutoRaise(True)
        name(about, "aboutButton", _("About LER Wallet"), _("Version, what the app is, and credits (F1)"))

        self._strip.addWidget(about, 0, Qt.AlignmentFlag.AlignVCenter)
        self.lead.append(about)
        self.records.chain_tab_order()

    # -- the window's page protocol -----------------------------------------------------------------
    def enter(self, flow: Onboarding) -> None:
        self.nav.setCurrentIndex(0)
        self.records.enter(flow)
        if flow.session is not None:
            self.context.open(flow.session)

    def show_status(self, error: str, busy: bool) -> None:
        self.records.show_status(error, busy)

    def leave(self) -> None:
        """Forget the session on every page (nothing readable stays on screen)."""
        self.context.close()
        for page in self._built.values():
            self._as_skill_page(page).leave()
        self.records.leave()

    def finish_work(self) -> None:
        """Block until work running for any page is done (before locking or closing)."""
        self.records.finish_work()
        self.context.wait()

    # -- moving between pages -----------------------------------------------------------------------
    def go_to(self, index: int, *, focus: bool = False) -> None:
        self.nav.setCurrentIndex(index)
        if focus:
            page = self.stack.currentWidget()
            if page is self.records:
                self.records.search.setFocus()
            elif page is not None:
                self._as_skill_page(page).focusables()[0].setFocus()

    def show_record(self, record_id: str) -> None:
        """Open one record on the records page (from a skill's evidence or a posting's match)."""
        self.go_to(0)
        self.records.select_record(record_id)
        self.records.list.setFocus()

    def _show_section(self, index: int) -> None:
        page = self.section(index)
        self.stack.setCurrentWidget(page)
        if page is self.records:
            self.records.chain_tab_order()
            return
        chain = [*self.lead, *self._as_skill_page(page).focusables(), *self.records.header_buttons]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._as_skill_page(page).enter()

    @staticmethod
    def _as_skill_page(widget: QWidget) -> SkillPage:
        return widget  # type: ignore[return-value]
