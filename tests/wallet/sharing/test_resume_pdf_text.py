"""The résumé's words: non-Latin names print with the shipped font, right-to-left text is ordered, dates read."""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from tests.wallet.sharing.resume_kit import mapped_characters, page_text
from wallet.errors import InvalidInputError
from wallet.sharing.pdf_fonts import REGULAR, has_rtl, register_fonts, visual
from wallet.sharing.resume_content import (
    ResumeContent,
    ResumeRecord,
    ResumeSkill,
    Section,
    Standing,
    content_from_bundle,
)
from wallet.sharing.resume_pdf import Layout, printed_codes_for, render, short_date, tally, when

NAMES = ["Nguyễn Thị Hồng", "Zoë Ødegård", "محمد العلي", "Αλέξανδρος Παπαδόπουλος", "Ёлка Дмитриевна"]


def _content(name: str) -> ResumeContent:
    record = ResumeRecord("urn:x:1", f"Cours de français — {name}", "Université Côte d'Azur", Standing.VERIFIED,
                          Section.LEARNING, "Course", issued="2024-03-02T00:00:00Z")
    return ResumeContent(name=name, contacts=(f"{name.split()[0].lower()}@example.org",),
                         statement=f"Je m'appelle {name}.", skills=(ResumeSkill("communicate", ("urn:x:1",)),),
                         records=(record,), language="fr")


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).get_object().values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            for child in descendants or []:
                assert "/FontFile2" in child.get_object()["/FontDescriptor"]  # embedded, not referenced
    return names


@pytest.mark.parametrize("name", NAMES)
def test_non_latin_names_print_with_the_shipped_font(name: str) -> None:
    """Each name is drawn only with the embedded DejaVu subsets, every letter has a glyph, and it is in the text."""
    pdf = render(_content(name), [], Layout.SKILLS)
    fonts = _fonts(pdf)
    assert fonts and all("LERSans" in f or "DejaVu" in f for f in fonts), fonts
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face  # type: ignore[attr-defined]
    drawn = visual(name)
    assert all(ord(c) in face.charToGlyph for c in drawn if not c.isspace())  # no missing-glyph boxes
    assert set(drawn.replace(" ", "")) <= mapped_characters(pdf)
    text = page_text(pdf)
    assert name in text if not has_rtl(name) else name in unicodedata.normalize("NFKC", text)  # joined forms
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "fr"


def test_right_to_left_is_put_in_visual_order() -> None:
    """Arabic is joined and reversed for drawing; Latin text is left exactly as it is."""
    assert visual("Zoë Ødegård") == "Zoë Ødegård"
    drawn = visual("محمد")
    assert drawn != "محمد" and len(drawn) == 4
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in drawn)  # joined (presentation) forms
    assert visual("מרים") == "םירמ"


def test_markup_in_names_is_text_not_markup() -> None:
    """A name holding reportlab paragraph markup prints as those characters, never as formatting."""
    pdf = render(_content("<b>Eve</b> & <font size=40>Co</font>"), [])
    assert "<b>Eve</b> & <font size=40>Co</font>" in page_text(pdf)


@pytest.mark.parametrize(("iso", "words"), [("2023-06-14T10:00:00Z", "Jun 2023"), ("2021-03", "Mar 2021"),
                                            ("2020", "2020"), ("2020-13", "2020"), ("soon", "soon")])
def test_short_dates(iso: str, words: str) -> None:
    """ISO dates read as month and year; what is not a date is shown as given."""
    assert short_date(iso) == words


def test_when_spans_and_issue_dates() -> None:
    """Jobs read as a span ("present" when open); issued credentials read "Issued <month year>"."""
    job = ResumeRecord("k", "Cook", "Bistro", Standing.SELF_ASSERTED, start="2021-03", end="")
    badge = ResumeRecord("b", "Badge", "Lab", Standing.VERIFIED, issued="2024-02-28T17:00:00Z")
    assert when(job) == "Mar 2021 – present"
    assert when(badge) == "Issued Feb 2024"


def test_a_bundle_too_big_for_codes_prints_none_and_says_so() -> None:
    """Past two pages of codes none is printed, and the check section sends the reader to the attachment."""
    big = os.urandom(60_000)  # incompressible: far more than 24 version-25 codes
    assert printed_codes_for(big) == []
    text = page_text(render(_content("Zoë Ødegård"), printed_codes_for(big)))
    assert "too large for a set of QR codes" in text and "scan" not in text


def test_pages_are_black_white_and_grey_only() -> None:
    """Every colour the pages set is a grey (r = g = b), so the résumé prints the same in black and white."""
    pdf = render(_content("Zoë Ødegård"), printed_codes_for(b'{"a": "small bundle"}'))
    colours = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        content = page.get_contents()
        assert content is not None
        colours += re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", content.get_data())
    assert colours and all(r == g == b for r, g, b in colours)


def test_an_issued_credential_with_an_end_says_until_when() -> None:
    """A credential with validUntil reads "Issued May 2022, valid until May 2027"."""
    licence = ResumeRecord("l", "Forklift", "Depot", Standing.VERIFIED, issued="2022-05-16T09:00:00Z",
                           valid_until="2027-05-16T09:00:00Z")
    assert when(licence) == "Issued May 2022, valid until May 2027"


def test_records_at_a_glance() -> None:
    """The line under a records heading counts them by how far they can be relied on, omitting zeros."""
    records = [ResumeRecord(str(i), "t", "i", standing) for i, standing in
               enumerate([Standing.VERIFIED, Standing.WARNINGS, Standing.SELF_ASSERTED, Standing.NOT_VERIFIED])]
    assert tally(records) == "2 verified by their issuers · 1 in the learner's own words · 1 not verified"
    assert tally(records[2:3]) == "1 in the learner's own words"


def test_a_bundle_without_a_statement_is_not_a_resume() -> None:
    """A presentation with no learner-signed LER-RS statement cannot be printed as a résumé: one sentence."""
    from datetime import UTC, datetime

    from wallet.credentials.checking import offline_options
    from wallet.credentials.demo_issuers import forklift_badge
    bundle = json.dumps({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                         "verifiableCredential": [forklift_badge("did:example:someone")]}).encode()
    with pytest.raises(InvalidInputError, match="not a résumé bundle"):
        content_from_bundle(bundle, offline_options(datetime.now(UTC)))
