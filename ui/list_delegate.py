"""Draws a list item whose text has several lines: the first in bold (in the item's own colour), the rest
in ordinary ink, every line wrapped to the list's width. Used by the import results and trusted issuers."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui import style

PAD_X, PAD_Y, GAP = 12, 9, 3
Index = QModelIndex | QPersistentModelIndex
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class LinesDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView, *, rest_colour: str = style.INK) -> None:
        super().__init__(view)
        self._view = view
        self._rest = rest_colour

    def _width(self) -> int:
        return max(120, self._view.viewport().width() - 2 * PAD_X - 2 * self._view.spacing())

    def _lines(self, index: Index, font: QFont) -> list[tuple[str, QFont]]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bold = QFont(font)
        bold.setBold(True)
        return [(line, bold if row == 0 else font) for row, line in enumerate(text.split("\n"))]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._width()
        height = 2 * PAD_Y
        for line, font in self._lines(index, option.font):
            height += QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), WRAP, line).height() + GAP
        return QSize(width, height - GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect: QRect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(style.SELECTED))
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor(style.ACCENT))
        painter.setPen(QPen(QColor(style.LINE)))
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom())
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        first = brush.color() if brush is not None else QColor(style.INK)
        enabled = bool(index.flags() & Qt.ItemFlag.ItemIsEnabled)
        y = rect.top() + PAD_Y
        width = rect.width() - 2 * PAD_X
        for row, (line, font) in enumerate(self._lines(index, option.font)):
            painter.setFont(font)
            colour = first if row == 0 else QColor(self._rest)
            painter.setPen(colour if enabled else QColor(style.MUTED))
            box = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), WRAP, line)
            painter.drawText(QRect(rect.left() + PAD_X, y, width, box.height()), WRAP, line)
            y += box.height() + GAP
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(style.ACCENT), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)  # an outline only: the pill's fill is still the brush
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


def use_lines(view: QListView, *, rest_colour: str = style.INK) -> None:
    """Give `view` the delegate, wrap to its width, and re-measure items when it is resized."""
    view.setItemDelegate(LinesDelegate(view, rest_colour=rest_colour))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
