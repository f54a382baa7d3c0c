"""The navigator notes PDF: its title and language tag follow the notes' language; a bad paper size is a sentence."""

from __future__ import annotations

import io

import pypdf
import pytest

from wallet.errors import UsageError
from wallet.i18n import set_language
from wallet.navigator_pdf import navigator_notes_pdf


@pytest.mark.parametrize("language", ["en", "es"])
def test_notes_pdf_says_its_language(language: str) -> None:
    """The PDF's /Lang is the notes' language and its title is the notes' own first heading."""
    reader = pypdf.PdfReader(io.BytesIO(navigator_notes_pdf(language, "A4")))
    assert reader.trailer["/Root"].get("/Lang") == language
    title = reader.metadata.title if reader.metadata is not None else ""
    assert title and title in reader.pages[0].extract_text()


def test_a_wrong_paper_size_is_said_in_the_language_in_use() -> None:
    """An unknown paper size is one sentence, in Spanish when Spanish is chosen."""
    with pytest.raises(UsageError, match="A4 or Letter"):
        navigator_notes_pdf("en", "A3")
    try:
        set_language("es")
        with pytest.raises(UsageError, match="A4 o Carta"):
            navigator_notes_pdf("es", "A3")
    finally:
        set_language("en")
