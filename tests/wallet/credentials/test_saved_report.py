"""A stored verification report reads back as typed values, leniently."""

from __future__ import annotations

from wallet.credentials.report import CheckName, ItemReport, Outcome, Status
from wallet.credentials.saved_report import SavedCheck, SavedReport


def _report() -> ItemReport:
    clr = ItemReport("clr", "urn:clr", ["VerifiableCredential"], "did:key:z1", "did:key:z2", "Transcript")
    clr.add(CheckName.SIGNATURE, Outcome.PASSED, "The signature is valid.")
    clr.add(CheckName.ISSUER_KEY, Outcome.PASSED, "The key is the issuer's.")
    clr.add(CheckName.TRUSTED_ISSUER, Outcome.WARNING, "Not on your list.")
    child = ItemReport("ob3", "urn:child", ["VerifiableCredential"], "did:key:z1", None, "Course")
    child.add(CheckName.SIGNATURE, Outcome.FAILED, "The signature does not match.")
    clr.children.append(child)
    return clr


def test_a_report_reads_back_as_it_was_written() -> None:
    """from_json(to_json()) keeps the status, every check in order, nested reports and when it was checked."""
    saved = SavedReport.from_json(_report().to_json(), "2026-01-02T03:04:05Z")
    assert saved.status is Status.VERIFIED_WITH_WARNINGS and saved.checked_at == "2026-01-02T03:04:05Z"
    assert saved.checks[2] == SavedCheck("trusted issuer", Outcome.WARNING, "Not on your list.")
    assert (saved.kind, saved.id, saved.name, saved.issuer) == ("clr", "urn:clr", "Transcript", "did:key:z1")
    [child] = saved.children
    assert child.status is Status.NOT_VERIFIED and child.id == "urn:child" and child.checked_at is None
    assert saved.signed_by_issuer and not child.signed_by_issuer


def test_the_status_saved_is_kept_even_if_the_checks_would_now_say_otherwise() -> None:
    """The status is the one decided when the check ran, not recomputed from the lines."""
    data = {**_report().to_json(), "status": "not_verified"}
    assert SavedReport.from_json(data).status is Status.NOT_VERIFIED


def test_unknown_or_damaged_values_read_as_not_checked() -> None:
    """An outcome or status this version does not know, or a malformed line, never reads as passed."""
    data = {"status": "brilliant", "checks": [{"check": "signature", "outcome": "magnificent", "message": 3},
                                              "not a check", {"check": "future check", "outcome": "passed"}],
            "children": ["junk"]}
    saved = SavedReport.from_json(data)
    assert saved.status is Status.UNVERIFIABLE
    assert saved.checks == (SavedCheck("signature", Outcome.NOT_CHECKED, "3"), SavedCheck("future check",
                                                                                          Outcome.PASSED, ""))
    assert saved.outcome_of("signature") is Outcome.NOT_CHECKED and saved.outcome_of("status") is None
    assert not saved.signed_by_issuer and saved.children == ()


def test_the_worst_line_of_a_check_counts() -> None:
    """Two lines for one check (a proof set): a failed one decides over a passed one."""
    data = {"status": "not_verified", "checks": [
        {"check": "signature", "outcome": "passed", "message": "Issuer proof is valid."},
        {"check": "signature", "outcome": "failed", "message": "Second proof is not."},
    ]}
    assert SavedReport.from_json(data).outcome_of("signature") is Outcome.FAILED
