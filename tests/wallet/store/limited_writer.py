"""A writer run under RLIMIT_FSIZE, the file-size limit any user may lower: a full disk without root.

    python limited_writer.py evidence <wallet> <passphrase> <limit>   add a 2 MiB evidence file
    python limited_writer.py create <path> <passphrase> <limit>       create a wallet
    python limited_writer.py backup <wallet> <passphrase> <out> <limit>  back the wallet up to <out>

The limit is set after the wallet is opened, so only the write under test meets it. SIGXFSZ is ignored,
so the write fails with EFBIG instead of killing the process. It prints one line: "ok", or the
error's class name, a tab, and its sentence.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.errors import WalletError
from wallet.lifecycle import create_wallet, open_wallet

FAST_KDF = KdfParams.fast_for_tests()
permit_test_costs()


def limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


def main(mode: str, target: str, passphrase: str, *rest: str) -> str:
    try:
        if mode == "evidence":
            with open_wallet(Path(target), passphrase) as session:
                first = session.list_records()[0].id
                limit_file_size(int(rest[0]))
                session.add_evidence(first, "huge.bin", os.urandom(2 * 1024 * 1024), media_type="x/y")
        elif mode == "create":
            limit_file_size(int(rest[0]))
            create_wallet(Path(target), passphrase, kdf=FAST_KDF).session.lock()
        elif mode == "backup":
            with open_wallet(Path(target), passphrase) as session:
                limit_file_size(int(rest[1]))
                session.backup(Path(rest[0]))
        else:
            return f"unknown mode {mode!r}"
    except WalletError as exc:
        return f"{type(exc).__name__}\t{exc}"
    return "ok"


if __name__ == "__main__":
    print(main(*sys.argv[1:]), flush=True)
