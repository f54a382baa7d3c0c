"""Benchmark the learner's own records (issue 12): delete and undo, the hidden filter, skill suggestions, QR photos.

Run from the repository root with the project's interpreter:

    python bench/bench_records.py                # N=5000 records, K=7 repeats
    python bench/bench_records.py --quick        # N=500, K=3

Everything goes through the facade (`wallet.api`). Medians of K runs; the wallet uses cheap key settings (the
KDF is measured in bench_store.py). Prints a table; files live in a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import qrcode

from wallet.api import EntryInput, KdfParams, create_wallet, dropped_inputs, suggest_skills
from wallet.credentials import demo_issuers
from wallet.crypto.kdf import permit_test_costs

TEXT = ("Supervised a team of five on the night shift at a busy warehouse: trained new staff on forklift safety, "
        "kept stock records in Excel, handled customer complaints on the phone and planned the weekly rota. "
        "Volunteered at the food bank on Saturdays, coordinating deliveries with three local grocers.")


def median_ms(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    n, k = (500, 3) if args.quick else (args.records, args.repeat)
    permit_test_costs()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        made = create_wallet(Path(tmp) / "bench.lerwallet", "benchmark passphrase", kdf=KdfParams.fast_for_tests())
        with made.session as session:
            print(f"adding {n} records…", file=sys.stderr)
            with session.repo.batch():
                for i in range(n):
                    rid = session.add_entry(EntryInput.from_json({
                        "kind": "job", "title": f"Job {i}", "organisation": f"Org {i % 97}",
                        "start": f"{2000 + i % 24}-0{1 + i % 9}", "description": TEXT, "tags": ["bench"]}))
                    if i % 10 == 0:
                        session.add_evidence(rid, f"evidence-{i}.txt", b"x" * 20_000, media_type="text/plain")
            badge = json.dumps(demo_issuers.forklift_badge(session.did)).encode()
            [outcome] = session.credentials.import_bytes(badge, "badge.json")
            target = outcome.record_id or ""
            for i in range(0, n, 20):
                session.set_hidden(session.list_records(limit=1, offset=i)[0].id, True)

            def delete_and_undo() -> None:
                session.delete_record(target)
                session.undo_delete()

            rows.append((f"delete + undo a credential ({n} records)", f"{median_ms(delete_and_undo, k):.1f} ms"))
            rows.append((f"list every record ({n})", f"{median_ms(session.list_records, k):.1f} ms"))
            rows.append((f"list without hidden ({n // 20} hidden)",
                         f"{median_ms(lambda: session.list_records(include_hidden=False), k):.1f} ms"))
            # The note/hidden join's own cost: the listing query with and without it, interleaved, rows fetched.
            from wallet.store import repository as repo_mod

            conn = session.repo._conn
            full = (f"SELECT {repo_mod._RECORD_COLUMNS} FROM records r LEFT JOIN credential_sources c "
                    f"ON c.record_id = r.id {repo_mod._VERIFIED} {repo_mod._ORDER}")
            bare = (full.replace(", m.note, m.hidden", "")
                    .replace(" LEFT JOIN record_marks m ON m.record_id = r.id", ""))
            with_join, without = [], []
            for _ in range(k):
                with_join.append(median_ms(lambda: conn.execute(full).fetchall(), 1))
                without.append(median_ms(lambda: conn.execute(bare).fetchall(), 1))
            rows.append((f"listing query alone ({n} rows), with / without the marks join",
                         f"{statistics.median(with_join):.1f} / {statistics.median(without):.1f} ms"))
            rows.append(("search 'forklift' without hidden",
                         f"{median_ms(lambda: session.search('forklift', include_hidden=False), k):.1f} ms"))
        start = time.perf_counter()
        suggest_skills(TEXT)
        rows.append(("skill suggestions, first call (loads the taxonomy)",
                     f"{(time.perf_counter() - start) * 1000:.0f} ms"))
        warm = median_ms(lambda: suggest_skills(TEXT), k)
        rows.append((f"skill suggestions, {len(TEXT)} characters", f"{warm:.1f} ms"))
        image = BytesIO()
        qrcode.make(badge.decode(), error_correction=qrcode.constants.ERROR_CORRECT_L).save(image)
        photo = Path(tmp) / "photo.png"
        photo.write_bytes(image.getvalue())
        rows.append(("read a dropped QR screenshot (one code, a whole badge)",
                     f"{median_ms(lambda: dropped_inputs([str(photo)]), k):.1f} ms"))
    width = max(len(name) for name, _ in rows)
    print(f"{'what':<{width}}  median (K={k})")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
