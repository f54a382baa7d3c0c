"""Credit for prior learning: paste a course's learning outcomes and see, for each, the records that give
evidence for it, or "No evidence yet" (so a reviewer sees the gap, not a silence)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QFrame, QListWidgetItem, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from ui.pages.skill_parts import DATA_ROLE, StatusLine, add_item, button_row, lines_list
from ui.skill_looks import strength_look
from ui.status import TONE_COLOURS, Look
from ui.widgets import button, field, label, name, selectable
from wallet.api import N_, OutcomeMatch, _, ngettext, start_recogniser_warm_up

CPL_LOOKS = {
    "evidenced": Look("✓", N_("Evidence"), "good"),
    "partly evidenced": Look("~", N_("Partly"), "warn"),
    "no evidence": Look("✗", N_("No evidence yet"), "bad"),
}
INTRO = N_("Asking a college to give you credit for what you already know? Paste the course's learning outcomes, "
           "one on each line. The wallet shows which of your records give evidence for each outcome.")
PLACEHOLDER = N_("For example:\n1. Operate a forklift safely\n2. Manage inventory in a warehouse\n"
                 "3. Apply statistical process control")


def outcome_lines(outcome: OutcomeMatch) -> list[str]:
    look = CPL_LOOKS.get(outcome.status, CPL_LOOKS["no evidence"])
    number = outcome.number
    first = f"{look.text}: {number}. {outcome.text}" if number else f"{look.text}: {outcome.text}"
    lines = [first]
    if outcome.records:
        lines.append(_("Records: {records}").format(records="; ".join(
            f"{r.title} ({strength_look(r.strength).word.lower()})" for r in outcome.records)))
    elif not outcome.explanation:
        lines.append(_("No evidence yet."))
    if outcome.explanation:
        lines.append(outcome.explanation)
    return lines


class CplPanel(QFrame):
    """objectName 'cplPanel'. `map_requested(text)`; `open_record(id)` for Enter on an outcome with evidence."""

    map_requested = Signal(str)
    open_record = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, "cplPanel", _("Credit for prior learning"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(label(_(INTRO), "muted", object_name="cplIntro"))
        self.outcomes = QPlainTextEdit()
        name(self.outcomes, "cplOutcomes", _("Learning outcomes"), _("One outcome on each line."))
        self.outcomes.setProperty("role", "prose")
        self.outcomes.setPlaceholderText(_(PLACEHOLDER))
        self.outcomes.setTabChangesFocus(True)
        self.outcomes.textChanged.connect(start_recogniser_warm_up)  # outcomes are coming: ready the recogniser
        self.map_button = button(_("Find evidence"), "cplButton", _("Find evidence for these outcomes"), primary=True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(field(_("&Learning outcomes"), self.outcomes), 1)
        left_layout.addLayout(button_row(self.map_button))
        self.status = StatusLine("cplStatus")
        left_layout.addWidget(self.status)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = selectable(label(role="strong", object_name="cplSummary"))
        self.results = lines_list("cplResults", _("Outcomes and their evidence"),
                                  _("Each outcome with the records that show it, or no evidence yet."))
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.results, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(16)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 620])
        layout.addWidget(splitter, 1)
        self.map_button.clicked.connect(lambda: self.map_requested.emit(self.outcomes.toPlainText()))
        self.results.itemActivated.connect(self._activated)
        self.show_outcomes([])

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(DATA_ROLE):
            self.open_record.emit(str(item.data(DATA_ROLE)))

    def focusables(self) -> list[QWidget]:
        return [self.outcomes, self.map_button, self.results]

    def show_outcomes(self, outcomes: list[OutcomeMatch]) -> None:
        self.results.clear()
        for outcome in outcomes:
            first = outcome.records[0].id if outcome.records else None
            item = add_item(self.results, outcome_lines(outcome), first)
            look = CPL_LOOKS.get(outcome.status, CPL_LOOKS["no evidence"])
            item.setForeground(QBrush(QColor(TONE_COLOURS[look.tone][1])))
        if outcomes:
            shown = sum(1 for o in outcomes if o.status == "evidenced")
            partly = sum(1 for o in outcomes if o.status == "partly evidenced")  # i18n: not shown
            none = len(outcomes) - shown - partly
            self.summary.setText(ngettext(
                "{n} outcome: {shown} ✓ with evidence, {partly} ~ partly, {none} ✗ no evidence yet.",
                "{n} outcomes: {shown} ✓ with evidence, {partly} ~ partly, {none} ✗ no evidence yet.",
                len(outcomes)).format(n=len(outcomes), shown=shown, partly=partly, none=none))

        else:
            self.summary.setText("")
        self.summary.setVisible(bool(outcomes))
        self.results.setVisible(bool(outcomes))

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.map_button.setEnabled(not busy)
        if busy:
            self.status.set(text, busy=True)
        else:
            self.status.clear()

    def clear(self) -> None:
        self.outcomes.clear()
        self.status.clear()
        self.show_outcomes([])
