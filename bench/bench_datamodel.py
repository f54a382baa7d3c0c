"""Data-model check benchmark: what the `data model` line costs per credential, alone and inside a full verify.

    python bench/bench_datamodel.py            # 100 credentials, 5 repeats
    python bench/bench_datamodel.py --quick    # 30 credentials, 3 repeats

Credentials are bench_verify's OB 3.0 OpenBadgeCredentials (about 3.5 KB), signed with eddsa-rdfc-2022 and
eddsa-jcs-2022. Rows: the check alone; a full verify; a full verify with the check left out (the verifier as it
was before the check existed: `datamodel.check_data_model` swapped for a constant line in this process only).
Each pass starts with no remembered expansion (`canonical.forget_expansions`), as when a credential is imported.
Medians of the repeats, in milliseconds per credential; results as one JSON object per line on stdout.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_verify import sign_all

from wallet.credentials import canonical, datamodel, formats
from wallet.credentials import verifier as verifier_module
from wallet.credentials.report import Check, CheckName, Outcome
from wallet.credentials.verifier import Verifier, VerifyOptions


def _median_ms(fn: Callable[[Any], Any], items: list[Any], repeat: int) -> float:
    """Median over `repeat` passes of milliseconds per item, after one warm-up pass."""
    for item in items:
        fn(item)
    passes = []
    for _ in range(repeat):
        canonical.forget_expansions()  # each credential is met for the first time, as on import
        start = time.perf_counter()
        for item in items:
            fn(item)
        passes.append((time.perf_counter() - start) * 1000 / len(items))
    return statistics.median(passes)


def _skipped(document: dict[str, Any]) -> Check:
    return Check(CheckName.DATA_MODEL, Outcome.PASSED, "skipped for the benchmark")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count, repeat = (30, 3) if args.quick else (100, 5)
    signed = sign_all(count)
    verifier = Verifier(VerifyOptions(now=datetime(2025, 1, 1, tzinfo=UTC)))
    rows = []
    for suite in ("rdfc", "jcs"):
        parsed = [formats.parse(data)[0] for data in signed[suite]]
        documents = [p.document for p in parsed]
        alone = _median_ms(datamodel.check_data_model, documents, repeat)
        after = _median_ms(verifier.verify, parsed, repeat)
        real = verifier_module.datamodel.check_data_model
        verifier_module.datamodel.check_data_model = _skipped  # type: ignore[assignment]
        try:
            before = _median_ms(verifier.verify, parsed, repeat)
        finally:
            verifier_module.datamodel.check_data_model = real  # type: ignore[assignment]
        row = {
            "suite": suite,
            "credentials": count,
            "repeats": repeat,
            "data_model_ms": round(alone, 3),
            "verify_without_ms": round(before, 3),
            "verify_with_ms": round(after, 3),
            "ratio": round(after / before, 3),
        }
        print(json.dumps(row), flush=True)
        rows.append(row)
    print(f"{'suite':<6} {'check alone ms':>15} {'verify before ms':>17} {'verify after ms':>16} {'ratio':>6}",
          file=sys.stderr)
    for r in rows:
        print(f"{r['suite']:<6} {r['data_model_ms']:>15} {r['verify_without_ms']:>17} {r['verify_with_ms']:>16} "
              f"{r['ratio']:>6}", file=sys.stderr)


if __name__ == "__main__":
    main()
