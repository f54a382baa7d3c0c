"""The Check page: an employer or a navigator opens or drops a shared bundle, the QR images of one, or a PDF
résumé, and reads one report per bundle. It needs no wallet: it is reached from the welcome page as well as
from an open wallet, and checks with only what the files carry (ui.pages.check_inputs)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from ui.dropping import dropped_paths
from ui.pages.check_inputs import Checked, check_paths, short_name
from ui.pages.check_report import credential_widgets, report_widgets
from ui.widgets import busy_bar, button, label, message_label, show_message
from ui.worker import Failed, Jobs
from wallet.api import _

PATTERNS = "*.json *.jsonld *.jwt *.txt *.svg *.pdf *.png *.jpg *.jpeg *.gif"  # i18n: not shown


def file_filter() -> str:
    """The file dialog's filter: the descriptions in the language in use, the patterns as they are."""
    shared = _("Shared records ({patterns})").format(patterns=PATTERNS)
    return shared + ";;" + _("All files ({patterns})").format(patterns="*")


class CheckPage(QWidget):
    """objectName 'checkPage'. `back_clicked` asks the window to go back to where the person came from."""

    back_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPage")
        self.setAcceptDrops(True)
        self.jobs = Jobs(self)
        self.choose_files = self._ask_for_files
        """Asks which files to check (tests put their own chooser here)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 20)
        outer.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(label(_("Check a shared record"), "title"), 1)
        self.back_button = button(_("Back"), "checkBackButton", _("Go back"))
        top.addWidget(self.back_button, 0)
        outer.addLayout(top)
        outer.addWidget(label(
            _("Open the bundle file, the QR code images (all the codes of a set, in any order), the PDF résumé or "
              "the badge or credential file a learner sent you, or drop them on this page. Everything is checked "
              "on this computer; no wallet is needed and nothing is sent anywhere."), "muted"))
        outer.addWidget(label(
            _("An issuer whose key is on its website (did:web) can be checked offline too: open its DID document, "
              "saved from its website, together with the bundle."), "muted"))
        row = QHBoxLayout()
        self.open_button = button(_("Open files to check…"), "checkOpenButton", _("Open files to check"), primary=True)
        self.open_button.setToolTip(_("A bundle (.json), QR code images (.png, .jpg), a PDF résumé or a credential "
                                      "file (.json, .png, .svg, .jwt)"))
        row.addWidget(self.open_button, 0)
        self.clear_button = button(_("Clear"), "checkClearButton", _("Clear the reports"))
        row.addWidget(self.clear_button, 0)
        row.addStretch(1)
        outer.addLayout(row)
        self.busy = busy_bar("checkBusy")
        outer.addWidget(self.busy)
        self.error = message_label("checkError")
        outer.addWidget(self.error)
        self.notes = label("", "muted", object_name="checkNotes")
        self.notes.setVisible(False)
        outer.addWidget(self.notes)
        self.results = QWidget()
        self.results.setObjectName("checkResults")
        self.result_column = QVBoxLayout(self.results)
        self.result_column.setContentsMargins(0, 0, 0, 0)
        self.result_column.setSpacing(10)
        outer.addWidget(self.results)
        outer.addStretch(1)
        self.empty = label(_("Nothing checked yet."), "muted", object_name="checkEmpty")
        self.result_column.addWidget(self.empty)
        self.answers: list[Checked] = []
        self.back_button.clicked.connect(self.back_clicked)
        self.open_button.clicked.connect(self._open)
        self.clear_button.clicked.connect(self.clear)

    # -- what the person does -------------------------------------------------------------------
    def _ask_for_files(self) -> list[str]:
        chosen, _chosen_filter = QFileDialog.getOpenFileNames(self, _("Choose what to check"), "", file_filter())
        return chosen

    def _open(self) -> None:
        paths = self.choose_files()
        if paths:
            self.check(paths)

    def check(self, paths: list[str]) -> None:
        """Check these files (and folders) on a worker thread; the reports replace what was shown."""
        show_message(self.error, "")
        self.busy.show()
        self.open_button.setEnabled(False)
        self.jobs.run(lambda: check_paths(paths), self._show)

    def clear(self) -> None:
        self.answers = []
        self._clear_results()
        self.notes.clear()
        self.notes.setVisible(False)
        self.empty.show()
        show_message(self.error, "")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.check(paths)

    # -- drawing --------------------------------------------------------------------------------
    def _clear_results(self) -> None:
        while self.result_column.count() > 1:
            item = self.result_column.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show(self, result: list[Checked] | Failed) -> None:
        self.busy.hide()
        self.open_button.setEnabled(True)
        if isinstance(result, Failed):
            show_message(self.error, result.message)
            return
        self.answers = result
        self._clear_results()
        self.empty.setVisible(not result)
        problems = [f"{answer.source}: {answer.problem}" for answer in result if answer.problem]
        show_message(self.error, "\n".join(problems))
        notes = [f"{short_name(answer.source)}: {answer.note}" for answer in result if answer.note]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        for number, answer in enumerate(result, start=1):
            if answer.report is not None:
                for widget in report_widgets(answer.source, answer.report):
                    self.result_column.addWidget(widget)
            elif answer.credentials:
                for widget in credential_widgets(answer.source, list(answer.credentials), number * 1000):
                    self.result_column.addWidget(widget)
        self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wait(self) -> None:
        self.jobs.wait()
