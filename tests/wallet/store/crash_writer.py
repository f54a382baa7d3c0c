"""A writer process for the crash-safety tests; the test kills it with SIGKILL at a random moment.

    python crash_writer.py entries <wallet> <passphrase>
        adds entries (and now and then an evidence file) forever, printing each record id as soon as
        add_entry has returned, i.e. once it is committed.
    python crash_writer.py passphrase <wallet> <passphrase-a> <passphrase-b>
        unlocks with whichever passphrase works, then switches between the two forever, printing the
        passphrase now in force after each change.

It prints "ready" once the wallet is unlocked. Cheap KDF settings keep the loop fast.
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.errors import WrongPassphraseError
from wallet.lifecycle import open_wallet
from wallet.models import EntryInput, EntryKind

FAST_KDF = KdfParams.fast_for_tests()
permit_test_costs()


def add_entries(wallet: Path, passphrase: str) -> None:
    session = open_wallet(wallet, passphrase)
    print("ready", flush=True)
    for number in itertools.count():
        record_id = session.add_entry(
            EntryInput(kind=EntryKind.JOB, title=f"Crash test entry {number}", description="x" * 500,
                       skills=("Resilience",), tags=("crash",))
        )
        print(record_id, flush=True)
        if number % 4 == 0:
            session.add_evidence(record_id, f"evidence-{number}.bin", os.urandom(20_000),
                                 media_type="application/octet-stream")


def switch_passphrases(wallet: Path, first: str, second: str) -> None:
    try:
        session, current = open_wallet(wallet, first), first
    except WrongPassphraseError:
        session, current = open_wallet(wallet, second), second
    print("ready", flush=True)
    while True:
        current = second if current == first else first
        session.change_passphrase(current, kdf=FAST_KDF)
        print(current, flush=True)


if __name__ == "__main__":
    mode, wallet_path, *secrets = sys.argv[1:]
    if mode == "entries":
        add_entries(Path(wallet_path), secrets[0])
    elif mode == "passphrase":
        switch_passphrases(Path(wallet_path), secrets[0], secrets[1])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
