"""The PDF skills résumé: a résumé a hiring manager reads in a minute, printed from the signed bundle only.

Two layouts (skills first, or records in time order) on A4 or US Letter. Text is drawn in reading order with the
shipped Unicode font; marks beside each record say in words how far it can be relied on, so the page reads the
same in black and white. The QR code (or numbered set) that carries the bundle is drawn as plain images, one
module a whole number of pixels, so a verifier can read them back from the file (`pdf_attachment`) as well as from
paper.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any
from xml.sax.saxutils import escape

import zxingcpp
from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from wallet.credentials.verifier import VerifyOptions
from wallet.errors import UsageError
from wallet.i18n import N_, _, current_language, format_date, format_short_month, ngettext
from wallet.sharing import qr_codec, qr_images
from wallet.sharing.pdf_attachment import BUNDLE_FILE_NAME, attach
from wallet.sharing.pdf_fonts import BOLD, REGULAR, register_fonts, visual
from wallet.sharing.qr_codec import QrCodeError
from wallet.sharing.resume_content import (
    STANDING_LABELS,
    ResumeContent,
    ResumeRecord,
    Section,
    Standing,
    content_from_bundle,
)

VERIFY_COMMAND = "ler-wallet verify resume.pdf"
MODULE_MM = 0.42
"""Printed size of one QR module: 0.42 mm (2.5 pixels at 150 dpi) scans from paper and from a 150 dpi page,
and puts three version-25 codes across a page."""


MAX_PRINTED_CODES = 24
"""Two pages of codes at most; a bigger bundle is checked from the attached file only."""


class Layout(StrEnum):
    SKILLS = "skills"
    CHRONOLOGICAL = "chronological"


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


LAYOUTS = tuple(layout.value for layout in Layout)
PAPERS = tuple(paper.value for paper in Paper)


PAPER_SIZES = {Paper.A4: A4, Paper.LETTER: LETTER}


@dataclass(frozen=True)
class PrintedCode:
    """One QR code to print: its image (PNG bytes, one module a whole number of pixels) and its caption."""

    png: bytes
    modules: int
    """Modules across, quiet zone included, so the code prints at a fixed module size."""
    caption: str = ""


def layout_of(text: str) -> Layout:
    """The layout a person named ("skills" or "chronological")."""
    try:
        return Layout(text.strip().lower())
    except ValueError:
        raise UsageError(f"The layout is 'skills' or 'chronological', not {text!r}.") from None


def paper_of(text: str) -> Paper:
    """The paper size a person named ("a4" or "letter")."""
    try:
        return Paper(text.strip().lower())
    except ValueError:
        raise UsageError(f"The paper is 'a4' or 'letter', not {text!r}.") from None


# -- styles ---------------------------------------------------------------------------------------------------
INK = colors.black
QUIET = colors.Color(0.28, 0.28, 0.28)
RULE = colors.Color(0.55, 0.55, 0.55)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=INK)
    return {
        "name": ParagraphStyle("name", base, fontName=BOLD, fontSize=22, leading=26, spaceAfter=3),
        "contact": ParagraphStyle("contact", base, fontSize=9.5, leading=13, textColor=QUIET),
        "meta": ParagraphStyle("meta", base, fontSize=8.5, leading=11.5, textColor=QUIET, spaceBefore=4),
        "heading": ParagraphStyle("heading", base, fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=12,
                                  spaceAfter=2),
        "body": base,
        "statement": ParagraphStyle("statement", base, fontSize=10, leading=14.5),
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=10, leading=13),
        "line": ParagraphStyle("line", base, fontSize=9, leading=12, textColor=QUIET),
        "standing": ParagraphStyle("standing", base, fontSize=8.5, leading=12, alignment=TA_RIGHT),
        "skill": ParagraphStyle("skill", base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=5),
        "evidence": ParagraphStyle("evidence", base, fontSize=9, leading=12, leftIndent=10, textColor=INK),
        "caption": ParagraphStyle("caption", base, fontSize=8.5, leading=11, alignment=1),
        "check": ParagraphStyle("check", base, fontSize=9, leading=12.5),
        "footer": ParagraphStyle("footer", base, fontSize=7.5, leading=9, textColor=QUIET),
    }


def _text(value: str) -> str:
    """Untrusted words as paragraph markup: visual order for right-to-left text, then XML-escaped."""
    return escape(visual(" ".join(value.split())))


# -- dates ----------------------------------------------------------------------------------------------------
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(iso: str) -> str:
    """"2023-06-14…" -> "Jun 2023"; "2023" -> "2023"; anything unreadable is shown as given (clipped)."""
    text = iso.strip()
    year, _dash, rest = text.partition("-")
    if len(year) == 4 and year.isdigit():
        month = rest[:2]
        if month.isdigit() and 1 <= int(month) <= 12:
            if current_language() != "en":
                return format_short_month(int(year), int(month))
            return f"{_MONTHS[int(month) - 1]} {year}"
        return year
    return text[:20]


def long_date(iso: str) -> str:
    """"2026-12-04…" -> "4 Dec 2026"; anything else as `short_date` reads it."""
    text = iso.strip()[:10]
    day = text[8:10]
    if len(text) == 10 and day.isdigit() and 1 <= int(day) <= 31 and short_date(text) != text[:20]:
        if current_language() != "en":
            return format_date(date(int(text[:4]), int(text[5:7]), int(day)), "medium")
        return f"{int(day)} {short_date(text)}"
    return short_date(iso)


def _skill_name(name: str) -> str:
    """Taxonomy labels are lower case ("operate forklift"); a résumé line starts with a capital."""
    return name[:1].upper() + name[1:] if name[:1].islower() else name


def when(record: ResumeRecord) -> str:
    """The record's dates in words: a span for jobs and courses, the award date for an issued credential."""
    if record.start:
        end = short_date(record.end) if record.end else _("present")
        start = short_date(record.start)
        return start if start == end else f"{start} – {end}"
    issued = _("Issued {date}").format(date=short_date(record.issued)) if record.issued else ""
    if record.valid_until:
        until = short_date(record.valid_until)
        return (_("Issued {date}, valid until {until}").format(date=short_date(record.issued), until=until)
                if issued else _("Valid until {until}").format(until=until))
    return issued


def _sort_key(record: ResumeRecord) -> str:
    return record.end or record.start or record.issued or ""


# -- pieces ---------------------------------------------------------------------------------------------------
def _header(content: ResumeContent, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(_text(content.name or _("Résumé")), st["name"])]
    if content.contacts:
        parts.append(Paragraph("  ·  ".join(_text(c) for c in content.contacts), st["contact"]))
    if content.opportunity:
        heading = escape(_("For:"))
        parts.append(Paragraph(f"<b>{heading}</b> {_text(_clip(content.opportunity, 160))}", st["meta"]))
    meta = []
    if content.recipient:
        meta.append(escape(_("Prepared for {recipient}")).format(recipient=_text(content.recipient)))
    if content.prepared:
        meta.append(escape(_("signed {date}").format(date=long_date(content.prepared))))
    if content.expires:
        meta.append(escape(_("good until {date}").format(date=long_date(content.expires))))
    meta.append(escape(_("verifiable: see the last page")))
    first = meta[0]
    meta[0] = first[:1].upper() + first[1:]
    parts.append(Paragraph(" · ".join(meta), ParagraphStyle("meta2", st["meta"], spaceBefore=1)))
    parts.append(HRFlowable(width="100%", thickness=1.2, color=INK, spaceBefore=6, spaceAfter=2))
    return parts


def _heading(text: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [CondPageBreak(30 * mm), Paragraph(escape(text), st["heading"]),
            HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=0, spaceAfter=4)]


def _statement(content: ResumeContent, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not content.statement.strip():
        return []
    paragraphs = [p for p in content.statement.split("\n\n") if p.strip()]
    out = _heading(_("Profile"), st)
    out += [Paragraph(_text(p), st["statement"]) for p in paragraphs]
    out.append(Paragraph(escape(_("In the learner's own words.")), st["line"]))
    return out


def _standing(record: ResumeRecord) -> str:
    label = escape(_(STANDING_LABELS[record.standing]))
    return f"<b>{label}</b>" if record.standing is Standing.VERIFIED else label


def _record_block(record: ResumeRecord, st: dict[str, ParagraphStyle], width: float) -> Flowable:
    lines = [Paragraph(_text(record.title), st["title"])]
    kind = _(record.kind) if record.kind else ""
    detail = [x for x in (_text(record.issuer), escape(when(record)), _text(kind)) if x]
    if detail:
        lines.append(Paragraph(" · ".join(detail), st["line"]))
    if record.description:
        lines.append(Paragraph(_text(_clip(record.description, 400)), st["body"]))
    standing = [Paragraph(_standing(record), st["standing"])]
    if record.reason and record.standing is not Standing.SELF_ASSERTED:
        standing.append(Paragraph(_text(_clip(record.reason, 160)), st["standing"]))
    table = Table([[lines, standing]], colWidths=[width - 40 * mm, 40 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else reportlab names Helvetica for the (empty) cell text
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return KeepTogether([table])


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tally(records: Sequence[ResumeRecord]) -> str:
    """The records at a glance: "3 verified by their issuers · 4 in the learner's own words · 1 not verified"."""
    counts = {standing: sum(1 for r in records if r.standing is standing) for standing in Standing}
    words = [(counts[Standing.VERIFIED] + counts[Standing.WARNINGS], N_("{count} verified by their issuers")),
             (counts[Standing.SELF_ASSERTED], N_("{count} in the learner's own words")),
             (counts[Standing.NOT_CHECKED], N_("{count} not checked")),
             (counts[Standing.NOT_VERIFIED], N_("{count} not verified"))]
    return " · ".join(_(what).format(count=count) for count, what in words if count)


def _records(title: str, records: Sequence[ResumeRecord], st: dict[str, ParagraphStyle],
             width: float) -> list[Flowable]:
    if not records:
        return []
    return [*_heading(title, st), Paragraph(escape(tally(records)), st["line"]), Spacer(1, 2),
            *(_record_block(r, st, width) for r in records)]


_ORDER = (Standing.VERIFIED, Standing.WARNINGS, Standing.SELF_ASSERTED, Standing.NOT_CHECKED, Standing.NOT_VERIFIED)


def _rank(record: ResumeRecord | None) -> int:
    """Records a reader can rely on most come first (the sort is stable, so the learner's order breaks ties)."""
    return _ORDER.index(record.standing) if record is not None else len(_ORDER)


def _evidence_words(content: ResumeContent, key: str) -> str:
    record = content.record(key)
    if record is None:
        return ""
    bits = [f"<b>{_text(record.title)}</b>"]
    if record.issuer and record.standing is not Standing.SELF_ASSERTED:
        bits.append(_text(record.issuer))
    return " — ".join(bits) + f"  ({escape(_(STANDING_LABELS[record.standing]))})"


def _skills(content: ResumeContent, st: dict[str, ParagraphStyle], compact: bool) -> list[Flowable]:
    if not content.skills:
        return []
    out = _heading(_("Skills"), st)
    if not compact:
        out.append(Paragraph(escape(_("Each skill with the records that show it.")), st["line"]))
    claimed = []
    for skill in content.skills:
        keys = sorted(skill.evidence, key=lambda k: _rank(content.record(k)))
        evidence = [w for w in (_evidence_words(content, k) for k in keys) if w]
        if not evidence:
            claimed.append(_text(skill.name))
            continue
        if compact:
            shown = "; ".join(_text(r.title) for r in (content.record(k) for k in skill.evidence) if r is not None)
            line = f"<b>{_text(_skill_name(skill.name))}</b> — " + escape(_("shown by {records}")).format(
                records=shown)
            out.append(Paragraph(line, ParagraphStyle("c", st["body"], spaceBefore=2)))
            continue
        block: list[Flowable] = [Paragraph(_text(_skill_name(skill.name)), st["skill"])]
        block += [Paragraph("• " + e, st["evidence"]) for e in evidence]
        out.append(KeepTogether(block))
    if claimed:
        note = escape(ngettext("(the learner's own claim: no record here shows it)",
                               "(the learner's own claim: no record here shows them)", len(claimed)))
        also = escape(_("Also:"))
        out.append(Paragraph(f"<b>{also}</b> {', '.join(claimed)} {note}",
                             ParagraphStyle("claimed", st["body"], spaceBefore=6)))
    return out


def _check_section(content: ResumeContent, codes: Sequence[PrintedCode], st: dict[str, ParagraphStyle],
                   width: float) -> list[Flowable]:
    out = _heading(_("Check this résumé"), st)
    count = len(codes)
    command = f"<b>{escape(VERIFY_COMMAND)}</b>"
    attached = escape(BUNDLE_FILE_NAME)
    if count == 1:
        sentence = _("To check it, run {command}, or scan the QR code below with LER Wallet, or give the signed "
                     "bundle attached to this PDF ({file}) to any W3C Verifiable Credentials verifier.")
    elif count:
        sentence = _("To check it, run {command}, or scan the {count} QR codes below (in any order) with LER "
                     "Wallet, or give the signed bundle attached to this PDF ({file}) to any W3C Verifiable "
                     "Credentials verifier.")
    else:
        sentence = _("To check it, run {command}, or give the signed bundle attached to this PDF ({file}) to any "
                     "W3C Verifiable Credentials verifier.")
    out.append(Paragraph(escape(sentence).format(command=command, count=count, file=attached), st["check"]))
    if not count:
        out.append(Paragraph(escape(_("This résumé's bundle is too large for a set of QR codes, so none is "
                                      "printed: check the attached file.")), st["line"]))
    out.append(Paragraph(escape(_(
        "The bundle holds every record above with its issuer's signature, and is signed as a whole by the learner. "
        "Marks: ✓ verified when this résumé was made; ◇ self-asserted, the learner's own account (signed by the "
        "learner, checked by no one else); ? not checked (the reason is given); ✗ not verified.")), st["line"]))
    if content.holder_proof:
        out.append(Paragraph(escape(_("When it was made: ")) + _text(content.holder_proof), st["line"]))
    out.append(Spacer(1, 4 * mm))
    out += _code_grid(codes, st, width)
    return out


def _code_grid(codes: Sequence[PrintedCode], st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    if not codes:
        return []
    size = max(max(c.modules for c in codes) * MODULE_MM * mm, 32 * mm)
    across = max(1, min(len(codes), int(width // (size + 4 * mm))))
    cells: list[list[Any]] = []
    row: list[Any] = []
    for code in codes:
        image = Image(io.BytesIO(code.png), width=size, height=size)
        row.append([image, Paragraph(escape(code.caption), st["caption"])] if code.caption else [image])
        if len(row) == across:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (across - len(row)))
    table = Table(cells, colWidths=[size + 4 * mm] * across, hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return [table]


# -- the document ---------------------------------------------------------------------------------------------
def story(content: ResumeContent, codes: Sequence[PrintedCode], layout: Layout, width: float) -> list[Flowable]:
    """The résumé's flowables, in reading order."""
    st = _styles()
    out = _header(content, st) + _statement(content, st)
    if layout is Layout.SKILLS:
        out += _skills(content, st, compact=False)
        out += _records(_("Records"), sorted(content.records, key=_rank), st, width)
    else:
        by_date = sorted(content.records, key=_sort_key, reverse=True)
        out += _records(_("Experience"), [r for r in by_date if r.section is Section.EXPERIENCE], st, width)
        out += _records(_("Learning and credentials"), [r for r in by_date if r.section is Section.LEARNING], st,
                        width)
        out += _skills(content, st, compact=True)
    return out + _check_section(content, codes, st, width)


def render(content: ResumeContent, codes: Sequence[PrintedCode], layout: Layout = Layout.SKILLS,
           paper: Paper = Paper.A4) -> bytes:
    """The résumé as PDF bytes, without its attachment (see `pdf_attachment.attach`)."""
    register_fonts()
    page_width, page_height = PAPER_SIZES[paper]
    margin = 18 * mm
    buffer = io.BytesIO()
    who = content.name or _("Résumé")
    title = (_("{name} — résumé for {opportunity}").format(name=who, opportunity=_clip(content.opportunity, 80))
             if content.opportunity else _("{name} — résumé").format(name=who))
    doc = BaseDocTemplate(
        buffer, pagesize=(page_width, page_height), leftMargin=margin, rightMargin=margin, topMargin=16 * mm,
        bottomMargin=18 * mm, title=" ".join(title.split()), author=" ".join(content.name.split()),
        subject=_("A verifiable skills résumé; the signed bundle is attached"), creator="LER Wallet",
        producer="LER Wallet", keywords="", initialFontName=REGULAR,
        lang=current_language() if current_language() != "en" else (content.language or "en"),
    )
    footer_style = _styles()["footer"]
    footer_name = _text(content.name)

    def footer(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        words = escape(_("{name} · page {page} · check it: {command}"))
        line = Paragraph(words.format(name=footer_name, page=document.page, command=escape(VERIFY_COMMAND)),
                         footer_style)
        _width, height = line.wrap(page_width - 2 * margin, 20 * mm)
        line.drawOn(canvas, margin, 10 * mm - height / 2)
        canvas.restoreState()

    frame = Frame(margin, doc.bottomMargin, page_width - 2 * margin, page_height - doc.topMargin - doc.bottomMargin,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=footer)])
    with _binary_streams():
        doc.build(story(content, codes, layout, frame._width))
    return buffer.getvalue()


_a85_lock = threading.Lock()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Compressed streams without reportlab's ASCII85 layer: a fifth smaller, and a verifier reading the page
    images and content back skips a pure-Python decode (reportlab reads the setting while it writes)."""
    with _a85_lock:
        before = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = before


def printed_codes_for(bundle: bytes) -> list[PrintedCode]:
    """The bundle's QR code (or numbered set) as the résumé prints it: the LW1 texts of `qr_codec`, each drawn
    one pixel a module; the "2 of 5" caption is PDF text, not pixels.

    The symbols come from zxing-cpp's encoder (already the wallet's QR reader): it makes a version-25 code in
    about 8 ms, where `qrcode`'s pure-Python mask search (`qr_images`, for the PNG and SVG files) takes about
    150 ms, and a 30-record résumé prints a dozen codes. Same text, same error correction, same reader."""
    try:
        texts = qr_codec.encode(bundle, qr_images.capacity(qr_images.DEFAULT_MAX_VERSION))
    except QrCodeError:
        texts = []
    if not texts or len(texts) > MAX_PRINTED_CODES:
        return []  # too big to print as codes: the page says so, and the attached bundle still checks
    return [PrintedCode(*_symbol(text), qr_images.caption(index, len(texts)))
            for index, text in enumerate(texts, start=1)]


def _symbol(text: str) -> tuple[bytes, int]:
    """(PNG of the code, one pixel a module with its 4-module quiet zone; modules across)."""
    symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=qr_images.DEFAULT_ECC)
    pixels = memoryview(symbol.to_image(scale=1, add_quiet_zones=True))  # type: ignore[arg-type]  # a buffer, unstubbed
    height, width = pixels.shape or (0, 0)
    image = PILImage.frombytes("L", (width, height), pixels.tobytes())
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue(), width


def make_resume_pdf(bundle: bytes, content: ResumeContent, layout: Layout = Layout.SKILLS,
                    paper: Paper = Paper.A4) -> bytes:
    """The résumé PDF of a signed bundle: `content` (from `resume_content.content_from_bundle`) on the pages,
    the bundle's QR codes on the last, and the bundle itself attached."""
    return attach(render(content, printed_codes_for(bundle), layout, paper), bundle)


def resume_pdf(bundle: bytes, options: VerifyOptions, layout: str = "skills", paper: str = "a4") -> bytes:
    """The résumé PDF of a signed bundle, each record's verdict checked now under `options` (the wallet's own,
    so its trusted keys, status lists and holder count). Raises UsageError for an unknown layout or paper."""
    return make_resume_pdf(bundle, content_from_bundle(bundle, options), layout_of(layout), paper_of(paper))
