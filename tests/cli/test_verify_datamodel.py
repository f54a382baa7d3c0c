"""`ler-wallet verify` shows the data-model line: W3C suite inputs, malformed and sound, in text and --json."""

from __future__ import annotations

import json
from pathlib import Path

from wallet.credentials import demo_issuers
from wallet.credentials.dataintegrity import RDFC, sign

W3C = Path(__file__).resolve().parents[1] / "fixtures" / "w3c"
REDEFINED = W3C / "vcdm2" / "tests" / "input" / "credential-redef-type-fail.json"
SOUND_V1 = W3C / "vc1" / "test" / "vc-data-model-1.0" / "input" / "example-4.jsonld"


def _line(out: str) -> dict[str, str]:
    [line] = [c for c in json.loads(out)["items"][0]["checks"] if c["check"] == "data model"]
    return line


def test_redefined_protected_term_is_not_verified_with_its_sentence(cli) -> None:  # type: ignore[no-untyped-def]
    """A credential redefining VerifiableCredential is not_verified (exit 1); the line names the term."""
    result = cli("verify", str(REDEFINED), "--json", "--at", "2026-01-01")
    assert json.loads(result.out)["status"] == "not_verified"
    line = _line(result.out)
    assert line["outcome"] == "failed" and "protects (VerifiableCredential)" in line["message"]
    assert result.code == 1
    text = cli("verify", str(REDEFINED), "--at", "2026-01-01")
    assert "data model: It does not follow the VC 2.0 data model." in text.out


def test_sound_vc_1_1_example_passes_the_data_model(cli) -> None:  # type: ignore[no-untyped-def]
    """The VC 1.1 example degree: data model passed; its RsaSignature2018 keeps it unverifiable, as before."""
    result = cli("verify", str(SOUND_V1), "--json", "--at", "2019-06-01")
    assert _line(result.out)["outcome"] == "passed"
    assert json.loads(result.out)["status"] == "unverifiable"


def test_a_five_thousand_character_name_is_clipped_on_the_title_line(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A credential's name is the issuer's text: a huge one is shortened on the report's first line."""
    issuer = demo_issuers.WAREHOUSE.identity
    badge = {k: v for k, v in demo_issuers.forklift_badge("did:example:learner").items() if k != "proof"}
    badge["name"] = "Riverside " * 500
    signed = sign(badge, suite=RDFC, verification_method=issuer.verification_method,
                  created="2024-01-01T00:00:00Z", signer=issuer.sign)
    path = tmp_path / "long.json"
    path.write_text(json.dumps(signed), "utf-8")
    result = cli("verify", str(path))
    title = result.out.splitlines()[0]
    assert "Riverside Riverside" in title and len(title) < 300 and "…" in title
