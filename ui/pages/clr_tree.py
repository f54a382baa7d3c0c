"""A CLR's contents as a tree: achievements arranged by their associations, each nested credential with its
own verification status; the checks of the credential chosen in the tree are shown under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.pages.verification_view import check_lines, checks_grid
from ui.status import TONE_COLOURS, status_look
from ui.style import MUTED
from ui.widgets import label, name, pill, plain_tip, selectable
from wallet.api import N_, ClrNode, CredentialDetails, _

CREDENTIAL_ROLE = Qt.ItemDataRole.UserRole + 1
"""On a nested credential's row: its verification status ("" if never checked); unset on listed-only rows."""
NODE_ROLE = Qt.ItemDataRole.UserRole + 2

LISTED_ONLY = N_("– Listed only")
LISTED_ONLY_TIP = N_("Listed in the record without a credential of its own; the record's signature vouches for it.")

class ClrTree(QTreeWidget):
    """objectName 'clrTree': columns Name and Status; courses sit under what they are part of."""

    def __init__(self, nodes: list[ClrNode], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, "clrTree", _("Credentials and achievements inside this record"),
             _("Use the arrow keys to move; the checks for the chosen credential are shown below the list."))
        self.setColumnCount(2)
        self.setHeaderLabels([_("Name"), _("Status")])
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        name(header, "clrTreeHeader", _("Columns: name and status"))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionsMovable(False)
        self._reports: dict[int, ClrNode] = {}
        for node in nodes:
            self.addTopLevelItem(self._item(node))
        self.expandAll()
        self.itemExpanded.connect(lambda _item: self._fit())
        self.itemCollapsed.connect(lambda _item: self._fit())
        self._fit()

    def _item(self, node: ClrNode) -> QTreeWidgetItem:
        look = status_look(node.status) if node.is_credential else None
        verification = look.text if look is not None else _(LISTED_ONLY)
        item = QTreeWidgetItem([node.title, verification])
        if node.is_credential:
            item.setData(0, CREDENTIAL_ROLE, node.status or "")
        item.setData(0, NODE_ROLE, id(node))
        self._reports[id(node)] = node
        spoken = f"{node.title}. {node.kind}. {verification}."
        for column in range(2):
            item.setData(column, Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setToolTip(0, plain_tip(f"{node.title} ({node.kind})"))
        if look is None:
            item.setToolTip(1, _(LISTED_ONLY_TIP))
        ink = TONE_COLOURS[look.tone][1] if look is not None else MUTED
        item.setForeground(1, QBrush(QColor(ink)))
        for child in node.children:
            item.addChild(self._item(child))
        return item

    def node(self, item: QTreeWidgetItem | None) -> ClrNode | None:
        return None if item is None else self._reports.get(item.data(0, NODE_ROLE))

    def all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in reversed(range(self.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            found.append(item)
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))
        return found

    def credential_items(self) -> list[QTreeWidgetItem]:
        """The rows that stand for a nested credential (not achievements that are only listed)."""
        return [i for i in self.all_items() if i.data(0, CREDENTIAL_ROLE) is not None]

    def _fit(self) -> None:
        """Be exactly as tall as the open rows, so the detail pane scrolls instead of a box inside it."""
        rows = sum(1 for item in self.all_items() if _shown(item))
        row_height = self.sizeHintForRow(0) if rows else 0
        self.setFixedHeight(self.header().sizeHint().height() + rows * max(row_height, 1) + 2 * self.frameWidth() + 2)


def _shown(item: QTreeWidgetItem) -> bool:
    parent = item.parent()
    while parent is not None:
        if not parent.isExpanded():
            return False
        parent = parent.parent()
    return True


class ClrSection(QWidget):
    """objectName 'clrSection': the tree, the checks of the credential chosen in it, and how the parts relate."""

    def __init__(self, details: CredentialDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clrSection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.tree = ClrTree(details.outline())
        layout.addWidget(self.tree)
        self.item_report = QFrame()
        self.item_report.setObjectName("clrItemReport")
        self.item_report.setProperty("role", "panel")
        self.item_report.setAccessibleName(_("Checks for the chosen credential"))
        self._item_layout = QVBoxLayout(self.item_report)
        self._item_layout.setContentsMargins(16, 12, 16, 12)
        self._inner: QWidget | None = None
        layout.addWidget(self.item_report)
        lines = details.association_sentences()
        if lines:
            layout.addWidget(label(_("How they fit together"), "strong"))
            layout.addWidget(selectable(label("\n".join(f"• {line}" for line in lines), object_name="clrAssociations")))
        self.tree.currentItemChanged.connect(lambda item, _old: self._show(item))
        items = self.tree.credential_items() or self.tree.all_items()
        if items:
            self.tree.setCurrentItem(items[0])
        self._show(self.tree.currentItem())

    def _show(self, item: QTreeWidgetItem | None) -> None:
        """Replace the panel's contents with the chosen row's status and checks."""
        if self._inner is not None:
            old, self._inner = self._inner, None
            old.hide()
            old.setParent(None)  # out of the tree at once, so nothing finds the stale labels
            old.deleteLater()
        node = self.tree.node(item)
        self.item_report.setVisible(node is not None)
        if node is None:
            return
        self._inner = inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(label(node.title, "strong", object_name="clrItemTitle"))
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(label(node.kind, "muted", wrap=False, object_name="clrItemKind"))
        if node.is_credential:
            row.addWidget(pill(status_look(node.status), "clrItemStatus"))
        row.addStretch(1)
        layout.addLayout(row)
        if node.is_credential and node.report is not None:
            layout.addLayout(checks_grid(node.report.checks, prefix="clrcheck_"))
            spoken = [node.title, status_look(node.status).text, *check_lines(node.report)]
        else:
            text = _("Listed in the record without a credential of its own: the record's own signature "
                     "is what vouches for it.")

            layout.addWidget(label(text, "muted"))
            spoken = [node.title, text]
        self._item_layout.addWidget(inner)
        self.item_report.setAccessibleDescription("\n".join(spoken))
