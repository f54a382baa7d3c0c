"""`ler-wallet verify --at`: the moment is a date or a zoned date-time; a naive one is a usage error, not the
credential's fault."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from wallet.credentials import dataintegrity as di
from wallet.credentials.multikey import multikey_from_ed25519


def _badge_ending_at_new_year(folder: Path) -> tuple[Path, str]:
    """A badge signed by its own did:key, valid until 2026-01-01T00:00:00Z."""
    key = SigningKey(hashlib.sha256(b"cli --at").digest())
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    did = f"did:key:{multikey}"
    badge = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:7d1c6a52-0c3e-4d7f-9a5b-1e2f3a4b5c6d",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Night shift badge",
        "issuer": {"id": did, "type": ["Profile"], "name": "Night School"},
        "validFrom": "2025-01-01T00:00:00Z",
        "validUntil": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/achievements/night",
                "type": ["Achievement"],
                "name": "Night shift",
                "description": "Worked nights.",
                "criteria": {"narrative": "Work nights."},
            },
        },
    }
    signed = di.sign(badge, suite=di.RDFC, verification_method=f"{did}#{multikey}", created="2025-01-01T00:00:00Z",
                     signer=lambda m: key.sign(m).signature)
    path = folder / "badge.json"
    path.write_text(json.dumps(signed), encoding="utf-8")
    return path, did


@pytest.mark.parametrize("moment", ["2026-01-01T00:00:00", "2025-12-31T23:30", "2025-12-31 23:30:00"])
def test_naive_at_is_a_usage_error_with_a_sentence(cli, tmp_path: Path, moment: str) -> None:  # type: ignore[no-untyped-def]
    """A date-time without a zone exits 2 with one sentence naming --at; the credential is never blamed."""
    badge, _ = _badge_ending_at_new_year(tmp_path)
    result = cli("verify", str(badge), "--at", moment)
    assert result.code == 2
    assert "--at" in result.err and "no time zone" in result.err
    assert "unexpected shape" not in result.out + result.err
    assert result.out == ""


def test_unreadable_at_is_a_usage_error(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Text that is not a date at all exits 2 with a sentence."""
    badge, _ = _badge_ending_at_new_year(tmp_path)
    result = cli("verify", str(badge), "--at", "next tuesday")
    assert result.code == 2 and "not an ISO 8601" in result.err


@pytest.mark.parametrize(
    ("moment", "code"),
    [
        ("2025-12-31", 0),  # a date: midnight UTC at its start
        ("2025-12-31T23:30:00Z", 0),
        ("2026-01-01T00:30:00+01:00", 0),  # 23:30 UTC the day before
        ("2025-12-31T19:30:00-05:00", 1),  # 00:30 UTC on new year's day: expired
        ("2026-01-01T00:30:00Z", 1),
    ],
)
def test_zoned_at_is_compared_in_utc(cli, tmp_path: Path, moment: str, code: int) -> None:  # type: ignore[no-untyped-def]
    """Dates and zoned date-times are converted to UTC before the validity window is compared."""
    badge, did = _badge_ending_at_new_year(tmp_path)
    result = cli("verify", str(badge), "--json", "--at", moment, "--trusted-issuer", did)
    assert result.code == code, result.out + result.err
    report = json.loads(result.out)
    assert report["status"] == ("verified" if code == 0 else "not_verified")
