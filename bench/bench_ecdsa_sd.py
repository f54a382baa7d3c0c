"""What checking ecdsa-sd-2023 derived and base proofs costs, next to an eddsa-rdfc-2022 proof, on the W3C vectors.

Run from the repository root with the project's interpreter:

    python bench/bench_ecdsa_sd.py            # K=15 repeats
    python bench/bench_ecdsa_sd.py --quick    # K=5

Prints a table of medians (and the spread: min - max) to stdout.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wallet.credentials import dataintegrity as di
from wallet.credentials.keys import KeyResolver

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append((time.perf_counter() - start) * 1000)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    repeat = 5 if parser.parse_args().quick else 15
    cases = {
        "ecdsa-sd-2023 derived, employ (10 statements)": FIXTURES / "ecdsa_sd" / "employ-derived.json",
        "ecdsa-sd-2023 derived, prc (10 statements)": FIXTURES / "ecdsa_sd" / "prc-derived.json",
        "ecdsa-sd-2023 base, employ (24 statements)": FIXTURES / "ecdsa_sd" / "employ-base.json",
        "eddsa-rdfc-2022, employ": FIXTURES / "vc-di-eddsa" / "eddsa-rdfc-2022" / "employ" / "signedDataInt.json",
    }
    print(f"| proof (K={repeat}) | median ms | min - max ms |")
    print("| --- | ---: | ---: |")
    for label, path in cases.items():
        if not path.exists():
            continue
        document: dict[str, Any] = json.loads(path.read_text("utf-8"))
        runs = timed(partial(di.verify_all, document, KeyResolver()), repeat)
        print(f"| {label} | {statistics.median(runs):.1f} | {min(runs):.1f} - {max(runs):.1f} |")


if __name__ == "__main__":
    main()
