"""Background jobs in the real window: locking cancels them without waiting, and nothing a job has not
committed (or later rolls back) is ever shown."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QListView, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.helpers import click, find
from ui.main_window import MainWindow
from ui.worker import Failed
from wallet import lifecycle
from wallet.cancel import STOPPED
from wallet.credentials import demo_issuers
from wallet.errors import StorageError
from wallet.flows.onboarding import Step
from wallet.session import Session

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

DISK_FULL = "The disk is full, so the change was not saved. Free some space and try again."


def badges(count: int) -> list[tuple[str, bytes]]:
    """`count` distinct signed demo badges, as import inputs."""
    return [(f"badge{i}.json", json.dumps(demo_issuers.forklift_badge(f"did:example:learner{i}")).encode())
            for i in range(count)]


def shown_titles(window: MainWindow) -> list[str]:
    """The titles the records list shows."""
    model = find(window, QListView, "recordList").model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


class PausedImport:
    """An import of many badges run on the window's job queue, held at item `at` until told to go on."""

    def __init__(self, window: MainWindow, session: Session, count: int, at: int, *, fail: bool = False) -> None:
        self.reached = threading.Event()
        self.go_on = threading.Event()
        self.results: list[Any] = []
        self.released_after: list[bool] = []
        self._at = at
        self._fail = fail
        inputs = badges(count)
        jobs = window.records.commands.jobs
        jobs.run(lambda: session.credentials.import_many(inputs, progress=self._progress), self.results.append,
                 within=session)

    def _progress(self, done: int, total: int) -> None:
        if done != self._at:
            return
        self.reached.set()
        self.released_after.append(self.go_on.wait(60))
        if self._fail:
            raise StorageError(DISK_FULL)


def test_lock_during_a_big_import_cancels_it_without_waiting(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Lock mid-import: lock returns while the job is held, half-written rows never show, the wallet reopens intact."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    before = shown_titles(window)
    job = PausedImport(window, session, count=40, at=20)
    qtbot.waitUntil(job.reached.is_set, timeout=30_000)

    window.records.refresh()  # what typing in the search box does while the job runs
    assert shown_titles(window) == before
    click(qtbot, find(window, QPushButton, "lockButton"))
    lock_returned_while_job_held = not job.go_on.is_set()
    job.go_on.set()

    assert lock_returned_while_job_held
    assert session.is_locked and window.flow.state is Step.UNLOCK
    assert shown_titles(window) == []
    window.records.commands.jobs.wait()
    assert job.released_after == [True]
    assert len(job.results) == 1 and isinstance(job.results[0], Failed)
    assert job.results[0].message == STOPPED

    window.flow.submit_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCKED, timeout=10_000)
    assert shown_titles(window) == before
    reopened = window.flow.session
    assert reopened is not None and reopened is not session
    assert lifecycle.check_wallet(reopened) == []


def test_a_job_that_fails_never_shows_its_rows(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """An import that fails after storing half its badges never shows them, while running or after rollback."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    before = shown_titles(window)
    count_label = find(window, QLabel, "recordCount").text()
    window.records.search.setText("Forklift")
    matching = shown_titles(window)
    window.records.search.clear()
    job = PausedImport(window, session, count=12, at=6, fail=True)
    qtbot.waitUntil(job.reached.is_set, timeout=30_000)

    window.records.search.setText("Forklift")  # searching while the job runs reads the list again
    assert shown_titles(window) == matching
    window.records.search.clear()
    assert shown_titles(window) == before
    job.go_on.set()
    window.records.commands.jobs.wait()

    assert len(job.results) == 1 and isinstance(job.results[0], Failed)
    assert job.results[0].message == DISK_FULL
    window.records.refresh()
    assert shown_titles(window) == before
    assert find(window, QLabel, "recordCount").text() == count_label
    assert session.count() == len(before)


def test_a_job_queued_before_the_lock_does_not_run_after_it(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """A second job waiting behind a held one finds the wallet locked and touches nothing."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    held = PausedImport(window, session, count=4, at=2)
    queued: list[Any] = []
    window.records.commands.jobs.run(lambda: session.credentials.import_many(badges(3)), queued.append,
                                     within=session)
    qtbot.waitUntil(held.reached.is_set, timeout=30_000)
    window.lock()
    held.go_on.set()
    window.records.commands.jobs.wait()
    assert isinstance(queued[0], Failed) and "locked" in queued[0].message


def test_the_trusted_issuers_dialog_shows_only_committed_trust(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """An issuer a running job has trusted but not yet committed is not listed; once committed, it is."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    reached, go_on = threading.Event(), threading.Event()
    results: list[Any] = []

    def trust_and_hold() -> None:
        with session.repo.batch():
            session.credentials.trust_issuer("did:example:new-college", "New College")
            reached.set()
            go_on.wait(60)

    window.records.commands.jobs.run(trust_and_hold, results.append, within=session)
    qtbot.waitUntil(reached.is_set, timeout=30_000)
    find(window, QAction, "trustedIssuersAction").trigger()
    dialog = find(window, QDialog, "trustedIssuersDialog")
    issuers = find(dialog, QListWidget, "trustedIssuerList")
    listed = [issuers.item(row).text() for row in range(issuers.count())]
    assert listed and not any("New College" in text for text in listed)
    go_on.set()
    window.records.commands.jobs.wait()
    assert results == [None]
    click(qtbot, find(dialog, QPushButton, "trustedIssuersClose"))
    find(window, QAction, "trustedIssuersAction").trigger()
    assert any("New College" in issuers.item(row).text() for row in range(issuers.count()))
