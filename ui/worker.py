"""Run one slow call (Argon2id, opening the database) off the GUI thread and report back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal


class Runner(QObject):
    """A one-thread pool. `finished` is delivered on the thread that owns the Runner (the GUI one).

    The call must not raise: it should return its errors as a value (see wallet.flows.onboarding).
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self, call: Callable[[], Any]) -> None:
        self._pool.start(lambda: self.finished.emit(call()))

    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def wait(self) -> None:
        """Block until the running call is done and its result has been delivered."""
        self._pool.waitForDone()
        QCoreApplication.sendPostedEvents()
