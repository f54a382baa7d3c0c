"""`ler-wallet share VIEW --format pdf` and `ler-wallet verify resume.pdf`: the résumé written, checked, refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet.sharing.share_kit import MARKER, make_kit
from wallet import lifecycle
from wallet.sharing.pdf_attachment import BUNDLE_FILE_NAME, attached_bundle


@pytest.fixture
def wallet(tmp_path: Path) -> Path:
    """A locked wallet holding the share kit's records and view ("Forklift operator")."""
    path = tmp_path / "share.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    with made.session as session:
        make_kit(session)
    return path


def test_share_pdf_then_verify_it(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The PDF is written with its bundle attached; verify reads it, checks it and finds the printed codes match."""
    out = tmp_path / "resume.pdf"
    shared = cli("--wallet", str(wallet), "share", "Forklift operator", "--format", "pdf", "--out", str(out),
                 "--to", "ACME Logistics", "--layout", "chronological", "--paper", "letter")
    assert shared.code == 0, shared.err
    assert f"Wrote the PDF résumé to {out} (chronological, LETTER)" in shared.out
    assert "ler-wallet verify resume.pdf" in shared.out
    reader = PdfReader(out)
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612)
    assert MARKER not in "".join(p.extract_text() for p in reader.pages)
    report = cli("verify", str(out))
    assert report.code == 0, report.out + report.err
    assert f"{out}: a bundle from did:key:" in report.out
    assert "printed QR codes carry the same bundle as the PDF's attachment" in report.out
    assert "✓ presentation: The " in report.out
    assert "recipient: ACME Logistics" in report.out


def test_verify_a_folder_checks_the_pdf_resumes_in_it(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`verify FOLDER` checks each PDF résumé in it, beside its bundle files: an employer's inbox, one command."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    assert cli("--wallet", str(wallet), "share", "Forklift operator", "--format", "pdf",
               "--out", str(inbox / "resume.pdf"), "--to", "ACME").code == 0
    assert cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(inbox / "b.json"),
               "--to", "ACME").code == 0
    report = cli("verify", str(inbox))
    assert report.code == 0, report.out + report.err
    assert f"{inbox / 'resume.pdf'}: a bundle from did:key:" in report.out
    assert f"{inbox / 'b.json'}: a bundle from did:key:" in report.out


def test_verify_pdf_with_a_swapped_attachment_fails(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A genuine bundle for someone else attached under this PDF's printed codes: exit 1, the mismatch named."""
    first, second = tmp_path / "a.pdf", tmp_path / "b.json"
    cli("--wallet", str(wallet), "share", "Forklift operator", "--format", "pdf", "--out", str(first), "--to", "A")
    cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(second), "--to", "B")
    writer = PdfWriter()
    for page in PdfReader(first).pages:
        writer.add_page(page)
    writer.add_attachment(BUNDLE_FILE_NAME, second.read_bytes())
    forged = tmp_path / "forged.pdf"
    buffer = io.BytesIO()
    writer.write(buffer)
    forged.write_bytes(buffer.getvalue())
    assert attached_bundle(forged.read_bytes()) == second.read_bytes()
    report = cli("verify", str(forged))
    assert report.code == 1
    assert "✗ presentation: The printed QR codes carry a different bundle from the one attached" in report.out
    assert "recipient: B" in report.out


def test_verify_a_pdf_that_is_not_a_resume(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Any other PDF (or a broken one) cannot be read as a résumé: exit 2 with the reason, no traceback."""
    from reportlab.pdfgen.canvas import Canvas
    other = tmp_path / "letter.pdf"
    canvas = Canvas(str(other))
    canvas.drawString(72, 720, "Dear hiring manager")
    canvas.save()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 300)
    for path, reason in ((other, "nothing in it to check"), (broken, "cannot be read")):
        report = cli("verify", str(path))
        assert report.code == 2, report.out + report.err
        assert reason in report.out + report.err and "Traceback" not in report.err


def test_layout_and_paper_need_pdf(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--layout with another format is a usage error (exit 2) and writes nothing."""
    out = tmp_path / "bundle.json"
    result = cli("--wallet", str(wallet), "share", "Forklift operator", "--out", str(out), "--layout", "skills")
    assert result.code == 2 and "--format pdf" in result.err and not out.exists()
