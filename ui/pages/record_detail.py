"""The right-hand pane of the records page: everything about one record, in plain words.

Self-asserted entries show what the learner wrote, clearly marked as theirs. Issued credentials also show
their verification report (with "Check again"), the issuer and whether it is trusted, the skills the
achievement aligns to, endorsements, and for a CLR the credentials inside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.chips import chip_key, chips
from ui.date_words import stamp_words
from ui.dialogs.entry_editor import dropped_files
from ui.models import dates, is_self_asserted, kind_name
from ui.pages.clr_tree import ClrSection
from ui.pages.credential_sections import endorsements_section, facts, issuer_section, text_block
from ui.pages.verification_view import VerificationView, check_lines
from ui.status import breakable, status_look, status_sentence
from ui.widgets import FlowLayout, badge, button, label, markdown_label, pill, section, selectable
from wallet.api import N_, CredentialDetails, EvidenceInfo, Record, _, format_number, ngettext, one_line

SELF_ASSERTED_LABEL = N_("Self-asserted — written by you")
SELF_ASSERTED_NOTE = N_("You describe this yourself; no one else has checked or signed it. When you share it, "
                      "it is marked as self-asserted.")
ISSUED_NOTE = N_("Issued credential: made and signed by the organisation named below.")


def _size(n: int) -> str:
    if n < 1024:
        return ngettext("{count} byte", "{count} bytes", n).format(count=n)
    if n < 1024**2:
        return _("{size} KB").format(size=format_number(round(n / 1024, 1)))
    return _("{size} MB").format(size=format_number(round(n / 1024**2, 1)))


def evidence_line(item: EvidenceInfo) -> str:
    text = f"{one_line(item.filename)} ({_size(item.size)})"
    return f"{text}: {one_line(item.description)}" if item.description else text


def credential_dates(record: Record) -> str:
    """'16 May 2022 to 16 May 2027', or 'From 28 Feb 2024 (no end date)'."""
    start, end = stamp_words(record.start), stamp_words(record.end)
    if start and end:
        return _("{start} to {end}").format(start=start, end=end)
    if start:
        return _("From {start} (no end date)").format(start=start)
    return _("Until {end}").format(end=end) if end else ""


class RecordDetail(QScrollArea):
    """objectName 'recordDetail'; focusable, and its accessible description reads the whole record.

    It only draws: `reverify_requested(record_id)` and `trust_requested(issuer_id, name)` ask the page to act,
    and `content_changed` says new buttons appeared (so the page can put them in the tab order).
    """

    reverify_requested = Signal(str)
    trust_requested = Signal(str, str)
    content_changed = Signal()
    action_requested = Signal(str, str)
    """(what, record id): "edit", "delete", "hide", "show", "marks", "sign", "add_evidence"."""
    evidence_requested = Signal(str, str)
    """(what, evidence id): "save", "replace", "remove"."""
    evidence_dropped = Signal(str, list)
    """(record id, [paths]): files dropped onto a shown record, to attach as evidence."""
    first_step = Signal(str)
    """From a new wallet's empty state: "add_entry", "import", "posting"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordDetail")
        self.setAccessibleName(_("Record details"))
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.record: Record | None = None
        self.details: CredentialDetails | None = None
        self.verification: VerificationView | None = None
        self.trust_button: QPushButton | None = None
        self.clr: ClrSection | None = None
        self._issuer_buttons: list[QPushButton] = []
        self._action_buttons: list[QPushButton] = []
        self._shown = 0
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)  # drags arrive at the viewport and come here (dragEnterEvent)
        self.show_message(_("Choose a record on the left to see it here."))

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

    def show_empty(self) -> None:
        """A new wallet: what to do first, with one button each."""
        self.record = None
        self.details = None
        self._shown += 1
        body, layout = self._new_body()
        layout.addStretch(1)
        layout.addWidget(label(_("Your wallet is empty"), "heading", object_name="emptyHeading"))
        steps = (("add_entry", _("Add an experience"), "emptyAddEntry",
                  _("A job, volunteering, caring for someone, training, a project: write it down in your own words.")),
                 ("import", _("Import a badge"), "emptyImport",
                  _("A badge, certificate or transcript file you were given (or drop it anywhere on this window).")),
                 ("posting", _("Paste a job posting"), "emptyPosting",
                  _("See which of your skills a job asks for, and what to add.")))
        for what, text, object_name, sentence in steps:
            row = QHBoxLayout()
            action = button(text, object_name, text, primary=what == "add_entry")
            action.setFixedWidth(210)
            action.clicked.connect(lambda _checked=False, w=what: self.first_step.emit(w))
            self._action_buttons.append(action)
            row.addWidget(action, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label(sentence, "muted"), 1)
            layout.addLayout(row)
        layout.addStretch(2)
        self.setAccessibleDescription(
            _("Your wallet is empty. Add an experience, import a badge or paste a job posting."))
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
        layout.addWidget(self._actions(record))
        if record.hidden:
            layout.addWidget(label(_("Hidden: left out of the list and search until you show it again."), "note",
                                   object_name="detailHidden"))
        if record.note:
            layout.addWidget(section(_("Your note")))
            layout.addWidget(text_block(record.note, "detailNote"))
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
        demo_badge = badge(_("Demo record"), "demo") if record.demo else None
        layout.addWidget(self._row(badge(_("Self-asserted"), "self"), demo_badge))
        mine = label(f"✎ {_(SELF_ASSERTED_LABEL)}", "note", object_name="selfAssertedLabel")
        mine.setAccessibleName(_(SELF_ASSERTED_LABEL))
        mine.setAccessibleDescription(_(SELF_ASSERTED_NOTE))
        layout.addWidget(mine)
        layout.addWidget(label(_(SELF_ASSERTED_NOTE), "muted"))
        layout.addLayout(facts([(_("Kind"), kind_name(record), "detailKind"),
                                (_("Organisation"), record.organisation, "detailOrganisation"),
                                (_("Dates"), dates(record), "detailDates")]))
        if record.description:
            layout.addWidget(section(_("Description")))
            layout.addWidget(text_block(record.description, "detailDescription"))
        layout.addWidget(section(_("Skills")))
        layout.addWidget(self._chips(record.skills, "detailSkills", _("No skills listed yet.")))
        layout.addWidget(section(_("Tags")))
        layout.addWidget(self._chips(record.tags, "detailTags", _("No tags.")))
        self._evidence(layout, record)
        signed = label(_("Sign it to hand it over as a credential that says it comes from you (still self-asserted)."),
                       "muted")
        layout.addWidget(signed)

    # -- issued credentials -------------------------------------------------------------------------
    def _credential(self, layout: QVBoxLayout, record: Record, details: CredentialDetails | None) -> None:
        status = record.credential.verification if record.credential else None
        layout.addWidget(self._row(badge(_("Issued credential"), "credential"),
                                   pill(status_look(status), "detailStatus"),
                                   badge(_("Demo record"), "demo") if record.demo else None))
        rows = [(_("Kind"), details.kind_name if details else kind_name(record), "detailKind"),
                (_("Issuer"), record.organisation, "detailOrganisation"),
                (_("Valid"), credential_dates(record), "detailDates"),
                (_("Format"), record.credential.format if record.credential else "", "detailFormat")]
        if details is not None and details.endorses:
            rows.insert(1, (_("Endorses"), details.endorses, "detailEndorses"))
        layout.addLayout(facts(rows))
        if details is None:
            layout.addWidget(label(_("The details of this credential could not be read."), "error"))
            self._evidence(layout, record)
            return
        self.verification = VerificationView(details.report)
        self.verification.reverify_clicked.connect(lambda: self.reverify_requested.emit(record.id))
        layout.addWidget(self.verification)

        description = details.description or record.description
        if description:
            layout.addWidget(section(_("About")))
            layout.addWidget(markdown_label(description, "detailDescription"))
        if details.criteria:
            layout.addWidget(section(_("What it took")))
            layout.addWidget(markdown_label(details.criteria, "detailCriteria"))
        if details.kind == "clr":
            layout.addWidget(section(_("Inside this record")))
            self.clr = ClrSection(details)
            layout.addWidget(self.clr)
        if details.kind != "endorsement":
            layout.addWidget(section(_("Skills it shows")))
            layout.addWidget(skills_section(details, record.skills))
            layout.addWidget(section(_("Endorsements")))
            layout.addWidget(endorsements_section(details.endorsements))
        layout.addWidget(section(_("Issuer")))
        issuer, buttons, self.trust_button = issuer_section(details)
        self._issuer_buttons = buttons
        if self.trust_button is not None:
            self.trust_button.clicked.connect(
                lambda: self.trust_requested.emit(details.issuer_id, details.issuer_name))
        layout.addWidget(issuer)
        if details.hosted_url:
            layout.addWidget(section(_("Where the issuer publishes it")))
            hosted = breakable(one_line(details.hosted_url))  # after cleaning: it adds zero-width spaces
            layout.addWidget(selectable(label(hosted, object_name="detailHostedUrl")))
        if record.tags:
            layout.addWidget(section(_("Tags")))
            layout.addWidget(self._chips(record.tags, "detailTags", _("No tags.")))
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
        return self._action_buttons + found + self._issuer_buttons

    def plain_text(self) -> str:
        """The record as a few lines of text (what a screen reader hears)."""
        record = self.record
        if record is None:
            return self.accessibleDescription()
        lines = [record.title,
                 _("{kind}, self-asserted: {label}").format(kind=kind_name(record), label=_(SELF_ASSERTED_LABEL))
                 if is_self_asserted(record)
                 else _("Issued credential"),
                 record.organisation, dates(record), record.description,
                 _("Skills: ") + ", ".join(record.skills) if record.skills else "",
                 _("Tags: ") + ", ".join(record.tags) if record.tags else "",
                 _("Evidence: ") + "; ".join(e.filename for e in record.evidence) if record.evidence else "",
                 _("Your note: ") + record.note if record.note else "",
                 _("Hidden from the list") if record.hidden else ""]
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
        self._action_buttons = []
        self.clr = None
        body = QWidget()
        body.setObjectName("detailBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        return body, layout

    def _actions(self, record: Record) -> QWidget:
        """What the learner can do with this record: a row of buttons that wraps in a narrow pane."""
        box = QWidget()
        box.setObjectName("detailActions")
        flow = FlowLayout(box, spacing=6)
        mine = is_self_asserted(record)
        wanted = [("edit", _("Edit…"), "editButton", _("Edit this experience"))] if mine else []
        wanted += [("marks", _("Tags and note…"), "marksButton", _("Change the tags and your note"))]
        if mine:
            wanted.append(("sign", _("Sign as a credential…"), "signButton",
                           _("Sign this entry with your wallet's key and save it as a self-asserted credential")))
        wanted += [("add_evidence", _("Attach a file…"), "addEvidenceButton",
                    _("Attach an evidence file (or drop one onto this pane)")),
                   ("show" if record.hidden else "hide", _("Show in list") if record.hidden else _("Hide"),
                    "hideButton", _("Show it in the list again") if record.hidden else _("Leave it out of the list")),
                   ("delete", _("Delete"), "deleteButton", _("Delete this record (you can undo it until you lock)"))]
        for what, text, object_name, tip in wanted:
            action = button(text, object_name, tip, "danger" if what == "delete" else "")
            action.setToolTip(tip)
            action.clicked.connect(lambda _checked=False, w=what: self.action_requested.emit(w, record.id))
            self._action_buttons.append(action)
            flow.addWidget(action)
        return box

    def _evidence(self, layout: QVBoxLayout, record: Record) -> None:
        layout.addWidget(section(_("Evidence")))
        evidence = label("\n".join(f"• {evidence_line(e)}" for e in record.evidence) or
                         _("No evidence files. Drop a file here, or use Attach a file."),
                         "" if record.evidence else "muted", object_name="detailEvidence")
        evidence.setAccessibleName(_("Evidence files"))
        layout.addWidget(evidence)
        for number, item in enumerate(record.evidence):
            row = QWidget()
            row.setObjectName(f"evidenceRow_{number}")
            flow = FlowLayout(row, spacing=6)
            flow.addWidget(label(one_line(item.filename), "strong", wrap=False))
            for what, text, tip in (("save", _("Save a copy…"), _("Save a copy of this file where you choose")),
                                    ("replace", _("Replace…"), _("Put another file in its place")),
                                    ("remove", _("Remove"), _("Remove this file from the record"))):
                spoken = _("{action}: {file}").format(action=tip, file=one_line(item.filename))
                action = button(text, f"{what}Evidence_{number}", spoken, "link")
                action.setToolTip(tip)
                action.clicked.connect(lambda _checked=False, w=what, e=item.id: self.evidence_requested.emit(w, e))
                self._action_buttons.append(action)
                flow.addWidget(action)
            layout.addWidget(row)

    # -- dropping files onto a record -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.record is not None and dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if self.record is None or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.evidence_dropped.emit(self.record.id, [str(Path(f)) for f in files])

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
        return chips(((item, "") for item in items), object_name, empty)


def skills_section(details: CredentialDetails, extra_skills: tuple[str, ...]) -> QWidget:
    """The skills the achievement is aligned to (e.g. ESCO skills), then any other skills it names: each once,
    long names wrapped."""
    shown: list[tuple[str, str]] = []
    seen: set[str] = set()
    for alignment in details.aligned_skills:
        target = one_line(alignment.name or alignment.code)
        if not target or chip_key(target) in seen:
            continue
        seen.add(chip_key(target))
        framework = one_line(alignment.framework)
        where = one_line(alignment.url)
        shown.append((f"{target} · {framework}" if framework else target,
                      _("{framework} skill: {address}").format(framework=framework, address=where)
                      if where else target))
    shown += [(skill, "") for skill in extra_skills if chip_key(skill) not in seen]
    return chips(shown, "detailSkills", _("No skills listed."))
