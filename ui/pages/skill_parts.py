"""Pieces the skills, opportunities and pathways pages share: a status line for work in progress, a list whose
items have several lines, and a heading with its plain-words introduction."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.credential_actions import announce
from ui.list_delegate import use_lines
from ui.style import MUTED
from ui.widgets import busy_bar, label, name
from wallet.api import N_, _, current_language, one_line

DATA_ROLE = Qt.ItemDataRole.UserRole + 1
TAXONOMY_NOTE = N_("Skills and occupations are shown in English, as ESCO and O*NET write them.")
"""Said once on the Skills, Opportunities and Pathways pages when the app is not in English: the taxonomies'
labels are not translated."""


def taxonomy_note() -> QLabel | None:
    """objectName 'taxonomyLanguageNote': the note above, or None in English (nothing to say)."""
    if current_language() == "en":
        return None
    return label(_(TAXONOMY_NOTE), "muted", object_name="taxonomyLanguageNote")


class StatusLine(QWidget):
    """'Reading your skills…' with a moving bar while work runs; an error sentence when it failed."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = busy_bar(object_name + "Busy")  # i18n: not shown
        self.text = label(role="muted", object_name=object_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.text)
        self.hide()

    def set(self, text: str, *, busy: bool = False, error: bool = False) -> None:
        self.text.setText(text)
        self.text.setProperty("role", "error" if error else "muted")
        self.text.setAccessibleName(_("Error") if error else _("Status"))
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)
        self.bar.setVisible(busy)
        self.setVisible(bool(text))
        if text and (error or not busy):
            announce(self.text, text)

    def clear(self) -> None:
        self.set("")


class FittedList(QListWidget):
    """A list as tall as its items, with no scroll bar of its own: for a list inside a page that scrolls."""

    def __init__(self) -> None:
        super().__init__()
        self._width = -1
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def fit(self) -> None:
        rows = sum(max(self.sizeHintForRow(n), 0) for n in range(self.count()))
        self.setFixedHeight(max(rows + 2 * self.frameWidth() + 2 * self.spacing() + 4, 48))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # wrapped items change height with the width
            self._width = event.size().width()
            QTimer.singleShot(0, self, self.fit)


def lines_list(object_name: str, accessible: str, description: str = "") -> QListWidget:
    """A list whose items are several lines: the first in bold, the rest muted, all wrapped."""
    widget = QListWidget()
    name(widget, object_name, accessible, description)
    use_lines(widget, rest_colour=MUTED)
    return widget


def fitted_lines_list(object_name: str, accessible: str, description: str = "") -> FittedList:
    """`lines_list`, as tall as its items (for inside a scrolling page)."""
    widget = FittedList()
    name(widget, object_name, accessible, description)
    use_lines(widget, rest_colour=MUTED)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def add_item(widget: QListWidget, lines: list[str], data: object = None, *, spoken: str = "",
             enabled: bool = True) -> QListWidgetItem:
    lines = [one_line(line) for line in lines]  # record titles are issuers' words: none may add a line
    item = QListWidgetItem("\n".join(line for line in lines if line))
    item.setData(DATA_ROLE, data)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken or ". ".join(line for line in lines if line))
    if not enabled:
        item.setFlags(Qt.ItemFlag.NoItemFlags)
    widget.addItem(item)
    return item


def page_heading(title: str, intro: str, object_name: str) -> QWidget:
    """The page's title and one or two plain sentences about it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(label(title, "heading", object_name=object_name + "Title"))
    if intro:
        layout.addWidget(label(intro, "muted", object_name=object_name + "Intro"))
    return box


def page_body(page: QWidget, object_name: str, accessible: str) -> QVBoxLayout:
    """Name `page` and give it the records page's margins; returns its layout."""
    page.setObjectName(object_name)
    page.setAccessibleName(accessible)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(20, 14, 20, 20)
    layout.setSpacing(10)
    return layout


def panel(object_name: str, accessible: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "panel")
    name(frame, object_name, accessible)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 14, 16, 14)
    layout.setSpacing(8)
    return frame, layout


def button_row(*widgets: QWidget, stretch_at: int = -1) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(8)
    for n, widget in enumerate(widgets):
        if n == stretch_at:
            row.addStretch(1)
        row.addWidget(widget)
    if stretch_at < 0:
        row.addStretch(1)
    return row
