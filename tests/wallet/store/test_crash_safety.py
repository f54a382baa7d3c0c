"""Crash safety: a writer killed with SIGKILL at random moments never loses a committed record,
never damages the database, and never leaves a key file that opens with neither passphrase."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from wallet.errors import WrongPassphraseError
from wallet.lifecycle import check_wallet, create_wallet, open_wallet
from wallet.session import Session

WRITER = Path(__file__).with_name("crash_writer.py")
OTHER_PASSPHRASE = "the other passphrase"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")]


def _run_and_kill(args: list[str], delay: float, after_lines: int = 0) -> list[str]:
    """Start the writer, wait until it is ready and has printed `after_lines` more lines (commits it has
    acknowledged), let it run `delay` seconds more, SIGKILL it; return the lines after "ready".

    Waiting for acknowledged commits rather than for a time makes every round do real work however slow
    or loaded the machine is."""
    process = subprocess.Popen([sys.executable, str(WRITER), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    seen: list[str] = []
    try:
        first = process.stdout.readline()
        assert first == "ready\n", f"writer did not start: {first!r} {process.stderr.read() if process.stderr else ''}"
        while len(seen) < after_lines:
            line = process.stdout.readline()
            assert line, f"the writer stopped: {process.stderr.read() if process.stderr else ''}"
            seen.append(line)
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        output = process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the writer stopped by itself"
    # Only complete lines were printed after a commit; a half-written last line is ignored.
    return seen + [line for line in output.splitlines(keepends=True) if line.endswith("\n")]


def _healthy_ids(session: Session) -> set[str]:
    assert check_wallet(session) == []
    return {r.id for r in session.list_records()}


def test_killed_writer_loses_no_committed_entry(tmp_path: Path) -> None:
    """32 SIGKILLs, each after 1-3 acknowledged commits: every printed id survives, no phantoms, wallet healthy."""
    wallet = tmp_path / "crash.lerwallet"
    create_wallet(wallet, PASSPHRASE, kdf=FAST_KDF).session.lock()
    rng = random.Random(7731)
    printed: set[str] = set()
    known = 0
    for round_number in range(32):
        lines = _run_and_kill(["entries", str(wallet), PASSPHRASE], rng.uniform(0.0, 0.06), rng.randint(1, 3))
        new_ids = {line.strip() for line in lines}
        assert new_ids, f"round {round_number}: the writer was killed before its first commit"
        printed |= new_ids
        with open_wallet(wallet, PASSPHRASE) as session:
            present = _healthy_ids(session)
        missing = printed - present
        assert not missing, f"round {round_number}: committed records lost: {sorted(missing)[:3]}"
        # At most one entry may be committed without its id having been printed yet.
        assert len(new_ids) <= len(present) - known <= len(new_ids) + 1, f"round {round_number}"
        known = len(present)


def test_killed_passphrase_change_leaves_one_working_passphrase(tmp_path: Path) -> None:
    """Killed at random during passphrase changes, the wallet opens with exactly one of the old or new passphrase."""
    wallet = tmp_path / "crash.lerwallet"
    create_wallet(wallet, PASSPHRASE, kdf=FAST_KDF).session.lock()
    rng = random.Random(1177)
    for round_number in range(12):
        lines = _run_and_kill(["passphrase", str(wallet), PASSPHRASE, OTHER_PASSPHRASE], rng.uniform(0.0, 0.05),
                              rng.randint(1, 2))
        working = []
        for candidate in (PASSPHRASE, OTHER_PASSPHRASE):
            try:
                with open_wallet(wallet, candidate) as session:
                    assert check_wallet(session) == []
                working.append(candidate)
            except WrongPassphraseError:
                pass
        assert len(working) == 1, f"round {round_number}: {len(working)} passphrases open the wallet"
        if lines:
            last_printed = lines[-1].strip()
            following = OTHER_PASSPHRASE if last_printed == PASSPHRASE else PASSPHRASE
            assert working[0] in (last_printed, following), f"round {round_number}: an older key file came back"
