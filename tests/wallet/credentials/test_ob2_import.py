"""Open Badges 2.0 (and 1.x, named so) baked badges from the bakery fixtures import with the right fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.session import Session

BAKED = Path(__file__).resolve().parents[2] / "fixtures" / "baked"

# fixture → (title, issuer, issued, hosted URL the report names)
CASES = {
    "concentricsky-bakery/baked_heart.png": ("Open Badges 1.x badge from example.org", "example.org", "2015-04-01",
                                             "http://example.org/badgeinstance1"),
    "concentricsky-bakery/baked_example.svg": ("Open Badges 1.x badge from example.org", "example.org", "2013-11-05",
                                               "https://example.org/assertion.json"),
    "mozilla-bakery/baked.svg": ("Open Badges 2.0 badge from example.org", "example.org", None, "http://example.org"),
    "mozilla-bakery/no-json.svg": ("Open Badges 2.0 badge from example.org", "example.org", None, "http://example.org"),
    "1edtech-validator/simple-badge.png": ("Open Badges 2.0 badge from example.org", "example.org", "2016-12-31",
                                           "https://example.org/beths-robotics-badge.json"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_baked_ob2_badge_imports_with_its_fields(session: Session, name: str) -> None:
    """The badge is stored with the image bytes, its dates and issuer, and an honest 'cannot check offline'."""
    title, issuer, issued, hosted = CASES[name]
    data = (BAKED / name).read_bytes()
    [outcome] = session.credentials.import_bytes(data, name)
    assert outcome.outcome == "imported", outcome.message
    assert outcome.status == "unverifiable"
    record = session.get_record(outcome.record_id or "")
    assert (record.title, record.organisation, record.start) == (title, issuer, issued)
    assert record.credential is not None and record.credential.media_type in ("image/png", "image/svg+xml")
    assert session.credential_original(record.id) == data
    parsed = session.repo.credential_parsed(record.id)
    assert parsed["kind"] == "ob2" and parsed["hostedUrl"] == hosted
    report = session.credentials.last_report(record.id)
    assert report is not None
    signature = next(c for c in report.checks if c.check == "signature")
    assert signature.outcome == "not checked" and "offline" in signature.message


@pytest.mark.parametrize("name", ["mozilla-bakery/unbaked.png", "concentricsky-bakery/unbaked_example.svg",
                                  "mozilla-bakery/bad-json.svg"])
def test_images_without_a_readable_badge_fail_with_a_sentence(session: Session, name: str) -> None:
    """An image with no badge, or a broken one, fails with a sentence and stores nothing."""
    [outcome] = session.credentials.import_bytes((BAKED / name).read_bytes(), name)
    assert outcome.outcome == "failed" and outcome.message.endswith(".")
    assert session.count() == 0
