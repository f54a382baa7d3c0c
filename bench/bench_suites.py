"""What verifying one proof costs per suite: ecdsa-rdfc-2019 / ecdsa-jcs-2019 (P-256, P-384, the W3C vectors),
Ed25519Signature2018 and JsonWebSignature2020 (made here), next to eddsa-rdfc-2022.

Run from the repository root with the project's interpreter:

    python bench/bench_suites.py            # K=15 repeats
    python bench/bench_suites.py --quick    # K=5

Prints a table of medians (and the spread: min - max) in milliseconds to stdout.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nacl.signing import SigningKey
from pyld import jsonld

from wallet.credentials import dataintegrity as di
from wallet.credentials.contexts import document_loader
from wallet.credentials.keys import KeyResolver
from wallet.credentials.multikey import multikey_from_ed25519

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _nquads(document: dict[str, Any]) -> bytes:
    options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": document_loader}
    return str(jsonld.normalize(document, options)).encode()


def _ed25519_2018() -> dict[str, Any]:
    key = SigningKey(bytes(32))
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    did = f"did:key:{multikey}"
    document = {
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1"],
        "type": ["VerifiableCredential", "AlumniCredential"], "issuer": did, "issuanceDate": "2023-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "alumniOf": "The School of Examples"},
    }
    proof = {"type": "Ed25519Signature2018", "created": "2024-01-01T00:00:00Z",
             "verificationMethod": f"{did}#{multikey}", "proofPurpose": "assertionMethod"}
    head = _b64(json.dumps({"alg": "EdDSA", "b64": False, "crit": ["b64"]}).encode())
    options = {**proof, "@context": document["@context"]}
    data = head.encode() + b"." + hashlib.sha256(_nquads(options)).digest() + hashlib.sha256(_nquads(document)).digest()
    return {**document, "proof": {**proof, "jws": head + ".." + _b64(key.sign(data).signature)}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    repeat = 5 if parser.parse_args().quick else 15
    cases = {
        f"{p.stem}": json.loads(p.read_text("utf-8")) for p in sorted((FIXTURES / "ecdsa_2019").glob("*.json"))
    }
    cases["Ed25519Signature2018 (made here)"] = _ed25519_2018()
    eddsa = FIXTURES / "vc-di-eddsa" / "eddsa-rdfc-2022" / "signedDataInt.json"
    if eddsa.exists():
        cases["eddsa-rdfc-2022 signedDataInt"] = json.loads(eddsa.read_text("utf-8"))
    print(f"{'case':40} {'suite':22} {'median ms':>10} {'min - max':>16}  (K={repeat})")
    for name, document in cases.items():
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            [result] = di.verify_all(document, KeyResolver())
            runs.append((time.perf_counter() - start) * 1000)
        assert result.valid is True, (name, result.message)
        spread = f"{min(runs):.1f} - {max(runs):.1f}"
        print(f"{name:40} {result.suite:22} {statistics.median(runs):10.1f} {spread:>16}")


if __name__ == "__main__":
    main()
