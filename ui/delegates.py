"""How one record row is drawn: title, organisation, then a pill and the dates.

The pill says "Job · Self-asserted" for the learner's own entries and the verification status for issued
credentials ("✓ Verified", "✗ Not verified"): a symbol and a word, with colour only repeating them. A credential
issued to someone else gets a second pill, "⚠ Issued to someone else".
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui import style
from ui.models import RECORD_ROLE, dates, for_someone_else, is_self_asserted, kind_name, row_look
from ui.status import SOMEONE_ELSE, TONE_COLOURS
from wallet.api import Record, _, one_line

PAD_X, PAD_Y, GAP = 14, 10, 4


class RecordDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        small = QFontMetrics(_small(option.font)).height()
        return QSize(260, PAD_Y * 2 + line * 2 + small + 6 + GAP * 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        record = index.data(RECORD_ROLE)
        if not isinstance(record, Record):
            super().paint(painter, option, index)
            return
        painter.save()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor(style.SELECTED))
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor(style.ACCENT))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor("#f5f8fc"))
        painter.setPen(QPen(QColor(style.LINE)))
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom())

        inner = rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        bold = QFont(option.font)
        bold.setBold(True)
        y = inner.top()
        # The issuer's words, on one line each: no line break can push a fake pill into the row.
        y = _text(painter, bold, QColor(style.INK), inner, y, one_line(record.title))
        y = _text(painter, option.font, QColor(style.MUTED), inner, y + GAP, one_line(record.organisation) or " ")

        small = _small(option.font)
        x = inner.left()
        look = row_look(record)
        label = f"{kind_name(record)} · {look.word}" if is_self_asserted(record) else look.text
        x = _pill(painter, small, x, y + GAP, label, look.tone)
        if for_someone_else(record):  # genuine or not, it is not the learner's: said beside the status
            x = _pill(painter, small, x + 6, y + GAP, SOMEONE_ELSE.text, SOMEONE_ELSE.tone)
        painter.setFont(small)
        painter.setPen(QColor(style.MUTED))
        metrics = QFontMetrics(small)
        when_rect = QRect(x + 10, y + GAP + 3, max(0, inner.right() - x - 10), metrics.height())
        painter.drawText(when_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText((_("Hidden") + " · " if record.hidden else "") + dates(record),
                                            Qt.TextElideMode.ElideRight, when_rect.width()))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(style.ACCENT), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)  # an outline only: the pill's fill is still the brush
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(9.5, font.pointSizeF() - 1.5))
    return small


def _text(painter: QPainter, font: QFont, colour: QColor, inner: QRect, y: int, text: str) -> int:
    metrics = QFontMetrics(font)
    painter.setFont(font)
    painter.setPen(colour)
    line = QRect(inner.left(), y, inner.width(), metrics.height())
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()))
    return y + metrics.height()


def _pill(painter: QPainter, font: QFont, x: int, y: int, text: str, tone: str) -> int:
    """Draw a rounded label at (x, y) in a tone's colours; returns the x just after it."""
    background, ink, border = TONE_COLOURS[tone]
    metrics = QFontMetrics(font)
    box = QRect(x, y, metrics.horizontalAdvance(text) + 16, metrics.height() + 6)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(border)))
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
    painter.setFont(font)
    painter.setPen(QColor(ink))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    return box.right()
