"""The recovery kit PDF: the code, what it is for and where the wallet lives, readable by a PDF reader."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pypdf
import pytest

from wallet.crypto.keywrap import new_recovery_code
from wallet.errors import UsageError
from wallet.i18n import set_language
from wallet.recovery_kit import code_groups, recovery_kit_pdf

DAY = datetime.date(2026, 12, 4)


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_kit_holds_code_purpose_and_place(paper: str) -> None:
    """One page holding every group of the code, what it is for, the wallet's folder and the holder."""
    code = new_recovery_code()
    data = recovery_kit_pdf(code, Path("/media/usb/Maria.lerwallet"), holder="María José", made=DAY, paper=paper)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = _text(data)
    for group in code.split("-"):
        assert group in text
    assert "forget your passphrase" in text and "/media/usb/Maria.lerwallet" in text
    assert "María José" in text and "4 December 2026" in text
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == (595 if paper == "A4" else 612)


def test_same_inputs_same_bytes() -> None:
    """No timestamps or machine details: the same kit twice is the same bytes."""
    first = recovery_kit_pdf("ABCD-EFGH", Path("/w"), made=DAY)
    assert first == recovery_kit_pdf("ABCD-EFGH", Path("/w"), made=DAY)
    assert b"/CreationDate" not in first or b"D:20000101" in first


def test_odd_names_and_bad_requests() -> None:
    """Markup in a name is printed as text; an unknown paper size or an empty code is a sentence."""
    text = _text(recovery_kit_pdf("ABCD-EFGH", Path("/w"), holder="<b>Sam</b> & co", made=DAY))
    assert "<b>Sam</b> & co" in text
    with pytest.raises(UsageError, match="Paper size"):
        recovery_kit_pdf("ABCD", Path("/w"), paper="A3")
    with pytest.raises(UsageError, match="no recovery code"):
        recovery_kit_pdf("  ", Path("/w"))
    assert code_groups("ABCDEFGHIJ") == ["ABCDE", "FGHIJ"]


def test_kit_in_spanish_has_spanish_words_date_and_language_tag() -> None:
    """With Spanish chosen the kit's headings, sentences and date are Spanish and the PDF says it is in Spanish."""
    try:
        set_language("es")
        data = recovery_kit_pdf("ABCD-EFGH", Path("/w"), holder="María", made=DAY)
        with pytest.raises(UsageError, match="tamaño de papel"):
            recovery_kit_pdf("ABCD", Path("/w"), paper="A3")
    finally:
        set_language("en")
    text = _text(data)
    assert "Su código de recuperación" in text and "Dónde está la billetera" in text
    assert "Hecho el 4 de diciembre de 2026 para María" in text and "What it is for" not in text
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata.title == "Kit de recuperación de LER Wallet"
    assert reader.trailer["/Root"].get("/Lang") == "es"
    english = pypdf.PdfReader(io.BytesIO(recovery_kit_pdf("ABCD-EFGH", Path("/w"), made=DAY)))
    assert english.trailer["/Root"].get("/Lang") == "en"
