"""The session's threading model: one writer thread, a read-only reader, and locking that cancels work."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.wallet._helpers import entry
from wallet import lifecycle
from wallet.cancel import CancelToken
from wallet.credentials import demo_issuers
from wallet.errors import StorageError, WalletError, WalletLockedError
from wallet.lifecycle import CreatedWallet
from wallet.session import Session


def badges(count: int) -> list[tuple[str, bytes]]:
    """`count` distinct signed demo badges, as import inputs."""
    return [(f"badge{i}.json", json.dumps(demo_issuers.forklift_badge(f"did:example:learner{i}")).encode())
            for i in range(count)]


def reopened_count(path: Path) -> int:
    """How many records the wallet at `path` holds, read by unlocking it afresh (and checking its pages)."""
    session = lifecycle.open_wallet(path, PASSPHRASE, strengthen=False)
    try:
        assert lifecycle.check_wallet(session) == []
        return session.count()
    finally:
        session.lock()


def test_cancel_token_raises_only_once_cancelled() -> None:
    """check() is silent until cancel(), then raises the plain 'was locked' sentence."""
    token = CancelToken()
    token.check()
    assert not token.cancelled
    token.cancel()
    assert token.cancelled
    with pytest.raises(WalletLockedError, match="nothing of it was saved"):
        token.check()


def test_reader_sees_only_committed_rows(session: Session) -> None:
    """Rows written inside an open transaction are invisible to the reader until the commit."""
    reader = session.reader
    with session.repo.batch():
        session.repo.add_entry(entry("Half-written job"))
        assert session.count() == 1  # the writer sees its own work
        assert reader.count() == 0
        assert reader.search("Half-written") == []
    assert reader.count() == 1
    assert [r.title for r in reader.list_records()] == ["Half-written job"]


def test_reader_is_not_locked_out_by_a_long_transaction(session: Session) -> None:
    """A transaction bigger than the page cache still lets the reader read (the writer keeps its pages)."""
    reader = session.reader
    big = "forklift " * 20_000  # about 180 KB a record: 60 of them overflow SQLite's 2 MB page cache
    with session.repo.batch():
        for number in range(60):
            session.repo.add_entry(entry(f"Job {number}", description=big))
        assert reader.count() == 0
    assert reader.count() == 60


def test_reader_cannot_write(session: Session) -> None:
    """The reader's connection is read-only: a write is refused and changes nothing."""
    with pytest.raises(StorageError):
        session.reader.add_entry(entry("Sneaky"))
    assert session.count() == 0


def test_reader_is_one_connection_and_is_closed_by_lock(session: Session) -> None:
    """The reader is opened once; locking closes it and refuses a new one."""
    reader = session.reader
    assert session.reader is reader
    assert reader.reader is reader
    session.lock()
    assert reader.is_locked
    with pytest.raises(WalletLockedError):
        _ = session.reader


def test_lock_does_not_wait_for_a_job_and_its_thread_closes_the_connection(session: Session) -> None:
    """lock() returns while a job is inside working(); the job keeps its connection until it leaves, then it closes."""
    repo = session.repo
    inside, go_on = threading.Event(), threading.Event()
    seen: list[object] = []

    def job() -> None:
        with session.working() as token:
            inside.set()
            go_on.wait(30)
            seen.append(token.cancelled)
            seen.append(repo.count())  # still this job's connection: it was not closed under it
        try:
            repo.count()
        except WalletError as exc:  # closed on the way out of working()
            seen.append(type(exc))

    worker = threading.Thread(target=job)
    worker.start()
    assert inside.wait(30)
    session.lock()
    locked_before_job_went_on = not go_on.is_set()
    go_on.set()
    worker.join(30)
    assert locked_before_job_went_on
    assert session.is_locked
    assert seen == [True, 0, StorageError]


def test_working_refuses_a_locked_session(session: Session) -> None:
    """A job queued before the lock but started after it does not touch the wallet."""
    session.lock()
    with pytest.raises(WalletLockedError), session.working():
        pass


def test_lock_during_an_import_stores_nothing(created: CreatedWallet) -> None:
    """Locking midway through a big import rolls all of it back; the wallet reopens intact and empty."""
    session = created.session
    path = session.path
    stored: list[int] = []

    def progress(done: int, total: int) -> None:
        stored.append(done)
        if done == 5:
            session.lock()

    with pytest.raises(WalletLockedError, match="nothing of it was saved"), session.working():
        session.credentials.import_many(badges(20), progress=progress)
    assert stored == [1, 2, 3, 4, 5]
    assert reopened_count(path) == 0


def test_an_import_whose_step_fails_stores_nothing(created: CreatedWallet) -> None:
    """A failure midway through an import rolls back the items stored before it."""
    session = created.session

    def progress(done: int, total: int) -> None:
        if done == 3:
            raise StorageError("The disk is full, so the change was not saved. Free some space and try again.")

    with pytest.raises(StorageError):
        session.credentials.import_many(badges(6), progress=progress)
    assert session.count() == 0
    assert session.reader.count() == 0
    assert len([o for o in session.credentials.import_many(badges(6)) if o.outcome == "imported"]) == 6
