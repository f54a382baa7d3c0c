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
from wallet.api import TourStep, tour_steps

WORDS = {
    "en": {"title": "A quick tour", "back": "Back", "next": "Next", "done": "Done", "skip": "Skip the tour",
           "step": "Step {} of {}"},
    "es": {"title": "Un paseo corto", "back": "Atrás", "next": "Siguiente", "done": "Listo",
           "skip": "Saltar el paseo", "step": "Paso {} de {}"},
}


class Tour(QDialog):
    """A modeless dialog; `show_section(index)` is called for steps that point at a section of the wallet."""

    def __init__(self, language: str, show_section: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = WORDS.get(language, WORDS["en"])
        self.steps: list[TourStep] = tour_steps(language)
        self.show_section = show_section
        self.index = 0
        self.setObjectName("tourDialog")
        self.setWindowTitle(self.words["title"])
        self.setAccessibleName(self.words["title"])
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
        self.skip = button(self.words["skip"], "tourSkip", self.words["skip"], "link")
        self.back = button(self.words["back"], "tourBack", self.words["back"])
        self.next = button(self.words["next"], "tourNext", self.words["next"], primary=True)
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
        self.count.setText(self.words["step"].format(self.index + 1, len(self.steps)))
        self.heading.setText(step.title)
        self.text.setText(step.text)
        self.text.setAccessibleName(step.title)
        self.text.setAccessibleDescription(step.text)
        self.back.setEnabled(self.index > 0)
        last = self.index == len(self.steps) - 1
        self.next.setText(self.words["done"] if last else self.words["next"])
        self.next.setAccessibleName(self.next.text())
        if step.page is not None:
            self.show_section(step.page)

    def _next(self) -> None:
        if self.index == len(self.steps) - 1:
            self.accept()
        else:
            self.go(self.index + 1)


__all__ = ["Tour"]
