"""The first-run tour ('tourDialog'): six short steps; the middle four switch the window to Records, Skills,
Opportunities and Pathways so the person sees what each step talks about. 'tourSkip' ends it at any step,
'tourBack' / 'tourNext' move ('tourNext' says Done on the last). It opens by itself the first time a wallet
is open on this computer (the app settings' `tour_seen`, set as soon as it is shown), never in kiosk mode,
and again from the help panel's 'Take the tour'."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from ui.widgets import button, fixed_constraints, label
from wallet.api import TourStep, _, tour_steps


class Tour(QDialog):
    """A modeless dialog; `show_section(index)` is called for steps that point at a section of the wallet.
    `language` chooses the steps' texts; the buttons follow the app's language."""

    def __init__(self, language: str, show_section: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[TourStep] = tour_steps(language)
        self.show_section = show_section
        self.index = 0
        self.setObjectName("tourDialog")
        self.setWindowTitle(_("A quick tour"))
        self.setAccessibleName(_("A quick tour"))
        self.setModal(False)
        fixed_constraints(self, 480, 250)  # a shown window whose limits change makes the offscreen platform warn
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.count = label("", "muted", object_name="tourStep")
        self.heading = label("", "title", object_name="tourTitle")
        self.text = label("", object_name="tourText")
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen reader reaches and reads it
        for widget in (self.count, self.heading, self.text):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.skip = button(_("Skip the tour"), "tourSkip", _("Skip the tour"), "link")
        self.back = button(_("Back"), "tourBack", _("Back"))
        self.next = button(_("Next"), "tourNext", _("Next"), primary=True)
        self.next.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.skip)
        row.addStretch(1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        layout.addLayout(row)
        self.skip.clicked.connect(self.reject)
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(self._next)

    def start(self) -> None:
        """Open at the first step."""
        self.go(0)
        self.show()
        self.next.setFocus()

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.index]
        self.count.setText(_("Step {number} of {count}").format(number=self.index + 1, count=len(self.steps)))
        self.heading.setText(step.title)
        self.text.setText(step.text)
        self.text.setAccessibleName(step.title)
        self.text.setAccessibleDescription(step.text)
        self.back.setEnabled(self.index > 0)
        last = self.index == len(self.steps) - 1
        self.next.setText(_("Done") if last else _("Next"))
        self.next.setAccessibleName(self.next.text())
        if step.page is not None:
            self.show_section(step.page)

    def _next(self) -> None:
        if self.index == len(self.steps) - 1:
            self.accept()
        else:
            self.go(self.index + 1)


__all__ = ["Tour"]
