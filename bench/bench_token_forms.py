"""What reading and verifying one credential costs per token form, on the W3C VC-JOSE-COSE suite's inputs:
compact VC-JOSE (ES256), SD-JWT (ES384, 2 disclosures; ES512 nested), COSE_Sign1 (ES256), and a JWT presentation
with three enveloped credentials (ES384 holder), next to the same credential's whole verification report.

Run from the repository root with the project's interpreter:

    python bench/bench_token_forms.py            # K=15 repeats
    python bench/bench_token_forms.py --quick    # K=5

Prints a table of medians (and the spread: min - max) in milliseconds to stdout.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wallet.credentials import formats
from wallet.credentials.keys import KeyResolver
from wallet.credentials.verifier import Verifier, VerifyOptions

SUITE = Path(__file__).resolve().parents[2] / "shared" / "vectors" / "07-w3c-vc-jose-cose-test-suite"
INPUT = SUITE / "tests" / "input"
NOW = datetime(2024, 12, 16, 12, tzinfo=UTC)
CASES = [
    ("VC-JOSE compact, ES256", "credential-jose-minimal.txt"),
    ("VC-JOSE compact, EdDSA", "credential-issuer-match-signed.txt"),
    ("SD-JWT, ES384, 2 disclosures", "credential-sdjwt-selective.txt"),
    ("SD-JWT, ES512, nested + array", "credential-sdjwt-nested.txt"),
    ("COSE_Sign1, ES256", "credential-cose-minimal.txt"),
    ("vp+jwt, 3 enveloped credentials", "presentation-jose-multiple.txt"),
]


def _resolver() -> KeyResolver:
    resolver = KeyResolver()
    for name in ("vm-p256.json", "vm-p384.json", "vm-p521.json", "vm-ed25519.json"):
        resolver.add_document(json.loads((INPUT / name).read_text(encoding="utf-8")))
    return resolver


def _median_ms(call: object, repeats: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    repeats = 5 if parser.parse_args().quick else 15
    print(f"{'form':34} {'parse ms':>18} {'parse+verify ms':>22}")
    for label, name in CASES:
        data = (INPUT / name).read_bytes()

        def parse_only(data: bytes = data) -> None:
            formats.parse(data)

        def parse_and_verify(data: bytes = data) -> None:
            verifier = Verifier(VerifyOptions(now=NOW, resolver=_resolver()))
            for item in formats.parse(data):
                verifier.verify(item)

        parse_and_verify()  # warm caches (contexts, imports)
        p = _median_ms(parse_only, repeats)
        v = _median_ms(parse_and_verify, repeats)
        print(f"{label:34} {p[0]:8.2f} ({p[1]:.2f}-{p[2]:.2f}) {v[0]:10.2f} ({v[1]:.2f}-{v[2]:.2f})")


if __name__ == "__main__":
    main()
