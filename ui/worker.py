"""Run slow calls (Argon2id, opening the database, importing and verifying) off the GUI thread.

The threading model (see wallet.session): every call that uses an open wallet runs on the one job thread
of `Jobs` (the skills pages share the records page's queue), so only that thread writes to the database,
one call at a time. The window reads through the session's read-only `reader` on its own thread and sees
only committed rows. A job runs inside `session.working()`: locking cancels it at its next step instead of
waiting, its transaction is rolled back, and its result (dropped by the pages, whose session has changed)
arrives later. Only closing the app waits for the job thread, after locking has cancelled what ran.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from wallet.api import N_, WalletError, _

log = logging.getLogger(__name__)


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


class Owner(Protocol):
    """What a job runs within: an open session (wallet.session.Session.working)."""

    def working(self) -> AbstractContextManager[Any]: ...


class Failed:
    """What a job returns instead of raising: one sentence for the person."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"Failed({self.message!r})"


UNEXPECTED = N_("Something unexpected went wrong, so that did not finish. If it keeps happening, please report it.")


class Jobs(QObject):
    """Wallet work (import, verify, trust) run one call at a time on a worker thread.

    Each call's result goes to its own callback on the GUI thread, in the order they were started. A call
    that raises becomes a `Failed` value (a WalletError keeps its sentence), so a callback never has to
    catch. Running one call at a time also keeps every database write on one thread, in order.
    """

    _done = Signal(object, object)

    def __init__(self, parent: QObject | None = None, *, queue: Jobs | None = None) -> None:
        """With `queue`, calls share that Jobs' one thread (so they never overlap with its calls), while
        `busy` and the callbacks stay this object's own."""
        super().__init__(parent)
        self._pool: QThreadPool
        if queue is not None:
            self._pool = queue._pool
        else:
            self._pool = QThreadPool(self)
            self._pool.setMaxThreadCount(1)
        self._pending = 0
        self._done.connect(self._deliver)

    def run(self, call: Callable[[], Any], on_done: Callable[[Any], None], *, within: Owner | None = None) -> None:
        """Queue `call`; `on_done(result or Failed)` follows on the GUI thread. With `within` (the session the
        call uses) the call runs inside `within.working()`, so locking that session cancels it."""
        self._pending += 1

        def task() -> None:
            try:
                if within is None:
                    result = call()
                else:
                    with within.working():
                        result = call()
            except WalletError as exc:
                result = Failed(exc.message)
            except Exception:
                log.exception("A background job failed")
                result = Failed(_(UNEXPECTED))
            self._done.emit(on_done, result)

        self._pool.start(task)

    def busy(self) -> bool:
        """True from `run` until the callback has been called."""
        return self._pending > 0

    def wait(self) -> None:
        """Block until every started call (of every Jobs on this queue) is done and this object's callbacks ran."""
        self._pool.waitForDone()
        QCoreApplication.sendPostedEvents(self)

    def _deliver(self, on_done: Callable[[Any], None], result: Any) -> None:
        self._pending -= 1
        on_done(result)
