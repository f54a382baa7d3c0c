"""Verification benchmark: credentials per second for each proof suite, and importing 1,000 into a wallet.

    python bench/bench_verify.py                    # 200 per suite, 3 repeats, import 1,000
    python bench/bench_verify.py --quick            # 50 per suite, 1 repeat, import 200
    python bench/bench_verify.py --dir /tmp/obcreds # also verify the JS reference's signed files (bench/js)

Credentials are realistic OB 3.0 OpenBadgeCredentials (about 3.5 KB) signed with the W3C vc-di-eddsa test key.
"Full" timings run the whole report (signature, issuer key, validity, status, schema, trust);
"signature" timings run only the proof check, which is what the JavaScript reference verifiers do;
"schema" rows time the schema check alone (jsonschema-rs, one compiled validator per schema).
Progress goes to stderr; results (one JSON object per line) to stdout. Quote medians, not single runs.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nacl.signing import SigningKey

from wallet.credentials import dataintegrity as di
from wallet.credentials import formats, jose
from wallet.credentials.keys import KeyResolver
from wallet.credentials.multikey import decode_multibase, encode_base58btc
from wallet.credentials.verifier import Verifier, VerifyOptions

ROOT = Path(__file__).resolve().parents[1]
KEYPAIR = ROOT / "tests" / "fixtures" / "vc-di-eddsa" / "keyPair.json"
OB3 = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
ED2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"
FIELDS = [
    "Warehouse Safety",
    "Customer Service",
    "Patient Care",
    "Welding Basics",
    "Spreadsheet Skills",
    "Food Handling",
    "Classroom Support",
    "Forklift Operation",
    "Retail Sales",
    "Network Basics",
]


def _key() -> tuple[SigningKey, str, str]:
    pair = json.loads(KEYPAIR.read_text("utf-8"))
    seed = decode_multibase(pair["privateKeyMultibase"])[2:]
    did = "did:key:" + pair["publicKeyMultibase"]
    return SigningKey(seed), did, f"{did}#{pair['publicKeyMultibase']}"


def credential(index: int, did: str) -> dict[str, Any]:
    topic = FIELDS[index % len(FIELDS)]
    return {
        "@context": list(OB3),
        "id": f"urn:uuid:00000000-0000-4000-8000-{index:012d}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{topic} Level {index % 3 + 1}",
        "issuer": {
            "id": did,
            "type": ["Profile"],
            "name": "Bench Community College",
            "url": "https://college.example/",
        },
        "validFrom": "2024-01-15T10:00:00Z",
        "credentialSubject": {
            "id": f"did:example:learner{index}",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"https://college.example/achievements/{index}",
                "type": ["Achievement"],
                "name": f"{topic} Level {index % 3 + 1}",
                "description": (
                    f"Demonstrates {topic.lower()} in a real workplace: following procedures, "
                    "working safely with others, documenting the work and explaining choices to a "
                    "supervisor. Assessed by observation over four shifts and a short written test "
                    "covering the standards that apply in the field."
                ),
                "criteria": {
                    "narrative": "Observed practical assessment over four shifts, plus a 30-question "
                    "written test with a pass mark of 80 per cent."
                },
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": f"{topic} skill {n}",
                        "targetType": "ceterms:Skill",
                        "targetUrl": f"http://data.europa.eu/esco/skill/{index:08d}-0000-4000-8000-{n:012d}",
                    }
                    for n in range(3)
                ],
                "tag": [topic.lower(), "workplace", "assessed"],
            },
        },
    }


def sign_all(count: int) -> dict[str, list[bytes]]:
    """Credentials signed with each suite: rdfc, jcs, Ed25519Signature2020 and VC-JWT (EdDSA)."""
    key, did, vm = _key()
    out: dict[str, list[bytes]] = {"rdfc": [], "jcs": [], "ed2020": [], "jwt": []}
    for i in range(count):
        doc = credential(i, did)
        out["rdfc"].append(
            json.dumps(
                di.sign(
                    doc,
                    suite=di.RDFC,
                    verification_method=vm,
                    created="2024-01-15T10:00:00Z",
                    signer=lambda m: key.sign(m).signature,
                )
            ).encode()
        )
        out["jcs"].append(
            json.dumps(
                di.sign(
                    doc,
                    suite=di.JCS,
                    verification_method=vm,
                    created="2024-01-15T10:00:00Z",
                    signer=lambda m: key.sign(m).signature,
                )
            ).encode()
        )
        legacy = copy.deepcopy(doc)
        legacy["@context"] = [*OB3, ED2020_CONTEXT]
        proof = {
            "type": di.ED25519_2020,
            "created": "2024-01-15T10:00:00Z",
            "verificationMethod": vm,
            "proofPurpose": "assertionMethod",
        }
        data, _ = di.hash_data(legacy, {**proof, "@context": legacy["@context"]}, di.ED25519_2020)
        legacy["proof"] = {**proof, "proofValue": encode_base58btc(key.sign(data.combined).signature)}
        out["ed2020"].append(json.dumps(legacy).encode())
        token = jose.sign_compact(
            {"alg": "EdDSA", "kid": vm, "typ": "vc+jwt"}, json.dumps(doc).encode(), lambda m: key.sign(m).signature
        )
        out["jwt"].append(token.encode())
    return out


def _time(fn: Callable[[Any], Any], items: list[Any], repeat: int) -> list[float]:
    """Seconds for `fn` over every item, once per repeat, after one warm-up pass (contexts processed once)."""
    for item in items:
        fn(item)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        times.append(time.perf_counter() - start)
    return times


def bench_suites(sets: dict[str, list[bytes]], repeat: int, source: str) -> None:
    from datetime import UTC, datetime

    options = VerifyOptions(now=datetime.now(UTC))
    verifier = Verifier(options)
    resolver = KeyResolver()
    for suite, blobs in sets.items():
        parsed = [formats.parse(b)[0] for b in blobs]
        documents = [p.document for p in parsed]
        bad = [
            r.status.value for r in (verifier.verify(p) for p in parsed) if not r.status.value.startswith("verified")
        ]
        if bad:
            print(f"{suite}: {len(bad)} did not verify: {bad[:3]}", file=sys.stderr)
        full = _time(verifier.verify, parsed, repeat)
        row: dict[str, Any] = {
            "bench": "verify",
            "source": source,
            "suite": suite,
            "count": len(blobs),
            "full_seconds": round(statistics.median(full), 4),
            "full_per_second": round(len(blobs) / statistics.median(full), 1),
        }
        if suite != "jwt":
            sig = _time(lambda d: di.verify_all(d, resolver), documents, repeat)
            row |= {
                "signature_seconds": round(statistics.median(sig), 4),
                "signature_per_second": round(len(blobs) / statistics.median(sig), 1),
                "signature_median_ms": round(1000 * statistics.median(sig) / len(blobs), 3),
            }
        print(json.dumps(row), flush=True)


def bench_schema(count: int, repeat: int) -> None:
    """The schema check alone: the bench credentials (3.5 KB) and the largest OB 3.0 fixture (complete.json)."""
    from wallet.credentials.schema import check_schema

    _, did, _ = _key()
    complete = json.loads((ROOT / "tests" / "fixtures" / "schema" / "ob30" / "complete.json").read_text("utf-8"))
    for label, documents in (("bench credential", [credential(i, did) for i in range(count)]),
                             ("complete.json", [complete] * count)):
        outcomes = {check_schema(d, "ob3").outcome.value for d in documents}
        times = _time(lambda d: check_schema(d, "ob3"), documents, repeat)
        median = statistics.median(times)
        print(json.dumps({"bench": "schema", "document": label, "count": count, "outcomes": sorted(outcomes),
                          "median_us": round(1e6 * median / count, 1), "per_second": round(count / median, 1)}),
              flush=True)


def bench_import(blobs: list[bytes], repeat: int) -> None:
    from tests.conftest import FAST_KDF  # cheap KDF: this measures import, not Argon2id
    from wallet import lifecycle

    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            created = lifecycle.create_wallet(Path(tmp) / "bench.lerwallet", "bench passphrase here", kdf=FAST_KDF)
            with created.session as session:
                start = time.perf_counter()
                outcomes = session.credentials.import_many([(f"c{i}.json", b) for i, b in enumerate(blobs)])
                times.append(time.perf_counter() - start)
                assert sum(o.outcome == "imported" for o in outcomes) == len(blobs), outcomes[:3]
    median = statistics.median(times)
    print(
        json.dumps(
            {
                "bench": "import_and_verify",
                "count": len(blobs),
                "seconds": round(median, 3),
                "per_second": round(len(blobs) / median, 1),
                "cpus": os.cpu_count(),
            }
        ),
        flush=True,
    )


def load_dir(folder: Path) -> dict[str, list[bytes]]:
    return {
        sub.name: [p.read_bytes() for p in sorted(sub.glob("*.json"))]
        for sub in sorted(folder.iterdir())
        if sub.is_dir()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--import-count", type=int, default=1000)
    parser.add_argument("--dir", type=Path, help="a folder written by bench/js/sign.mjs to verify as well")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.count, args.repeat, args.import_count = 50, 1, 200
    print("signing…", file=sys.stderr)
    sets = sign_all(max(args.count, 1))
    bench_schema(max(args.count, 1), args.repeat)
    bench_suites(sets, args.repeat, "python-signed")
    if args.dir:
        bench_suites(load_dir(args.dir), args.repeat, str(args.dir))
    mixed = [b for i in range(args.import_count) for b in [sign_all_one(i)]]
    bench_import(mixed, max(1, args.repeat // 2))


def sign_all_one(index: int) -> bytes:
    key, did, vm = _key()
    suite = di.RDFC if index % 2 == 0 else di.JCS
    return json.dumps(
        di.sign(
            credential(index, did),
            suite=suite,
            verification_method=vm,
            created="2024-01-15T10:00:00Z",
            signer=lambda m: key.sign(m).signature,
        )
    ).encode()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
