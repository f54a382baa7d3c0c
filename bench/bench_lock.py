"""Locking during a big import: how long lock() takes, and how soon the cancelled import lets go.

    python bench/bench_lock.py               # import 600 badges, lock when 200 are stored; 5 repeats
    python bench/bench_lock.py --count 1000 --at 500 --repeat 7

Each repeat makes a new wallet (cheap KDF: this measures locking, not Argon2id), starts the import on a
job thread inside `session.working()` as the app does, and calls `session.lock()` from the main thread when
`at` inputs are stored. It reports lock()'s own time (it must not wait for the job), the time from lock() to
the job's thread leaving (the cancelled transaction rolled back and the connection closed), and, for scale,
how long the whole import takes when nothing interrupts it. Prints a table of medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _badges(count: int) -> list[tuple[str, bytes]]:
    from wallet.credentials import demo_issuers

    return [(f"badge{i}.json", json.dumps(demo_issuers.forklift_badge(f"did:example:learner{i}")).encode())
            for i in range(count)]


def _one(inputs: list[tuple[str, bytes]], at: int | None) -> dict[str, float]:
    from tests.conftest import FAST_KDF
    from wallet import lifecycle
    from wallet.errors import WalletLockedError

    with tempfile.TemporaryDirectory() as tmp:
        session = lifecycle.create_wallet(Path(tmp) / "bench.lerwallet", "bench passphrase here", kdf=FAST_KDF).session
        reached, left = threading.Event(), threading.Event()
        marks: dict[str, float] = {}

        def progress(done: int, total: int) -> None:
            if done == at:
                reached.set()

        def job() -> None:
            start = time.perf_counter()
            try:
                with session.working():
                    session.credentials.import_many(inputs, progress=progress)
            except WalletLockedError:
                pass
            marks["left"] = time.perf_counter()
            marks["whole"] = marks["left"] - start
            left.set()

        worker = threading.Thread(target=job)
        worker.start()
        if at is None:
            worker.join()
            session.lock()
            return {"whole_s": marks["whole"]}
        reached.wait(600)
        start = time.perf_counter()
        session.lock()
        returned = time.perf_counter()
        left.wait(600)
        worker.join()
        return {"lock_ms": 1000 * (returned - start), "let_go_ms": 1000 * (marks["left"] - start)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--at", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    inputs = _badges(args.count)
    locked = [_one(inputs, args.at) for _ in range(args.repeat)]
    whole = [_one(inputs, None) for _ in range(max(1, args.repeat // 2))]
    rows = [
        ("lock() returns (does not wait for the import)", statistics.median(r["lock_ms"] for r in locked), "ms"),
        ("lock() to the import letting go (rolled back, closed)",
         statistics.median(r["let_go_ms"] for r in locked), "ms"),
        (f"the whole import of {args.count} when not locked", statistics.median(r["whole_s"] for r in whole), "s"),
    ]
    print(f"| measure (median of {args.repeat}; lock when {args.at} of {args.count} are stored) | value |")
    print("|---|---:|")
    for name, value, unit in rows:
        print(f"| {name} | {value:,.2f} {unit} |")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
