"""The recovery kit: one printable page (PDF bytes) with the recovery code, what it is for, and where the
wallet lives, made the moment a code is shown (a new wallet, or a replaced code).

Made by the core as bytes (reportlab, bundled DejaVu fonts, no network, no file read except the fonts); the
app saves or prints them. The code is on the page in groups, large, in a fixed-width face, so it can be typed
back. The PDF carries no metadata about the computer and is byte-for-byte the same for the same inputs (and
language: the words, the date and the PDF's language tag follow the language in use, wallet.i18n).
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from xml.sax.saxutils import escape

from wallet.errors import UsageError
from wallet.i18n import N_, _, current_language, format_date
from wallet.resources import resource_path
from wallet.text_safety import one_line

PAGES = {"A4": (595.2755905511812, 841.8897637795277), "Letter": (612.0, 792.0)}
"""Page sizes in points (reportlab's A4 and LETTER); reportlab itself is imported only when a kit is made."""
TITLE = N_("LER Wallet recovery kit")
WHAT_IT_IS = N_(
    "This recovery code opens your wallet if you forget your passphrase. With it you choose a new passphrase "
    "and keep every record. Anyone who has this paper and your wallet file can open your wallet, so keep it "
    "somewhere safe and private, away from the computer or USB stick the wallet is on."
)
NOT_SENT = N_("Nobody else has a copy of this code: LER Wallet never sends it anywhere, and it cannot be recovered.")
HOW_TO_USE = N_(
    "To use it: open LER Wallet, choose \u201cForgot your passphrase?\u201d (or \u201cI forgot my passphrase: use "
    "my recovery code\u201d), pick the wallet's folder and type this code. Capitals, spaces and dashes do not matter."
)
REPLACED = N_("If you make a new recovery code later, this one stops opening the wallet (backups made before then "
            "still open with it).")
_FONTS = {"KitSans": "DejaVuSans.ttf", "KitSans-Bold": "DejaVuSans-Bold.ttf"}


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, file_name in _FONTS.items():
        if face not in pdfmetrics.getRegisteredFontNames():
            data = resource_path("fonts", file_name).read_bytes()
            pdfmetrics.registerFont(TTFont(face, io.BytesIO(data)))


def code_groups(code: str) -> list[str]:
    """The code split at its dashes (or every five characters), for a page a person copies from."""
    parts = [p for p in code.replace(" ", "-").split("-") if p]
    if len(parts) <= 1:
        flat = code.replace(" ", "")
        parts = [flat[i:i + 5] for i in range(0, len(flat), 5)]
    return parts


MOVED = N_("The wallet is this whole folder. If you move it (to a USB stick, another computer), "
         "write the new place here:")


def kit_sections(code: str, wallet_path: Path, *, holder: str = "", made: datetime.date | None = None
                 ) -> list[tuple[str, str]]:
    """The kit's words as (heading, text) pairs, in order, in the language in use: the PDF and a printed copy
    say the same."""
    day = made or datetime.datetime.now(datetime.UTC).date()
    return [
        (_(TITLE), made_line(day, holder)),
        (_("Your recovery code"), "  ".join(code_groups(code))),
        (_("What it is for"), f"{_(WHAT_IT_IS)}\n{_(NOT_SENT)}"),
        (_("Where the wallet lives"), f"{one_line(str(wallet_path))}\n{_(MOVED)}"),
        (_("How to use it"), f"{_(HOW_TO_USE)}\n{_(REPLACED)}"),
    ]


def made_line(day: datetime.date, holder: str = "") -> str:
    """'Made on 4 December 2026 for María' (the date as the language writes it; no name, no 'for')."""
    if holder.strip():
        return _("Made on {date} for {holder}").format(date=format_date(day), holder=one_line(holder))
    return _("Made on {date}").format(date=format_date(day))


def recovery_kit_pdf(
    code: str,
    wallet_path: Path,
    *,
    holder: str = "",
    made: datetime.date | None = None,
    paper: str = "A4",
) -> bytes:
    """The kit as PDF bytes. `paper` is "A4" or "Letter"; `made` the date printed on it (today when None)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if paper not in PAGES:
        raise UsageError(_("Paper size {paper} is not one the kit knows; use A4 or Letter.").format(paper=repr(paper)))
    groups = code_groups(code)
    if not groups:
        raise UsageError(_("There is no recovery code to put in the kit."))
    _register_fonts()
    body = ParagraphStyle("body", fontName="KitSans", fontSize=11, leading=15, spaceAfter=6)
    small = ParagraphStyle("small", parent=body, fontSize=9.5, leading=13)
    heading = ParagraphStyle("heading", parent=body, fontName="KitSans-Bold", fontSize=20, leading=25,
                             spaceAfter=10)
    label = ParagraphStyle("label", parent=body, fontName="KitSans-Bold", fontSize=11, spaceBefore=8)
    day = made or datetime.datetime.now(datetime.UTC).date()
    rows = [groups[i:i + 4] for i in range(0, len(groups), 4)]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    code_table = Table(rows, hAlign="LEFT")
    code_table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Courier-Bold", 20),
        ("LEADING", (0, 0), (-1, -1), 24),
        ("BOX", (0, 0), (-1, -1), 1.2, "#1f5fbf"),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    story = [
        Paragraph(escape(_(TITLE)), heading),
        Paragraph(escape(made_line(day, holder)), small),
        Paragraph(escape(_("Your recovery code")), label),
        code_table,
        Spacer(1, 4 * mm),
        Paragraph(escape(_("What it is for")), label),
        Paragraph(escape(_(WHAT_IT_IS)), body),
        Paragraph(escape(_(NOT_SENT)), body),
        Paragraph(escape(_("Where the wallet lives")), label),
        Paragraph(escape(one_line(str(wallet_path))), body),
        Paragraph(escape(_(MOVED)), small),
        Spacer(1, 10 * mm),
        Paragraph(escape(_("How to use it")), label),
        Paragraph(escape(_(HOW_TO_USE)), body),
        Paragraph(escape(_(REPLACED)), small),
    ]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGES[paper], title=_(TITLE), author="", subject="",
                            creator="LER Wallet", producer="LER Wallet", lang=current_language(), invariant=1,
                            leftMargin=22 * mm, rightMargin=22 * mm, topMargin=22 * mm, bottomMargin=20 * mm)
    doc.build(story)
    return out.getvalue()


__all__ = ["code_groups", "recovery_kit_pdf"]
