"""Nothing a credential says can recolour, overwrite or forge a line of what `ler-wallet` prints."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.hostile_credentials import ESC_ISSUER, ESC_NAME, escape_badge
from wallet import lifecycle
from wallet.credentials import demo_issuers
from wallet.text_safety import is_unsafe

LEARNER = "did:example:learner"


def _unsafe(text: str) -> list[str]:
    """The characters in `text` that a terminal would act on or reorder (line breaks are the output's own)."""
    return sorted({repr(c) for c in text if c != "\n" and (is_unsafe(c) or c in "\u200c\u200d")})


def _badge(tmp_path: Path) -> Path:
    path = tmp_path / "licence.json"
    path.write_text(json.dumps(escape_badge(LEARNER)), "utf-8")
    return path


def test_verify_prints_escapes_visibly_and_no_forged_lines(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`verify` shows the hostile name's escape sequences as text, and it cannot add a line to the report."""
    badge = _badge(tmp_path)
    checks = json.loads(cli("verify", str(badge), "--json").out)["items"][0]["checks"]
    result = cli("verify", str(badge))
    assert result.code == 1, result.err
    assert _unsafe(result.out) == []
    lines = result.out.splitlines()
    assert len(lines) == 2 + len(checks) + 1  # name line, issuer line, one per check, Overall
    assert lines[0].startswith(f"{badge}: \\x1b[2K\\x0d\\x1b[32m✓ signature: passed")
    assert lines[0].endswith("— not_verified") and "\\u202edeifireV\\u202c" in lines[0]
    assert lines[1] == f"  issuer: {demo_issuers.WAREHOUSE.did}"
    assert lines[-1] == "Overall: not_verified"


def test_verify_json_stays_exact_data_without_raw_controls(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`--json` is valid JSON carrying the exact name, with bidi and C1 characters written as \\u escapes."""
    result = cli("verify", str(_badge(tmp_path)), "--json")
    assert _unsafe(result.out) == []
    assert "\\u202e" in result.out and "\\u009b" in result.out
    item = json.loads(result.out)["items"][0]
    assert item["name"] == ESC_NAME


def test_import_list_and_show_print_no_control_or_bidi_character(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The import report, `list` and `show` print the hostile name and issuer with every escape visible."""
    wallet = tmp_path / "w.lerwallet"
    lifecycle.create_wallet(wallet, PASSPHRASE, kdf=FAST_KDF).session.lock()
    imported = cli("--wallet", str(wallet), "import", str(_badge(tmp_path)))
    assert imported.code == 0, imported.err
    listed = cli("--wallet", str(wallet), "list")
    record_id = listed.out.split()[0]
    shown = cli("--wallet", str(wallet), "show", record_id)
    reverified = cli("--wallet", str(wallet), "reverify")
    for result in (imported, listed, shown, reverified):
        assert result.code == 0, result.err
        assert _unsafe(result.out) == [], result.out
        assert "\\x1b[32m✓ signature: passed" in result.out
    assert len(listed.out.splitlines()) == 1
    assert "Issuer:       Riverside\\u2066 \\x9b31m(demo)\\u2069\\x0aOverall: verified" in shown.out
    assert "Line one\\x1b[1A\\x1b[2K\nline two \\u202e" in shown.out  # a description keeps its own lines
    as_json = cli("--wallet", str(wallet), "show", record_id, "--json")
    assert _unsafe(as_json.out) == [] and json.loads(as_json.out)["organisation"] == ESC_ISSUER


def test_check_sentences_quoting_the_credential_are_escaped_too(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A check's sentence that quotes the credential (an unknown context address) prints its escapes as text."""
    badge = escape_badge(LEARNER)
    badge["@context"].append("https://evil.example/\x1b[2J\u202ectx")
    path = tmp_path / "context.json"
    path.write_text(json.dumps(badge), "utf-8")
    result = cli("verify", str(path))
    assert _unsafe(result.out) == []
    assert "https://evil.example/\\x1b[2J\\u202ectx" in result.out
