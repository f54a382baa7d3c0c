"""The right-hand pane of the records page: everything about one record, in plain words.

Self-asserted entries show what the learner wrote, clearly marked as theirs. Issued credentials also show
their verification report (with "Check again"), the issuer and whether it is trusted, the skills the
achievement aligns to, endorsements, and for a CLR the credentials inside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.models import dates, is_self_asserted, kind_name
from ui.pages.clr_tree import ClrSection
from ui.pages.credential_sections import alignments_section, endorsements_section, facts, issuer_section, text_block
from ui.pages.verification_view import VerificationView, check_lines
from ui.status import breakable, status_look, status_sentence
from ui.widgets import FlowLayout, badge, label, markdown_label, pill, section, selectable
from wallet.api import CredentialDetails, EvidenceInfo, Record, one_line

SELF_ASSERTED_LABEL = "Self-asserted — written by you"
SELF_ASSERTED_NOTE = ("You describe this yourself; no one else has checked or signed it. When you share it, "
                      "it is marked as self-asserted.")
ISSUED_NOTE = "Issued credential: made and signed by the organisation named below."


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024**2:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024**2:.1f} MB"


def evidence_line(item: EvidenceInfo) -> str:
    text = f"{one_line(item.filename)} ({_size(item.size)})"
    return f"{text}: {one_line(item.description)}" if item.description else text


def credential_dates(record: Record) -> str:
    """'2022-05-16 to 2027-05-16', or 'From 2024-02-28 (no end date)'."""
    if record.start and record.end:
        return f"{record.start} to {record.end}"
    if record.start:
        return f"From {record.start} (no end date)"
    return f"Until {record.end}" if record.end else ""


class RecordDetail(QScrollArea):
    """objectName 'recordDetail'; focusable, and its accessible description reads the whole record.

    It only draws: `reverify_requested(record_id)` and `trust_requested(issuer_id, name)` ask the page to act,
    and `content_changed` says new buttons appeared (so the page can put them in the tab order).
    """

    reverify_requested = Signal(str)
    trust_requested = Signal(str, str)
    content_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordDetail")
        self.setAccessibleName("Record details")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.record: Record | None = None
        self.details: CredentialDetails | None = None
        self.verification: VerificationView | None = None
        self.trust_button: QPushButton | None = None
        self.clr: ClrSection | None = None
        self._issuer_buttons: list[QPushButton] = []
        self._shown = 0
        self.show_message("Choose a record on the left to see it here.")

    def show_message(self, text: str) -> None:
        self.record = None
        self.details = None
        self._shown += 1
        body, layout = self._new_body()
        message = label(text, "muted", object_name="detailMessage")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(message)
        layout.addStretch(2)
        self.setAccessibleDescription(text)
        self._set_body(body)

    def show_record(self, record: Record, details: CredentialDetails | None = None) -> None:
        """Draw `record`; showing the same record again (after a check) keeps the scroll position."""
        same = self.record is not None and self.record.id == record.id
        scrolled = self.verticalScrollBar().value()
        self.record = record
        self.details = details
        body, layout = self._new_body()
        title = selectable(label(one_line(record.title), "heading", object_name="detailTitle"))
        layout.addWidget(title)
        if is_self_asserted(record):
            self._entry(layout, record)
        else:
            self._credential(layout, record, details)
        layout.addStretch(1)
        self.setAccessibleDescription(self.plain_text())
        self._set_body(body)
        self._shown += 1
        if same:  # the new body's height is known once its layout runs
            shown = self._shown
            QTimer.singleShot(0, self, lambda: self._restore_scroll(shown, scrolled))
        else:
            self.verticalScrollBar().setValue(0)

    def _restore_scroll(self, shown: int, value: int) -> None:
        if shown == self._shown:  # nothing else was shown meanwhile
            self.verticalScrollBar().setValue(value)

    # -- self-asserted entries ----------------------------------------------------------------------
    def _entry(self, layout: QVBoxLayout, record: Record) -> None:
        demo_badge = badge("Demo record", "demo") if record.demo else None
        layout.addWidget(self._row(badge("Self-asserted", "self"), demo_badge))
        mine = label(f"✎ {SELF_ASSERTED_LABEL}", "note", object_name="selfAssertedLabel")
        mine.setAccessibleName(SELF_ASSERTED_LABEL)
        mine.setAccessibleDescription(SELF_ASSERTED_NOTE)
        layout.addWidget(mine)
        layout.addWidget(label(SELF_ASSERTED_NOTE, "muted"))
        layout.addLayout(facts([("Kind", kind_name(record), "detailKind"),
                                ("Organisation", record.organisation, "detailOrganisation"),
                                ("Dates", dates(record), "detailDates")]))
        if record.description:
            layout.addWidget(section("Description"))
            layout.addWidget(text_block(record.description, "detailDescription"))
        layout.addWidget(section("Skills"))
        layout.addWidget(self._chips(record.skills, "detailSkills", "No skills listed yet."))
        layout.addWidget(section("Tags"))
        layout.addWidget(self._chips(record.tags, "detailTags", "No tags."))
        self._evidence(layout, record)

    # -- issued credentials -------------------------------------------------------------------------
    def _credential(self, layout: QVBoxLayout, record: Record, details: CredentialDetails | None) -> None:
        status = record.credential.verification if record.credential else None
        layout.addWidget(self._row(badge("Issued credential", "credential"), pill(status_look(status), "detailStatus"),
                                   badge("Demo record", "demo") if record.demo else None))
        rows = [("Kind", details.kind_name if details else kind_name(record), "detailKind"),
                ("Issuer", record.organisation, "detailOrganisation"),
                ("Valid", credential_dates(record), "detailDates"),
                ("Format", record.credential.format if record.credential else "", "detailFormat")]
        if details is not None and details.endorses:
            rows.insert(1, ("Endorses", details.endorses, "detailEndorses"))
        layout.addLayout(facts(rows))
        if details is None:
            layout.addWidget(label("The details of this credential could not be read.", "error"))
            self._evidence(layout, record)
            return
        self.verification = VerificationView(details.report)
        self.verification.reverify_clicked.connect(lambda: self.reverify_requested.emit(record.id))
        layout.addWidget(self.verification)

        description = details.description or record.description
        if description:
            layout.addWidget(section("About"))
            layout.addWidget(markdown_label(description, "detailDescription"))
        if details.criteria:
            layout.addWidget(section("What it took"))
            layout.addWidget(markdown_label(details.criteria, "detailCriteria"))
        if details.kind == "clr":
            layout.addWidget(section("Inside this record"))
            self.clr = ClrSection(details)
            layout.addWidget(self.clr)
        if details.kind != "endorsement":
            layout.addWidget(section("Skills it shows"))
            layout.addWidget(alignments_section(details, record.skills))
            layout.addWidget(section("Endorsements"))
            layout.addWidget(endorsements_section(details.endorsements))
        layout.addWidget(section("Issuer"))
        issuer, buttons, self.trust_button = issuer_section(details)
        self._issuer_buttons = buttons
        if self.trust_button is not None:
            self.trust_button.clicked.connect(
                lambda: self.trust_requested.emit(details.issuer_id, details.issuer_name))
        layout.addWidget(issuer)
        if details.hosted_url:
            layout.addWidget(section("Where the issuer publishes it"))
            hosted = breakable(one_line(details.hosted_url))  # after cleaning: it adds zero-width spaces
            layout.addWidget(selectable(label(hosted, object_name="detailHostedUrl")))
        if record.tags:
            layout.addWidget(section("Tags"))
            layout.addWidget(self._chips(record.tags, "detailTags", "No tags."))
        if record.evidence:
            self._evidence(layout, record)

    def set_checking(self, checking: bool) -> None:
        """While a check runs: 'Checking…' on a disabled button."""
        if self.verification is not None:
            self.verification.set_checking(checking)
        if self.trust_button is not None:
            self.trust_button.setEnabled(not checking)

    def focusables(self) -> list[QWidget]:
        """The pane's own controls in reading order (the page chains them into the tab order)."""
        found: list[QWidget] = []
        if self.verification is not None:
            found.append(self.verification.reverify)
        if self.clr is not None:
            found.append(self.clr.tree)
        return found + self._issuer_buttons

    def plain_text(self) -> str:
        """The record as a few lines of text (what a screen reader hears)."""
        record = self.record
        if record is None:
            return self.accessibleDescription()
        lines = [record.title,
                 f"{kind_name(record)}, self-asserted: {SELF_ASSERTED_LABEL}" if is_self_asserted(record)
                 else "Issued credential",
                 record.organisation, dates(record), record.description,
                 "Skills: " + ", ".join(record.skills) if record.skills else "",
                 "Tags: " + ", ".join(record.tags) if record.tags else "",
                 "Evidence: " + "; ".join(e.filename for e in record.evidence) if record.evidence else ""]
        if self.details is not None:
            status = self.details.status
            lines[2:2] = [status_look(status).text, status_sentence(status), *check_lines(self.details.report)]
        return "\n".join(line for line in lines if line)

    # -- building blocks ----------------------------------------------------------------------------
    def _set_body(self, body: QWidget) -> None:
        self.setWidget(body)  # deletes the previous body
        self.content_changed.emit()

    def _new_body(self) -> tuple[QWidget, QVBoxLayout]:
        self.verification = None
        self.trust_button = None
        self._issuer_buttons = []
        self.clr = None
        body = QWidget()
        body.setObjectName("detailBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        return body, layout

    def _evidence(self, layout: QVBoxLayout, record: Record) -> None:
        layout.addWidget(section("Evidence"))
        evidence = label("\n".join(f"• {evidence_line(e)}" for e in record.evidence) or "No evidence files.",
                         "" if record.evidence else "muted", object_name="detailEvidence")
        layout.addWidget(evidence)

    @staticmethod
    def _row(*badges: QWidget | None) -> QWidget:
        """Badges side by side, wrapping onto a second line in a narrow window."""
        box = QWidget()
        flow = FlowLayout(box, spacing=8)
        for item in badges:
            if item is not None:
                flow.addWidget(item)
        return box

    @staticmethod
    def _chips(items: tuple[str, ...], object_name: str, empty: str) -> QWidget:
        box = QWidget()
        box.setObjectName(object_name)
        box.setAccessibleName(", ".join(items) or empty)
        flow = FlowLayout(box, spacing=6)
        if not items:
            flow.addWidget(label(empty, "muted", wrap=False))
        for item in items:
            flow.addWidget(label(one_line(item), "chip", wrap=False))
        return box
