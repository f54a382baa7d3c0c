"""Small building blocks the pages share: labelled fields, message labels, badges, a flow of chips.

Every label here shows plain text (Qt.PlainText), never Qt's default of guessing rich text from the
string: names and descriptions come from credentials, and an issuer must not be able to draw a green
"✔ VERIFIED" banner with `<h1 style=…>`. The one exception is `markdown_label`, which shows only what
`wallet.safe_markdown` made (a few fixed tags, everything else escaped). Tooltips guess too, so text from
a credential goes into a tooltip through `plain_tip`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import style
from ui.status import Look
from wallet.api import _, markdown_has_markup, markdown_to_safe_html, multiline


def name(widget: QWidget, object_name: str, accessible: str, description: str = "") -> QWidget:
    """Every interactive widget gets an objectName (for tests) and an accessible name (for readers)."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def label(text: str = "", role: str = "", *, wrap: bool = True, object_name: str = "") -> QLabel:
    """A label that shows `text` exactly as written (plain text, whatever it looks like)."""
    widget = QLabel()
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setText(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    if object_name:
        widget.setObjectName(object_name)
    return widget


def button(
    text: str, object_name: str, accessible: str, role: str = "", *, primary: bool = False
) -> QPushButton:
    widget = QPushButton(text)
    name(widget, object_name, accessible)
    if role:
        widget.setProperty("role", role)
    widget.setProperty("primary", primary)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


def line_edit(object_name: str, accessible: str, *, secret: bool = False, placeholder: str = "") -> QLineEdit:
    widget = QLineEdit()
    name(widget, object_name, accessible)
    if secret:
        widget.setEchoMode(QLineEdit.EchoMode.Password)
        widget.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText)
    widget.setPlaceholderText(placeholder)
    return widget


def field(caption: str, editor: QWidget) -> QWidget:
    """A caption above its editor; the caption is the editor's buddy so Alt+letter focuses it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    caption_label = QLabel()
    caption_label.setTextFormat(Qt.TextFormat.PlainText)
    caption_label.setText(caption)
    caption_label.setBuddy(editor)
    layout.addWidget(caption_label)
    layout.addWidget(editor)
    return box


def message_label(object_name: str, role: str = "error") -> QLabel:
    """A hidden label that appears with one sentence; screen readers hear it as an alert text."""
    widget = label(role=role, object_name=object_name)
    widget.setAccessibleName(_("Error") if role == "error" else _("Note"))
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.hide()
    return widget


def show_message(widget: QLabel, text: str) -> None:
    widget.setText(text)
    widget.setAccessibleDescription(text)
    widget.setVisible(bool(text))


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` literally: escaped, in a paragraph (Qt guesses rich text in tooltips)."""
    return "<p>" + html.escape(text, quote=True).replace("\n", "<br>") + "</p>" if text else ""


def markdown_label(text: str, object_name: str) -> QLabel:
    """Markdown from a credential (criteria, descriptions) with its safe formatting: paragraphs, lists, emphasis.

    Text without any of that formatting stays an ordinary plain-text label. Formatted text is the only rich
    text in the app, and it is whatever `wallet.safe_markdown` produced: no links, images or styles, and
    every character the issuer wrote escaped. Links could not be followed even if one were there.
    """
    if not markdown_has_markup(text):
        return selectable(label(multiline(text), object_name=object_name))
    widget = label(object_name=object_name)
    widget.setTextFormat(Qt.TextFormat.RichText)
    widget.setOpenExternalLinks(False)
    widget.setText(markdown_to_safe_html(text))
    widget.setAccessibleName(multiline(text))
    return selectable(widget)


def busy_bar(object_name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # indeterminate: it moves while the slow call runs
    bar.setTextVisible(False)
    name(bar, object_name, _("Working"), _("Please wait; this takes a moment."))
    bar.hide()
    return bar


def badge(text: str, kind: str) -> QLabel:
    widget = label(text, "badge", wrap=False)
    widget.setProperty("badge", kind)
    return widget


def pill(look: Look, object_name: str = "") -> QLabel:
    """A rounded status label: symbol and word, tinted by tone (the colour only repeats the words)."""
    widget = label(look.text, "badge", wrap=False, object_name=object_name)
    widget.setProperty("tone", look.tone)
    widget.setAccessibleName(look.word)
    return widget


def section(text: str, object_name: str = "") -> QLabel:
    """A small heading inside the detail pane."""
    heading = label(text, "fieldName", object_name=object_name)
    heading.setContentsMargins(0, 8, 0, 0)
    return heading


def selectable(widget: QLabel) -> QLabel:
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def fixed_constraints(dialog: QWidget, width: int, height: int) -> None:
    """Give a dialog its size limits before it is first shown, and keep its layout from changing them later.

    A layout that changes a shown window's limits makes some platforms (the offscreen one) warn; the
    dialogs' contents scroll or wrap instead.
    """
    dialog.setMinimumSize(min(width, 460), min(height, 320))
    dialog.resize(width, height)


def modal_layout(dialog: QWidget, object_name: str, title: str, width: int, height: int,
                 spacing: int = 10) -> QVBoxLayout:
    """Name, title and size a window-modal dialog and give it the house layout (margins, spacing)."""
    dialog.setObjectName(object_name)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    fixed_constraints(dialog, width, height)
    layout = QVBoxLayout(dialog)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(spacing)
    return layout


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(36, 32, 36, 32)
    layout.setSpacing(14)
    return frame, layout


def footer_row(layout: QVBoxLayout, left: QPushButton, right: QPushButton,
               default: QPushButton | None = None) -> None:
    """The footer of a form or dialog: the other choice on the left, the main action on the right.

    The right-hand button is the default (Enter) unless `default` says otherwise ("Keep it" when deleting).
    """
    (default or right).setDefault(True)
    row = QHBoxLayout()
    row.addWidget(left)
    row.addStretch(1)
    row.addWidget(right)
    layout.addLayout(row)


class _WidthFollowsText(QObject):
    """Keeps a reading column `width` pixels wide at the normal text size and proportionally wider at a larger
    one (the Settings text size), so a button's words still fit at 200 % instead of being cut off."""

    def __init__(self, content: QWidget, width: int) -> None:
        super().__init__(content)
        self.width = width
        self.resize(content)
        content.installEventFilter(self)

    def resize(self, content: QWidget) -> None:
        scale = max(1.0, content.font().pointSizeF() / style.BASE_POINT_SIZE)
        content.setMaximumWidth(round(self.width * scale))
        content.setMinimumWidth(min(self.width, 420))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and isinstance(watched, QWidget):
            self.resize(watched)
        return False


class CurrentPageStack(QStackedWidget):
    """A stack of pages that asks only for the room of the page on show. (QStackedWidget asks for the largest
    page's, so at 200 % text the open wallet's wide header would make the welcome page scroll sideways too.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


def centered(page: QWidget, content: QWidget, width: int = 560) -> None:
    """Put `content` in the middle of `page` at a comfortable reading width (wider with larger text).

    The page scrolls when the window is small or the text is large, instead of cutting things off.
    """
    page.setObjectName("page")
    _WidthFollowsText(content, width)
    inner = QWidget()
    inner.setObjectName("pageInner")
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(content, 10)
    row.addStretch(1)
    column = QVBoxLayout(inner)
    column.setContentsMargins(24, 24, 24, 24)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(2)
    scroll = QScrollArea()
    scroll.setObjectName("pageScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(inner)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)


class FlowLayout(QLayout):
    """Lays children out left to right, wrapping to new lines (for skill and tag chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x, y, line_height = rect.x(), y + line_height + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


def page_action(page: QWidget, text: str, short: str, object_name: str, shortcut: str, tip: str) -> QAction:
    """A window-wide action that starts disabled: `text` for menus and screen readers, `short` on a button."""
    action = QAction(text, page)
    action.setIconText(short)
    action.setObjectName(object_name)
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setEnabled(False)
    page.addAction(action)
    return action
