"""Records: a header with the wallet and its DID, the searchable list on the left, details on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListView, QSplitter, QVBoxLayout, QWidget

from ui.delegates import RecordDelegate
from ui.models import RecordListModel
from ui.pages.record_detail import RecordDetail
from ui.widgets import badge, button, label, line_edit, name
from wallet.errors import WalletError
from wallet.events import Event
from wallet.flows.onboarding import Onboarding
from wallet.session import Session
from wallet.store.layout import SUFFIX

EMPTY_WALLET = ("Your wallet is empty. Records you add will appear here "
                "(for now, add an experience with: ler-wallet add-entry).")


def shorten_did(did: str, head: int = 6, tail: int = 4) -> str:
    """'did:key:z6MkhaXg…2doK': the method and both ends of the identifier, enough to compare by eye."""
    method, _, ident = did.rpartition(":")
    if len(ident) <= head + tail + 1:
        return did
    return f"{method}:{ident[:head]}…{ident[-tail:]}"


class RecordsPage(QWidget):
    lock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._header())

        self.search = line_edit("searchInput", "Search records",
                                placeholder="Search by title, skill, organisation…")
        self.search.setClearButtonEnabled(True)
        self.count = label(role="muted", object_name="recordCount")
        self.model = RecordListModel(self)
        self.list = QListView()
        name(self.list, "recordList", "Records")
        self.list.setModel(self.model)
        self.list.setItemDelegate(RecordDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.list, 1)
        self.detail = RecordDetail()
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

        QWidget.setTabOrder(self.search, self.list)
        QWidget.setTabOrder(self.list, self.detail)
        QWidget.setTabOrder(self.detail, self.lock_button)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.list.setFocus)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.lock_button.clicked.connect(self.lock_requested)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence("Escape"), self.search, self.search.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def _header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 14, 20, 14)
        row.setSpacing(14)
        mark = label("LER", wrap=False, object_name="appMark")
        mark.setFixedSize(44, 44)
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark.setToolTip("LER Wallet")
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        text = QVBoxLayout()
        text.setSpacing(2)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        self.wallet_name = label(role="heading", wrap=False, object_name="walletName")
        self.demo_badge = badge("Demo wallet", "demo")
        title_row.addWidget(self.wallet_name)
        title_row.addWidget(self.demo_badge)
        title_row.addStretch(1)
        text.addLayout(title_row)
        self.did_label = label(role="muted", wrap=False, object_name="didLabel")
        self.did_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.did_label)
        row.addLayout(text, 1)
        self.lock_button = button("Lock", "lockButton", "Lock the wallet")
        self.lock_button.setToolTip("Lock the wallet (Ctrl+L)")
        self.lock_button.setAccessibleDescription("Closes the wallet; the passphrase is needed to open it again.")
        self.lock_button.setMinimumWidth(110)
        row.addWidget(self.lock_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    # -- page protocol --------------------------------------------------------------------------
    def enter(self, flow: Onboarding) -> None:
        session = flow.session
        if session is None:
            return
        self.session = session
        self._unsubscribe = session.events.subscribe(self._on_event)
        self.wallet_name.setText(session.path.name.removesuffix(SUFFIX) or "Wallet")
        self.demo_badge.setVisible(session.is_demo)
        self.did_label.setText(f"Your ID (DID): {shorten_did(session.did)}")
        self.did_label.setToolTip(session.did)
        self.did_label.setAccessibleName(f"Your ID (DID): {session.did}")
        self.search.clear()
        self.refresh()
        self.search.setFocus()

    def show_status(self, error: str, busy: bool) -> None:
        pass

    def leave(self) -> None:
        """Forget the session and everything read from it (nothing readable stays on screen)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.session = None
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.count.clear()
        self.wallet_name.clear()
        self.did_label.clear()
        self.detail.show_message("The wallet is locked.")

    # -- behaviour ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list for the search text (all records when it is empty), keeping the selection."""
        session = self.session
        if session is None:
            return
        text = self.search.text().strip()
        selected = self.detail.record.id if self.detail.record else None
        try:
            records = session.search(text) if text else session.list_records()
            total = session.count()
        except WalletError as exc:
            self.count.setText(str(exc))
            return
        self.model.set_records(records)
        if not text:
            self.count.setText(f"{total} record{'s' if total != 1 else ''}")
        elif records:
            self.count.setText(f"{len(records)} of {total} records match “{text}”")
        else:
            self.count.setText(f"No records match “{text}”")
        ids = [r.id for r in records]
        if records:
            self.list.setCurrentIndex(self.model.index(ids.index(selected) if selected in ids else 0))
        elif text:
            self.detail.show_message(f"No record matches “{text}”. Try fewer or shorter words.")
        else:
            self.detail.show_message(EMPTY_WALLET)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        record = self.model.record(indexes[0].row()) if indexes else None
        if record is None or self.session is None:
            return
        try:
            self.detail.show_record(self.session.get_record(record.id))
        except WalletError as exc:
            self.detail.show_message(str(exc))

    def _on_event(self, event: Event) -> None:
        if event.name == "records_changed":
            self.refresh()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
