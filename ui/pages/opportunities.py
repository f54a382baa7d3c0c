"""Opportunities: match a job posting against the learner's skills, keep views made for opportunities (the
records and skills to share for one, with a statement), and map a course's learning outcomes for credit for
prior learning. Three tabs: "Match a posting", "Saved views", "Credit for prior learning".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ui.credential_actions import announce
from ui.dialogs.view_dialogs import DeleteViewDialog, NewViewDialog
from ui.pages.cpl_panel import CplPanel
from ui.pages.match_results import MatchResults
from ui.pages.skill_parts import (
    DATA_ROLE,
    StatusLine,
    add_item,
    button_row,
    lines_list,
    page_body,
    taxonomy_note,
)
from ui.pages.view_editor import ViewEditor
from ui.skills_context import READING, SkillsContext
from ui.widgets import button, field, label, name
from ui.worker import Failed
from wallet.api import (
    N_,
    Session,
    ViewRow,
    WalletError,
    _,
    format_date,
    ngettext,
    read_text_input,
    start_recogniser_warm_up,
)

POSTING_PATTERNS = "(*.txt *.json *.jsonld *.html *.htm *.md);;"  # i18n: not shown
NO_VIEWS = N_("No saved views yet. Match a posting, then press “Make a view for this…”.")


def posting_files() -> str:
    """The open dialog's filter: its descriptions in the app's language, the patterns as they are."""
    return _("Job postings") + " " + POSTING_PATTERNS + _("All files") + " (*)"


def changed_words(stamp: str) -> str:
    """'2026-11-28T12:25:09Z' → 'Changed 28 November 2026 at 12:25.' in the computer's time zone."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return _("Changed {date}.").format(date=stamp)
    return _("Changed {date} at {time}.").format(date=format_date(moment), time=f"{moment:%H:%M}")


def view_lines(view: ViewRow) -> list[str]:
    """'Forklift job' / 'For: Forklift Operator · 5 records · 5 skills'."""
    title = view.opportunity_title
    parts = [_("For: {opportunity}").format(opportunity=title)] if title else []
    records, skills = len(view.record_ids), len(view.skill_ids)
    parts += [ngettext("{n} record", "{n} records", records).format(n=records),
              ngettext("{n} skill", "{n} skills", skills).format(n=skills)]
    changed = changed_words(view.updated_at) if view.updated_at else ""
    return [view.name, " · ".join(parts), changed]


def _open_view(view_id: str) -> Any:
    def call(session: Session) -> tuple[ViewRow, list[tuple[str, str]], list[tuple[str, str]]]:
        skills = session.skills
        view = skills.view(view_id)
        records = [(r.id, r.title) for r in session.list_records()]
        labels = [(s.skill_id, s.label) for s in skills.profile().ordered()]
        known = {s for s, _ in labels}
        extra = [(s, skills.skill_label(s)) for s in view.skill_ids if s not in known]
        return view, records, extra + labels
    return call


class OpportunitiesPage(QWidget):
    """objectName 'opportunitiesPage'. `open_record(record_id)` asks the window to show a record."""

    open_record = Signal(str)

    def __init__(self, context: SkillsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._views_loaded = False
        layout = page_body(self, "opportunitiesPage", _("Opportunities"))
        note = taxonomy_note()
        if note is not None:
            layout.addWidget(note)
        self.tabs = QTabWidget()
        name(self.tabs, "opportunityTabs", _("Opportunities"))
        self.tabs.setDocumentMode(True)
        bar = self.tabs.tabBar()
        if bar is not None:
            bar.setDrawBase(False)
            name(bar, "opportunityTabBar", _("Opportunity tools"))
        self.tabs.addTab(self._match_tab(), _("Match a posting"))
        self.tabs.addTab(self._views_tab(), _("Saved views"))
        self.cpl = CplPanel()
        self.tabs.addTab(self.cpl, _("Credit for prior learning"))
        layout.addWidget(self.tabs, 1)
        self.new_view_dialog = NewViewDialog(self)
        self.delete_dialog = DeleteViewDialog(self)

        self.match_button.clicked.connect(self.match)
        self.open_file_button.clicked.connect(self._open_file)
        self.results.create_view.connect(self._ask_view_name)
        self.results.open_record.connect(self.open_record)
        self.new_view_dialog.named.connect(self._create_view)
        self.view_list.itemActivated.connect(lambda _item: self._open_chosen())
        self.view_list.currentItemChanged.connect(lambda _item, _old: self._update_buttons())
        self.open_button.clicked.connect(self._open_chosen)
        self.duplicate_button.clicked.connect(self._duplicate)
        self.delete_button.clicked.connect(self._ask_delete)
        self.delete_dialog.confirmed.connect(self._delete)
        self.editor.save_requested.connect(self._save)
        self.cpl.map_requested.connect(self._map_outcomes)
        self.cpl.open_record.connect(self.open_record)
        self._update_buttons()

    def _match_tab(self) -> QWidget:
        self.posting = QPlainTextEdit()
        name(self.posting, "postingBox", _("Job posting"),
             _("Paste the posting's text, or open a text or JSON-LD file with Open a file."))
        self.posting.setProperty("role", "prose")
        self.posting.setTabChangesFocus(True)
        self.posting.textChanged.connect(start_recogniser_warm_up)  # a posting is coming: ready the recogniser
        self.posting.setPlaceholderText(_("Paste the whole job posting here: its title, duties and requirements."))
        self.open_file_button = button(_("Open a file…"), "openPostingButton", _("Open a job posting file"))
        self.open_file_button.setAccessibleDescription(_("A text file, a web page or schema.org JobPosting JSON-LD."))
        self.match_button = button(_("Match"), "matchButton", _("Match the posting with your skills"), primary=True)
        self.match_status = StatusLine("matchStatus")
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(field(_("&Job posting (paste it, or open a file)"), self.posting), 1)
        column.addLayout(button_row(self.open_file_button, self.match_button, stretch_at=1))
        column.addWidget(self.match_status)
        self.results = MatchResults()
        return self._split(left, self.results, [360, 640])

    def _views_tab(self) -> QWidget:
        self.view_list = lines_list("viewList", _("Saved views"), _("Press Enter to open a view."))
        self.open_button = button(_("Open"), "openViewButton", _("Open the chosen view"))
        self.duplicate_button = button(_("Duplicate"), "duplicateViewButton", _("Duplicate the chosen view"))
        self.delete_button = button(_("Delete…"), "deleteViewButton", _("Delete the chosen view"))
        self.views_status = StatusLine("viewsStatus")
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(label(_("Each view is what you would share for one opportunity: chosen records and "
                                 "skills, with a statement."), "muted"))
        column.addWidget(self.view_list, 1)
        column.addLayout(button_row(self.open_button, self.duplicate_button, self.delete_button))
        column.addWidget(self.views_status)
        self.editor = ViewEditor()
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 8, 0, 0)
        right_column.addWidget(self.editor)
        return self._split(left, right, [340, 660])

    @staticmethod
    def _split(left: QWidget, right: QWidget, sizes: list[int]) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(16)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes(sizes)
        return splitter

    # -- page protocol ----------------------------------------------------------------------------------
    def enter(self) -> None:
        if not self._views_loaded:
            self._views_loaded = True
            self._load_views()

    def leave(self) -> None:
        """Forget the posting, results, views and outcomes (nothing of the learner's stays on screen)."""
        for dialog in (self.new_view_dialog, self.delete_dialog):
            dialog.reject()
        self.posting.clear()
        self.results.clear()
        self.match_status.clear()
        self.view_list.clear()
        self.views_status.clear()
        self.editor.clear()
        self.cpl.clear()
        self._views_loaded = False
        self.tabs.setCurrentIndex(0)
        self._update_buttons()

    def unsaved_view(self) -> str:
        """The name of the view open in the editor with changes not saved yet, or ''."""
        editor = self.editor
        return editor.view.name or _("this view") if editor.dirty and editor.view is not None else ""

    def save_view_now(self) -> None:
        """Save the editor's changes and wait for the save to finish (before the wallet locks)."""
        editor = self.editor
        if editor.dirty and editor.view is not None:
            editor.save_requested.emit(editor.view.id, *editor.values())
            self.context.wait()

    def focusables(self) -> list[QWidget]:
        return [self.tabs.tabBar(), self.posting, self.open_file_button, self.match_button, self.results,
                self.results.create_button,
                self.results.skills, self.view_list, self.open_button, self.duplicate_button, self.delete_button,
                *self.editor.focusables(), *self.cpl.focusables()]

    # -- matching ---------------------------------------------------------------------------------------
    def match(self) -> None:
        text = self.posting.toPlainText().strip()
        if not text:
            self.match_status.set(_("Paste a job posting first, or open a file."), error=True)
            self.posting.setFocus()
            return
        waiting = _(READING) if self.context.profile is None else _("Matching the posting with your skills…")
        if self.context.run(lambda s: (s.skills.match(text), _titles(s)), self._matched):
            self.match_button.setEnabled(False)
            self.match_status.set(waiting, busy=True)

    def _matched(self, result: Any) -> None:
        self.match_button.setEnabled(True)
        if isinstance(result, Failed):
            self.match_status.set(result.message, error=True)
            return
        self.match_status.clear()
        matched, titles = result
        self.results.show_result(matched, titles)
        announce(self.results, matched.explanation)

    def _open_file(self) -> None:
        chosen = QFileDialog.getOpenFileName(self, _("Open a job posting"), str(Path.home()), posting_files())[0]
        if not chosen:
            return
        try:
            text = read_text_input(chosen, _("The posting"))
        except WalletError as exc:
            self.match_status.set(exc.message, error=True)
            return
        self.posting.setPlainText(text)
        self.match()

    # -- views ------------------------------------------------------------------------------------------
    def _ask_view_name(self) -> None:
        result = self.results.result
        self.new_view_dialog.start(((result.title if result is not None else "") or _("My view"))[:80])

    def _create_view(self, view_name: str) -> None:
        text = self.posting.toPlainText().strip()
        if self.context.run(lambda s: s.skills.create_view(view_name, text), self._view_created):
            self.results.create_button.setEnabled(False)
            self.match_status.set(_("Making the view…"), busy=True)

    def _view_created(self, result: Any) -> None:
        self.results.create_button.setEnabled(True)
        if isinstance(result, Failed):
            self.match_status.set(result.message, error=True)
            return
        self.match_status.set(_("Made the view “{view}”. It is open on the “Saved views” tab.").format(
            view=result.name))
        self.tabs.setCurrentIndex(1)
        self._views_loaded = True
        self._load_views(open_id=result.id)

    def _load_views(self, open_id: str | None = None, note: str = "") -> None:
        def done(result: Any) -> None:
            if isinstance(result, Failed):
                self.views_status.set(result.message, error=True)
                return
            self._fill_views(result, open_id or self._current_view_id())
            if open_id:
                self._open(open_id)
            elif note:
                self.views_status.set(note)
            elif not self.context.jobs.busy():
                self.views_status.clear()

        self.context.run(lambda s: s.skills.views(), done)

    def _fill_views(self, views: list[ViewRow], keep: str | None) -> None:
        self.view_list.clear()
        for view in views:
            add_item(self.view_list, view_lines(view), view.id)
        if not views:
            add_item(self.view_list, [_(NO_VIEWS)], enabled=False)
        ids = [v.id for v in views]
        if views:
            self.view_list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._update_buttons()

    def _current_view_id(self) -> str | None:
        item = self.view_list.currentItem()
        return str(item.data(DATA_ROLE)) if item is not None and item.data(DATA_ROLE) else None

    def _update_buttons(self) -> None:
        chosen = self._current_view_id() is not None
        for widget in (self.open_button, self.duplicate_button, self.delete_button):
            widget.setEnabled(chosen)

    def _open_chosen(self) -> None:
        view_id = self._current_view_id()
        if view_id is not None:
            self._open(view_id)

    def _open(self, view_id: str) -> None:
        editor = self.editor
        if editor.dirty and editor.view is not None and editor.view.id != view_id:
            editor.save_requested.emit(editor.view.id, *editor.values())  # keep the changes made so far
        self.views_status.set(_("Opening the view…"), busy=True)
        self.context.run(_open_view(view_id), self._opened)

    def _opened(self, result: Any) -> None:
        if isinstance(result, Failed):
            self.views_status.set(result.message, error=True)
            return
        view, records, skills = result
        self.views_status.clear()
        self.editor.show_view(view, records, skills)
        self.editor.name_input.setFocus()

    def _save(self, view_id: str, view_name: str, statement: str, record_ids: list[str], skill_ids: list[str]) -> None:
        def done(result: Any) -> None:
            if isinstance(result, Failed):
                self.views_status.set(result.message, error=True)
                return
            if self.editor.view is not None and self.editor.view.id == result.id:
                self.editor.view = result
                self.editor.set_saved(_("Saved."))
            self._load_views(note=_("Saved “{view}”.").format(view=result.name))

        self.views_status.set(_("Saving…"), busy=True)
        self.context.run(lambda s: s.skills.update_view(view_id, name=view_name, statement=statement,
                                                        record_ids=record_ids, skill_ids=skill_ids), done)

    def _duplicate(self) -> None:
        view_id = self._current_view_id()
        if view_id is None:
            return

        def done(result: Any) -> None:
            if isinstance(result, Failed):
                self.views_status.set(result.message, error=True)
                return
            self._load_views(open_id=result.id)

        self.context.run(lambda s: s.skills.duplicate_view(view_id), done)

    def _ask_delete(self) -> None:
        item = self.view_list.currentItem()
        view_id = self._current_view_id()
        if item is not None and view_id is not None:
            self.delete_dialog.start(view_id, item.text().split("\n")[0])

    def _delete(self, view_id: str) -> None:
        def done(result: Any) -> None:
            if isinstance(result, Failed):
                self.views_status.set(result.message, error=True)
                return
            if self.editor.view is not None and self.editor.view.id == view_id:
                self.editor.clear()
            self._load_views(note=_("Deleted the view."))

        self.context.run(lambda s: s.skills.delete_view(view_id), done)

    # -- credit for prior learning ----------------------------------------------------------------------
    def _map_outcomes(self, text: str) -> None:
        if not text.strip():
            self.cpl.status.set(_("Paste the course's learning outcomes first, one on each line."), error=True)
            return
        waiting = _(READING) if self.context.profile is None else _("Looking for evidence…")

        def done(result: Any) -> None:
            self.cpl.set_busy(False)
            if isinstance(result, Failed):
                self.cpl.status.set(result.message, error=True)
                return
            self.cpl.show_outcomes(result)

        if self.context.run(lambda s: s.skills.cpl(text), done):
            self.cpl.set_busy(True, waiting)


def _titles(session: Session) -> dict[str, str]:
    return {record.id: record.title for record in session.list_records()}
