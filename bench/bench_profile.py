"""Benchmark the first skills profile of a large wallet, with and without the skills kept per record (issue 13).

Run from the repository root with the project's interpreter:

    python bench/bench_profile.py                 # N=10,000 records, K=5 repeats
    python bench/bench_profile.py --quick         # N=1,000, K=3

A wallet of N records is made once (job entries whose descriptions are sentences of the labelled postings, one
in ten with a plain-text evidence note, a few with listed skills, plus the demo forklift badge). The skills data
and the recogniser are readied first, as the app's warm-up does in the background, so what is timed is the
profile itself. Each run opens the wallet in a fresh session (nothing of a former profile in memory) and times
`session.skills.profile()`:

* cold: no skills kept (the table emptied before the run): every record is recognised and its skills kept;
* warm: every record's skills kept: nothing is recognised;
* before: the profile as it was built before skills were kept (`build_profile` over every record's text, with
  nothing read from or written to the table), for the cost of keeping them.

Medians of K runs, wall and CPU time (2 shared cores: CPU time is the steadier figure). A last row times a warm
profile in a fresh process where nothing is loaded, and says whether the recogniser had to be built. The wallet
uses cheap key settings (the KDF is measured in bench_store.py) and lives in a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wallet.api import EntryInput, KdfParams, create_wallet, open_wallet  # noqa: E402
from wallet.credentials import demo_issuers  # noqa: E402
from wallet.crypto.kdf import permit_test_costs  # noqa: E402

PASSPHRASE = "benchmark passphrase"
POSTINGS = ROOT / "tests" / "fixtures" / "postings"
LISTED = ["Forklift operation", "Customer service", "Microsoft Excel", "Teamwork", "First aid"]


def _sentences() -> list[str]:
    found = []
    for path in sorted(POSTINGS.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        found += [s.strip() for s in text.replace("\n", ". ").split(". ") if len(s.strip()) > 30]
    return found


def _make(path: Path, count: int) -> None:
    rng = random.Random(13)
    sentences = _sentences()
    made = create_wallet(path, PASSPHRASE, kdf=KdfParams.fast_for_tests())
    with made.session as session:
        with session.repo.batch():
            for i in range(count):
                description = " ".join(rng.choice(sentences) + "." for _ in range(2))
                skills = [rng.choice(LISTED)] if i % 5 == 0 else []
                rid = session.add_entry(EntryInput.from_json({
                    "kind": "job", "title": f"Job {i}", "organisation": f"Org {i % 97}",
                    "start": f"{2000 + i % 24}-0{1 + i % 9}", "description": description, "skills": skills}))
                if i % 10 == 0:
                    note = " ".join(rng.choice(sentences) + "." for _ in range(4)).encode()
                    session.add_evidence(rid, f"note-{i}.txt", note, media_type="text/plain")
        badge = json.dumps(demo_issuers.forklift_badge(session.did)).encode()
        session.credentials.import_bytes(badge, "badge.json")


def _timed(path: Path, before: Callable[[object], None] | None = None) -> tuple[float, float, int]:
    """(wall ms, CPU ms, skills) of the first profile of a fresh session."""
    session = open_wallet(path, PASSPHRASE, strengthen=False, check=False)
    try:
        if before is not None:
            before(session)
        wall, cpu = time.perf_counter(), time.process_time()
        profile = session.skills.profile()
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, len(profile.skills)
    finally:
        session.lock()


def _uncached(path: Path) -> tuple[float, float, int]:
    """(wall ms, CPU ms, skills) of the profile recognised afresh from every record, nothing kept."""
    from wallet.skills.pack import load_pack
    from wallet.skills.profile import build_profile
    from wallet.skills.recognise import recogniser

    session = open_wallet(path, PASSPHRASE, strengthen=False, check=False)
    try:
        skills = session.skills
        wall, cpu = time.perf_counter(), time.process_time()
        profile = build_profile(skills.record_texts(), load_pack(), recogniser(), skills.overrides())
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, len(profile.skills)
    finally:
        session.lock()


def _forget(session: object) -> None:
    # the bench empties the table through the store itself (there is no use case for it in the facade)
    session.skills._store.record_skills.forget()  # type: ignore[attr-defined]


def _child(path: Path) -> None:
    """In a fresh process: a warm profile's time with nothing loaded, and whether the recogniser was built."""
    permit_test_costs()
    from wallet.skills import recognise

    session = open_wallet(path, PASSPHRASE, strengthen=False, check=False)
    try:
        start = time.perf_counter()
        session.skills.profile()
        end = time.perf_counter()
        texts = session.skills.record_texts()  # the part that reads the records, timed again on its own
        read = time.perf_counter()
    finally:
        session.lock()
    print(json.dumps({"wall_ms": (end - start) * 1000, "record_texts_ms": (read - end) * 1000,
                      "records": len(texts), "recogniser_built": recognise._recogniser is not None}))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child)
        return 0
    n, k = (1000, 3) if args.quick else (args.records, args.repeat)
    permit_test_costs()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.lerwallet"
        print(f"adding {n} records…", file=sys.stderr)
        _make(path, n)
        from wallet.skills.pack import load_pack
        from wallet.skills.recognise import recogniser

        start = time.perf_counter()
        load_pack().load_all()
        recogniser()
        rows.append(("skills data + recogniser, once per process (the app's warm-up)",
                     f"{(time.perf_counter() - start) * 1000:.0f} ms"))
        before = [_uncached(path) for _ in range(k)]
        cold = [_timed(path, _forget) for _ in range(k)]
        warm = [_timed(path) for _ in range(k)]
        skills = {c[2] for c in cold} | {w[2] for w in warm} | {b[2] for b in before}
        for name, runs in (("before: every record recognised, nothing kept", before),
                           ("cold: no skills kept, every record recognised and kept", cold),
                           ("warm: every record's skills kept", warm)):
            rows.append((f"{name} ({n} records)", f"{statistics.median(r[0] for r in runs):,.0f} ms wall / "
                         f"{statistics.median(r[1] for r in runs):,.0f} ms CPU"))
        ratio = statistics.median(r[1] for r in warm) / statistics.median(r[1] for r in cold)
        rows.append(("warm / cold (CPU)", f"{ratio:.2f}"))
        rows.append(("skills in the profile (the same in every run)", ", ".join(str(s) for s in sorted(skills))))
        child = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                               check=True)
        fresh = json.loads(child.stdout.strip().splitlines()[-1])
        rows.append(("warm, fresh process, nothing loaded (skills data read, recogniser "
                     f"{'built' if fresh['recogniser_built'] else 'not built'})",
                     f"{fresh['wall_ms']:,.0f} ms wall (reading records alone: {fresh['record_texts_ms']:,.0f} ms)"))
    width = max(len(name) for name, _ in rows)
    print(f"{'what':<{width}}  median (K={k})")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
