"""The right-hand pane of the records page: everything about one record, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.models import dates, is_self_asserted, kind_name
from ui.widgets import FlowLayout, badge, label
from wallet.models import EvidenceInfo, Record

SELF_ASSERTED_NOTE = "Self-asserted: the learner describes this themselves; no one else has vouched for it."
ISSUED_NOTE = "Issued credential: made and signed by the organisation named below."


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024**2:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024**2:.1f} MB"


def evidence_line(item: EvidenceInfo) -> str:
    text = f"{item.filename} ({_size(item.size)})"
    return f"{text}: {item.description}" if item.description else text


class RecordDetail(QScrollArea):
    """objectName 'recordDetail'; focusable, and its accessible description reads the whole record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordDetail")
        self.setAccessibleName("Record details")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.record: Record | None = None
        self.show_message("Choose a record on the left to see it here.")

    def show_message(self, text: str) -> None:
        self.record = None
        body, layout = self._new_body()
        message = label(text, "muted", object_name="detailMessage")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(message)
        layout.addStretch(2)
        self.setAccessibleDescription(text)
        self.setWidget(body)

    def show_record(self, record: Record) -> None:
        self.record = record
        body, layout = self._new_body()
        title = label(record.title, "heading", object_name="detailTitle")
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)

        badges = QHBoxLayout()
        badges.setSpacing(8)
        if is_self_asserted(record):
            badges.addWidget(badge("Self-asserted", "self"))
        else:
            badges.addWidget(badge("Issued credential", "credential"))
        if record.demo:
            badges.addWidget(badge("Demo record", "demo"))
        badges.addStretch(1)
        layout.addLayout(badges)
        layout.addWidget(label(SELF_ASSERTED_NOTE if is_self_asserted(record) else ISSUED_NOTE, "muted"))

        facts = QGridLayout()
        facts.setHorizontalSpacing(18)
        facts.setVerticalSpacing(8)
        rows = [("Kind", kind_name(record), "detailKind"),
                ("Issuer" if not is_self_asserted(record) else "Organisation", record.organisation,
                 "detailOrganisation"),
                ("Dates", dates(record), "detailDates")]
        for row, (caption, value, object_name) in enumerate(rows):
            facts.addWidget(label(caption, "fieldName", wrap=False), row, 0, Qt.AlignmentFlag.AlignTop)
            value_label = label(value or "Not given", "" if value else "muted", object_name=object_name)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(value_label, row, 1)
        facts.setColumnStretch(1, 1)
        layout.addLayout(facts)

        if record.description:
            layout.addWidget(self._section("Description"))
            text = label(record.description, object_name="detailDescription")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(text)
        layout.addWidget(self._section("Skills"))
        layout.addWidget(self._chips(record.skills, "detailSkills", "No skills listed yet."))
        layout.addWidget(self._section("Tags"))
        layout.addWidget(self._chips(record.tags, "detailTags", "No tags."))
        layout.addWidget(self._section("Evidence"))
        evidence = label("\n".join(f"• {evidence_line(e)}" for e in record.evidence) or "No evidence files.",
                         "" if record.evidence else "muted", object_name="detailEvidence")
        layout.addWidget(evidence)
        layout.addStretch(1)
        self.setAccessibleDescription(self.plain_text())
        self.setWidget(body)
        self.verticalScrollBar().setValue(0)

    def plain_text(self) -> str:
        """The record as a few lines of text (what a screen reader hears)."""
        record = self.record
        if record is None:
            return self.accessibleDescription()
        lines = [record.title,
                 f"{kind_name(record)}, self-asserted" if is_self_asserted(record) else "Issued credential",
                 record.organisation, dates(record), record.description,
                 "Skills: " + ", ".join(record.skills) if record.skills else "",
                 "Tags: " + ", ".join(record.tags) if record.tags else "",
                 "Evidence: " + "; ".join(e.filename for e in record.evidence) if record.evidence else ""]
        return "\n".join(line for line in lines if line)

    def _new_body(self) -> tuple[QWidget, QVBoxLayout]:
        body = QWidget()
        body.setObjectName("detailBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        return body, layout

    @staticmethod
    def _section(text: str) -> QLabel:
        heading = label(text, "fieldName")
        heading.setContentsMargins(0, 8, 0, 0)
        return heading

    @staticmethod
    def _chips(items: tuple[str, ...], object_name: str, empty: str) -> QWidget:
        box = QWidget()
        box.setObjectName(object_name)
        box.setAccessibleName(", ".join(items) or empty)
        flow = FlowLayout(box, spacing=6)
        if not items:
            flow.addWidget(label(empty, "muted", wrap=False))
        for item in items:
            flow.addWidget(label(item, "chip", wrap=False))
        return box
