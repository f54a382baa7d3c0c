"""What the holder features cost: the duplicate-member rule in the JSON reader, and re-checking recipients.

Run from the repository root with the project's interpreter:

    python bench/bench_holder.py              # K=7 repeats, 300 stored credentials
    python bench/bench_holder.py --quick      # K=3, 60 credentials

Prints a table of medians (and the spread: min – max) to stdout.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wallet import lifecycle
from wallet.credentials import demo_issuers
from wallet.credentials.limits import read_json
from wallet.crypto.kdf import KdfParams, permit_test_costs


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return runs


def row(label: str, runs: list[float], unit: float = 1e-3, unit_name: str = "ms") -> str:
    median = statistics.median(runs) / unit
    return f"| {label:<66} | {median:>9.2f} {unit_name} | {min(runs) / unit:.2f} – {max(runs) / unit:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat, count = (3, 60) if args.quick else (7, 300)
    badge = json.dumps(demo_issuers.forklift_badge("did:example:x")).encode()
    clr = json.dumps(demo_issuers.college_clr("did:example:x")).encode()
    big = json.dumps({"type": ["VerifiableCredential", "ClrCredential"], "credentialSubject": {
        "verifiableCredential": [demo_issuers.forklift_badge(f"did:example:{i}") for i in range(200)]}}).encode()
    lines = ["| what | median | min – max |", "|---|---:|---|"]
    for name, data in (("badge", badge), ("CLR", clr), ("200 badges in one CLR", big)):
        size = f"{name} ({len(data) / 1024:,.0f} KB)"
        strict = timed(lambda d=data: read_json(d), repeat * 5)  # type: ignore[misc]
        lenient = timed(lambda d=data: read_json(d, unique_members=False), repeat * 5)  # type: ignore[misc]
        lines.append(row(f"read_json, members checked: {size}", strict))
        lines.append(row(f"read_json, members not checked: {size}", lenient))
    permit_test_costs()
    with tempfile.TemporaryDirectory() as folder:
        made = lifecycle.create_wallet(Path(folder) / "w.lerwallet", "bench passphrase",
                                       kdf=KdfParams.fast_for_tests())
        with made.session as session:
            files = [(f"{i}.json", json.dumps(demo_issuers.forklift_badge(f"did:example:someone-{i}")).encode())
                     for i in range(count)]
            session.credentials.import_many(files)
            ids = [f"did:example:someone-{i}" for i in range(0, count, 2)]

            def add_and_remove() -> None:
                session.holder.add_identifier(ids[0])
                session.holder.remove_identifier(ids[0])

            lines.append(row(f"add + remove an identifier ({count} credentials re-checked twice)",
                             timed(add_and_remove, repeat)))
            session.skills.profile()  # the taxonomy pack loads once; not part of the figure

            def rebuild_profile() -> None:
                session.events.emit("records_changed", ids=[])  # the profile is rebuilt on next use
                session.skills.profile()

            lines.append(row(f"skills profile, {count} credentials for someone else", timed(rebuild_profile, repeat)))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
