"""The whole-file check after unlock, in the background, so the first page is not delayed.

The command line checks every page before it opens a wallet; the app opens at once and runs the same
check (wallet.lifecycle.DamageScan, on a connection of its own) on a thread of its own. When it finds
damage, `damaged` carries the sentence with the way out; locking cancels a scan still running, and a
cancelled or superseded scan reports nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from wallet.api import DamageScan, Session, damage_sentence


class IntegrityWatch(QObject):
    """Follows the unlocked session: one scan per unlock. `damaged(str)` arrives on the GUI thread."""

    damaged = Signal(str)
    _found = Signal(object, list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._session: Session | None = None
        self._scan: DamageScan | None = None
        self._found.connect(self._report)

    def follow(self, session: Session | None) -> None:
        """Start a scan for a newly unlocked session; cancel the scan when the session goes (locked)."""
        if session is self._session:
            return
        if self._scan is not None:
            self._scan.cancel()
        self._session, self._scan = session, None
        if session is None:
            return
        scan = DamageScan(session)
        self._scan = scan
        self._pool.start(lambda: self._found.emit(scan, scan.run()))

    def wait(self) -> None:
        """Block until a running scan is done (closing the app, tests)."""
        self._pool.waitForDone()

    def _report(self, scan: DamageScan, problems: list[str]) -> None:
        if scan is self._scan and problems and self._session is not None:
            self.damaged.emit(damage_sentence(self._session.path, problems, opened=True))
