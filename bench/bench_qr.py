"""QR benchmark: bytes, QR versions and code counts of real shared bundles, and the time to make and read a set.

Bundles are made the real way: a wallet (cheap test KDF) holds 1, 3 or 10 different signed OB 3.0 badges from
the demo issuers, a view picks them and two skills, and `session.sharing.share` signs the bundle (presentation,
the learner's LER-RS statement, the badges). Each is measured as the file's bytes (indented JSON) and as compact
JSON (the same signed presentation without whitespace).

Forms compared (characters in the QR code; base45 and the VPQR letters are all QR alphanumeric):
- ours: LW1 = raw deflate with the vocabulary dictionary + base45 (wallet/sharing/qr_codec.py);
- zlib: plain zlib level 9 + base45;
- VPQR: the bundle as legacy-singleton CBOR-LD (wallet/sharing/cborld.py, which reproduces the published VPQR
  vectors byte for byte; the OB 3.0, CLR and LER-RS contexts have no registry number, so they travel as URLs
  and the inline context as a map) in VPQR's two text forms, VP1-B (base32) and VP1-R (base45).

    python bench/bench_qr.py [--quick]
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.wallet.sharing.qr_material import badges
from wallet import lifecycle
from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.sharing import cborld, qr_codec, qr_images
from wallet.sharing.base45 import b45encode

SKILLS = ["operate forklift", "customer service"]


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return runs


def shared_bundles(counts: list[int]) -> dict[int, bytes]:
    """Real signed bundles of `count` badges each, made by the sharing service of a real wallet."""
    permit_test_costs()
    found: dict[int, bytes] = {}
    with tempfile.TemporaryDirectory() as folder:
        made = lifecycle.create_wallet(Path(folder) / "w.lerwallet", "bench passphrase",
                                       kdf=KdfParams.fast_for_tests())
        with made.session as session:
            session.holder.set_profile("Maria Lopez", ["maria@example.org"])
            ids = []
            for i, badge in enumerate(badges(max(counts), session.did)):
                outcome = session.credentials.import_bytes(json.dumps(badge).encode(), f"badge{i}.json")[0]
                assert outcome.record_id, outcome
                ids.append(outcome.record_id)
            skills = [session.skills.resolve_skill(label) for label in SKILLS]
            for count in counts:
                view = session.skills.create_view(f"{count} badges", None, auto=False)
                session.skills.update_view(view.id, statement="I keep a warehouse safe and its customers happy.",
                                           record_ids=ids[:count], skill_ids=skills)
                found[count] = session.sharing.share(view.id, form="qr", to="Example Employer").data
    return found


def compact(data: bytes) -> bytes:
    return json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def single_code_version(chars: int, ecc: str) -> str:
    """The smallest QR version holding `chars` alphanumeric characters in one code, or '> 40'."""
    for version in range(1, 41):
        if qr_images.capacity(version, ecc) >= chars:
            return str(version)
    return "> 40"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer timing runs")
    args = parser.parse_args()
    repeat = 3 if args.quick else 9
    counts = [1, 3, 10]
    bundles = shared_bundles(counts)

    print("| credentials | form | JSON bytes | ours (LW1) | zlib + base45 | CBOR-LD bytes | VP1-B (base32) "
          "| VP1-R (base45) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for count in counts:
        for label, data in (("file (indented)", bundles[count]), ("compact JSON", compact(bundles[count]))):
            ours = len(qr_codec.encode(data, 10**6)[0])
            plain = len(b45encode(zlib.compress(data, 9)))
            cbor = cborld.encode_cborld(json.loads(data))
            assert cborld.decode_cborld(cbor) == json.loads(data)
            vp1b = 5 + len(base64.b32encode(cbor).rstrip(b"="))
            vp1r = 5 + len(b45encode(cbor))
            print(f"| {count} | {label} | {len(data):,} | {ours:,} | {plain:,} | {len(cbor):,} | {vp1b:,} "
                  f"| {vp1r:,} |")

    print()
    print("| credentials | form | one code would be (L / M) | set made (max version 25) | make set (PNG+SVG) | "
          "read set back (zxing + reassemble) |")
    print("|---:|---|---|---|---:|---:|")
    for count in counts:
        for label, data in (("file", bundles[count]), ("compact", compact(bundles[count]))):
            chars = len(qr_codec.encode(data, 10**6)[0])
            one = f"v{single_code_version(chars, 'L')} / v{single_code_version(chars, 'M')}"
            codes = qr_images.make_set(data)
            made = f"{len(codes)} × v{max(c.version for c in codes)} ({codes[0].ecc})"
            make = statistics.median(timed(lambda d=data: qr_images.make_set(d), repeat))  # type: ignore[misc]
            images = [(f"{c.index}.png", c.png) for c in codes]
            assert qr_images.read_bundle(images).bundle == data
            read = statistics.median(timed(lambda i=images: qr_images.read_bundle(i), repeat))  # type: ignore[misc]
            print(f"| {count} | {label} | {one} | {made} | {make * 1000:.0f} ms | {read * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
