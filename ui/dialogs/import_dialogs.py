"""Pasting a credential, and the results of an import: one line per item, each with a word and a sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from ui.list_delegate import use_lines
from ui.status import TONE_COLOURS, Look, status_look
from ui.widgets import button, footer_row, label, modal_layout, name
from wallet.api import N_, ImportOutcome, _, ngettext, one_line

OUTCOME_LOOKS = {
    "imported": Look("✓", N_("Imported"), "good"),
    "duplicate": Look("=", N_("Already in your wallet"), "neutral"),
    "keys": Look("⚿", N_("Added to keys and lists"), "neutral"),
    "failed": Look("✗", N_("Not imported"), "bad"),
}
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def summary(outcomes: Sequence[ImportOutcome]) -> str:
    """'2 imported, 1 already in your wallet, 1 not imported.'"""
    counts = {kind: sum(o.outcome == kind for o in outcomes) for kind in OUTCOME_LOOKS}
    if not outcomes or (counts["imported"] == 0 and counts["duplicate"] == 0 and counts["keys"] == 0):
        return _("Nothing was imported.")
    words = {"imported": ngettext("{n} imported", "{n} imported", counts["imported"]),
             "keys": ngettext("{n} added to the offline keys and lists", "{n} added to the offline keys and lists",
                              counts["keys"]),
             "duplicate": ngettext("{n} already in your wallet", "{n} already in your wallet", counts["duplicate"]),
             "failed": ngettext("{n} not imported", "{n} not imported", counts["failed"])}
    parts = [words[kind].format(n=counts[kind]) if counts[kind] else ""
             for kind in ("imported", "keys", "duplicate", "failed")]
    return ", ".join(p for p in parts if p).capitalize() + "."


def outcome_text(outcome: ImportOutcome) -> str:
    """Two to four lines: what happened to which item, what it is, how it checked, and the sentence.

    The credential's title is the issuer's text, so it has a line of its own (cleaned to one line) and the
    wallet's verdict has another: no title can pass for, or run into, the verdict.
    """
    look = OUTCOME_LOOKS.get(outcome.outcome, OUTCOME_LOOKS["failed"])
    file = one_line(Path(outcome.source).name or outcome.source)  # the file, not its folder
    lines = [_("{outcome}: {file}").format(outcome=_(look.text), file=file)]
    if outcome.title:
        lines.append(one_line(outcome.title))
    if outcome.status:
        lines.append(_("Checked by LER Wallet: {status}").format(status=status_look(outcome.status).text))
    lines.append(one_line(outcome.message))
    return "\n".join(line for line in lines if line)


class ImportResultsDialog(QDialog):
    """objectName 'importResults'. `show_record(id)` is emitted for 'Show it' on an imported item;
    `claim_requested(identifier)` for 'That is me' when credentials were issued to another identifier."""

    show_record = Signal(str)
    claim_requested = Signal(str)
    email_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "importResults", _("Import results"), 620, 420, spacing=12)
        self.heading = label("", "heading", object_name="importSummary")
        layout.addWidget(self.heading)
        self.results = QListWidget()
        name(self.results, "importResultsList", _("What happened to each item"))
        use_lines(self.results)
        layout.addWidget(self.results, 1)
        self.claim_note = label("", "muted", object_name="importClaimNote")
        self.claim_button = button(_("That is me: add it to my profile"), "importClaimButton",
                                   _("Add this identifier to your profile as yours"))
        layout.addWidget(self.claim_note)  # a line of its own: the identifier can be long, the sentence wraps
        claim_row = QHBoxLayout()
        claim_row.addStretch(1)
        claim_row.addWidget(self.claim_button, 0)
        layout.addLayout(claim_row)
        self.outcomes: list[ImportOutcome] = []
        self.claimable = ""
        self.set_claim(None, 0)
        self.claim_button.clicked.connect(lambda: self.claim_requested.emit(self.claimable))
        self.email_note = label("", "muted", object_name="importEmailNote")
        layout.addWidget(self.email_note)
        self.email_box = QLineEdit()
        name(self.email_box, "importEmailBox", _("Your e-mail address"))
        self.email_box.setPlaceholderText(_("you@example.org"))
        self.email_button = button(_("Check this address"), "importEmailButton",
                                   _("Check whether these credentials were issued to this e-mail address"))
        email_row = QHBoxLayout()
        email_row.addWidget(self.email_box, 1)
        email_row.addWidget(self.email_button, 0)
        layout.addLayout(email_row)
        self.hashed: list[str] = []
        self.set_hashed([])
        self.email_button.clicked.connect(lambda: self.email_requested.emit(self.email_box.text()))
        self.email_box.returnPressed.connect(lambda: self.email_requested.emit(self.email_box.text()))
        self.show_button = button(_("Show in wallet"), "importShowButton",
                                  _("Show the chosen credential in the wallet"))
        self.show_button.setToolTip(_("Show the chosen credential in the list"))
        self.close_button = button(_("Close"), "importResultsClose", _("Close the import results"), primary=True)
        footer_row(layout, self.show_button, self.close_button)
        self.close_button.clicked.connect(self.accept)
        self.show_button.clicked.connect(self._show_chosen)
        self.results.itemActivated.connect(lambda _item: self._show_chosen())
        self.results.currentItemChanged.connect(lambda item, _old: self._update_show(item))

    def set_outcomes(self, outcomes: Sequence[ImportOutcome]) -> None:
        self.outcomes = list(outcomes)
        self.results.clear()
        for outcome in outcomes:
            text = outcome_text(outcome)
            item = QListWidgetItem(text)
            look = OUTCOME_LOOKS.get(outcome.outcome, OUTCOME_LOOKS["failed"])
            item.setForeground(QBrush(QColor(TONE_COLOURS[look.tone][1])))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ". "))
            if outcome.record_id and outcome.outcome != "failed":
                item.setData(RECORD_ID_ROLE, outcome.record_id)
            self.results.addItem(item)
        text = summary(outcomes)
        self.heading.setText(text)
        self.setAccessibleDescription(text)
        self.results.setCurrentRow(0)
        self._update_show(self.results.currentItem())

    def set_claim(self, identifier: str | None, count: int) -> None:
        """Offer to add the identifier that `count` of the imported credentials were issued to (None: nothing to
        offer). The identifier is the issuer's text, shown on one line."""
        self.claimable = identifier or ""
        if identifier:
            self.claim_note.setText(ngettext(
                "{count} credential was issued to {identifier}, not to this wallet. If that is you (say, the ID of "
                "the wallet it came from), add it to your profile.",
                "{count} credentials were issued to {identifier}, not to this wallet. If that is you (say, the ID of "
                "the wallet they came from), add it to your profile.", count).format(
                    count=count, identifier=one_line(identifier)))
        self.claim_note.setVisible(bool(identifier))
        self.claim_button.setVisible(bool(identifier))
        self.claim_button.setEnabled(bool(identifier))

    def set_hashed(self, record_ids: list[str]) -> None:
        """Offer to check an e-mail address against the imported credentials issued to a hidden (hashed) one."""
        self.hashed = list(record_ids)
        count = len(self.hashed)
        if count:
            self.email_note.setText(ngettext(
                "{count} credential was issued to an e-mail address the badge keeps hidden. Type yours to check "
                "whether it is the one: it is added to your profile only if it is.",
                "{count} credentials were issued to an e-mail address the badges keep hidden. Type yours to check "
                "whether it is the one: it is added to your profile only if it is.", count).format(count=count))
        for widget in (self.email_note, self.email_box, self.email_button):
            widget.setVisible(bool(count))
        self.email_box.clear()

    def email_checked(self, count: int, sentence: str = "") -> None:
        """Say what checking the typed address found (`sentence` when it could not be checked)."""
        if sentence:
            self.email_note.setText(sentence)
        elif count:
            self.email_note.setText(ngettext(
                "That is the address: {count} credential is now yours, and the address is in your profile.",
                "That is the address: {count} credentials are now yours, and the address is in your profile.",
                count).format(count=count))
            self.email_box.setVisible(False)
            self.email_button.setVisible(False)
        else:
            self.email_note.setText(_("None of these credentials was issued to that address; nothing was added. "
                                      "Try another address you have used."))

    def claimed(self, count: int) -> None:
        """The identifier was added: say how many credentials are now the learner's."""
        self.claim_button.setVisible(False)
        self.claim_note.setText(ngettext("Added to your profile: {count} credential is now yours.",
                                         "Added to your profile: {count} credentials are now yours.",
                                         count).format(count=count))

    def restate(self, statuses: dict[str, str]) -> None:
        """Show the items' verdicts as they are now (after a claim made a credential the learner's), keeping the
        chosen row."""
        row = self.results.currentRow()
        self.set_outcomes([replace(o, status=statuses.get(o.record_id or "", o.status)) for o in self.outcomes])
        self.results.setCurrentRow(max(row, 0))

    def lines(self) -> list[str]:
        """Every item's text (what the list shows), for tests and screen readers."""
        return [self.results.item(row).text() for row in range(self.results.count())]

    def _update_show(self, item: QListWidgetItem | None) -> None:
        self.show_button.setEnabled(item is not None and bool(item.data(RECORD_ID_ROLE)))

    def _show_chosen(self) -> None:
        item = self.results.currentItem()
        record_id = item.data(RECORD_ID_ROLE) if item is not None else None
        if record_id:
            self.accept()
            self.show_record.emit(str(record_id))


class PasteDialog(QDialog):
    """objectName 'pasteDialog': a text box ('pasteBox') and Import; `submitted(text)` carries the text."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "pasteDialog", _("Paste a credential"), 620, 420)
        layout.addWidget(label(_("Paste a credential"), "heading"))
        intro = label(_("Paste the whole credential as you received it: JSON text (it starts with “{”) or a signed "
                        "token (JWT, it starts with “ey”) or a data: URL. Press Ctrl+Enter or Import when done."),
                      "muted")
        layout.addWidget(intro)
        self.box = QPlainTextEdit()
        name(self.box, "pasteBox", _("Credential text"), _("Paste the credential's JSON text or signed token here."))
        self.box.setPlaceholderText('{"@context": [...], "type": ["VerifiableCredential", ...], ...}')
        self.box.setTabChangesFocus(True)
        self.box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        intro.setBuddy(self.box)
        layout.addWidget(self.box, 1)
        row = QHBoxLayout()
        self.cancel = button(_("Cancel"), "pasteCancelButton", _("Cancel pasting"))
        self.import_button = button(_("Import"), "pasteImportButton", _("Import the pasted credential"), primary=True)
        self.import_button.setDefault(True)
        row.addStretch(1)
        row.addWidget(self.cancel)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.cancel.clicked.connect(self.reject)
        self.import_button.clicked.connect(self._submit)
        self.box.textChanged.connect(self._update)
        self.box.installEventFilter(self)
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the text box imports (plain Enter starts a new line, as in any text box)."""
        if (watched is self.box and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self._submit()
            return True
        return super().eventFilter(watched, event)

    def start(self) -> None:
        """Open empty, with the cursor in the box."""
        self.box.clear()
        self.open()
        self.box.setFocus()

    def _update(self) -> None:
        self.import_button.setEnabled(bool(self.box.toPlainText().strip()))

    def _submit(self) -> None:
        text = self.box.toPlainText().strip()
        if not text:
            return
        self.accept()
        self.box.clear()
        self.submitted.emit(text)
