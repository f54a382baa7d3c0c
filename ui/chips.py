"""Chips (skills, tags) that wrap: a long one breaks onto more lines inside the pane instead of pushing it
sideways, and the same name is shown once however often, and in whatever case, a record repeats it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.status import breakable
from ui.widgets import FlowLayout, label, plain_tip
from wallet.api import one_line

MIN_CHIP = 80
"""Narrowest a chip is asked to be; below the pane's width every chip wraps its words."""


def chip_key(text: str) -> str:
    """What makes two chips the same: the cleaned words, without case or extra spaces."""
    return " ".join(one_line(text).split()).casefold()


class Chip(QLabel):
    """A word-wrapping label that still asks for one line's width: it wraps only when the line is shorter."""

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        margins = self.contentsMargins()
        # The style's padding and border (in the contents margins once styled, 22 px), and the few pixels a
        # wrapping label keeps free at its edges (measured: one line needs the text's advance + 31 px).
        one_line_width = (self.fontMetrics().horizontalAdvance(self.text()) + max(margins.left() + margins.right(), 22)
                          + 2 * self.margin() + 12)
        width = max(base.width(), one_line_width)
        return QSize(width, max(self.heightForWidth(width), self.fontMetrics().height()))


class WrappingFlow(FlowLayout):
    """A FlowLayout whose items are never wider than the line: a wider one wraps its text (height for width)."""

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(QSize(min(item.sizeHint().width(), MIN_CHIP), item.minimumSize().height()))
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            width = min(hint.width(), max(rect.width(), MIN_CHIP))
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            if x + width > rect.right() + 1 and line_height > 0:
                x, y, line_height = rect.x(), y + line_height + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._gap
            line_height = max(line_height, height)
        return y + line_height - rect.y()


def chips(items: Iterable[tuple[str, str]], object_name: str, empty: str) -> QWidget:
    """A box of chips from (text, tooltip) pairs: each distinct text once, long ones wrapped."""
    box = QWidget()
    box.setObjectName(object_name)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    flow = WrappingFlow(box, spacing=6)
    seen: set[str] = set()
    shown: list[str] = []
    for text, tip in items:
        key = chip_key(text)
        if not key or key in seen:
            continue
        seen.add(key)
        chip = Chip()
        chip.setTextFormat(Qt.TextFormat.PlainText)
        words = one_line(text)
        chip.setText(breakable(words) if max(map(len, words.split()), default=0) > 24 else words)
        chip.setAccessibleName(words)
        chip.setWordWrap(True)
        chip.setProperty("role", "chip")
        chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        if tip:
            chip.setToolTip(plain_tip(tip))
        flow.addWidget(chip)
        shown.append(one_line(text))
    if not shown:
        flow.addWidget(label(empty, "muted", wrap=False))
    box.setAccessibleName(", ".join(shown) or empty)
    return box
