"""The Share page: the learner picks a view, a recipient and an optional last day, sees exactly what will leave
the wallet (records, skills, statement and the PDF's pages), then shows the QR code (a set one code at a time),
saves the bundle, saves or prints the PDF résumé, or exports JSON Resume. The share history is below.

Signing and drawing run on the wallet's job thread (ui.pages.share_work); nothing is written to the history
until a form has been saved, printed or shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ui.pages.share_print import print_pages, printer_for
from ui.pages.share_work import Choice, Prepared, history, note, prepare, save, views
from ui.widgets import busy_bar, button, label, message_label, name, section, selectable, show_message
from ui.worker import Failed, Jobs
from wallet.api import N_, Session, ShareRecord, ViewRow, _, ngettext

FORM_WORDS = {"json": N_("bundle file"), "jsonresume": N_("JSON Resume"), "qr": N_("QR code"),  # i18n: not shown
              "pdf": N_("PDF résumé"), "print": N_("printed PDF")}  # i18n: not shown
"""Each form's name in a sentence (keys are the forms' codes; the names are shown through _())."""
THUMB_WIDTH = 180
QR_SIDE = 330
Chooser = Callable[[str, str, str], str]
"""(title, suggested file name, filter) → the chosen path, or '' when cancelled."""


def _combo(object_name: str, accessible: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    name(combo, object_name, accessible)
    name(combo.view(), f"{object_name}List", f"{accessible}: choices")
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _caption(text: str, editor: QWidget) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    caption = label(text, "fieldName")
    caption.setBuddy(editor)
    column.addWidget(caption)
    column.addWidget(editor)
    return box


class SharePage(QWidget):
    """objectName 'sharePage'. `back_clicked` asks the window to go back to the records."""

    back_clicked = Signal()

    def __init__(self, queue: Jobs | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharePage")
        self.jobs = Jobs(self, queue=queue)
        self.session: Session | None = None
        self.prepared: Prepared | None = None
        self.shares: list[ShareRecord] = []
        self.code_index = 0
        self.choose_save: Chooser = self._ask_save
        self.choose_folder: Callable[[str], str] = self._ask_folder
        self.run_print_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted
        """Tests answer the file and print dialogs through these."""
        self._build()

    # -- building -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 16, 28, 16)
        outer.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(label(_("Share a view"), "title"), 1)
        self.back_button = button(_("Back to records"), "shareBackButton", _("Back to your records"))
        top.addWidget(self.back_button, 0)
        outer.addLayout(top)
        outer.addWidget(label(_("Choose a view: only its records, skills and statement leave the wallet, signed by "
                              "you, so the person you send it to can check it. Preview it first."), "muted"))
        form = QHBoxLayout()
        form.setSpacing(12)
        self.view_picker = _combo("shareViewPicker", _("View to share"), [])
        self.view_picker.setMinimumWidth(220)
        self.recipient = QLineEdit()
        name(self.recipient, "shareRecipient", _("Recipient (optional)"),
             _("Who it is for; the bundle is made for them and says so"))
        self.recipient.setPlaceholderText("e.g. ACME Logistics")
        self.expires = QLineEdit()
        name(self.expires, "shareExpiry", _("Last day it is good (optional)"), _("A date like 2026-12-31, or empty"))
        self.expires.setPlaceholderText(QDate.currentDate().addDays(30).toString("yyyy-MM-dd"))
        self.expires.setMaximumWidth(130)
        self.layout_picker = _combo("shareLayout", "PDF layout",
                                    [(_("Skills first"), "skills"), (_("Chronological"), "chronological")])
        self.paper_picker = _combo("sharePaper", _("Paper size"), [("A4", "a4"), ("US Letter", "letter")])
        self.preview_button = button(_("Preview"), "sharePreviewButton", _("Preview what will leave the wallet"),
                                     primary=True)
        for caption, widget in ((_("View"), self.view_picker), (_("For (recipient)"), self.recipient),
                                (_("Good until"), self.expires), ("PDF layout", self.layout_picker),
                                (_("Paper"), self.paper_picker)):
            form.addWidget(_caption(caption, widget), 2 if widget is self.view_picker else 1)
        form.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(form)
        self.busy = busy_bar("shareBusy")
        outer.addWidget(self.busy)
        self.error = message_label("shareError")
        outer.addWidget(self.error)
        self.done = message_label("shareDone", "note")
        outer.addWidget(self.done)

        actions = QHBoxLayout()
        self.qr_button = button(_("Show QR code"), "shareQrButton", _("Show the QR code large"))
        self.save_qr_button = button(_("Save QR images…"), "shareSaveQrButton",
                                     _("Save the QR code images to a folder"))
        self.save_bundle_button = button(_("Save bundle file…"), "shareSaveBundleButton",
                                         _("Save the signed bundle file"))
        self.save_pdf_button = button(_("Save PDF…"), "shareSavePdfButton", _("Save the PDF résumé"))
        self.print_button = button(_("Print PDF…"), "sharePrintButton", _("Print the PDF résumé"))
        self.resume_button = button(_("Export JSON Resume…"), "shareJsonResumeButton", _("Export as JSON Resume"))
        self.outputs = [self.qr_button, self.save_qr_button, self.save_bundle_button, self.save_pdf_button,
                        self.print_button, self.resume_button]
        for action in self.outputs:
            actions.addWidget(action)
            action.setEnabled(False)
        actions.addStretch(1)
        outer.addLayout(actions)

        body = QGridLayout()
        body.setHorizontalSpacing(16)
        body.setColumnStretch(0, 3)
        body.setColumnStretch(2, 2)
        self.summary_frame = QFrame()
        self.summary_frame.setProperty("role", "panel")
        summary = QVBoxLayout(self.summary_frame)
        summary.setContentsMargins(14, 10, 14, 10)
        summary.addWidget(label(_("What will leave the wallet"), "subheading"))
        self.summary = selectable(label(_("Choose a view and press Preview."), object_name="shareSummary"))
        self.summary.setAccessibleName(_("What will leave the wallet"))
        summary.addWidget(self.summary)
        summary.addStretch(1)
        body.addWidget(self.summary_frame, 0, 0)
        self.qr_frame = QFrame()
        self.qr_frame.setObjectName("shareQrPanel")
        self.qr_frame.setProperty("role", "panel")
        qr = QVBoxLayout(self.qr_frame)
        qr.setContentsMargins(14, 10, 14, 10)
        self.qr_image = QLabel()
        self.qr_image.setTextFormat(Qt.TextFormat.PlainText)  # an image only; never rich text
        name(self.qr_image, "shareQrImage", _("QR code of the bundle"))
        self.qr_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr.addWidget(self.qr_image, 0)
        self.qr_caption = label("", "strong", object_name="shareQrCaption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr.addWidget(self.qr_caption)
        steps = QHBoxLayout()
        self.qr_previous = button(_("Previous"), "shareQrPrevious", _("Previous QR code of the set"))
        self.qr_next = button(_("Next"), "shareQrNext", _("Next QR code of the set"))
        steps.addWidget(self.qr_previous)
        steps.addStretch(1)
        steps.addWidget(self.qr_next)
        qr.addLayout(steps)
        qr.addStretch(1)
        self.qr_frame.hide()
        body.addWidget(self.qr_frame, 0, 2)
        pages_box = QVBoxLayout()
        pages_box.addWidget(section(_("The PDF résumé's pages"), "sharePagesHeading"))
        self.page_row = QHBoxLayout()
        self.page_row.setSpacing(10)
        self.page_labels: list[QLabel] = []
        pages_box.addLayout(self.page_row)
        pages_box.addStretch(1)
        body.addLayout(pages_box, 0, 1)
        outer.addLayout(body)

        outer.addWidget(section(_("Shared before"), "shareHistoryHeading"))
        self.history_list = QListWidget()
        name(self.history_list, "shareHistory", _("Share history"), _("When, to whom, which view, which form"))
        self.history_list.setMinimumHeight(110)
        outer.addWidget(self.history_list)
        outer.addStretch(1)

        self.back_button.clicked.connect(self.back_clicked)
        self.preview_button.clicked.connect(self.preview)
        for widget in (self.recipient, self.expires):
            widget.textEdited.connect(self._forget_preview)
        for combo in (self.view_picker, self.layout_picker, self.paper_picker):
            combo.currentIndexChanged.connect(self._forget_preview)
        self.qr_button.clicked.connect(self.show_qr)
        self.qr_previous.clicked.connect(lambda: self._step_code(-1))
        self.qr_next.clicked.connect(lambda: self._step_code(1))
        self.save_qr_button.clicked.connect(lambda: self._save_folder())
        self.save_bundle_button.clicked.connect(lambda: self._save("json", _("Save the signed bundle"),
                                                                   "bundle.json", _("Bundle (*.json)")))
        self.save_pdf_button.clicked.connect(lambda: self._save("pdf", _("Save the PDF résumé"), "resume.pdf",
                                                                "PDF (*.pdf)"))
        self.resume_button.clicked.connect(lambda: self._save("jsonresume", _("Export JSON Resume"), "resume.json",
                                                              _("JSON Resume (*.json)")))
        self.print_button.clicked.connect(self.print_pdf)
        self.recipient.returnPressed.connect(self.preview)
        self.expires.returnPressed.connect(self.preview)

    # -- the session ----------------------------------------------------------------------------------------
    def follow(self, session: Session | None) -> None:
        """Show this wallet's views and history; None forgets everything shown (the wallet locked)."""
        if session is self.session:
            return
        self.session = session
        self._forget_preview()
        self.view_picker.clear()
        self.history_list.clear()
        self.shares = []
        if session is not None and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the views and the history again (a view made or renamed since is there to pick)."""
        session = self.session
        if session is not None:
            self._run(lambda: (views(session), history(session)), self._loaded)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _run(self, call: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        session = self.session
        if session is None:
            return
        self.busy.show()
        show_message(self.error, "")

        def done(result: Any) -> None:
            if session is not self.session:
                return  # the wallet locked (or another opened) meanwhile
            self.busy.hide()
            if isinstance(result, Failed):
                show_message(self.error, result.message)
                return
            on_done(result)

        self.jobs.run(call, done, within=session)

    def _loaded(self, result: tuple[list[ViewRow], list[ShareRecord]]) -> None:
        found, shares = result
        chosen = self.view_picker.currentData()
        self.view_picker.blockSignals(True)
        self.view_picker.clear()
        for row in found:
            self.view_picker.addItem(row.name or _("(unnamed view)"), row.id)
        kept = self.view_picker.findData(chosen)
        self.view_picker.setCurrentIndex(max(kept, 0))
        self.view_picker.blockSignals(False)
        if kept < 0:
            self._forget_preview()
        if not found:
            show_message(self.error, _("There is no view to share yet. Make one on the Opportunities page: pick "
                                     "the records and skills for one opportunity, then come back here."))
        self.preview_button.setEnabled(bool(found))
        self._show_history(shares)

    def choose_view(self, view_id: str) -> None:
        index = self.view_picker.findData(view_id)
        if index >= 0:
            self.view_picker.setCurrentIndex(index)

    # -- preview --------------------------------------------------------------------------------------------
    def choice(self) -> Choice:
        return Choice(str(self.view_picker.currentData() or ""), self.recipient.text().strip(),
                      self.expires.text().strip(), str(self.layout_picker.currentData()),
                      str(self.paper_picker.currentData()))

    def preview(self) -> None:
        """Sign the chosen view and show what will leave: records, skills, statement and the PDF's pages."""
        session, choice = self.session, self.choice()
        if session is None or not choice.view_id:
            return
        self._forget_preview()
        self._run(lambda: prepare(session, choice), self._show_preview)

    def _forget_preview(self) -> None:
        self.prepared = None
        for widget in self.outputs:
            widget.setEnabled(False)
        self.qr_frame.hide()
        for page in self.page_labels:
            page.deleteLater()
        self.page_labels = []
        self.summary.setText(_("Choose a view and press Preview."))
        show_message(self.done, "")

    def _show_preview(self, prepared: Prepared) -> None:
        self.prepared = prepared
        self.summary.setText(summary_text(prepared))
        for number, data in enumerate(prepared.pages, start=1):
            page = QLabel()
            page.setTextFormat(Qt.TextFormat.PlainText)  # an image only; never rich text
            name(page, f"sharePdfPage{number}", _("Page {number} of the PDF résumé").format(number=number))
            pixmap = QPixmap.fromImage(QImage.fromData(data))
            page.setPixmap(pixmap.scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation))
            page.setStyleSheet("QLabel { border: 1px solid #d5dae2; background: white; }")
            page.setToolTip(_("Page {number} of {count}").format(number=number, count=len(prepared.pages)))
            self.page_row.addWidget(page, 0, Qt.AlignmentFlag.AlignTop)
            self.page_labels.append(page)
        for widget in self.outputs:
            widget.setEnabled(True)
        left_out = " ".join(prepared.shared.left_out)
        show_message(self.done, left_out)

    # -- the forms ------------------------------------------------------------------------------------------
    def show_qr(self) -> None:
        """The bundle's QR code large (a set one code at a time, "2 of 5"); showing it counts as sharing it."""
        prepared, session = self.prepared, self.session
        if prepared is None or session is None:
            return
        self.code_index = 0
        self._draw_code()
        self.qr_frame.show()
        self._run(lambda: note(session, prepared, "qr"), self._show_history)

    def _step_code(self, step: int) -> None:
        if self.prepared is not None:
            self.code_index = (self.code_index + step) % len(self.prepared.codes)
            self._draw_code()

    def _draw_code(self) -> None:
        assert self.prepared is not None
        codes = self.prepared.codes
        code = codes[self.code_index]
        pixmap = QPixmap.fromImage(QImage.fromData(code.png))
        self.qr_image.setPixmap(pixmap.scaled(QR_SIDE, QR_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.FastTransformation))
        count = len(codes)
        caption = _("{number} of {count}").format(number=code.index, count=count)
        self.qr_caption.setText(caption if count > 1 else _("One code holds the whole bundle"))
        self.qr_image.setAccessibleDescription(self.qr_caption.text())
        for widget in (self.qr_previous, self.qr_next):
            widget.setVisible(count > 1)

    def _ask_save(self, title: str, suggested: str, filters: str) -> str:
        chosen, _chosen_filter = QFileDialog.getSaveFileName(self, title, suggested, filters)
        return chosen

    def _ask_folder(self, title: str) -> str:
        return QFileDialog.getExistingDirectory(self, title)

    def _save(self, form: str, title: str, suggested: str, filters: str) -> None:
        chosen = self.choose_save(title, suggested, filters)
        if chosen:
            self.save_to(form, Path(chosen))

    def _save_folder(self) -> None:
        chosen = self.choose_folder(_("Choose a folder for the QR code images"))
        if chosen:
            self.save_to("qr", Path(chosen))

    def save_to(self, form: str, path: Path) -> None:
        """Write one form of the previewed bundle to `path` (a folder for 'qr') and note it in the history."""
        prepared, session = self.prepared, self.session
        if prepared is None or session is None:
            return
        show_message(self.done, "")

        def saved(shares: list[ShareRecord]) -> None:
            self._show_history(shares)
            show_message(self.done, _("Saved the {form} to {path}.").format(form=_(FORM_WORDS[form]), path=path))

        self._run(lambda: save(session, prepared, form, path), saved)

    def print_pdf(self) -> None:
        """The system print dialog, then the PDF's pages on the chosen paper."""
        prepared, session = self.prepared, self.session
        if prepared is None or session is None:
            return
        printer = printer_for(prepared.choice.paper)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("sharePrintDialog")
        if not self.run_print_dialog(dialog):
            return
        print_pages(printer, prepared.pages)
        show_message(self.done, _("The PDF résumé was sent to the printer."))
        self._run(lambda: note(session, prepared, "pdf"), self._show_history)

    # -- history --------------------------------------------------------------------------------------------
    def _show_history(self, shares: list[ShareRecord]) -> None:
        self.shares = shares
        self.history_list.clear()
        if not shares:
            self.history_list.addItem(_("Nothing has been shared from this wallet yet."))
        for share in shares:
            self.history_list.addItem(history_line(share))

    def wait(self) -> None:
        self.jobs.wait()


def history_line(share: ShareRecord) -> str:
    """'2026-12-04 15:10 UTC · PDF résumé · view Forklift operator · to ACME · 4 records · good until …'"""
    when = share.shared_at.replace("T", " ")[:16] + " UTC"
    parts = [when, _(FORM_WORDS[share.form]) if share.form in FORM_WORDS else share.form,
             _("view {name}").format(name=share.view_name),
             _("to {recipient}").format(recipient=share.recipient) if share.recipient else _("no recipient named"),
             ngettext("{count} record", "{count} records", len(share.records)).format(count=len(share.records))]
    if share.expires:
        parts.append(_("good until {date}").format(date=share.expires[:10]))
    return " · ".join(parts)


def summary_text(prepared: Prepared) -> str:
    """The records, skills and statement the bundle carries, in words."""
    resume = prepared.shared.resume
    share = prepared.shared.share
    signer = resume.name or _("you")
    recipient = share.recipient or _("anyone (no recipient named)")
    lines = [_("Signed by {signer} for {recipient}, good until {date}.").format(
        signer=signer, recipient=recipient, date=share.expires[:10]) if share.expires else
        _("Signed by {signer} for {recipient}, with no end date.").format(signer=signer, recipient=recipient)]
    lines.append(_("For: {opportunity}").format(opportunity=resume.opportunity) if resume.opportunity else "")
    lines.append(_("Records ({count}):").format(count=len(resume.entries)))
    for entry in resume.entries:
        org = f" — {entry.organisation}" if entry.organisation else ""
        own = _(" (self-asserted)") if entry.self_asserted else ""
        lines.append(f"  • {entry.title}{org}{own}")
    lines.append(_("Skills, in your order ({count}):").format(count=len(resume.skills)))
    for number, skill in enumerate(resume.skills, start=1):
        lines.append(f"  {number}. {skill.label}")
    if resume.statement:
        lines.append(_("Your statement: “{statement}”").format(statement=resume.statement))
    for contact in resume.contacts:
        lines.append(_("Contact: {contact}").format(contact=contact))
    codes = len(prepared.codes)
    qr = _("one code") if codes == 1 else ngettext("a set of {count} code", "a set of {count} codes", codes).format(
        count=codes)
    pages = ngettext("{count} page", "{count} pages", len(prepared.pages)).format(count=len(prepared.pages))
    lines.append(_("QR: {codes}; PDF: {pages}.").format(codes=qr, pages=pages))
    return "\n".join(line for line in lines if line)
