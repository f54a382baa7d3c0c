"""`ler-wallet verify` shows a presentation's holder proof beside each credential's own checks."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from wallet.credentials import dataintegrity, demo_issuers
from wallet.crypto.identity import Identity

HOLDER = Identity(hashlib.sha256(b"cli presentation holder").digest())


def test_verify_prints_the_holder_proof_and_json_carries_it(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The text report has a 'presentation (holder)' line; --json has it under 'presentation', not in 'checks'."""
    bundle = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
              "holder": HOLDER.did, "verifiableCredential": [demo_issuers.forklift_badge("did:example:learner")]}
    signed = dataintegrity.sign(bundle, suite=dataintegrity.RDFC, verification_method=HOLDER.verification_method,
                                created="2026-01-01T00:00:00Z", signer=HOLDER.sign,
                                proof_options={"proofPurpose": "authentication", "challenge": "abc"})
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(signed), "utf-8")
    text = cli("verify", str(path)).out
    assert f"✓ presentation (holder): Presented by the holder {HOLDER.did}, whose proof is valid (challenge abc)." \
        in text
    report = json.loads(cli("verify", str(path), "--json").out)
    item = report["items"][0]
    assert item["presentation"]["outcome"] == "passed"
    assert all(c["check"] != "presentation" for c in item["checks"])
