"""Sharing benchmark: signing a bundle for a view, and checking a bundle against checking its credentials alone.

    python bench/bench_share.py            # 9 repeats
    python bench/bench_share.py --quick    # 3 repeats

The wallet holds 20 OB 3.0 credentials (bench_verify's realistic ~3.5 KB OpenBadgeCredentials, issued to the
wallet's holder, eddsa-rdfc-2022) and 10 self-asserted jobs. "sign" is `session.sharing.share(view)` for views of
3, 10 and 30 records (2/7/20 credentials, the rest jobs): reading the records, the learner's signed copies of
the jobs (made once, then kept), the LER-RS statement, the holder's proof and the history line. "verify" checks
a bundle of 10 credentials (plus the statement) with `check_bundle`, against verifying the same 10 credentials
from their own files; each pass starts with no remembered JSON-LD expansion. Medians, in milliseconds; one JSON
object per line on stdout.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_verify import credential  # noqa: E402

from wallet.credentials import canonical, demo_issuers, formats  # noqa: E402
from wallet.credentials.checking import offline_options  # noqa: E402
from wallet.credentials.dataintegrity import RDFC, sign  # noqa: E402
from wallet.credentials.verifier import Verifier  # noqa: E402
from wallet.crypto.kdf import KdfParams, permit_test_costs  # noqa: E402
from wallet.lifecycle import create_wallet  # noqa: E402
from wallet.models import EntryInput, EntryKind  # noqa: E402
from wallet.session import Session  # noqa: E402
from wallet.sharing.bundle_check import check_bundle  # noqa: E402


def _median_ms(fn: Callable[[], object], repeat: int, *, fresh: bool = False) -> float:
    fn()  # warm-up: contexts loaded, self-asserted copies signed once
    passes = []
    for _ in range(repeat):
        if fresh:
            canonical.forget_expansions()
        start = time.perf_counter()
        fn()
        passes.append((time.perf_counter() - start) * 1000)
    return statistics.median(passes)


def _fill(session: Session) -> tuple[list[str], list[str], list[bytes]]:
    """20 credentials issued to the holder and 10 jobs; returns (credential ids, job ids, credential files)."""
    signer = demo_issuers.COLLEGE.signer()
    files, creds, jobs = [], [], []
    for index in range(20):
        document = credential(index, signer.did)
        document["issuer"]["id"] = signer.did
        document["credentialSubject"]["id"] = session.did
        signed = sign(document, suite=RDFC, verification_method=signer.verification_method,
                      created="2024-01-15T10:00:00Z", signer=signer.sign)
        data = json.dumps(signed).encode()
        files.append(data)
        outcome = session.credentials.import_bytes(data, f"c{index}.json")[0]
        assert outcome.record_id, outcome
        creds.append(outcome.record_id)
    for index in range(10):
        jobs.append(session.add_entry(EntryInput(
            kind=EntryKind.JOB, title=f"Warehouse job {index}", organisation="Riverside", start="2020-01",
            end="2021-06", description="Picked, packed and loaded orders; drove a forklift.",
            skills=("operate forklift",))))
    return creds, jobs, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 3 if args.quick else 9
    permit_test_costs()  # the KDF is not what is measured here
    with tempfile.TemporaryDirectory() as folder:
        made = create_wallet(Path(folder) / "bench.lerwallet", "bench passphrase", kdf=KdfParams.fast_for_tests())
        with made.session as session:
            creds, jobs, files = _fill(session)
            skill = session.skills.resolve_skill("operate forklift")
            for size, (n_creds, n_jobs) in {3: (2, 1), 10: (7, 3), 30: (20, 10)}.items():
                view = session.skills.create_view(f"view of {size}", None, auto=False)
                session.skills.update_view(view.id, record_ids=[*creds[:n_creds], *jobs[:n_jobs]],
                                           skill_ids=[skill], statement="Bench statement.")
                ms = _median_ms(lambda v=view.id: session.sharing.share(v), repeat)
                print(json.dumps({"measure": "sign bundle", "records": size, "median_ms": round(ms, 1)}),
                      flush=True)
            ten = session.skills.create_view("ten credentials", None, auto=False)
            session.skills.update_view(ten.id, record_ids=creds[:10], skill_ids=[skill])
            bundle = session.sharing.share(ten.id).data
    options = offline_options(datetime.now(UTC))
    parsed = [formats.parse(data)[0] for data in files[:10]]

    def alone() -> None:
        verifier = Verifier(options)
        for item in parsed:
            verifier.verify(item)

    bundle_ms = _median_ms(lambda: check_bundle(bundle, options), repeat, fresh=True)
    alone_ms = _median_ms(alone, repeat, fresh=True)
    print(json.dumps({"measure": "verify 10-credential bundle", "median_ms": round(bundle_ms, 1)}))
    print(json.dumps({"measure": "verify the 10 credentials alone", "median_ms": round(alone_ms, 1)}))
    print(json.dumps({"measure": "bundle / alone", "ratio": round(bundle_ms / alone_ms, 2)}))


if __name__ == "__main__":
    main()
