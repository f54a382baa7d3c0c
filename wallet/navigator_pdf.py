"""The navigator notes as a printable PDF (reportlab, the bundled DejaVu fonts): a page of tips to keep at the
kiosk desk. Made as bytes from the Markdown in resources/help/navigator-notes; the same bytes for the same
language and paper (no dates or machine details in the file). The title and the PDF's language tag follow the
notes' language; the words that are not in the notes themselves come from the language in use (wallet.i18n)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from wallet.errors import UsageError
from wallet.help_texts import navigator_notes
from wallet.i18n import _
from wallet.resources import resource_path

PAPERS = {"A4": (595.2755905511812, 841.8897637795277), "Letter": (612.0, 792.0)}
_FONTS = {"NotesSans": "DejaVuSans.ttf", "NotesSans-Bold": "DejaVuSans-Bold.ttf"}
_INLINE_BOLD = ("**", "<b>", "</b>")


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, file_name in _FONTS.items():
        if face not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(face, io.BytesIO(resource_path("fonts", file_name).read_bytes())))


def _inline(text: str) -> str:
    """Escape the text for reportlab's mini-markup, then turn **bold** pairs into <b>…</b>."""
    parts = escape(text).split("**")
    return "".join(part if i % 2 == 0 else f"<b>{part}</b>" for i, part in enumerate(parts))


def navigator_notes_pdf(language: str = "en", paper: str = "A4") -> bytes:
    """The navigator notes in `language` on `paper` ('A4' or 'Letter') as PDF bytes."""
    if paper not in PAPERS:
        raise UsageError(_("The paper size must be A4 or Letter, not “{paper}”.").format(paper=paper))
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    _register_fonts()
    body = ParagraphStyle("body", fontName="NotesSans", fontSize=11, leading=15)
    heading = ParagraphStyle("heading", parent=body, fontName="NotesSans-Bold", fontSize=13, leading=17,
                             spaceBefore=10, spaceAfter=3)
    title = ParagraphStyle("title", parent=body, fontName="NotesSans-Bold", fontSize=18, leading=22, spaceAfter=6)
    story: list[object] = []
    bullets: list[ListItem] = []
    text = navigator_notes(language)
    first_title = _("LER Wallet navigator notes")

    def flush() -> None:
        if bullets:
            story.append(ListFlowable(list(bullets), bulletType="bullet", start="•", leftIndent=14,
                                      bulletFontName="NotesSans"))
            bullets.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("- "):
            bullets.append(ListItem(Paragraph(_inline(stripped[2:]), body), leftIndent=14))
            continue
        flush()
        if stripped.startswith("## "):
            story.append(Paragraph(_inline(stripped[3:]), heading))
        elif stripped.startswith("# "):
            first_title = stripped[2:]
            story.append(Paragraph(_inline(first_title), title))
        else:
            story.append(Paragraph(_inline(stripped), body))
            story.append(Spacer(1, 4))
    flush()
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=PAPERS[paper], title=first_title, author="LER Wallet",
                                 subject=_("Tips for walking a client through LER Wallet"), lang=language,
                                 leftMargin=56, rightMargin=56, topMargin=50, bottomMargin=50, invariant=1)
    document.build(story)
    return out.getvalue()


__all__ = ["PAPERS", "navigator_notes_pdf"]
