"""The "Verification" panel of a credential: the overall answer first, then one line per check.

The verdict is drawn only here, by the app's own widgets: a panel with the app's mark, a status pill in
the app's colours, and sentences the app wrote. Issuer text never shares a label with it; where a check's
sentence quotes the credential (an issuer's name or ID), that sentence is its own plain-text label.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.status import (
    breakable,
    check_name,
    object_name_for,
    outcome_look,
    short_dids,
    status_look,
    status_sentence,
    when_checked,
)
from ui.widgets import button, label, pill, plain_tip, selectable
from wallet.api import N_, SavedCheck, SavedReport, _, one_line

CHECK_AGAIN = N_("Check again")
CHECKING = N_("Checking…")


SOMEONE_ELSE_SENTENCE = N_("But it was issued to someone else, not to you: the wallet keeps it, and does not count it "
                         "as yours.")


def check_lines(report: SavedReport | None) -> list[str]:
    """The report as sentences a screen reader can read in order."""
    if report is None:
        return []
    return [_("{check}: {outcome}. {message}").format(
        check=check_name(c.check), outcome=outcome_look(c.outcome.value).word, message=c.message)
        for c in report.checks]


def checks_grid(checks: Sequence[SavedCheck], prefix: str = "check_") -> QGridLayout:
    """One row per check: the outcome (symbol and word) on the left, the check's name and sentence beside it.

    Each outcome label is named after its check ('check_validity_period') so tests and tools can find it.
    """
    grid = QGridLayout()
    grid.setHorizontalSpacing(14)
    grid.setVerticalSpacing(10)
    for row, check in enumerate(checks):
        look = outcome_look(check.outcome.value)
        object_name = prefix + object_name_for(check.check).removeprefix("check_")
        outcome = pill(look, object_name)
        outcome.setMinimumWidth(outcome.sizeHint().width())
        grid.addWidget(outcome, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(label(check_name(check.check), "strong"))
        message = one_line(check.message)
        shown = selectable(label(breakable(short_dids(message))))
        if shown.text() != message:
            shown.setToolTip(plain_tip(message))
        shown.setAccessibleName(message)
        column.addWidget(shown)
        grid.addWidget(text, row, 1)
    grid.setColumnStretch(1, 1)
    return grid


class VerificationView(QFrame):
    """objectName 'verificationReport'. `reverify_clicked` asks the page to check the credential again."""

    reverify_clicked = Signal()

    def __init__(self, report: SavedReport | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verificationReport")
        self.setProperty("role", "panel")
        self.setAccessibleName(_("Verification"))
        status = None if report is None else report.status.value
        look = status_look(status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(12)
        mark = label("LER", wrap=False, object_name="verdictMark")
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark.setFixedSize(30, 30)
        mark.setAccessibleName(_("Checked by LER Wallet"))
        mark.setToolTip(_("Checked by LER Wallet on this computer"))
        top.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(label(_("Verification"), "subheading", wrap=False))
        top.addStretch(1)
        self.reverify: QPushButton = button(_(CHECK_AGAIN), "reverifyButton", _("Check this credential again"))
        self.reverify.setAccessibleDescription(
            _("Checks the signature, dates, revocation list and issuer again, with what the wallet knows now."))
        self.reverify.setToolTip(_("Check the signature, dates and issuer again"))
        self.reverify.clicked.connect(self.reverify_clicked)
        top.addWidget(self.reverify, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        layout.addWidget(pill(look, "verificationStatus"), 0, Qt.AlignmentFlag.AlignLeft)

        sentence = selectable(label(status_sentence(status), object_name="verificationSentence"))
        layout.addWidget(sentence)
        someone_else = report is not None and report.outcome_of("recipient") == "failed"
        if someone_else:  # genuine or not, it is not the learner's: said next to the verdict, not only in a row
            layout.addWidget(label(_(SOMEONE_ELSE_SENTENCE), "note", object_name="verificationRecipient"))
        checked = when_checked(None if report is None else report.checked_at)
        if checked:
            layout.addWidget(label(checked, "muted", object_name="verificationCheckedAt"))

        checks = () if report is None else report.checks
        if checks:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setProperty("role", "rule")
            layout.addWidget(line)
            layout.addLayout(checks_grid(checks))
        recipient = [_(SOMEONE_ELSE_SENTENCE)] if someone_else else []
        self.setAccessibleDescription("\n".join([look.text, status_sentence(status), *recipient, checked,
                                                *check_lines(report)]))

    def set_checking(self, checking: bool) -> None:
        self.reverify.setEnabled(not checking)
        self.reverify.setText(_(CHECKING) if checking else _(CHECK_AGAIN))
