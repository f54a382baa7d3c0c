"""The learner's self-asserted credentials: partial entry dates become full date-times that pass OB 3.0's schema."""

from __future__ import annotations

import pytest

from wallet.credentials.issuing import Signer, self_asserted_credential
from wallet.credentials.report import Outcome
from wallet.credentials.schema import check_schema
from wallet.crypto.identity import Identity

ME = Identity(b"\x09" * 32)


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2021", "2022-07", ("2021-01-01T00:00:00Z", "2022-07-01T00:00:00Z")),
    ("2021-03", "2023-08-31", ("2021-03-01T00:00:00Z", "2023-08-31T00:00:00Z")),
])
def test_partial_dates_start_on_the_first_day_they_name(start: str, end: str, expected: tuple[str, str]) -> None:
    """YYYY and YYYY-MM are signed as the first day they name; the credential passes the OB 3.0 schema."""
    signer = Signer(ME.did, ME.verification_method, "Ana", ME.sign)
    credential = self_asserted_credential(signer, title="Picker", description="Picked orders.", start=start, end=end,
                                          now="2026-01-01T00:00:00Z")
    subject = credential["credentialSubject"]
    assert (subject["activityStartDate"], subject["activityEndDate"]) == expected
    assert check_schema(credential, "ob3").outcome is Outcome.PASSED
