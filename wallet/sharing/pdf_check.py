"""Checking a résumé PDF (`ler-wallet verify resume.pdf`): the bundle attached to it is checked like any bundle,
and the QR codes printed on its pages must carry that same bundle.

The comparison is one more line of the bundle's own checks, so it counts in the verdict: codes that carry another
bundle fail it; a PDF whose codes cannot be read is "verified, with warnings" at best, never plainly verified.
"""

from __future__ import annotations

from wallet.credentials.report import Check, CheckName
from wallet.credentials.verifier import VerifyOptions
from wallet.sharing.bundle_check import BundleReport, check_bundle
from wallet.sharing.pdf_attachment import read_resume_pdf


def check_resume_pdf(data: bytes, options: VerifyOptions) -> BundleReport:
    """The report for a résumé PDF's bundle, with how its printed QR codes compare with its attachment.

    Raises InvalidInputError (a sentence) for a PDF that cannot be read or carries no bundle at all."""
    found = read_resume_pdf(data)
    report = check_bundle(found.bundle, options)
    report.checks.append(Check(CheckName.PRESENTATION, found.printed.outcome, found.printed.message))
    return report
