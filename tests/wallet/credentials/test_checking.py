"""Checking credential files with no wallet: given keys, lists and trust only; an answer per input, in order."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from wallet.credentials import demo_issuers
from wallet.credentials.checking import offline_options, take_material, verify_inputs
from wallet.credentials.report import CheckName, Outcome, Status
from wallet.errors import InvalidInputError, WalletError

LEARNER = "did:example:learner"
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _badge() -> bytes:
    return json.dumps(demo_issuers.forklift_badge(LEARNER)).encode()


def test_each_input_gets_its_reports_or_its_error_in_order() -> None:
    """A good badge, an unreadable input and broken JSON: reports for the first, the errors for the others."""
    inputs: list[tuple[str, bytes | WalletError]] = [
        ("badge.json", _badge()), ("gone.json", InvalidInputError("There is no file at gone.json.")),
        ("broken.json", b'{"@context": ['),
    ]
    results = list(verify_inputs(inputs, offline_options(NOW)))
    assert [name for name, _ in results] == ["badge.json", "gone.json", "broken.json"]
    [report] = results[0][1]  # type: ignore[misc]
    assert report.status is Status.VERIFIED_WITH_WARNINGS
    assert isinstance(results[1][1], InvalidInputError) and isinstance(results[2][1], WalletError)


def test_trusted_issuers_given_by_the_checker_are_used() -> None:
    """An issuer named as trusted turns the trusted-issuer warning into a pass."""
    options = offline_options(NOW, trusted_issuers=[demo_issuers.WAREHOUSE.did])
    [(_, reports)] = list(verify_inputs([("badge.json", _badge())], options))
    assert not isinstance(reports, WalletError)
    assert reports[0].outcome_of(CheckName.TRUSTED_ISSUER) is Outcome.PASSED
    assert reports[0].status is Status.VERIFIED


def test_key_and_status_list_files_are_read_with_a_sentence_when_broken(tmp_path: Path) -> None:
    """A key file that is not JSON stops the check with a sentence naming that file."""
    broken = tmp_path / "key.json"
    broken.write_text("{")
    try:
        offline_options(NOW, key_files=[broken])
    except WalletError as exc:
        assert "The key file" in exc.message and str(broken) in exc.message
    else:
        raise AssertionError("a broken key file was accepted")


def test_material_given_with_what_is_checked_is_used_and_named() -> None:
    """A DID document and a status list among the inputs go into the options, each named in a sentence; a badge
    description, a credential and an unreadable input stay with what is to be checked."""
    did = "did:web:college.example"
    document = {"id": did, "assertionMethod": [f"{did}#key-1"],
                "verificationMethod": [{"id": f"{did}#key-1", "type": "Multikey", "controller": did,
                                        "publicKeyMultibase": "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}]}
    status_list = {"id": "https://college.example/status/1", "type": ["VerifiableCredential",
                                                                        "BitstringStatusListCredential"]}
    badge_class = {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "https://x.example/b"}
    unreadable = InvalidInputError("gone")
    given = [("did.json", json.dumps(document).encode()), ("list.json", json.dumps(status_list).encode()),
             ("class.json", json.dumps(badge_class).encode()), ("bundle.json", b'{"type": "VerifiablePresentation"}'),
             ("missing.json", unreadable)]
    options = offline_options(NOW)
    rest, used = take_material(given, options)
    assert [name for name, _ in rest] == ["class.json", "bundle.json", "missing.json"]
    assert [name for name, _ in used] == ["did.json", "list.json"]
    assert used[0][1] == f"Used to check what you opened with it: a DID document ({did}), as you supplied it."
    assert did in options.resolver.documents and "https://college.example/status/1" in options.status_lists
