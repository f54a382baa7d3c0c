"""Records: Import, Paste and the searchable list on the left; details on the right. The page also makes the
header with the wallet and its DID (the Wallet menu, Share, Check, Help, Lock), which the window shows above
every page.

The session's events may arrive on the worker thread (an import or a check runs there), so they are passed
to the GUI thread through a signal; while work runs, refreshing waits until it is done.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.credential_actions import CredentialActions
from ui.delegates import RecordDelegate
from ui.models import RecordListModel, is_self_asserted
from ui.pages.record_detail import RecordDetail
from ui.record_edits import RecordEdits
from ui.status import shorten_did
from ui.widgets import FlowLayout, badge, busy_bar, button, label, line_edit, name
from wallet.api import N_, SUFFIX, Event, Onboarding, Session, WalletError, _, ngettext, one_line

__all__ = ["RecordsPage", "shorten_did"]

ALL_HIDDEN = N_("Every record is hidden. Tick “Show hidden” to see them.")



class AppMark(QLabel):
    """objectName 'appMark': the square "LER" mark, as large as its text needs (44 px at the usual size, more at
    twice the text size, where a fixed 44 px box cut the letters)."""

    MIN_SIDE = 44

    def __init__(self) -> None:
        super().__init__("LER")  # i18n: not shown
        self.setObjectName("appMark")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        side = max(self.MIN_SIDE, metrics.horizontalAdvance(self.text()) + 12, metrics.height() + 12)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

class _StackWhenNarrow(QObject):
    """Puts the header's buttons under the wallet's name when the two do not fit side by side (large text, a
    narrow window, longer words in Spanish), instead of making the whole window scroll sideways."""

    def __init__(self, header: QWidget, row: QBoxLayout, left: QWidget, right: QWidget) -> None:
        super().__init__(header)
        self.row, self.left, self.right = row, left, right
        header.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and isinstance(watched, QWidget):
            margins = self.row.contentsMargins()
            wanted = (self.left.sizeHint().width() + self.row.spacing() + self.right.sizeHint().width()
                      + margins.left() + margins.right())
            direction = (QBoxLayout.Direction.LeftToRight if watched.width() >= wanted
                         else QBoxLayout.Direction.TopToBottom)
            if self.row.direction() != direction:
                self.row.setDirection(direction)
                self.row.setAlignment(self.right, Qt.AlignmentFlag.AlignLeft if direction ==
                                      QBoxLayout.Direction.TopToBottom else Qt.AlignmentFlag.AlignRight)
        return False


class RecordsPage(QWidget):
    lock_requested = Signal()
    posting_requested = Signal()
    """From the empty state's "Paste a job posting": the window opens the Opportunities page."""
    _changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._dirty = False
        self.detail = RecordDetail()
        self.commands = CredentialActions(self)
        self.edits = RecordEdits(self)
        self.drops: object | None = None
        """The window's drop handler (ui.dropping.DropImport) once made: its progress box closes on lock."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = self._header()
        """The wallet's name, its DID, the Wallet menu and Lock: the window shows it above every page."""
        self.lead: list[QWidget] = []
        """What comes before Import in the tab order (the window's page tabs)."""

        self.search = line_edit("searchInput", _("Search records"),
                                placeholder=_("Search by title, skill, organisation…"))
        self.search.setClearButtonEnabled(True)
        self.count = label(role="muted", object_name="recordCount")
        self.model = RecordListModel(self)
        self.list = QListView()
        name(self.list, "recordList", _("Records"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(RecordDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)
        self.add_button = self._tool_button(self.edits.add_action, "addEntryButton", _("Add an experience"))
        self.add_button.setProperty("primary", True)
        self.import_button = self._tool_button(self.commands.import_action, "importButton", _("Import credentials"))
        self.paste_button = self._tool_button(self.commands.paste_action, "pasteButton", _("Paste a credential"))
        self.qr_button = self._tool_button(self.edits.qr_action, "qrImportButton", _("Import a QR image"))
        self.endorse_button = self._tool_button(self.edits.endorse_action, "endorseButton",
                                                _("Endorse someone's credential"))
        self.adding = [self.add_button, self.import_button, self.paste_button, self.qr_button, self.endorse_button]
        adding_box = QWidget()
        adding = FlowLayout(adding_box, spacing=8)
        for tool in self.adding:
            adding.addWidget(tool)
        left_layout.addWidget(adding_box)
        left_layout.addWidget(self.search)
        counting = QHBoxLayout()
        counting.addWidget(self.count, 1)
        self.show_hidden = QCheckBox(_("Show hidden"))
        name(self.show_hidden, "showHidden", _("Show hidden records"), _("Also list the records you hid."))
        self.show_hidden.toggled.connect(lambda _on: self.refresh())
        counting.addWidget(self.show_hidden)
        left_layout.addLayout(counting)
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setProperty("role", "note")
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(10, 6, 6, 6)
        self.undo_text = label("", object_name="undoText")
        self.undo_button = self._tool_button(self.edits.undo_action, "undoButton", _("Undo the delete"))
        undo_row.addWidget(self.undo_text, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        left_layout.addWidget(self.undo_bar)
        self.work_bar = busy_bar("workBusy")
        self.work_status = label(role="muted", object_name="workStatus")
        self.work_status.hide()
        left_layout.addWidget(self.work_bar)
        left_layout.addWidget(self.work_status)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(16)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])
        body = QHBoxLayout()
        body.setContentsMargins(20, 16, 20, 20)
        body.addWidget(splitter)
        outer.addLayout(body, 1)

        self.chain_tab_order()
        self.detail.content_changed.connect(self.chain_tab_order)
        self.detail.first_step.connect(self._first_step)
        self._changed.connect(self._records_changed)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.list.setFocus)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.lock_button.clicked.connect(self.lock_requested)
        QShortcut(QKeySequence("Ctrl+L"), self.header, self.lock_requested.emit)  # the header is on every page
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence("Escape"), self.search, self.search.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self._delete_current,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def _header(self) -> QFrame:
        header = QFrame(self)  # the workspace moves it above the page tabs
        header.setObjectName("header")
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, header)
        row.setContentsMargins(24, 14, 20, 14)
        row.setSpacing(14)
        identity = QWidget()
        identity_row = QHBoxLayout(identity)
        identity_row.setContentsMargins(0, 0, 0, 0)
        identity_row.setSpacing(14)
        mark = AppMark()
        mark.setToolTip("LER Wallet")  # i18n: not shown
        identity_row.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        text = QVBoxLayout()
        text.setSpacing(2)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        self.wallet_name = label(role="heading", wrap=False, object_name="walletName")
        self.demo_badge = badge(_("Demo wallet"), "demo")
        title_row.addWidget(self.wallet_name)
        title_row.addWidget(self.demo_badge)
        title_row.addStretch(1)
        text.addLayout(title_row)
        self.did_label = label(role="muted", wrap=False, object_name="didLabel")
        self.did_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.did_label)
        identity_row.addLayout(text, 1)
        row.addWidget(identity, 1)
        self.header_button_box = QWidget()
        self.header_button_row = QHBoxLayout(self.header_button_box)
        self.header_button_row.setContentsMargins(0, 0, 0, 0)
        self.header_button_row.setSpacing(14)
        self.lock_button = button(_("Lock"), "lockButton", _("Lock the wallet"))
        self.lock_button.setToolTip(_("Lock the wallet (Ctrl+L)"))
        self.lock_button.setAccessibleDescription(_("Closes the wallet; the passphrase is needed to open it again."))
        self.lock_button.setMinimumWidth(110)
        self.header_button_row.addWidget(self.lock_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.header_button_box, 0)
        self.header_buttons: list[QWidget] = [self.lock_button]  # Trusted issuers… is in the Wallet menu
        header.setMinimumWidth(320)  # not the sum of its parts: with large text the buttons go under the name
        _StackWhenNarrow(header, row, identity, self.header_button_box)
        return header

    @staticmethod
    def _tool_button(action: QAction, object_name: str, accessible: str) -> QToolButton:
        """A header button for `action`: enabled with it, labelled with its short icon text."""
        tool = QToolButton()
        tool.setDefaultAction(action)
        tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tool.setCursor(Qt.CursorShape.PointingHandCursor)
        name(tool, object_name, accessible, action.statusTip())
        tool.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return tool

    def add_header_button(self, widget: QWidget) -> None:
        """Another header button, just before Lock (and before it in the tab order)."""
        row = self.header_button_row
        row.insertWidget(row.indexOf(self.lock_button), widget, 0, Qt.AlignmentFlag.AlignVCenter)
        self.header_buttons.insert(self.header_buttons.index(self.lock_button), widget)
        self.chain_tab_order()

    def chain_tab_order(self) -> None:
        """(Page tabs →) Import → Paste → search → list → details and its buttons → the header buttons → Lock."""
        chain: list[QWidget] = [*self.lead, *self.adding, self.search, self.show_hidden, self.undo_button, self.list,
                                self.detail, *self.detail.focusables(), *self.header_buttons]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- page protocol --------------------------------------------------------------------------
    def enter(self, flow: Onboarding) -> None:
        session = flow.session
        if session is None:
            return
        self.session = session
        self._unsubscribe = session.events.subscribe(self._on_event)
        self.wallet_name.setText(session.path.name.removesuffix(SUFFIX) or _("Wallet"))
        self.demo_badge.setVisible(session.is_demo)
        self.did_label.setText(_("Your ID (DID): {did}").format(did=shorten_did(session.did)))
        self.did_label.setToolTip(session.did)
        self.did_label.setAccessibleName(_("Your ID (DID): {did}").format(did=session.did))
        self.search.clear()
        self.show_hidden.setChecked(False)
        self.commands.set_available(True)
        self.edits.set_available(True)
        self.refresh()
        self.search.setFocus()

    def show_status(self, error: str, busy: bool) -> None:
        pass

    def leave(self) -> None:
        """Forget the session and everything read from it (nothing readable stays on screen)."""
        self.commands.set_available(False)
        self.commands.close_all()
        self.edits.close_all()
        progress = getattr(self.drops, "progress", None)
        if progress is not None:
            progress.reject()
        self.set_working("")
        self._dirty = False
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.session = None
        self.edits.set_available(False)
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.count.clear()
        self.wallet_name.clear()
        self.did_label.clear()
        self.detail.show_message(_("The wallet is locked."))

    # -- behaviour ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list for the search text (all records when it is empty), keeping the selection."""
        session = self.session
        if session is None:
            return
        text = self.search.text().strip()
        selected = self.detail.record.id if self.detail.record else None
        try:
            reader = session.reader  # committed rows only: never those of a job that may still roll back
            hidden = self.show_hidden.isChecked()
            records = reader.search(text, include_hidden=hidden) if text else reader.list_records(include_hidden=hidden)
            total = reader.count(include_hidden=hidden)
            everything = total if hidden else reader.count()
        except WalletError as exc:
            self.count.setText(str(exc))
            return
        self.model.set_records(records)
        if not text:
            unseen = everything - total
            counted = ngettext("{count} record", "{count} records", total).format(count=total)
            self.count.setText(_("{records} ({hidden} hidden)").format(records=counted, hidden=unseen)
                               if unseen else counted)
        elif records:
            self.count.setText(ngettext("{shown} of {count} record matches “{text}”",
                                        "{shown} of {count} records match “{text}”", total).format(
                shown=len(records), count=total, text=text))
        else:
            self.count.setText(_("No records match “{text}”").format(text=text))
        ids = [r.id for r in records]
        if records:
            self.list.setCurrentIndex(self.model.index(ids.index(selected) if selected in ids else 0))
        elif text:
            self.detail.show_message(_("No record matches “{text}”. Try fewer or shorter words.").format(text=text))
        elif everything:
            self.detail.show_message(_(ALL_HIDDEN))
        else:
            self.detail.show_empty()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        record = self.model.record(indexes[0].row()) if indexes else None
        if record is None or self.session is None:
            return
        try:
            reader = self.session.reader
            full = reader.get_record(record.id)
        except WalletError as exc:
            self.detail.show_message(str(exc))
            return
        details = None
        if not is_self_asserted(full):
            try:
                details = reader.credentials.details(full.id)
            except WalletError:
                details = None
        self.detail.show_record(full, details)
        busy = self.commands.jobs.busy()
        self.detail.set_checking(busy)
        if not busy:
            self.set_working("")  # a failed check's sentence belongs to the record it was about

    def select_record(self, record_id: str) -> None:
        """Show `record_id` in the list and the detail (clearing the search if it hides it)."""
        rows = [self.model.record(row) for row in range(self.model.rowCount())]
        ids = [r.id for r in rows if r is not None]
        if record_id not in ids and self.search.text():
            self.search.clear()  # refreshes
            ids = [r.id for r in (self.model.record(row) for row in range(self.model.rowCount())) if r is not None]
        if record_id in ids:
            self.list.setCurrentIndex(self.model.index(ids.index(record_id)))
            self.list.scrollTo(self.list.currentIndex())

    def set_working(self, text: str, *, error: bool = False, done: bool = False) -> None:
        """A line under the count while work runs ('Importing 2 files…'), when it failed, or (`done`) what it did."""
        self.work_status.setText(text)
        self.work_status.setProperty("role", "error" if error else "muted")
        self.work_status.style().unpolish(self.work_status)
        self.work_status.style().polish(self.work_status)
        self.work_status.setVisible(bool(text))
        self.work_bar.setVisible(bool(text) and not error and not done)

    def show_undo(self, title: str | None) -> None:
        """'Deleted “…”. Undo' above the list while a delete can be undone (until the wallet locks)."""
        if title is None:
            self.undo_bar.hide()
            self.undo_text.clear()
            return
        self.undo_text.setText(_("Deleted “{title}”. You can put it back until you lock the wallet.").format(
            title=one_line(title)))
        self.undo_bar.show()

    def _delete_current(self) -> None:
        """Delete on the list deletes the chosen record (Undo puts it back until the wallet locks)."""
        if self.detail.record is not None and self.session is not None:
            self.edits.act("delete", self.detail.record.id)

    def _first_step(self, what: str) -> None:
        if what == "add_entry":
            self.edits.add_action.trigger()
        elif what == "import":
            self.commands.import_action.trigger()
        else:
            self.posting_requested.emit()

    def finish_work(self) -> None:
        """Block until running wallet work (an import, a check) is done; called when the app closes, after
        locking has cancelled it."""
        self.commands.jobs.wait()

    def flush_changes(self) -> None:
        """After work: refresh once if records changed while it ran."""
        if self._dirty:
            self._dirty = False
            self.refresh()

    def refocus_reverify(self) -> None:
        """After a check or a trust change rebuilt the detail, put focus back on 'Check again'."""
        if self.detail.verification is not None:
            self.detail.verification.reverify.setFocus()

    def _on_event(self, event: Event) -> None:
        """May run on the worker thread: only hand over to the GUI thread."""
        if event.name == "records_changed":
            self._changed.emit()

    def _records_changed(self) -> None:
        if self.commands.jobs.busy():
            self._dirty = True
        else:
            self.refresh()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
