"""The résumé's typeface: DejaVu Sans shipped in resources/fonts (reportlab's base fonts have no Vietnamese,
Greek, Cyrillic, Arabic or Hebrew), embedded as a subset of the glyphs the page uses.

Right-to-left text (Arabic, Hebrew) is turned into visual order with python-bidi, and Arabic letters into their
joined forms with arabic-reshaper, because reportlab lays every string out left to right.
"""

from __future__ import annotations

import threading

import arabic_reshaper
from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from wallet.resources import resource_path

REGULAR = "LERSans"
BOLD = "LERSans-Bold"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def register_fonts() -> None:
    """Register the shipped fonts with reportlab once per process (reading them takes a few milliseconds)."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        for name, file in FONT_FILES.items():
            path = resource_path("fonts", file)
            pdfmetrics.registerFont(TTFont(name, str(path)))
        for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
            addMapping(REGULAR, bold, italic, face)


def has_rtl(text: str) -> bool:
    """Whether the text holds right-to-left letters."""
    return any(low <= ord(c) <= high for c in text for low, high in _RTL_RANGES)


def visual(text: str) -> str:
    """The text in the order and letter forms it is drawn in (unchanged when it has no right-to-left letters)."""
    if not has_rtl(text):
        return text
    return str(get_display(arabic_reshaper.reshape(text)))
