"""Editing a saved view: its name, the statement in the learner's own words, which records and skills it
shares (ticked) and in what order (Move up / Move down, or Ctrl+Up / Ctrl+Down in a list)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.pages.skill_parts import DATA_ROLE, button_row
from ui.widgets import button, field, label, line_edit, name, selectable
from wallet.api import N_, ViewRow, _, one_line

NARROW = 70
"""Below this many average characters of width the records and skills lists stack (560 px at normal text)."""
NO_VIEW = N_("Choose a view on the left and press Open, or make one from a posting on the “Match a posting” tab.")


def checklist(object_name: str, accessible: str, description: str) -> QListWidget:
    widget = QListWidget()
    name(widget, object_name, accessible, description)
    widget.setProperty("role", "checklist")
    widget.setMinimumHeight(120)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setWordWrap(True)
    return widget


class ViewEditor(QWidget):
    """objectName 'viewEditor'. `save_requested(view_id, name, statement, record_ids, skill_ids)`.

    The form scrolls in a small window; Save stays in sight below it."""

    save_requested = Signal(str, str, str, list, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, "viewEditor", _("View editor"))
        scroll = QScrollArea()
        scroll.setObjectName("viewEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("pageInner")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        self.view: ViewRow | None = None
        self.message = label(_(NO_VIEW), "muted", object_name="viewEditorMessage")
        layout.addWidget(self.message)

        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(10)
        self.name_input = line_edit("viewName", _("View name"), placeholder=_("For example: Forklift job at Acme"))
        form.addWidget(field(_("&Name"), self.name_input))
        self.for_label = selectable(label(role="muted", object_name="viewOpportunity"))
        form.addWidget(self.for_label)
        self.statement = QPlainTextEdit()
        name(self.statement, "viewStatement", _("Statement"),
             _("A few sentences in your own words, shared at the top of the view."))
        self.statement.setProperty("role", "prose")
        self.statement.setTabChangesFocus(True)
        self.statement.setMinimumHeight(80)
        self.statement.setMaximumHeight(100)
        form.addWidget(field(_("S&tatement (your own words, shared with the view)"), self.statement))

        self.records = checklist("viewRecords", _("Records in this view"),
                                 _("Ticked records are shared, in this order. Ctrl+Up and Ctrl+Down move one."))
        self.skills = checklist("viewSkills", _("Skills in this view"),
                                _("Ticked skills are shared, in this order. Ctrl+Up and Ctrl+Down move one."))
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(14)
        columns = ((_("&Records"), self.records, "record", _("Move the chosen record up"),
                    _("Move the chosen record down")),
                   (_("S&kills"), self.skills, "skill", _("Move the chosen skill up"), _("Move the chosen skill down")))
        for caption, widget, key, up_name, down_name in columns:
            column = QVBoxLayout()
            column.setSpacing(6)
            up = button(_("Move up"), f"view{key.title()}Up", up_name)
            down = button(_("Move down"), f"view{key.title()}Down", down_name)
            up.clicked.connect(lambda _c=False, w=widget: self._move(w, -1))
            down.clicked.connect(lambda _c=False, w=widget: self._move(w, 1))
            # The Move buttons sit above their list, beside its caption: below it they fell under the Save row.
            heading = QHBoxLayout()
            heading.setSpacing(6)
            caption_label = QLabel(caption)
            caption_label.setBuddy(widget)
            caption_label.setWordWrap(True)
            heading.addWidget(caption_label, 1)
            heading.addWidget(up)
            heading.addWidget(down)
            column.addLayout(heading)
            column.addWidget(widget, 1)
            self.columns.addLayout(column, 1)
            QShortcut(QKeySequence("Ctrl+Up"), widget, lambda w=widget: self._move(w, -1),
                      context=Qt.ShortcutContext.WidgetShortcut)
            QShortcut(QKeySequence("Ctrl+Down"), widget, lambda w=widget: self._move(w, 1),
                      context=Qt.ShortcutContext.WidgetShortcut)
            setattr(self, f"{key}_up", up)
            setattr(self, f"{key}_down", down)
        form.addWidget(label(_("Ticked records and skills are shared, in this order."), "muted"))
        form.addLayout(self.columns)
        layout.addWidget(self.form)
        layout.addStretch(1)
        scroll.setWidget(body)
        self.save_button = button(_("Save"), "saveViewButton", _("Save this view"), primary=True)
        self.saved = label(role="muted", object_name="viewSaved")
        self.footer = QWidget()
        footer_row = button_row(self.saved, self.save_button, stretch_at=1)
        footer_row.setContentsMargins(0, 4, 8, 0)
        self.footer.setLayout(footer_row)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.footer)
        self.form.hide()
        self.footer.hide()

        self.save_button.clicked.connect(self._save)
        self.name_input.textEdited.connect(lambda _t: self._set_dirty())
        self.statement.textChanged.connect(self._set_dirty)
        for widget in (self.records, self.skills):
            widget.itemChanged.connect(lambda _item: self._set_dirty())
        self.dirty = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Records and skills side by side when there is room, one above the other when not."""
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW * self.fontMetrics().averageCharWidth()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)

    def focusables(self) -> list[QWidget]:
        return [self.name_input, self.statement, self.records, self.record_up, self.record_down, self.skills,
                self.skill_up, self.skill_down, self.save_button]

    record_up: QWidget
    record_down: QWidget
    skill_up: QWidget
    skill_down: QWidget

    def show_view(self, view: ViewRow, records: list[tuple[str, str]], skills: list[tuple[str, str]]) -> None:
        """Fill the editor: the view's records and skills ticked, in its order, then the others unticked.

        `records` and `skills` are (id, title or label) of everything the learner could add."""
        self.view = view
        self.message.hide()
        self.form.show()
        self.footer.show()
        self.name_input.setText(view.name)
        title = view.opportunity_title
        self.for_label.setText(_("For: {opportunity}").format(opportunity=title) if title else "")
        self.for_label.setVisible(bool(title))
        self.statement.blockSignals(True)
        self.statement.setPlainText(view.statement)
        self.statement.blockSignals(False)
        self._fill(self.records, view.record_ids, dict(records), _("A record no longer in the wallet"))
        self._fill(self.skills, view.skill_ids, dict(skills), "")
        self.dirty = False
        self.saved.setText("")

    def clear(self) -> None:
        self.view = None
        self.dirty = False
        self.form.hide()
        self.footer.hide()
        self.message.setText(_(NO_VIEW))
        self.message.show()
        self.records.clear()
        self.skills.clear()
        self.statement.blockSignals(True)
        self.statement.clear()
        self.statement.blockSignals(False)
        self.name_input.clear()

    def set_saved(self, text: str) -> None:
        self.dirty = False
        self.saved.setText(text)

    def values(self) -> tuple[str, str, list[str], list[str]]:
        return (self.name_input.text().strip(), self.statement.toPlainText().strip(), self._ticked(self.records),
                self._ticked(self.skills))

    # -- inside ---------------------------------------------------------------------------------------
    @staticmethod
    def _fill(widget: QListWidget, chosen: list[str], known: dict[str, str], missing: str) -> None:
        widget.blockSignals(True)
        widget.clear()
        for item_id in [*chosen, *(k for k in known if k not in chosen)]:
            text = one_line(known.get(item_id) or missing or item_id)  # a record's title: the issuer's words
            item = QListWidgetItem(text)
            item.setData(DATA_ROLE, item_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked)
            widget.addItem(item)
        if widget.count():
            widget.setCurrentRow(0)
        widget.blockSignals(False)

    @staticmethod
    def _ticked(widget: QListWidget) -> list[str]:
        return [str(widget.item(n).data(DATA_ROLE)) for n in range(widget.count())
                if widget.item(n).checkState() == Qt.CheckState.Checked]

    def _move(self, widget: QListWidget, step: int) -> None:
        row = widget.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < widget.count():
            return
        item = widget.takeItem(row)
        widget.insertItem(target, item)
        widget.setCurrentRow(target)
        self._set_dirty()

    def _set_dirty(self) -> None:
        if self.view is not None:
            self.dirty = True
            self.saved.setText(_("Not saved yet."))


    def _save(self) -> None:
        if self.view is None:
            return
        view_name, statement, record_ids, skill_ids = self.values()
        self.save_requested.emit(self.view.id, view_name, statement, record_ids, skill_ids)

    def plain(self) -> dict[str, Any]:
        """What the editor holds, for tests and tools."""
        view_name, statement, record_ids, skill_ids = self.values()
        return {"name": view_name, "statement": statement, "record_ids": record_ids, "skill_ids": skill_ids}
