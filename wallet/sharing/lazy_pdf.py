"""The résumé PDF entry points, loading reportlab and pypdf on first use.

Those libraries cost about a third of a second to import, so the facade names these wrappers and the app reaches
its unlock screen without them (bench/README.md, app section; tests/test_lazy_imports.py keeps it so)."""

from __future__ import annotations

from wallet.credentials.verifier import VerifyOptions
from wallet.sharing.bundle_check import BundleReport

RESUME_LAYOUTS: tuple[str, ...] = ("skills", "chronological")
"""The résumé layouts (wallet.sharing.resume_pdf.LAYOUTS; a test keeps the two equal)."""
RESUME_PAPERS: tuple[str, ...] = ("a4", "letter")
"""The résumé papers (wallet.sharing.resume_pdf.PAPERS; a test keeps the two equal)."""


def resume_pdf(bundle: bytes, options: VerifyOptions, layout: str = "skills", paper: str = "a4") -> bytes:
    """The résumé PDF of a signed bundle (wallet.sharing.resume_pdf.resume_pdf, imported on first use)."""
    from wallet.sharing.resume_pdf import resume_pdf as make

    return make(bundle, options, layout, paper)


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF (wallet.sharing.pdf_attachment.is_pdf, imported on first use)."""
    from wallet.sharing.pdf_attachment import is_pdf as check

    return check(data)


def check_resume_pdf(data: bytes, options: VerifyOptions) -> BundleReport:
    """The report for a résumé PDF's bundle (wallet.sharing.pdf_check.check_resume_pdf, imported on first use)."""
    from wallet.sharing.pdf_check import check_resume_pdf as check

    return check(data, options)
