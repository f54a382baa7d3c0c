"""Files and folders dropped anywhere on the window are imported (a file dropped onto a shown record is
attached to it instead: the record pane takes that drop first); a dropped photo or screenshot of a QR code is
read for its codes. A folder shows a progress bar and Cancel.

Cancel stops the import at its next stored item and keeps nothing of it (the import is one transaction).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QProgressBar, QWidget

from ui.widgets import button, label, modal_layout, name
from wallet.api import N_, ImportOutcome, UsageError, _, dropped_inputs

if TYPE_CHECKING:
    from ui.pages.records import RecordsPage

CANCELLED = N_("You cancelled the import, so nothing of it was kept.")


def dropped_paths(mime: QMimeData) -> list[str]:
    """The local files and folders in a drag."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class ImportProgress(QDialog):
    """objectName 'importProgress': what is being imported, a bar ('importProgressBar') and Cancel ('importCancel')."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "importProgress", _("Importing"), 560, 260)  # room for longer Spanish
        self.text = label("", "subheading", object_name="importProgressText")
        layout.addWidget(self.text)
        layout.addWidget(label(_("Each file is read and checked, then all are stored together. Cancel keeps "
                                 "nothing of this import."), "muted"))
        self.bar = QProgressBar()
        name(self.bar, "importProgressBar", _("Import progress"))
        self.bar.setTextVisible(False)  # the house bar is a thin line: the count is said below it
        layout.addWidget(self.bar)
        self.count = label("", "muted", object_name="importProgressCount")
        layout.addWidget(self.count)
        layout.addStretch(1)
        self.cancel = button(_("Cancel"), "importCancel", _("Cancel the import; nothing of it is kept"))
        layout.addWidget(self.cancel)
        self.stop = threading.Event()
        self.cancel.clicked.connect(self._cancel)

    def begin(self, text: str) -> threading.Event:
        self.stop = threading.Event()
        self.text.setText(text)
        self.count.setText("")
        self.bar.setRange(0, 0)  # moving until the first item is stored
        self.cancel.setEnabled(True)
        self.open()
        self.cancel.setFocus()
        return self.stop

    def step(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        said = _("{done} of {total} stored").format(done=done, total=total)
        self.count.setText(said)
        self.bar.setAccessibleDescription(said)

    def _cancel(self) -> None:
        self.stop.set()
        self.cancel.setEnabled(False)
        self.text.setText(_("Stopping…"))

    def reject(self) -> None:
        """Escape or closing the box cancels too."""
        self.stop.set()
        super().reject()


class DropImport(QObject):
    """Makes `window` take drops of files and folders and import them through the records page."""

    _stepped = Signal(int, int)

    def __init__(self, window: QWidget, page: RecordsPage) -> None:
        super().__init__(window)
        self.window = window
        self.page = page
        self.progress = ImportProgress(window)
        self._stepped.connect(self.progress.step)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window or self.page.session is None:
            return False
        if isinstance(event, QDragEnterEvent) or event.type() == QEvent.Type.DragMove:
            if isinstance(event, QDragEnterEvent) and dropped_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            paths = dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.import_paths(paths)
                return True
        return False

    def import_paths(self, paths: list[str]) -> None:
        """Import files and folders (what a drop gives), with progress and Cancel when a folder is among them."""
        session = self.page.session
        if session is None or self.page.commands.jobs.busy():
            return
        folders = [p for p in paths if Path(p).is_dir()]
        count = f"{len(paths)} item{'s' if len(paths) != 1 else ''}"
        stop = self.progress.begin(f"Importing {Path(folders[0]).name or folders[0]}…" if len(paths) == 1 and folders
                                   else f"Importing {count}…") if folders else None

        def progress(done: int, total: int) -> None:
            if stop is not None and stop.is_set():
                raise UsageError(_(CANCELLED))
            self._stepped.emit(done, total)

        def call() -> list[ImportOutcome]:
            if stop is not None and stop.is_set():
                raise UsageError(_(CANCELLED))
            return session.credentials.import_many(dropped_inputs(list(paths)), progress=progress)

        self.page.commands.run_import(f"Importing {count}…", call, after=self.progress.accept)
