"""`ler-wallet share`, `shares` and `verify BUNDLE`: files written, one report, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet.sharing.share_kit import EXPIRES, MARKER, NOW, STATEMENT, make_kit
from wallet import lifecycle


@pytest.fixture
def wallet(tmp_path: Path) -> Path:
    """A locked wallet holding the share kit's records and view ("Forklift operator")."""
    path = tmp_path / "share.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    with made.session as session:
        make_kit(session)
    return path


def test_share_json_then_verify_prints_one_report(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The bundle file verifies (exit 0): holder proof, recipient, expiry, each credential, the learner's words."""
    out = tmp_path / "bundle.json"
    shared = cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(out), "--to", "ACME Logistics",
                 "--expires", EXPIRES)
    assert shared.code == 0, shared.err
    assert f"Wrote the signed bundle to {out}" in shared.out and "4 record(s), for ACME Logistics" in shared.out
    bundle = json.loads(out.read_text("utf-8"))
    assert bundle["proof"]["domain"] == "ACME Logistics"
    report = cli("verify", str(out))
    assert report.code == 0, report.out + report.err
    text = report.out
    assert "✓ presentation (holder): Presented by the holder did:key:" in text
    assert "recipient: ACME Logistics" in text and f"challenge: {bundle['proof']['challenge']}" in text
    assert f"✓ validity period: The bundle is good until {EXPIRES} 23:59 UTC." in text
    assert "Credentials (4):" in text and "Certified Forklift Operator — verified_with_warnings" in text
    assert "Warehouse associate (self-asserted) — verified_with_warnings (self-asserted: signed by the holder)" in text
    words = text.index("The learner's own words")
    assert text.index("Credentials (4):") < words and f"“{STATEMENT}”" in text[words:]
    assert "1. operate forklift — shown by:" in text[words:]


def test_verify_json_carries_the_bundle_report(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--json: the items (credentials, statement, the bundle itself) and a 'bundles' entry with recipient."""
    out = tmp_path / "bundle.json"
    cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(out), "--to", "ACME")
    report = json.loads(cli("verify", str(out), "--json").out)
    assert report["status"] == "verified_with_warnings"
    assert [b["recipient"] for b in report["bundles"]] == ["ACME"]
    assert report["bundles"][0]["statement"]["text"] == STATEMENT
    assert report["items"][-1]["kind"] == "bundle" and len(report["items"]) == 6


def test_a_changed_bundle_fails_and_says_what(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """One changed skill name: exit 1, the holder's proof is broken and the statement's signature does not match."""
    out = tmp_path / "bundle.json"
    cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(out))
    bundle = json.loads(out.read_text("utf-8"))
    bundle["verifiableCredential"][0]["credentialSubject"]["skill"][0]["name"] = "operate crane"
    out.write_text(json.dumps(bundle), "utf-8")
    report = cli("verify", str(out))
    assert report.code == 1
    assert "✗ presentation (holder): The holder's proof is broken" in report.out
    assert "statement: not_verified" in report.out and "✗ signature: The signature does not match" in report.out


def test_an_expired_bundle_fails_with_the_date(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """verify --at after the expiry: exit 1 and 'The bundle expired on …'."""
    out = tmp_path / "bundle.json"
    cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(out), "--expires", EXPIRES)
    later = (NOW + timedelta(days=40)).strftime("%Y-%m-%dT%H:%M:%SZ")
    report = cli("verify", str(out), "--at", later)
    assert report.code == 1 and f"✗ validity period: The bundle expired on {EXPIRES} 23:59 UTC" in report.out


def test_jsonresume_and_the_history(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--format jsonresume writes JSON Resume (no marker from left-out records); shares lists both shares."""
    resume_path = tmp_path / "resume.json"
    cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(tmp_path / "b.json"), "--to", "ACME")
    made = cli("--wallet", str(wallet), "share", "Forklift operator", "--format", "jsonresume", "--out",
               str(resume_path))
    assert made.code == 0 and "It is not signed" in made.out
    resume = json.loads(resume_path.read_text("utf-8"))
    assert resume["basics"]["name"] == "Maria Lopez" and resume["basics"]["email"] == "maria@example.org"
    assert MARKER not in resume_path.read_text("utf-8")
    history = cli("--wallet", str(wallet), "shares")
    lines = history.out.splitlines()
    assert "jsonresume view Forklift operator" in lines[0] and "json       view Forklift operator to ACME" in \
        history.out
    listed = json.loads(cli("--wallet", str(wallet), "share", "--history", "--json").out)
    assert [h["form"] for h in listed] == ["jsonresume", "json"] and len(listed[0]["records"]) == 4


@pytest.mark.parametrize(("args", "message"), [
    (["share", "--out", "x.json"], "Which view?"),
    (["share", "Forklift operator"], "Add --out FILE"),
    (["share", "Forklift operator", "--out", "x.json", "--layout", "skills"], "--layout and --paper are for"),
    (["share", "Nope", "--out", "x.json"], "There is no view with the id or name 'Nope'"),
    (["share", "Forklift operator", "--out", "x.json", "--expires", "2001-01-01"], "has already passed"),
    (["share", "Forklift operator", "--out", "x.json", "--nested", "oops"], "--nested takes CLR_RECORD_ID=N,N"),
])
def test_share_usage_errors_are_one_sentence_and_write_nothing(  # type: ignore[no-untyped-def]
        cli, wallet: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    """Exit 2, one sentence on stderr, no file and no history line."""
    monkeypatch.chdir(tmp_path)
    result = cli("--wallet", str(wallet), *args)
    assert result.code == 2 and message in result.err
    assert not (tmp_path / "x.json").exists()
    assert "Nothing has been shared" in cli("--wallet", str(wallet), "shares").out


def test_verify_of_a_truncated_bundle_is_unreadable(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Broken JSON: exit 2 with a sentence, never a traceback."""
    path = tmp_path / "bundle.json"
    path.write_text('{"type": ["VerifiablePresentation"], "holder": ', "utf-8")
    result = cli("verify", str(path))
    assert result.code == 2 and "cannot be read" in result.out


def test_verify_with_the_expected_recipient_and_challenge(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--domain/--challenge: the right ones pass; a bundle made for someone else or another request fails (1)."""
    out = tmp_path / "bundle.json"
    cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(out), "--to", "ACME")
    challenge = json.loads(out.read_text("utf-8"))["proof"]["challenge"]
    assert cli("verify", str(out), "--domain", "ACME", "--challenge", challenge).code == 0
    other = cli("verify", str(out), "--domain", "Other Corp")
    assert other.code == 1 and "The bundle was made for ACME, not for Other Corp." in other.out
    replay = cli("verify", str(out), "--challenge", "fresh-challenge-123")
    assert replay.code == 1 and "it may be a copy made for someone else" in replay.out


def test_a_share_that_cannot_be_written_leaves_no_history(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--out in a folder that does not exist: a sentence, exit 2, and 'shares' still lists nothing."""
    result = cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(tmp_path / "no" / "b.json"))
    assert result.code == 2 and result.err.startswith("ler-wallet: ") and "Traceback" not in result.err
    assert "Nothing has been shared" in cli("--wallet", str(wallet), "shares").out


def test_the_learners_words_cannot_repaint_the_report(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A statement holding an escape sequence and a bidi override is printed with them visible, never raw."""
    from wallet.lifecycle import open_wallet

    with open_wallet(wallet, PASSPHRASE) as session:
        view = session.skills.views()[0]
        session.skills.update_view(view.id, statement="Reliable.\x1b[2J\x1b[32m✔ VERIFIED\u202e")
    out = tmp_path / "bundle.json"
    cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(out))
    text = cli("verify", str(out)).out
    assert "\x1b" not in text and "\u202e" not in text
    assert "Reliable.\\x1b[2J\\x1b[32m✔ VERIFIED\\u202e" in text
